using Cvety.Domain.Common;
using Cvety.Domain.Shops;

namespace Cvety.UnitTests.Planning;

public sealed class DeliveryPlanningTests
{
    private static readonly WorkingHours Hours = WorkingHours.Default with
    {
        Exceptions = [new DateHours(new DateOnly(2026, 12, 16), null, null, "День Независимости")],
    };

    private static readonly DeliverySettings Delivery = new(
        [new DeliveryZone("Город", new Money(150_000), new Money(3_000_000)), new DeliveryZone("Пригород", new Money(300_000))],
        new Money(100_000), new TimeOnly(14, 0), 120);

    /// <summary>A local time in Kazakhstan (UTC+5).</summary>
    private static DateTimeOffset At(int day, int hour, int minute) => new(2026, 12, day, hour, minute, 0, TimeSpan.FromHours(5));

    [Fact]
    public void before_the_cutoff_the_slots_not_yet_started_are_open()
    {
        var slots = DeliveryPlanning.Slots(new DateOnly(2026, 12, 1), Hours, Delivery, At(1, 13, 59));
        slots.Select(s => s.Label).Should().Equal("09:00-11:00", "11:00-13:00", "13:00-15:00", "15:00-17:00", "17:00-19:00", "19:00-21:00");
        slots.Where(s => s.Available).Select(s => s.Label).Should().Equal("15:00-17:00", "17:00-19:00", "19:00-21:00");
    }

    [Fact]
    public void after_the_cutoff_nothing_more_is_taken_for_today_but_tomorrow_is_open()
    {
        DeliveryPlanning.Slots(new DateOnly(2026, 12, 1), Hours, Delivery, At(1, 14, 1)).Should().OnlyContain(s => !s.Available);
        DeliveryPlanning.Slots(new DateOnly(2026, 12, 2), Hours, Delivery, At(1, 14, 1)).Should().OnlyContain(s => s.Available);
        DeliveryPlanning.Infeasibility(new DateOnly(2026, 12, 1), Hours, Delivery, At(1, 14, 1)).Should().Be("Заказы на сегодня уже не принимаются");
    }

    [Fact]
    public void a_holiday_and_a_past_day_have_no_slots()
    {
        DeliveryPlanning.Slots(new DateOnly(2026, 12, 16), Hours, Delivery, At(1, 10, 0)).Should().BeEmpty();
        DeliveryPlanning.Infeasibility(new DateOnly(2026, 12, 16), Hours, Delivery, At(1, 10, 0)).Should().Be("Магазин в этот день не работает");
        DeliveryPlanning.Slots(new DateOnly(2026, 11, 30), Hours, Delivery, At(1, 10, 0)).Should().BeEmpty();
    }

    [Fact]
    public void a_bouquet_that_takes_longer_than_is_left_of_the_day_does_not_make_it() =>
        DeliveryPlanning.Infeasibility(new DateOnly(2026, 12, 1), Hours, Delivery, At(1, 10, 0), manufacturingHours: 12).Should().Contain("12 ч");

    [Fact]
    public void delivery_costs_the_zone_price_and_is_free_from_its_threshold()
    {
        Delivery.CostFor(new Money(2_000_000)).Should().Be(new Money(150_000));
        Delivery.CostFor(new Money(3_000_000)).Should().Be(Money.Zero);
        Delivery.CostFor(new Money(3_000_000), "пригород").Should().Be(new Money(300_000));
        Delivery.CostFor(new Money(2_000_000), express: true).Should().Be(new Money(250_000));
    }
}
