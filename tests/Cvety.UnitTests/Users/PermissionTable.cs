using Cvety.Domain.Users;

namespace Cvety.UnitTests.Users;

/// <summary>Who may do what, role by role: the one table the handlers, the screens and their menu ask.</summary>
public sealed class when_a_role_asks_what_it_may_do
{
    // D = director, M = manager, F = florist, C = courier; the superadmin holds every permission.
    public static TheoryData<Permission, string> Expected => new()
    {
        { Permission.PlaceOrders, "DM" },
        { Permission.EditOrders, "DM" },
        { Permission.RefundPayments, "DM" },
        { Permission.AssignOthers, "DM" },
        { Permission.AddOrderPhotos, "DMF" },
        { Permission.ManageCatalog, "DM" },
        { Permission.ManageStock, "DMF" },
        { Permission.ManageSettings, "DM" },
        { Permission.ManageContent, "DM" },
        { Permission.ModerateReviews, "DMFC" },
        { Permission.EraseClientData, "DM" },
        { Permission.ManageTeam, "DM" },
        { Permission.AddStaff, "D" },
        { Permission.SeeOperations, "D" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void the_table_says_it(Permission permission, string roles)
    {
        var holders = new Dictionary<char, UserRole> { ['D'] = UserRole.Director, ['M'] = UserRole.Manager, ['F'] = UserRole.Florist, ['C'] = UserRole.Courier };
        foreach (var (letter, role) in holders) role.Allows(permission).Should().Be(roles.Contains(letter), $"{role} and {permission}");
        UserRole.Superadmin.Allows(permission).Should().BeTrue();
    }

    [Fact]
    public void every_permission_is_in_the_table() =>
        Enum.GetValues<Permission>().Should().BeSubsetOf(Permissions.Table.Keys).And.HaveCount(Expected.Count());
}
