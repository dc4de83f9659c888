using Cvety.Application.Planning;
using Cvety.Application.Shops;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Cvety.Api.Endpoints;

/// <summary>
/// The shop's settings, hours and delivery (<c>/shop/*</c>), and delivery planning (<c>/delivery/*</c>). Reading is
/// public with <c>?shop_id=</c> (the shop SPA's first call, the AI agent, the MCP server); changing is for the shop's
/// DIRECTOR or MANAGER, in their own shop.
/// </summary>
public static class ShopSettingsEndpoints
{
    public sealed record SettingsBody(string? Description, string? Address, string? Phone, string? Instagram, string? Whatsapp,
        string? Currency, long? MinimumOrder, string? WelcomeText, IReadOnlyList<string>? PickupPoints, string? Name, string? City);
    public sealed record HoursBody(IReadOnlyList<DayHoursInput>? Week, IReadOnlyList<DateHoursInput>? Exceptions, string? UtcOffset,
        string? WeekdayStart, string? WeekdayEnd, string? WeekendStart, string? WeekendEnd, bool? WeekdayClosed, bool? WeekendClosed);
    public sealed record DeliveryBody(IReadOnlyList<DeliveryZoneView>? Zones, long? ExpressSurcharge, string? SameDayCutoff, int? SlotMinutes,
        long? DeliveryCost, long? FreeDeliveryAmount, bool? PickupAvailable, bool? DeliveryAvailable);
    public sealed record ValidateBody(DateOnly? DeliveryDate, string? DeliveryTime);
    public sealed record ParseBody(string? DateStr, string? TimeStr);

