using System.Text.Json;
using Cvety.Application.Orders;

namespace Cvety.UnitTests.Application;

public sealed class the_legacy_delivery_date
{
    private static readonly TimeSpan Astana = TimeSpan.FromHours(5);

    [Theory]
    [InlineData("2025-10-10", "2025-10-10", null)]                     // the shop SPA's edit form
    [InlineData("2025-10-10T14:00:00", "2025-10-10", "14:00")]         // the AI agent and the MCP server: local time folded in
    [InlineData("2025-10-10T14:00", "2025-10-10", "14:00")]
    [InlineData("2025-10-10T08:00:00.000Z", "2025-10-10", "13:00")]    // the admin SPA's toISOString(): UTC, read in Astana
    [InlineData("2025-10-09T21:30:00.000Z", "2025-10-10", "02:30")]    // a UTC evening is the next morning in Astana
    [InlineData("2025-10-10T14:00:00+05:00", "2025-10-10", "14:00")]
    public void is_read_in_the_shops_time_zone(string sent, string date, string? time)
    {
        var input = JsonSerializer.Deserialize<DeliveryDateInput>($"\"{sent}\"")!;
        var (day, at) = input.InShop(Astana);
        day.Should().Be(DateOnly.Parse(date));
        at?.ToString("HH:mm").Should().Be(time);
        if (time is null) at.Should().BeNull();
    }

    [Theory]
    [InlineData("\"someday\"")]
    [InlineData("\"2025-13-45\"")]
    [InlineData("20251010")]
    public void anything_else_is_refused(string json) =>
        FluentActions.Invoking(() => JsonSerializer.Deserialize<DeliveryDateInput>(json)).Should().Throw<JsonException>();

    [Theory]
    [InlineData("14:00-16:00", "14:00", "16:00")]
    [InlineData("14:00", "14:00", null)]
    [InlineData("с 9.30 до 11.00", "09:30", "11:00")]
    [InlineData("после обеда", null, null)]
    [InlineData(null, null, null)]
    public void a_delivery_time_gives_its_window_when_it_holds_times(string? text, string? from, string? to)
    {
        var (start, end) = DeliveryWindow.Parse(text);
        start?.ToString("HH:mm").Should().Be(from);
        end?.ToString("HH:mm").Should().Be(to);
        if (from is null) start.Should().BeNull();
        if (to is null) end.Should().BeNull();
    }
}
