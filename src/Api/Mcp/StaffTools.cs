using System.ComponentModel;
using Cvety.Application.Clients;
using Cvety.Application.Inventory;
using Cvety.Application.Orders;
using Cvety.Application.Payments;
using Cvety.Domain.Inventory;
using Cvety.Domain.Users;
using Microsoft.AspNetCore.Authorization;
using ModelContextProtocol.Server;

namespace Cvety.Api.Mcp;

/// <summary>
/// What an assistant may do for a member of staff, with their bearer token, in their shop: the tools a role may not
/// use are not listed for it, and the use case refuses them anyway (the same message as the route, the same rules).
/// Money is in tiyn.
/// </summary>
[McpServerToolType]
[Authorize(Policy = McpEndpoint.StaffPolicy)]
public sealed class StaffTools(McpContext mcp)
{
    [McpServerTool(Name = "list_orders", ReadOnly = true), Description(
        "The shop's orders, newest first: {items: [{id, order_number, status, customer, total (tiyn), delivery_date, ...}], total}. " +
        "Filter by status (new, paid, accepted, assembled, in_delivery, delivered, cancelled), a phone, text (number, name, address), delivery dates.")]
    public async Task<string> ListOrders(
        [Description("One status.")] string? status = null,
        [Description("A customer's phone.")] string? phone = null,
        [Description("Text: order number, name, address.")] string? search = null,
        [Description("Only orders assigned to me.")] bool assigned_to_me = false,
        [Description("Delivery from this day, YYYY-MM-DD.")] DateOnly? date_from = null,
        [Description("Delivery up to this day, YYYY-MM-DD.")] DateOnly? date_to = null,
        [Description("How many, 1 to 200 (20).")] int limit = 20,
        [Description("The superadmin names the shop.")] int? shop_id = null)
    {
        var shop = mcp.ShopOf(shop_id);
        return mcp.Answer(await mcp.InvokeAsync<OrderPage>(shop, new ListOrders(status, phone, search, assigned_to_me, date_from, date_to, 0, limit)));
    }

    [McpServerTool(Name = "get_order", ReadOnly = true), Description(
        "One order with everything staff see (customer, recipient, delivery, lines, totals in tiyn, payments, assignments, version) " +
        "and its timeline: every event with its time, who (user id and role), from which system (admin, web, telegram, bitrix, kaspi, mcp) and why.")]
    public async Task<string> GetOrder([Description("The order's id (a GUID).")] Guid order_id, [Description("The superadmin names the shop.")] int? shop_id = null)
    {
        var shop = mcp.ShopOf(shop_id);
        var order = await mcp.InvokeAsync<OrderDetails>(shop, new GetOrder(order_id));
        var timeline = await mcp.InvokeAsync<IReadOnlyList<TimelineEntry>>(shop, new GetOrderTimeline(order_id));
        return mcp.Answer(new { order, timeline });
    }

    [McpServerTool(Name = "change_order_status"), Description(
        "Move an order one allowed step: new -> paid/accepted -> assembled -> in_delivery -> delivered (a florist assembles, a courier delivers; " +
        "managers and directors may do any allowed step). Cancelling is not a status change here. Give expected_version (the order's version) to refuse the move if someone changed the order since you read it.")]
    public async Task<string> ChangeOrderStatus(
        [Description("The order's id.")] Guid order_id,
        [Description("The status to reach: accepted, assembled, in_delivery, delivered ...")] string status,
        [Description("A note for the history.")] string? notes = null,
        [Description("The version the order had when you read it.")] long? expected_version = null,
        [Description("The superadmin names the shop.")] int? shop_id = null)
    {
        var shop = mcp.ShopOf(shop_id);
        return await ChangeOrderAsync(shop, order_id, new ChangeOrderStatus(order_id, status, notes, expected_version));
    }

    [McpServerTool(Name = "cancel_order", Destructive = true), Description(
        "Cancel an order that has not been delivered, with the reason; stock is released and a paid Kaspi order is refunded. Staff only; orders are never deleted.")]
    public async Task<string> CancelOrder(
        [Description("The order's id.")] Guid order_id,
        [Description("Why, for the history.")] string reason,
        [Description("The superadmin names the shop.")] int? shop_id = null)
    {
        var shop = mcp.ShopOf(shop_id);
        return await ChangeOrderAsync(shop, order_id, new CancelOrder(order_id, reason));
    }