    public static IEndpointRouteBuilder MapShopSettingsEndpoints(this IEndpointRouteBuilder app)
    {
        var shop = app.MapGroup("/api/v1/shop").WithTags("Shop settings");

        shop.MapGet("/settings/public", (IMessageBus bus, HttpContext http) =>
                bus.InvokeAsync<PublicShopSettings>(new GetPublicShopSettings(ShopScope.PublicShopOf(http)), http.RequestAborted))
            .AllowAnonymous()
            .WithSummary("What anyone may know of the shop (?shop_id=): name, contacts, hours (weekday_hours \"09:00 - 18:00\" or \"Closed\"), delivery (delivery_cost_tenge, free_delivery_threshold_tenge in tenge; zones in tiyn), pickup points, minimum order, welcome text.");

        shop.MapGet("/settings", (IMessageBus bus, HttpContext http) =>
                bus.InvokeAsync<ShopSettingsAnswer>(new GetShopSettings(ShopScope.ShopOf(http), Public: http.User.Identity?.IsAuthenticated != true), http.RequestAborted))
            .AllowAnonymous()
            .WithSummary("The shop's settings: staff see their own; without a token (the AI agent) the public ones of ?shop_id=.");

        shop.MapPut("/settings", async (SettingsBody body, IMessageBus bus, HttpContext http) =>
            {
                var shopId = ShopScope.ShopOf(http);
                await bus.InvokeAsync(new UpdateShopSettings(shopId, body.Description, body.Address, body.Phone, body.Instagram, body.Whatsapp,
                    body.Currency, body.MinimumOrder, body.WelcomeText, body.PickupPoints, body.Name, body.City), http.RequestAborted);
                return await bus.InvokeAsync<ShopSettingsAnswer>(new GetShopSettings(shopId, false), http.RequestAborted);
            })
            .RequireAuthorization()
            .WithSummary("Change what the shop tells its customers (DIRECTOR, MANAGER).");

        shop.MapGet("/settings/history", (IMessageBus bus, HttpContext http) =>
                bus.InvokeAsync<IReadOnlyList<Cvety.Application.Common.HistoryEntry>>(new GetShopSettingsHistory(ShopScope.ShopOf(http)), http.RequestAborted))
            .RequireAuthorization()
            .WithSummary("Who changed the settings, hours and delivery, when and to what, newest first (the shop's staff).");

        shop.MapGet("/working-hours", async (IMessageBus bus, HttpContext http) =>
                (await bus.InvokeAsync<ShopSettingsAnswer>(new GetShopSettings(ShopScope.ShopOf(http), Public: true), http.RequestAborted)).WorkingHours)
            .AllowAnonymous()
            .WithSummary("The week's hours (1 = Monday), days off and holiday exceptions, and the shop's UTC offset.");

        shop.MapPut("/working-hours", async (HoursBody body, IMessageBus bus, HttpContext http) =>
            {
                var shopId = ShopScope.ShopOf(http);
                await bus.InvokeAsync(new SetWorkingHours(shopId, body.Week, body.Exceptions, body.UtcOffset, body.WeekdayStart, body.WeekdayEnd,
                    body.WeekendStart, body.WeekendEnd, body.WeekdayClosed, body.WeekendClosed), http.RequestAborted);
                return (await bus.InvokeAsync<ShopSettingsAnswer>(new GetShopSettings(shopId, false), http.RequestAborted)).WorkingHours;
            })
            .RequireAuthorization()
            .WithSummary("Set the week ({week: [{weekday, opens, closes} | {weekday, closed: true}]}), exceptions ({date, closed | opens, closes, note}) and utc_offset; or, as the legacy settings screen does, {weekday_start, weekday_end, weekend_start, weekend_end, weekday_closed, weekend_closed}.");

        shop.MapGet("/hours/current", (IMessageBus bus, HttpContext http) =>
                bus.InvokeAsync<ShopHoursNow>(new GetShopHoursNow(ShopScope.ShopOf(http)), http.RequestAborted))
            .AllowAnonymous()
            .WithSummary("Whether the shop is open now, in its own time: {is_open, opens_at, closes_at, local_time, next_opening}.");

        shop.MapPut("/delivery", async (DeliveryBody body, IMessageBus bus, HttpContext http) =>
            {
                var shopId = ShopScope.ShopOf(http);
                await bus.InvokeAsync(new SetDeliverySettings(shopId, body.Zones, body.ExpressSurcharge, body.SameDayCutoff, body.SlotMinutes,
                    body.DeliveryCost, body.FreeDeliveryAmount, body.PickupAvailable, body.DeliveryAvailable), http.RequestAborted);
                return (await bus.InvokeAsync<ShopSettingsAnswer>(new GetShopSettings(shopId, false), http.RequestAborted)).Delivery;
            })
            .RequireAuthorization()
            .WithSummary("Set delivery: zones [{name, price, free_from}] in tiyn, express_surcharge, same_day_cutoff (\"14:00\"), slot_minutes, pickup_available, delivery_available; the legacy delivery_cost and free_delivery_amount (tiyn) set the first zone's.");

        shop.MapGet("/delivery/calculate", (IMessageBus bus, HttpContext http, long? total, string? zone, bool? express) =>
                bus.InvokeAsync<DeliveryQuote>(new CalculateDeliveryCost(ShopScope.ShopOf(http), total ?? 0, zone, express ?? false), http.RequestAborted))
            .AllowAnonymous()
            .WithSummary("What delivery costs for an order of ?total= tiyn (?zone=, ?express=true).");

        var delivery = app.MapGroup("/api/v1/delivery").WithTags("Delivery planning").AllowAnonymous();

        delivery.MapGet("/slots", async (IMessageBus bus, HttpContext http, DateOnly? date) =>
                Lists.Array(http, (await bus.InvokeAsync<DeliveryDay>(new GetDeliverySlots(ShopScope.ShopOf(http), date ?? throw Missing("date")), http.RequestAborted)).Slots))
            .WithSummary("The day's delivery slots (?date=YYYY-MM-DD) as a JSON array: start_time, end_time (naive, the shop's time), label, whether it can still be chosen and why not.");

        // The MCP server sends ?delivery_time=2025-01-16T14:00:00 and no body; Cvety's screens {delivery_date, delivery_time}.
        delivery.MapPost("/validate", (ValidateBody? body, [FromQuery(Name = "delivery_time")] string? deliveryTime, IMessageBus bus, HttpContext http) =>
            {
                var (date, time) = (body?.DeliveryDate, body?.DeliveryTime);
                if (date is null && deliveryTime is not null && deliveryTime.Split('T') is [var day, var at] && DateOnly.TryParse(day, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
                    (date, time) = (parsed, at.Length >= 5 ? at[..5] : at);
                return bus.InvokeAsync<DeliveryValidity>(new ValidateDeliveryTime(ShopScope.ShopOf(http), date, time ?? deliveryTime), http.RequestAborted);
            })
            .WithSummary("Whether a delivery at {delivery_date, delivery_time} (or ?delivery_time=YYYY-MM-DDTHH:MM:SS) can be taken: {valid, reason, slot, alternative_slots}.");

        delivery.MapGet("/feasibility", (IMessageBus bus, HttpContext http, [FromQuery(Name = "delivery_date")] DateOnly? deliveryDate, [FromQuery(Name = "product_ids")] int[]? productIds) =>
                bus.InvokeAsync<DeliveryFeasibility>(new CheckDeliveryFeasibility(ShopScope.ShopOf(http), deliveryDate, productIds), http.RequestAborted))
            .WithSummary("Whether the shop delivers on ?delivery_date= at all (closed day, cut-off, products' making time), and the earliest date that works.");

        delivery.MapPost("/parse", (ParseBody body, IMessageBus bus, HttpContext http) =>
                bus.InvokeAsync<ParsedDelivery>(new ParseDeliveryPhrase(ShopScope.ShopOf(http), body.DateStr, body.TimeStr), http.RequestAborted))
            .WithSummary("Russian phrases to a date and time in the shop's time zone: {date_str: \"завтра\", time_str: \"к 14:00\"} -> {date, time, iso_datetime}.");

        return app;
    }

    private static FluentValidation.ValidationException Missing(string name) =>
        new([new FluentValidation.Results.ValidationFailure(name, $"'{name}' is required.")]);
}
