using System.Text.Json.Nodes;
using Cvety.Application.Common;
using Marten;
using Wolverine;

namespace Cvety.Application.Bitrix;

/// <summary>
/// Bitrix's product webhook: <c>product.created</c>, <c>product.updated</c> (both upsert by Bitrix id) and
/// <c>product.deleted</c> (disables). Answers <c>{status, action, product_id, bitrix_product_id}</c>.
/// </summary>
public sealed record ReceiveBitrixProduct(string? EventType, JsonNode? ProductData)
{
    public const string Source = "bitrix-product";
}

/// <summary>The body lacks what the contract requires (the product's id): the sender gets 400, as it expects.</summary>
public sealed class BitrixPayloadException(string message) : Exception(message);

public static class ReceiveBitrixProductHandler
{
    public static async Task<WebhookReply> Handle(ReceiveBitrixProduct command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (command.ProductData is not JsonObject data || data["id"] is null)
            throw new BitrixPayloadException("product_data.id is required");

        var key = InboundDelivery.KeyFor(ReceiveBitrixProduct.Source, new JsonObject { ["event_type"] = command.EventType, ["product_data"] = data.DeepClone() });
        if (await WebhookReply.RememberedAsync(session, key, ct) is { } remembered) return remembered;

        (BitrixProductSync.Outcome Outcome, int? ProductId) result;
        long bitrixId;
        switch (command.EventType)
        {
            case "product.deleted":
                bitrixId = BitrixProductData.IdOf(data["id"]) ?? throw new BitrixPayloadException("product_data.id must be a positive integer");
                result = await BitrixProductSync.DeleteAsync(session, bitrixId, ct);
                break;
            case "product.created" or "product.updated":
                BitrixProductData parsed;
                try
                {
                    parsed = BitrixProductData.Parse(data);
                }
                catch (FormatException e)
                {
                    throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("product_data." + e.Message.Split(':')[0], e.Message)]);
                }
                bitrixId = parsed.BitrixId;
                result = await BitrixProductSync.ApplyAsync(session, parsed, ct);
                break;
            default:
                return WebhookReply.Ok(new() { ["status"] = "success", ["action"] = "skipped", ["reason"] = $"Unknown event_type: {command.EventType}" });
        }

        var action = result.Outcome switch
        {
            BitrixProductSync.Outcome.Created => "created",
            BitrixProductSync.Outcome.Updated => "updated",
            BitrixProductSync.Outcome.Deleted => "deleted",
            _ => "skipped",
        };
        return WebhookReply.Ok(new() { ["status"] = "success", ["action"] = action, ["product_id"] = result.ProductId, ["bitrix_product_id"] = bitrixId })
            .RememberAs(session, key, ReceiveBitrixProduct.Source, clock.GetUtcNow());
    }
}
