using System.Diagnostics;
using Cvety.Application.Notifications;
using Cvety.Infrastructure.Database;
using Cvety.Infrastructure.Notifications;
using Cvety.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cvety.IntegrationTests.Payments;

/// <summary>Telegram's pace, kept in PostgreSQL: gates built on one database share it, as two API nodes do.</summary>
public sealed class the_telegram_rate_gate(CvetyApi api) : ApiTest(api)
{
    private TelegramRateGate Gate() => new(new TelegramOptions
    {
        PerChatInterval = TimeSpan.FromMilliseconds(200), PerGroupInterval = TimeSpan.FromMilliseconds(400), GlobalPerSecond = 30,
    }, Api.Services.GetRequiredService<ClusterLimits>(), TimeProvider.System);

    [Fact]
    public async Task one_chat_waits_its_interval_and_other_chats_do_not_wait_for_it()
    {
        var gate = Gate();
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
        var gate = Gate();
        await gate.WaitTurnAsync(-77, CancellationToken.None);
        await gate.PauseAsync(-77, TimeSpan.FromMilliseconds(600), CancellationToken.None);
        var clock = Stopwatch.StartNew();
        await gate.WaitTurnAsync(-77, CancellationToken.None);
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(550));
    }

    [Fact]
    public async Task two_nodes_sending_to_one_chat_keep_one_pace()
    {
        // Two gates, as two API processes have, over the same database: six messages to one chat, three from each.
        var (a, b) = (Gate(), Gate());
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? a : b).WaitTurnAsync(2001, CancellationToken.None)));
        clock.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950), "five intervals of 200 ms between six messages, whichever node sends them");
    }
}
