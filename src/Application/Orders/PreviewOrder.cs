using Cvety.Domain.Orders;
using Cvety.Application.Common;
using Cvety.Application.Inventory;
using Cvety.Domain.Common;
using Cvety.Domain.Inventory;
using Cvety.Domain.Products;
using Cvety.Domain.Shops;
using FluentValidation;
using Marten;

namespace Cvety.Application.Orders;

/// <summary>
/// A basket checked before it is ordered (<c>POST /public/preview?shop_id=</c>): current prices, totals in tiyn, and
/// whether the shop's stock covers it. Changes nothing.
/// </summary>
public sealed record PreviewOrder(IReadOnlyList<PlaceOrder.Item> Items, string? DeliveryType = null)
{
    public sealed class Validator : AbstractValidator<PreviewOrder>
    {
        public Validator()
        {
            RuleFor(x => x.Items).NotEmpty().Must(i => i is null || i.Count <= 50).WithMessage("An order has at most 50 lines.");
            RuleForEach(x => x.Items).NotNull().ChildRules(item =>
            {
                item.RuleFor(i => i.ProductId).GreaterThan(0);
                item.RuleFor(i => i.Quantity).InclusiveBetween(1, 100);
            }).When(x => x.Items is not null);
            RuleFor(x => x.DeliveryType).Must(t => t is null || PlaceOrder.DeliveryTypes.Contains(t))
                .WithMessage("'Delivery Type' must be one of " + string.Join(", ", PlaceOrder.DeliveryTypes) + ".");
        }
    }
}

public sealed record PreviewLine(int ProductId, string? Name, long Price, int Quantity, long ItemTotal, bool Available, int? MaxQuantity);

public sealed record OrderPreview(bool Available, IReadOnlyList<PreviewLine> Items, IReadOnlyList<string> Warnings, long Subtotal, long DeliveryCost, long Total);

public static class PreviewOrderHandler
{
    public static async Task<OrderPreview> Handle(PreviewOrder query, IQuerySession session, CancellationToken ct)
    {
        var shopId = Tenancy.ShopOf(session);
        var shop = await Shops.ShopWithSettings.LoadAsync(session, shopId, ct);
        if (shop.Shop.IsBlocked) throw new Common.ShopUnavailableException(shopId);
        var products = (await session.LoadManyAsync<Product>(ct, query.Items.Select(i => i.ProductId).Distinct().ToArray())).ToDictionary(p => p.Id);
        var itemIds = products.Values.SelectMany(p => p.Composition).Select(c => c.ItemId).Distinct().ToArray();
        var stock = (await session.LoadManyAsync<WarehouseItem>(ct, itemIds)).ToDictionary(i => i.Id);

        var warnings = new List<string>();
        var lines = new List<PreviewLine>();
        // What the basket needs of each item so far: two lines of the same roses share one stock.
        var used = new Dictionary<Guid, int>();
        foreach (var item in query.Items)
        {
            if (!products.TryGetValue(item.ProductId, out var product) || !product.Enabled || product.Archived)
            {
                // Unavailable is all a basket learns: a product off sale is not described (name, price) to anyone who names its id.
                warnings.Add($"Товар {item.ProductId} недоступен в этом магазине.");
                lines.Add(new PreviewLine(item.ProductId, null, 0, item.Quantity, 0, false, 0));
                continue;
            }
            var max = MaxQuantity(product, stock, used);
            var available = max is null || max >= item.Quantity;
            if (!available)
                warnings.Add(max == 0
                    ? $"«{product.Name}» сейчас нет в наличии."
                    : $"«{product.Name}»: в наличии только {max} шт., запрошено {item.Quantity}.");
            foreach (var part in product.Composition)
                used[part.ItemId] = used.GetValueOrDefault(part.ItemId) + part.Quantity * item.Quantity;
            lines.Add(new PreviewLine(product.Id, product.Name, product.Price.Tiyn, item.Quantity, (product.Price * item.Quantity).Tiyn, available, max));
        }

        var subtotal = lines.Where(l => l.Available).Sum(l => l.ItemTotal);
        var type = Vocabulary.Parse(query.DeliveryType, DeliveryType.Delivery);
        var delivery = type == DeliveryType.Pickup ? Money.Zero : shop.Delivery.CostFor(new Money(subtotal), express: type == DeliveryType.Express);
        return new OrderPreview(lines.All(l => l.Available), lines, warnings, subtotal, delivery.Tiyn, subtotal + delivery.Tiyn);
    }

    /// <summary>How many of the product the stock still covers after what the basket already uses; null when it has no composition (made to order).</summary>
    private static int? MaxQuantity(Product product, Dictionary<Guid, WarehouseItem> stock, Dictionary<Guid, int> used)
    {
        if (product.Composition.Count == 0) return null;
        var max = int.MaxValue;
        foreach (var part in product.Composition)
        {
            var free = stock.TryGetValue(part.ItemId, out var item) ? item.Available - used.GetValueOrDefault(part.ItemId) : 0;
            max = Math.Min(max, Math.Max(0, free) / part.Quantity);
        }
        return max;
    }
}
