namespace Cvety.Domain.Users;

public enum UserRole
{
    Superadmin,
    Director,
    Manager,
    Florist,
    Courier,
}

public static class UserRoles
{
    /// <summary>The upper-case names the legacy clients and JWTs use: SUPERADMIN, DIRECTOR, ...</summary>
    public static string Name(this UserRole role) => role.ToString().ToUpperInvariant();

    public static bool TryParse(string? name, out UserRole role)
    {
        role = default;
        return !string.IsNullOrWhiteSpace(name)
            && !int.TryParse(name, out _)
            && Enum.TryParse(name.Trim(), ignoreCase: true, out role)
            && Enum.IsDefined(role);
    }

    /// <summary>Roles that belong to a shop; the superadmin stands above shops.</summary>
    public static readonly UserRole[] ShopRoles = [UserRole.Director, UserRole.Manager, UserRole.Florist, UserRole.Courier];
}
