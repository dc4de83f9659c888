using Cvety.Domain.Products;
using Marten;

namespace Cvety.Application.Bitrix;

/// <summary>
/// Tells Bitrix a product's current name, price, image and availability after a change made with us (never after one
/// that came from Bitrix). It carries only the id, so retries and reordering converge on the latest state.
/// </summary>
public sealed record UpdateProductInBitrix(int ProductId);

public static class UpdateProductInBitrixHandler
{
    public static async Task Handle(UpdateProductInBitrix message, IQuerySession session, IBitrixClient bitrix, BitrixOptions options, CancellationToken ct)
    {
        if (!options.OutboundEnabled) return;
        var product = await session.LoadAsync<Product>(message.ProductId, ct);
        if (product?.BitrixId is not { } bitrixId) return;
        var image = Uri.TryCreate(product.Image, UriKind.Absolute, out _) ? product.Image : null;
        await bitrix.UpdateProductAsync(new BitrixProductUpdate(bitrixId, product.Name, BitrixProductData.FormatPrice(product.Price), image, product.Enabled, product.Description), ct);
    }
}
