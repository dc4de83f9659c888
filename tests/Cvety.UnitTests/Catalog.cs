using Cvety.Application.Bitrix;
using Cvety.Application.Search;
using Cvety.Domain.Common;
using Cvety.Domain.Inventory;
using Cvety.Domain.Products;

namespace Cvety.UnitTests;

public sealed class bitrix_product_fields
{
    [Theory]
    [InlineData("17 820 ₸", 1_782_000)]
    [InlineData("7 500 ₸", 750_000)]
    [InlineData("17\u00A0820\u00A0₸", 1_782_000)]
    [InlineData("4950", 495_000)]
    [InlineData("7500.50 тг", 750_050)]
    public void prices_in_formatted_tenge_become_tiyn(string text, long tiyn) =>
        BitrixProductData.ParsePrice(text).Should().Be(new Money(tiyn));

    [Theory]
    [InlineData("")]
    [InlineData("бесплатно")]
    [InlineData("0 ₸")]
    [InlineData(null)]
    public void what_is_not_a_price_is_none(string? text) => BitrixProductData.ParsePrice(text).Should().BeNull();

    [Theory]
    [InlineData("65 см", 65)]
    [InlineData("70", 70)]
    [InlineData("", null)]
    [InlineData("большой", null)]
    public void sizes_are_centimetres(string text, int? cm) => BitrixProductData.ParseSize(text).Should().Be(cm);

    [Fact]
    public void prices_go_back_as_bitrix_shows_them() =>
        BitrixProductData.FormatPrice(new Money(495_000)).Should().Be("4 950 ₸");
}

public sealed class product_decisions
{
    private static readonly Origin Staff = new(Sources.Admin, "u1", "MANAGER");

    private static Product Existing()
    {
        var product = new Product { Id = 7, Enabled = true };
        product.Set(new ProductInfo("Эустомы", new Money(750_000), "catalog", Tags: ["нежный"]));
        return product;
    }

    [Fact]
    public void the_same_fields_again_record_nothing() =>
        ProductDecisions.Update(Existing(), new ProductInfo(" Эустомы ", new Money(750_000), "catalog", Tags: ["нежный"]), Staff).Should().BeEmpty();

    [Fact]
    public void an_update_names_the_fields_that_changed()
    {
        var events = ProductDecisions.Update(Existing(), new ProductInfo("Эустомы", new Money(800_000), "catalog", Tags: ["нежный", "белый"]), Staff);
        events.Should().ContainSingle().Which.Should().BeOfType<ProductUpdated>().Which.Changed.Should().Equal("price", "tags");
    }

    [Fact]
    public void a_partial_edit_records_availability_and_fields_together_or_nothing()
    {
        var product = Existing();
        var events = ProductDecisions.Change(product, product.Info with { Price = new Money(800_000) }, false, "нет роз", Staff);
        events.Select(e => e.GetType()).Should().Equal(typeof(ProductAvailabilityChanged), typeof(ProductUpdated));
        ProductDecisions.Change(product, product.Info, true, null, Staff).Should().BeEmpty();
        product.Archived = true;
        FluentActions.Invoking(() => ProductDecisions.Change(product, product.Info with { Price = new Money(1) }, true, null, Staff))
            .Should().Throw<DomainException>("an archived product is not put on sale, and its price is not changed by the same edit either");
    }

    [Fact]
    public void the_first_image_is_primary_and_removing_it_promotes_the_next()
    {
        var product = Existing();
        var added = (ProductImagesChanged)ProductDecisions.AddImage(product, "/media/a.jpg", false, 10, Staff).Single();
        added.Images.Single().IsPrimary.Should().BeTrue();
        product.Images = [.. added.Images];
        product.Images = [.. ((ProductImagesChanged)ProductDecisions.AddImage(product, "/media/b.jpg", false, 10, Staff).Single()).Images];
        var removed = (ProductImagesChanged)ProductDecisions.RemoveImage(product, "/media/a.jpg", Staff).Single();
        removed.Images.Should().ContainSingle().Which.Should().Be(new ProductImage("/media/b.jpg", 0, true));
    }

    [Fact]
    public void a_photo_made_main_goes_first_the_others_keep_their_order_and_again_records_nothing()
    {
        var product = Existing();
        product.Images = [new("/media/a.jpg", 0, true), new("/media/b.jpg", 1, false), new("/media/c.jpg", 2, false)];
        var changed = ProductDecisions.MakePrimary(product, "/media/c.jpg", Staff).Should().ContainSingle().Which.Should().BeOfType<ProductImagesChanged>().Subject;
        changed.Images.Should().Equal(new ProductImage("/media/c.jpg", 0, true), new ProductImage("/media/a.jpg", 1, false), new ProductImage("/media/b.jpg", 2, false));
        product.Images = [.. changed.Images];
        ProductDecisions.MakePrimary(product, "/media/c.jpg", Staff).Should().BeEmpty();
        FluentActions.Invoking(() => ProductDecisions.MakePrimary(product, "/media/x.jpg", Staff)).Should().Throw<DomainException>();
    }

