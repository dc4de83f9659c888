using System.Net;
using System.Text;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Orders;

public sealed class when_senders_send_garbage(CvetyApi api) : ApiTest(api)
{
    [Theory]
    [InlineData("POST", "/api/v1/orders", "{\"customerName\":\"A\",\"phone\":\"+77010000001\",\"items\":[null],\"delivery_address\":\"x\",\"delivery_date\":\"2026-12-01\"}", 422)]
    [InlineData("POST", "/api/v1/orders", "{\"items\":null}", 422)]
    [InlineData("POST", "/api/v1/orders", "{\"customerName\":\"A\",\"phone\":\"+77010000001\",\"items\":[{\"product_id\":1,\"quantity\":100000}],\"delivery_address\":\"x\",\"delivery_date\":\"2026-12-01\"}", 422)]
    [InlineData("POST", "/api/v1/orders", "{\"customerName\":\"A\",\"phone\":\"+77010000001\",\"items\":[{\"product_id\":1,\"quantity\":1}],\"delivery_cost\":-5,\"delivery_address\":\"x\",\"delivery_date\":\"2026-12-01\"}", 422)]
    [InlineData("POST", "/api/v1/orders", "{\"customerName\":\"A\",\"phone\":\"+77010000001\",\"items\":[{\"product_id\":1,\"quantity\":1}],\"delivery_address\":\"x\",\"delivery_date\":\"2026-13-45\"}", 400)]
    [InlineData("POST", "/api/v1/orders", "[]", 400)]
    [InlineData("POST", "/api/v1/orders", "null", 400)]
    [InlineData("POST", "/api/v1/products", "{\"name\":\"x\",\"price\":\"12 000\",\"type\":\"flowers\"}", 400)]
    [InlineData("POST", "/api/v1/products", "{\"name\":\"x\",\"price\":-1,\"type\":\"flowers\"}", 422)]
    [InlineData("POST", "/api/v1/products", "{\"name\":\"x\",\"price\":100,\"type\":\"weapons\"}", 422)]
    [InlineData("PATCH", "/api/v1/orders/00000000-0000-0000-0000-000000000001/status", "{\"status\":null}", 422)]
    [InlineData("PATCH", "/api/v1/orders/00000000-0000-0000-0000-000000000001/status", "{}", 422)]
    [InlineData("PATCH", "/api/v1/orders/00000000-0000-0000-0000-000000000001/assign-courier", "{\"user_id\":\"nope\"}", 400)]
    [InlineData("POST", "/api/v1/orders/00000000-0000-0000-0000-000000000001/cancel", "{\"reason\":null}", 422)]
    [InlineData("GET", "/api/v1/orders?date_from=yesterday", null, 400)]
    [InlineData("GET", "/api/v1/orders?skip=-1", null, 422)]
    [InlineData("GET", "/api/v1/orders?assigned_to_me=maybe", null, 400)]
    [InlineData("GET", "/api/v1/orders/00000000-0000-0000-0000-000000000001?as_of=notatime", null, 400)]
    [InlineData("GET", "/api/v1/orders/00000000-0000-0000-0000-000000000001", null, 404)]
    [InlineData("PUT", "/api/v1/products/999999", "{\"name\":\"x\",\"price\":100,\"type\":\"flowers\"}", 404)]
    [InlineData("PUT", "/api/v1/products/999999", "{\"name\":\"\",\"price\":0}", 404)]
    [InlineData("PUT", "/api/v1/products/999999", "[1,2]", 400)]
    [InlineData("PATCH", "/api/v1/products/999999/status", "{\"enabled\":\"yes\"}", 400)]
    [InlineData("PUT", "/api/v1/products/999999/composition", "{\"items\":null}", 422)]
    [InlineData("PUT", "/api/v1/products/999999/composition", "{\"items\":[{\"item_id\":\"not-a-guid\",\"quantity\":1}]}", 400)]
    [InlineData("DELETE", "/api/v1/products/999999/images", null, 400)]
    [InlineData("POST", "/api/v1/products/999999/images", null, 422)]
    [InlineData("GET", "/api/v1/products/999999/history", null, 404)]
    [InlineData("GET", "/api/v1/products/admin?min_price=cheap", null, 400)]
    [InlineData("POST", "/api/v1/products/import", null, 409)]
    [InlineData("POST", "/api/v1/warehouse", "{\"name\":\"\",\"cost_price\":-1,\"retail_price\":1}", 422)]
    [InlineData("POST", "/api/v1/warehouse", "{\"name\":\"Роза\",\"cost_price\":1,\"retail_price\":1,\"quantity\":-5}", 422)]
    [InlineData("POST", "/api/v1/warehouse/00000000-0000-0000-0000-000000000001/operations", "{\"operation\":\"delivery\",\"quantity\":5}", 404)]
    [InlineData("POST", "/api/v1/warehouse/00000000-0000-0000-0000-000000000001/operations", "{\"operation\":\"steal\",\"quantity\":5}", 422)]
    [InlineData("POST", "/api/v1/warehouse/00000000-0000-0000-0000-000000000001/operations", "{\"operation\":\"delivery\",\"quantity\":2147483647}", 422)]
    [InlineData("GET", "/api/v1/warehouse/00000000-0000-0000-0000-000000000001/operations", null, 404)]
    [InlineData("GET", "/api/v1/warehouse/not-a-guid", null, 404)]
    public async Task staff_endpoints_answer_4xx(string method, string url, string? body, int expected)
    {
        var world = await ShopWorld.CreateAsync(Api);
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await Api.Client(world.Manager).SendAsync(request);
        // Exact: bad JSON 400, failed validation 422, missing 404, broken rule 409.
        ((int)response.StatusCode).Should().Be(expected, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
    }

    [Theory]
    [InlineData("POST", "/api/v1/orders/public/create?shop_id=17008", "{\"customerName\":\"A\",\"phone\":\"+77010000001\",\"items\":[{\"product_id\":-1,\"quantity\":1}],\"delivery_type\":\"teleport\"}", 422)]
    [InlineData("PUT", "/api/v1/orders/by-tracking/123456789", "{\"delivery_date\":\"someday\"}", 400)]
    [InlineData("PUT", "/api/v1/orders/by-tracking/123456789", "{}", 404)]
    [InlineData("POST", "/api/v1/orders/by-tracking/123456789/photo/feedback", "{\"feedback\":\"like\"}", 404)]
    [InlineData("GET", "/api/v1/products?shop_id=-3", null, 422)]
    [InlineData("GET", "/api/v1/products", null, 422)]
    [InlineData("POST", "/api/v1/webhooks/order-status-sync", "{\"order_id\":1,\"status\":\"AP\"}", 401)]
    [InlineData("POST", "/webhooks/bitrix/order", "{\"event\":[1],\"token\":5}", 401)]
    [InlineData("POST", "/api/v1/webhooks/product-sync", "{\"event_type\":\"product.created\",\"product_data\":{\"id\":1}}", 401)]
    [InlineData("POST", "/api/v1/orders/public/preview?shop_id=17008", "{\"items\":[{\"product_id\":1,\"quantity\":-2}]}", 422)]
    [InlineData("POST", "/api/v1/orders/public/preview?shop_id=17008", "{\"items\":\"roses\"}", 400)]
    [InlineData("POST", "/api/v1/orders/public/preview", "{\"items\":[{\"product_id\":1,\"quantity\":1}]}", 422)]
    [InlineData("POST", "/api/v1/products/search/similar", "{\"shop_id\":17008,\"image_url\":\"http://x\",\"image_base64\":\"AAAA\"}", 422)]
    [InlineData("POST", "/api/v1/products/search/similar", "{\"shop_id\":17008,\"image_base64\":\"%%%\"}", 422)]
    [InlineData("POST", "/api/v1/products/search/similar", "{\"shop_id\":17008,\"image_url\":\"http://127.0.0.1:1/none.jpg\",\"limit\":0}", 422)]
    [InlineData("POST", "/api/v1/products/search/similar", "{\"shop_id\":\"x\"}", 400)]
    [InlineData("GET", "/api/v1/products/search/suggestions?shop_id=17008&limit=abc", null, 400)]
    [InlineData("GET", "/api/v1/products/1/availability", null, 422)]
    [InlineData("GET", "/api/v1/warehouse", null, 401)]
    public async Task public_endpoints_answer_4xx(string method, string url, string? body, int expected)
    {
        await ShopWorld.CreateAsync(Api);
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await Api.Client().SendAsync(request);
        ((int)response.StatusCode).Should().Be(expected, await response.Content.ReadAsStringAsync());
    }
}
