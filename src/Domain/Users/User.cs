namespace Cvety.Domain.Users;

/// <summary>
/// A person who signs in. Staff belong to one shop; the superadmin belongs to none.
/// The phone is the login and is unique across the whole system.
/// </summary>
public sealed class User
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public UserRole Role { get; set; }
    public int? ShopId { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
}