    [McpServerTool(Name = "add_order_note"), Description("Add a note to an order for the staff (it appears on the order and in its timeline).")]
    public async Task<string> AddOrderNote(
        [Description("The order's id.")] Guid order_id,
        [Description("The note, at most 2000 characters.")] string text,
        [Description("The superadmin names the shop.")] int? shop_id = null)
    {
        var shop = mcp.ShopOf(shop_id);
        return await ChangeOrderAsync(shop, order_id, new AddOrderNote(order_id, text));
    }

    [McpServerTool(Name = "assign_order"), Description(
        "Put a florist in charge of an order (role florist) or a courier on it (role courier). Managers and directors assign anyone of the shop; a florist or courier may take an order themselves.")]
    public async Task<string> AssignOrder(
        [Description("The order's id.")] Guid order_id,
        [Description("The staff member's user id.")] Guid user_id,
        [Description("florist or courier.")] string role,
        [Description("The superadmin names the shop.")] int? shop_id = null)
    {
        var shop = mcp.ShopOf(shop_id);
        var assignment = role.Trim().ToLowerInvariant() switch
        {
            "florist" or "responsible" => StaffAssignment.Responsible,
            "courier" => StaffAssignment.Courier,
            _ => throw McpContext.Required("role", "'role' must be florist or courier."),
        };
        return await ChangeOrderAsync(shop, order_id, new AssignOrderStaff(order_id, user_id, assignment));
    }

    [McpServerTool(Name = "create_payment_link"), Description(
        "A Kaspi payment link for what is left to pay on an order (an open link is handed out again): {payment_link, payment_id, expire_date, amount (tiyn)}.")]
    [Authorize(Policy = nameof(Permission.RefundPayments))]
    public async Task<string> CreatePaymentLink([Description("The order's id.")] Guid order_id, [Description("The superadmin names the shop.")] int? shop_id = null)
    {
        var shop = mcp.ShopOf(shop_id);
        return mcp.Answer(await mcp.InvokeAsync<PaymentLinkView>(shop, new CreatePaymentLink(order_id)));
    }

    [McpServerTool(Name = "refund_order", Destructive = true), Description(
        "Refund a paid Kaspi order, all that is left or part of it (amount in tiyn), with a reason; the refund goes to Kaspi through the outbox. MANAGER and DIRECTOR only.")]
    [Authorize(Policy = nameof(Permission.RefundPayments))]
    public async Task<string> RefundOrder(
        [Description("The order's id.")] Guid order_id,
        [Description("Why, for the customer's and the shop's record.")] string reason,
        [Description("How much in tiyn; leave out to refund all that is left.")] long? amount = null,
        [Description("The superadmin names the shop.")] int? shop_id = null)
    {
        var shop = mcp.ShopOf(shop_id);
        return mcp.Answer(await mcp.InvokeAsync<RefundAccepted>(shop, new RefundOrder(order_id, amount, reason)));
    }

    [McpServerTool(Name = "low_stock", ReadOnly = true), Description("Warehouse items at or below their minimum: name, quantity, minimum, prices (tiyn).")]
    public async Task<string> LowStock([Description("The superadmin names the shop.")] int? shop_id = null)
    {
        var shop = mcp.ShopOf(shop_id);
        return mcp.Answer(await mcp.InvokeAsync<IReadOnlyList<WarehouseItem>>(shop, new ListWarehouseItems(LowOnly: true)));
    }

    [McpServerTool(Name = "get_client", ReadOnly = true), Description(
        "A client's card: name, phones, addresses, notes, tags, orders with their statuses and totals (tiyn), statistics. Find them by phone, or by the card's id.")]
    public async Task<string> GetClient(
        [Description("The client's phone.")] string? phone = null,
        [Description("The card's id (a GUID), when known.")] Guid? client_id = null,
        [Description("The superadmin names the shop.")] int? shop_id = null)
    {
        var shop = mcp.ShopOf(shop_id);
        var id = client_id;
        if (id is null)
        {
            if (string.IsNullOrWhiteSpace(phone)) throw McpContext.Required("phone", "Give the client's phone or client_id.");
            var page = await mcp.InvokeAsync<ClientPage>(shop, new ListClients(phone, 0, 1));
            id = page.Items.Count > 0 ? page.Items[0].Id : throw new Application.Common.NotFoundException("Client", phone);
        }
        return mcp.Answer(await mcp.InvokeAsync<ClientDetails>(shop, new GetClient(id.Value)));
    }

    /// <summary>Sends a change to an order and answers the order as it now is, as the order routes do.</summary>
    private async Task<string> ChangeOrderAsync(int shop, Guid orderId, object command)
    {
        await mcp.InvokeAsync(shop, command);
        return mcp.Answer(await mcp.InvokeAsync<OrderDetails>(shop, new GetOrder(orderId)));
    }
}
