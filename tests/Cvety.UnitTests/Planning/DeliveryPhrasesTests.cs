using Cvety.Application.Planning;

namespace Cvety.UnitTests.Planning;

/// <summary>The phrases the AI agent and the MCP server pass on, read on Tuesday 1 December 2026 (shop time).</summary>
public sealed class DeliveryPhrasesTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Theory]
    [InlineData("сегодня", "2026-12-01")]
    [InlineData("Завтра", "2026-12-02")]
    [InlineData("завтра утром", "2026-12-02")]
    [InlineData("послезавтра", "2026-12-03")]
    [InlineData("в пятницу", "2026-12-04")]
    [InlineData("в субботу", "2026-12-05")]
    [InlineData("вс", "2026-12-06")]
    [InlineData("во вторник", "2026-12-08")]
    [InlineData("в среду", "2026-12-02")]
    [InlineData("15 марта", "2027-03-15")]
    [InlineData("1 мая", "2027-05-01")]
    [InlineData("31 декабря", "2026-12-31")]
    [InlineData("1 декабря", "2026-12-01")]
    [InlineData("15.03", "2027-03-15")]
    [InlineData("24.12.2026", "2026-12-24")]
    [InlineData("2026-12-24", "2026-12-24")]
    public void a_date_phrase_is_read_against_today(string phrase, string expected) =>
        DeliveryPhrases.Date(phrase, Today).Should().Be(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("когда-нибудь")]
    [InlineData("31 февраля")]
    [InlineData("")]
    [InlineData("13.13")]
    public void a_date_it_cannot_read_is_none(string phrase) => DeliveryPhrases.Date(phrase, Today).Should().BeNull();

    [Theory]
    [InlineData("к 14:00", "14:00")]
    [InlineData("в 14", "14:00")]
    [InlineData("14.30", "14:30")]
    [InlineData("утром", "10:00")]
    [InlineData("днём", "13:00")]
    [InlineData("после обеда", "15:00")]
    [InlineData("вечером", "18:00")]
    [InlineData("в 7 вечера", "19:00")]
    [InlineData("в 3 часа дня", "15:00")]
    public void a_time_phrase_is_read(string phrase, string expected) =>
        DeliveryPhrases.Time(phrase).Should().Be(TimeOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("25:00")]
    [InlineData("скоро")]
    public void a_time_it_cannot_read_is_none(string phrase) => DeliveryPhrases.Time(phrase).Should().BeNull();
}
