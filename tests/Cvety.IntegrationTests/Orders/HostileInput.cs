using System.Net;
using System.Text;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Orders;

public sealed class when_senders_send_garbage(CvetyApi api) : ApiTest(api)
{
    [Theory]
    [InlineData("POST", "/api/v1/orders", "{\"customerName\":\"A\",\"phone\":\"+77010000001\",\"items\":[null],\"delivery_address\":\"x\",\"delivery_date\":\"2026-12-01\"}")]
    [InlineData("POST", "/api/v1/orders", "{\"items\":null}")]
    [InlineData("POST", "/api/v1/orders", "{\"customerName\":\"A\",\"phone\":\"+77010000001\",\"items\":[{\"product_id\":1,\"quantity\":100000}],\"delivery_address\":\"x\",\"delivery_date\":\"2026-12-01\"}")]
    [InlineData("POST", "/api/v1/orders", "{\"customerName\":\"A\",\"phone\":\"+77010000001\",\"items\":[{\"product_id\":1,\"quantity\":1}],\"delivery_cost\":-5,\"delivery_address\":\"x\",\"delivery_date\":\"2026-12-01\"}")]
    [InlineData("POST", "/api/v1/orders", "{\"customerName\":\"A\",\"phone\":\"+77010000001\",\"items\":[{\"product_id\":1,\"quantity\":1}],\"delivery_address\":\"x\",\"delivery_date\":\"2026-13-45\"}")]
    [InlineData("POST", "/api/v1/orders", "[]")]
    [InlineData("POST", "/api/v1/orders", "null")]
    [InlineData("POST", "/api/v1/products", "{\"name\":\"x\",\"price\":\"12 000\",\"type\":\"flowers\"}")]
    [InlineData("POST", "/api/v1/products", "{\"name\":\"x\",\"price\":-1,\"type\":\"flowers\"}")]
    [InlineData("POST", "/api/v1/products", "{\"name\":\"x\",\"price\":100,\"type\":\"weapons\"}")]
    [InlineData("PATCH", "/api/v1/orders/00000000-0000-0000-0000-000000000001/status", "{\"status\":null}")]
    [InlineData("PATCH", "/api/v1/orders/00000000-0000-0000-0000-000000000001/status", "{}")]
    [InlineData("PATCH", "/api/v1/orders/00000000-0000-0000-0000-000000000001/assign-courier", "{\"user_id\":\"nope\"}")]
    [InlineData("POST", "/api/v1/orders/00000000-0000-0000-0000-000000000001/cancel", "{\"reason\":null}")]
    [InlineData("GET", "/api/v1/orders?date_from=yesterday", null)]
    [InlineData("GET", "/api/v1/orders?skip=-1", null)]
    [InlineData("GET", "/api/v1/orders?assigned_to_me=maybe", null)]
    [InlineData("GET", "/api/v1/orders/00000000-0000-0000-0000-000000000001?as_of=notatime", null)]
    [InlineData("GET", "/api/v1/orders/00000000-0000-0000-0000-000000000001", null)]
    [InlineData("PUT", "/api/v1/products/999999", "{\"name\":\"x\",\"price\":100,\"type\":\"flowers\"}")]
    [InlineData("PUT", "/api/v1/products/999999", "{\"name\":\"\",\"price\":0}")]
    [InlineData("PUT", "/api/v1/products/999999", "[1,2]")]
    [InlineData("PATCH", "/api/v1/products/999999/status", "{\"enabled\":\"yes\"}")]
    [InlineData("PUT", "/api/v1/products/999999/composition", "{\"items\":null}")]
    [InlineData("PUT", "/api/v1/products/999999/composition", "{\"items\":[{\"item_id\":\"not-a-guid\",\"quantity\":1}]}")]
    [InlineData("DELETE", "/api/v1/products/999999/images", null)]
    [InlineData("POST", "/api/v1/products/999999/images", null)]
    [InlineData("GET", "/api/v1/products/999999/history", null)]
    [InlineData("GET", "/api/v1/products/admin?min_price=cheap", null)]
    [InlineData("POST", "/api/v1/products/import", null)]
    [InlineData("POST", "/api/v1/warehouse", "{\"name\":\"\",\"cost_price\":-1,\"retail_price\":1}")]
    [InlineData("POST", "/api/v1/warehouse", "{\"name\":\"Роза\",\"cost_price\":1,\"retail_price\":1,\"quantity\":-5}")]
    [InlineData("POST", "/api/v1/warehouse/00000000-0000-0000-0000-000000000001/operations", "{\"operation\":\"delivery\",\"quantity\":5}")]
    [InlineData("POST", "/api/v1/warehouse/00000000-0000-0000-0000-000000000001/operations", "{\"operation\":\"steal\",\"quantity\":5}")]
    [InlineData("POST", "/api/v1/warehouse/00000000-0000-0000-0000-000000000001/operations", "{\"operation\":\"delivery\",\"quantity\":2147483647}")]
    [InlineData("GET", "/api/v1/warehouse/00000000-0000-0000-0000-000000000001/operations", null)]
    [InlineData("GET", "/api/v1/warehouse/not-a-guid", null)]
    public async Task staff_endpoints_answer_4xx(string method, string url, string? body)
    {
        var world = await ShopWorld.CreateAsync(Api);
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await Api.Client(world.Manager).SendAsync(request);
        ((int)response.StatusCode).Should().BeInRange(400, 499, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
    }

    [Theory]
    [InlineData("POST", "/api/v1/orders/public/create?shop_id=17008", "{\"customerName\":\"A\",\"phone\":\"+77010000001\",\"items\":[{\"product_id\":-1,\"quantity\":1}],\"delivery_type\":\"teleport\"}")]
    [InlineData("PUT", "/api/v1/orders/by-tracking/123456789", "{\"delivery_date\":\"someday\"}")]
    [InlineData("PUT", "/api/v1/orders/by-tracking/123456789", "{}")]
    [InlineData("POST", "/api/v1/orders/by-tracking/123456789/photo/feedback", "{\"feedback\":\"like\"}")]
    [InlineData("GET", "/api/v1/products?shop_id=-3", null)]
    [InlineData("GET", "/api/v1/products", null)]
    [InlineData("POST", "/api/v1/webhooks/order-status-sync", "{\"order_id\":1,\"status\":\"AP\"}")]
    [InlineData("POST", "/webhooks/bitrix/order", "{\"event\":[1],\"token\":5}")]
    [InlineData("POST", "/api/v1/webhooks/product-sync", "{\"event_type\":\"product.created\",\"product_data\":{\"id\":1}}")]
    [InlineData("POST", "/api/v1/orders/public/preview?shop_id=17008", "{\"items\":[{\"product_id\":1,\"quantity\":-2}]}")]
    [InlineData("POST", "/api/v1/orders/public/preview?shop_id=17008", "{\"items\":\"roses\"}")]
    [InlineData("POST", "/api/v1/orders/public/preview", "{\"items\":[{\"product_id\":1,\"quantity\":1}]}")]
    [InlineData("POST", "/api/v1/products/search/similar", "{\"shop_id\":17008,\"image_url\":\"http://x\",\"image_base64\":\"AAAA\"}")]
    [InlineData("POST", "/api/v1/products/search/similar", "{\"shop_id\":17008,\"image_base64\":\"%%%\"}")]
    [InlineData("POST", "/api/v1/products/search/similar", "{\"shop_id\":17008,\"image_url\":\"http://127.0.0.1:1/none.jpg\",\"limit\":0}")]
    [InlineData("POST", "/api/v1/products/search/similar", "{\"shop_id\":\"x\"}")]
    [InlineData("GET", "/api/v1/products/search/suggestions?shop_id=17008&limit=abc", null)]
    [InlineData("GET", "/api/v1/products/1/availability", null)]
    [InlineData("GET", "/api/v1/warehouse", null)]
    public async Task public_endpoints_answer_4xx(string method, string url, string? body)
    {
        await ShopWorld.CreateAsync(Api);
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await Api.Client().SendAsync(request);
        ((int)response.StatusCode).Should().BeInRange(400, 499, await response.Content.ReadAsStringAsync());
    }
}
