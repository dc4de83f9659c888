using System.Globalization;
using Cvety.Application.Orders;
using Cvety.Application.Search;

namespace Cvety.Api.Endpoints;

/// <summary>
/// Lists answer as the legacy backend did, a bare JSON array that its clients index into, with the number of matches
/// in the <c>X-Total-Count</c> header (exposed to the SPAs' origins by CORS).
/// </summary>
public static class Lists
{
    public const string TotalHeader = "X-Total-Count";

    public static IResult Array<T>(HttpContext http, IReadOnlyList<T> items, long total)
    {
        http.Response.Headers[TotalHeader] = total.ToString(CultureInfo.InvariantCulture);
        return Results.Json(items);
    }

    public static IResult Array<T>(HttpContext http, IReadOnlyList<T> items) => Array(http, items, items.Count);

    public static IResult Page(HttpContext http, OrderPage page) => Array(http, page.Items, page.Total);

    public static IResult Page(HttpContext http, ProductPage page) => Array(http, page.Items, page.Total);
}
