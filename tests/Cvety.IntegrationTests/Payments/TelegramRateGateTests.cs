using System.Diagnostics;
using Cvety.Application.Notifications;
using Cvety.Infrastructure.Notifications;

namespace Cvety.IntegrationTests.Payments;

public sealed class the_telegram_rate_gate
{
    private static TelegramRateGate Gate() => new(new TelegramOptions
    {
        PerChatInterval = TimeSpan.FromMilliseconds(200), PerGroupInterval = TimeSpan.FromMilliseconds(400), GlobalPerSecond = 30,
    }, TimeProvider.System);

    [Fact]
    public async Task one_chat_waits_its_interval_and_other_chats_do_not_wait_for_it()
    {
        using var gate = Gate();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++) await gate.WaitTurnAsync(1001, CancellationToken.None);
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(350), "the second and third messages wait a window each");

        var other = Stopwatch.StartNew();
        await gate.WaitTurnAsync(1002, CancellationToken.None);
        other.Elapsed.Should().BeLessThan(TimeSpan.FromMilliseconds(190), "less than a window of the first chat");
    }

    [Fact]
    public async Task a_chat_told_to_wait_waits()
    {
        using var gate = Gate();
        await gate.WaitTurnAsync(-77, CancellationToken.None);
        gate.Pause(-77, TimeSpan.FromMilliseconds(600));
        var clock = Stopwatch.StartNew();
        await gate.WaitTurnAsync(-77, CancellationToken.None);
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(550));
    }
}
