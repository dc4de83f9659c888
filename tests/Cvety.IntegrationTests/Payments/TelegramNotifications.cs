using System.Net;
using Cvety.IntegrationTests.Infrastructure;

namespace Cvety.IntegrationTests.Payments;

/// <summary>Telegram messages through the outbox to a fake Bot API: who hears what, limits, blocked chats.</summary>
public sealed class TelegramNotifications(CvetyApi api) : ApiTest(api)
{
    private static readonly long StaffChat = CvetyApi.StaffChatOf(PaymentsWorld.Shop);
    private static readonly long OtherStaffChat = CvetyApi.StaffChatOf(PaymentsWorld.OtherShop);

    private async Task<(PaymentsWorld World, Guid Order)> PlaceThroughTheBotAsync()
    {
        var world = await PaymentsWorld.CreateAsync(Api);
        var placed = await Api.Client().PostJson($"/api/v1/orders/public/create?shop_id={PaymentsWorld.Shop}", world.NewOrder("cash", PaymentsWorld.CustomerChat));
        placed.StatusCode.Should().Be(HttpStatusCode.Created);
        var tracking = (await placed.Json()).GetProperty("tracking_id").GetString();
        var orders = await (await Api.Client(world.Manager).GetAsync("/api/v1/orders")).Json();
        var order = orders.EnumerateArray().Single(o => o.GetProperty("tracking_id").GetString() == tracking).GetProperty("id").GetGuid();
        (await Eventually.HoldsAsync(() => Task.FromResult(Api.Telegram.SentTo(StaffChat).Any(m => m.Text.Contains("Новый заказ"))))).Should().BeTrue();
        return (world, order);
    }

    [Fact]
    public async Task a_new_order_tells_the_staff_chat_of_its_shop_in_russian_with_the_phone_masked()
    {
        await PlaceThroughTheBotAsync();
        var message = Api.Telegram.SentTo(StaffChat).Single(m => m.Text.Contains("Новый заказ")).Text;
        message.Should().Contain("📦 <b>Новый заказ</b>").And.Contain("🚚 Тип: Доставка").And.Contain("📍 Город: Астана")
            .And.Contain("💰 Сумма: 16 500 ₸").And.Contain("+770*****545").And.NotContain("77015211545");
        (await Eventually.HoldsAsync(() => Task.FromResult(Api.Telegram.SentTo(PaymentsWorld.CustomerChat).Any()))).Should().BeTrue("the customer ordered through the bot");
        Api.Telegram.SentTo(OtherStaffChat).Should().BeEmpty();
    }

    [Fact]
    public async Task a_status_change_sends_one_message_to_the_customer_and_one_to_the_staff_chat_of_that_shop_only()
    {
        var (world, order) = await PlaceThroughTheBotAsync();
        (await Api.SettledAsync(() => Api.Client(world.Florist).Status(order, "accepted"))).StatusCode.Should().Be(HttpStatusCode.OK);

        bool Changed(TelegramSent m) => m.Text.Contains("Статус") && m.Text.Contains("Новый → Принят");
        Api.Telegram.SentTo(PaymentsWorld.CustomerChat).Count(Changed).Should().Be(1);
        Api.Telegram.SentTo(StaffChat).Count(Changed).Should().Be(1);
        Api.Telegram.SentTo(StaffChat).Single(Changed).Text.Should().StartWith("🔄 <b>Статус изменен</b>");
        Api.Telegram.SentTo(OtherStaffChat).Should().BeEmpty("another shop's staff hear nothing of this order");
    }

    [Fact]
    public async Task telegram_asking_to_wait_is_honoured_and_the_message_still_arrives_once()
    {
        var (world, order) = await PlaceThroughTheBotAsync();
        Api.Telegram.RateLimitNext(2);
        (await Api.SettledAsync(() => Api.Client(world.Florist).Status(order, "accepted"))).StatusCode.Should().Be(HttpStatusCode.OK);
        bool Changed(TelegramSent m) => m.Text.Contains("Новый → Принят");
        Api.Telegram.RateLimitedAnswers.Should().Be(2);
        Api.Telegram.SentTo(StaffChat).Count(Changed).Should().Be(1);
        Api.Telegram.SentTo(PaymentsWorld.CustomerChat).Count(Changed).Should().Be(1);
    }

    [Fact]
    public async Task a_customer_who_blocked_the_bot_stops_receiving_while_staff_still_hear()
    {
        var (world, order) = await PlaceThroughTheBotAsync();
        Api.Telegram.Block(PaymentsWorld.CustomerChat);
        (await Api.Client(world.Florist).Status(order, "accepted")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Eventually.HoldsAsync(() => Task.FromResult(Api.Telegram.SentTo(StaffChat).Any(m => m.Text.Contains("Новый → Принят"))))).Should().BeTrue();
        (await Eventually.HoldsAsync(() => Task.FromResult(Api.Telegram.BlockedAnswers == 1))).Should().BeTrue();

        (await Api.SettledAsync(() => Api.Client(world.Florist).Status(order, "assembled"))).StatusCode.Should().Be(HttpStatusCode.OK);
        Api.Telegram.SentTo(StaffChat).Should().Contain(m => m.Text.Contains("Принят → Собран"));
        Api.Telegram.BlockedAnswers.Should().Be(1, "a blocked chat is not tried again");
    }

    [Fact]
    public async Task the_customer_gets_the_photo_of_the_assembled_bouquet_and_the_kaspi_invoice_notice()
    {
        var (world, order) = await PlaceThroughTheBotAsync();
        (await Api.Client(world.Florist).Status(order, "accepted")).StatusCode.Should().Be(HttpStatusCode.OK);
        var upload = await Api.Client(world.Florist).PostAsync($"/api/v1/orders/{order}/photo", Cvety.IntegrationTests.Orders.OrderPhotos.Form(Cvety.IntegrationTests.Orders.OrderPhotos.Png));
        upload.StatusCode.Should().Be(HttpStatusCode.OK);
        var url = (await upload.Json()).GetProperty("photos")[0].GetProperty("url").GetString()!;

        (await Eventually.HoldsAsync(() => Task.FromResult(Api.Telegram.SentTo(PaymentsWorld.CustomerChat).Any(m => m.Method == "sendPhoto")))).Should().BeTrue();
        var photo = Api.Telegram.SentTo(PaymentsWorld.CustomerChat).Single(m => m.Method == "sendPhoto");
        photo.Photo.Should().Be(CvetyApi.MediaBaseUrl + url, "Telegram fetches the photo from our public address");
        photo.Text.Should().Contain("собран");

        var kaspi = await Api.Client().PostJson($"/api/v1/orders/public/create?shop_id={PaymentsWorld.Shop}", world.NewOrder("kaspi", PaymentsWorld.CustomerChat));
        kaspi.StatusCode.Should().Be(HttpStatusCode.Created);
        (await Eventually.HoldsAsync(() => Task.FromResult(Api.Telegram.SentTo(PaymentsWorld.CustomerChat).Any(m => m.Text.Contains("отправлен в приложение Kaspi.kz") && m.Text.Contains("16 500 ₸")))))
            .Should().BeTrue();
    }
}
