using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Cvety.Api.Endpoints;

/// <summary>
/// Bodies a route reads itself, because their shape varies (a bare array or an object, a partial update, JSON or a
/// form): read with the API's own JSON settings, and a wrong shape is a 400 naming where, as for bound bodies.
/// </summary>
public static class JsonBodies
{
    public static JsonSerializerOptions Options(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

    public static async Task<JsonNode?> ParseAsync(HttpContext http)
    {
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException("The body is not valid JSON.", StatusCodes.Status400BadRequest, e);
        }
    }

    /// <summary>A value of a JSON body as the given type; the field names the problem (for "body", the parser's own path).</summary>
    public static T? Read<T>(HttpContext http, JsonNode? node, string field)
    {
        try
        {
            return node.Deserialize<T>(Options(http));
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException($"'{field}' has the wrong shape.", StatusCodes.Status400BadRequest,
                new JsonException(e.Message, field == "body" ? e.Path : field, e.LineNumber, e.BytePositionInLine));
        }
    }
}