    [Fact]
    public void a_composition_names_each_item_once_with_a_positive_quantity()
    {
        var item = Guid.NewGuid();
        FluentActions.Invoking(() => ProductDecisions.SetComposition(Existing(), [new(item, 1), new(item, 2)], Staff)).Should().Throw<DomainException>();
        FluentActions.Invoking(() => ProductDecisions.SetComposition(Existing(), [new(item, 0)], Staff)).Should().Throw<DomainException>();
    }
}

public sealed class stock_decisions
{
    private static readonly Origin By = Origin.System("inventory");

    private static WarehouseItem Roses(int quantity)
    {
        var item = WarehouseItem.Create(new WarehouseItemAdded(Guid.NewGuid(), 8, "Роза", new Money(30_000), new Money(60_000), 10, null, By));
        foreach (var e in InventoryDecisions.Deliver(item, quantity, null, null, By)) WarehouseItem.Evolve(item, e);
        return item;
    }

    [Fact]
    public void a_reservation_is_made_once_per_order_and_released_once()
    {
        var item = Roses(100);
        var order = Guid.NewGuid();
        foreach (var e in InventoryDecisions.Reserve(item, order, 15, By)) WarehouseItem.Evolve(item, e);
        InventoryDecisions.Reserve(item, order, 15, By).Should().BeEmpty();
        item.Available.Should().Be(85);
        foreach (var e in InventoryDecisions.Release(item, order, By)) WarehouseItem.Evolve(item, e);
        InventoryDecisions.Release(item, order, By).Should().BeEmpty();
        item.Available.Should().Be(100);
    }

    [Fact]
    public void a_sale_never_takes_stock_below_zero_and_records_the_shortfall()
    {
        var item = Roses(10);
        var order = Guid.NewGuid();
        foreach (var e in InventoryDecisions.Reserve(item, order, 15, By)) WarehouseItem.Evolve(item, e);
        item.Available.Should().Be(-5);
        var sold = InventoryDecisions.Sell(item, order, By).Single().Should().BeOfType<StockSold>().Subject;
        sold.Quantity.Should().Be(10);
        sold.Shortfall.Should().Be(5);
        WarehouseItem.Evolve(item, sold).Quantity.Should().Be(0);
    }

    [Fact]
    public void write_offs_beyond_what_is_on_hand_are_refused() =>
        FluentActions.Invoking(() => InventoryDecisions.WriteOff(Roses(3), 4, "увяли", By)).Should().Throw<DomainException>();

    [Fact]
    public void a_count_records_only_the_difference() =>
        InventoryDecisions.Count(Roses(20), 18, By).Should().ContainSingle().Which.Should().BeOfType<StockCounted>().Which.Difference.Should().Be(-2);
}

public sealed class vector_index
{
    private static float[] Unit(int hot, float other = 0)
    {
        var v = new float[IImageEmbedder.Dimensions];
        v[hot] = 1;
        v[(hot + 1) % v.Length] = other;
        var norm = MathF.Sqrt(1 + other * other);
        for (var i = 0; i < v.Length; i++) v[i] /= norm;
        return v;
    }

    [Fact]
    public void the_most_similar_comes_first_and_other_shops_are_not_searched()
    {
        var index = new ProductVectorIndex();
        index.Upsert(8, new ProductCard(1, "p" + 1, 100, null), Unit(0));
        index.Upsert(8, new ProductCard(2, "p" + 2, 100, null), Unit(0, 0.5f));
        index.Upsert(8, new ProductCard(3, "p" + 3, 100, null), Unit(5));
        index.Upsert(9, new ProductCard(4, "p" + 4, 100, null), Unit(0));
        var hits = index.Search(8, Unit(0), 10, 0.5f);
        hits.Select(h => h.ProductId).Should().Equal(1, 2);
        hits[0].Similarity.Should().BeApproximately(1f, 1e-5f);
    }

    [Fact]
    public void removing_keeps_the_rest_findable()
    {
        var index = new ProductVectorIndex();
        for (var i = 0; i < 100; i++) index.Upsert(8, new ProductCard(i, "p" + i, 100, null), Unit(i));
        index.Remove(8, 3);
        index.Count(8).Should().Be(99);
        index.Search(8, Unit(99), 1, 0.9f).Single().ProductId.Should().Be(99);
        index.Search(8, Unit(3), 1, 0.9f).Should().BeEmpty();
    }
}
