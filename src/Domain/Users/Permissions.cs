namespace Cvety.Domain.Users;

/// <summary>What a person may do in a shop, by name. Which roles hold each is written once, in <see cref="Permissions"/>.</summary>
public enum Permission
{
    /// <summary>Take an order for a customer (the new-order screen, <c>POST /orders</c>).</summary>
    PlaceOrders,

    /// <summary>Change an order's customer, recipient, delivery, lines, payment method and delivery cost after it was placed.</summary>
    EditOrders,

    /// <summary>Refund a Kaspi payment, ask for a payment link on the order page.</summary>
    RefundPayments,

    /// <summary>Put someone else in charge of an order or on its delivery (anyone may take an order themselves).</summary>
    AssignOthers,

    /// <summary>Photograph the assembled bouquet.</summary>
    AddOrderPhotos,

    /// <summary>Products: add, edit, photos, composition, on and off sale.</summary>
    ManageCatalog,

    /// <summary>The warehouse: items, deliveries, write-offs, sales over the counter, stock-takes.</summary>
    ManageStock,

    /// <summary>The shop's settings, hours and delivery.</summary>
    ManageSettings,

    /// <summary>FAQs and pages.</summary>
    ManageContent,

    /// <summary>Hide a review, saying why, or show it again: whoever of the team sees spam first.</summary>
    ModerateReviews,

    /// <summary>Carry out a client's erasure.</summary>
    EraseClientData,

    /// <summary>Invite, remove and change the roles of the team (never above one's own role).</summary>
    ManageTeam,

    /// <summary>Add staff accounts with a password directly (without an invitation).</summary>
    AddStaff,

    /// <summary>Failed deliveries, their replay, projections and queues.</summary>
    SeeOperations,
}

/// <summary>
/// The one table of who may do what. Handlers, the staff screens and their menu all ask it, so the API and the screens
/// say the same (a unit test walks it role by role). Moving an order between statuses has its own table, per step
/// (<c>OrderTransitions</c>).
/// </summary>
public static class Permissions
{
    private static readonly UserRole[] Managers = [UserRole.Manager, UserRole.Director, UserRole.Superadmin];
    private static readonly UserRole[] Workshop = [UserRole.Florist, UserRole.Manager, UserRole.Director, UserRole.Superadmin];

    public static readonly IReadOnlyDictionary<Permission, UserRole[]> Table = new Dictionary<Permission, UserRole[]>
    {
        // The screens always kept the new-order form to managers and directors while the API let any staff member place
        // an order; taking an order is taking money and a promise for the shop, so the screens' rule holds for both.
        [Permission.PlaceOrders] = Managers,
        [Permission.EditOrders] = Managers,
        [Permission.RefundPayments] = Managers,
        [Permission.AssignOthers] = Managers,
        [Permission.AddOrderPhotos] = Workshop,
        [Permission.ManageCatalog] = Managers,
        [Permission.ManageStock] = Workshop,
        [Permission.ManageSettings] = Managers,
        [Permission.ManageContent] = Managers,
        [Permission.ModerateReviews] = [UserRole.Courier, .. Workshop],
        [Permission.EraseClientData] = Managers,
        [Permission.ManageTeam] = Managers,
        [Permission.AddStaff] = [UserRole.Director, UserRole.Superadmin],
        [Permission.SeeOperations] = [UserRole.Director, UserRole.Superadmin],
    };

    public static bool Allows(this UserRole role, Permission permission) => Table[permission].Contains(role);

    public static bool Allows(this UserRole? role, Permission permission) => role is { } r && r.Allows(permission);
}
