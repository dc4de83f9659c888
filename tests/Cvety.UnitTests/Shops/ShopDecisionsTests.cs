using Cvety.Domain.Common;
using Cvety.Domain.Shops;

namespace Cvety.UnitTests.Shops;

/// <summary>What a shop's settings screen decides, as pure functions of the shop and what was saved.</summary>
public sealed class ShopDecisionsTests
{
    private static readonly Origin Director = new(Sources.Admin, "user-1", "DIRECTOR");
    private static readonly Shop Shop = new(17008, "Cvety", "Астана", null, null, DateTimeOffset.UnixEpoch, new Money(200_000)) { Revision = 4 };
    private static readonly ShopProfile Profile = new(Description: "Цветы с доставкой", Phone: "+77011234567");

    [Fact]
    public void a_new_name_is_its_own_event_and_the_profile_is_recorded_only_if_it_changed()
    {
        ShopDecisions.ChangeProfile(Shop, Profile, Profile, "Cvety.kz", "Астана", Director)
            .Should().ContainSingle().Which.Should().Be(new ShopRenamed(17008, "Cvety.kz", "Астана", Director));

        var events = ShopDecisions.ChangeProfile(Shop, Profile, Profile with { Description = "Букеты" }, "Cvety", "Алматы", Director);
        events.Select(e => e.GetType()).Should().Equal(typeof(ShopRenamed), typeof(ShopProfileChanged));
    }

    [Fact]
    public void saving_the_form_unchanged_is_still_recorded_as_a_save()
    {
        ShopDecisions.ChangeProfile(Shop, Profile, Profile, "Cvety", "Астана", Director)
            .Should().ContainSingle().Which.Should().BeOfType<ShopProfileChanged>();
    }

    [Fact]
    public void a_shop_must_keep_pickup_or_delivery()
    {
        var neither = DeliverySettings.DefaultFor(new Money(200_000)) with { PickupAvailable = false, DeliveryAvailable = false };
        var act = () => ShopDecisions.SetDelivery(Shop, neither, Director);
        act.Should().Throw<DomainException>().WithMessage("*pickup or delivery*");

        var pickupOnly = neither with { PickupAvailable = true };
        ShopDecisions.SetDelivery(Shop, pickupOnly, Director).Should().Equal(new DeliverySettingsSet(17008, pickupOnly, Director));
    }

    [Fact]
    public void working_hours_are_recorded_as_set()
    {
        ShopDecisions.SetHours(Shop, WorkingHours.Default, Director).Should().Equal(new WorkingHoursSet(17008, WorkingHours.Default, Director));
    }
}
