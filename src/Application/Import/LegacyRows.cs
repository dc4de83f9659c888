namespace Cvety.Application.Import;

// The legacy database's rows as the importer reads them (../shared/reference/legacy-database.md): every column it
// uses, enum labels as text, naive times as they are stored (their clock is decided by LegacyClock), money in tiyn.

public sealed record LegacyShopRow(int Id, string Name, int? OwnerId, string? Phone, string? Address, string? City,
    string? WeekdayStart, string? WeekdayEnd, bool WeekdayClosed, string? WeekendStart, string? WeekendEnd, bool WeekendClosed,
    long DeliveryCost, long FreeDeliveryAmount, bool PickupAvailable, bool DeliveryAvailable, bool IsActive, DateTime? CreatedAt, DateTime? UpdatedAt);

public sealed record LegacyUserRow(int Id, string Name, string Phone, string Role, bool IsActive, bool IsSuperadmin, int? InvitedBy, int? ShopId,
    string PasswordHash, DateTime? CreatedAt, DateTime? UpdatedAt)
{
    /// <summary>Never with the password's hash, should a row ever be logged.</summary>
    public override string ToString() => $"LegacyUserRow {{ Id = {Id}, Phone = {Phone}, Role = {Role}, PasswordHash = *** }}";
}

public sealed record LegacyClientRow(int Id, string Phone, string? Name, string? Notes, int? ShopId, string? TelegramUserId, string? TelegramUsername,
    string? TelegramFirstName, DateTime? CreatedAt, DateTime? UpdatedAt, bool? AllowPersonalization);

public sealed record LegacyProductRow(int Id, string Name, long Price, string Type, string? Description, int? ManufacturingTime, int? Width, int? Height,
    int? ShelfLife, bool Enabled, bool IsFeatured, IReadOnlyList<string> Colors, IReadOnlyList<string> Occasions, IReadOnlyList<string> Cities,
    IReadOnlyList<string> Tags, string? Image, int? ShopId, DateTime? CreatedAt, DateTime? UpdatedAt);

public sealed record LegacyProductImageRow(int Id, int ProductId, string Url, int Order, bool IsPrimary);

public sealed record LegacyRecipeRow(int Id, int ProductId, int WarehouseItemId, int Quantity, bool IsOptional);

public sealed record LegacyWarehouseItemRow(int Id, string Name, int Quantity, long CostPrice, long RetailPrice, string? Image, DateTime? LastDeliveryDate,
    int? MinQuantity, int? ShopId, DateTime? CreatedAt, DateTime? UpdatedAt);

public sealed record LegacyOperationRow(int Id, int ItemId, string Type, int QuantityChange, int BalanceAfter, string Description, long? OldValue, long? NewValue,
    int? OrderId, int? UserId, DateTime? CreatedAt);

public sealed record LegacyCheckRow(int Id, string ConductedBy, string? Comment, string Status, DateTime? AppliedAt, int? ShopId, DateTime? CreatedAt);

public sealed record LegacyCheckItemRow(int Id, int CheckId, int ItemId, string ItemName, int Current, int Actual, int Difference);

public sealed record LegacyReservationRow(int Id, int OrderId, int ItemId, int Quantity, DateTime? CreatedAt);

public sealed record LegacyOrderRow(int Id, int? ShopId, string TrackingId, string OrderNumber, string CustomerName, string Phone, string? CustomerEmail,
    string? DeliveryAddress, DateTime? DeliveryDate, string? DeliveryNotes, long Subtotal, long DeliveryCost, long Total, string Status, string? Notes,
    string? TelegramUserId, long? BitrixOrderId, string? RecipientName, string? RecipientPhone, string? SenderPhone, string? PickupAddress,
    string? DeliveryType, string? ScheduledTime, string? PaymentMethod, string? OrderComment, int? BonusPoints, string? KaspiPaymentId,
    string? KaspiPaymentStatus, DateTime? KaspiPaymentCreatedAt, DateTime? KaspiPaymentCompletedAt, bool AskDeliveryAddress, bool AskDeliveryTime,
    int? AssignedToId, int? CourierId, DateTime? AssignedAt, DateTime? CreatedAt, DateTime? UpdatedAt);

public sealed record LegacyOrderItemRow(int Id, int OrderId, int ProductId, string ProductName, long ProductPrice, int Quantity, long ItemTotal, string? SpecialRequests);

public sealed record LegacyPhotoRow(int Id, int OrderId, string Url, string? Type, string? Label, string? Feedback, string? Comment, DateTime? FeedbackAt, DateTime? UploadedAt);

public sealed record LegacyHistoryRow(int Id, int OrderId, string ChangedBy, string Field, string? OldValue, string? NewValue, DateTimeOffset? ChangedAt);

public sealed record LegacyPickupRow(int Id, string Address, string? Landmark, bool Enabled, int DisplayOrder, int? ShopId);

public sealed record LegacyReviewRow(int Id, int? ProductId, int? ShopId, string AuthorName, int Rating, string Text, DateTime? CreatedAt, IReadOnlyList<string> Photos);

public sealed record LegacyFaqRow(int Id, string Question, string Answer, string? Category, int DisplayOrder, bool Enabled, int? ShopId, DateTime? UpdatedAt);

public sealed record LegacyPageRow(int Id, string Slug, string Title, string Content, bool Enabled, int? ShopId, DateTime? UpdatedAt);

public sealed record LegacyInvitationRow(int Id, string Phone, string Name, string Role, int InvitedBy, string Status, DateTime? CreatedAt);

/// <summary>Everything the importer reads from one legacy database, whole (a shop's data fits in memory many times over).</summary>
public sealed class LegacySnapshot
{
    public List<LegacyShopRow> Shops { get; init; } = [];
    public List<LegacyUserRow> Users { get; init; } = [];
    public List<LegacyInvitationRow> Invitations { get; init; } = [];
    public List<LegacyClientRow> Clients { get; init; } = [];
    public List<LegacyProductRow> Products { get; init; } = [];
    public List<LegacyProductImageRow> ProductImages { get; init; } = [];
    public List<LegacyRecipeRow> Recipes { get; init; } = [];
    public List<LegacyWarehouseItemRow> WarehouseItems { get; init; } = [];
    public List<LegacyOperationRow> Operations { get; init; } = [];
    public List<LegacyCheckRow> Checks { get; init; } = [];
    public List<LegacyCheckItemRow> CheckItems { get; init; } = [];
    public List<LegacyReservationRow> Reservations { get; init; } = [];
    public List<LegacyOrderRow> Orders { get; init; } = [];
    public List<LegacyOrderItemRow> OrderItems { get; init; } = [];
    public List<LegacyPhotoRow> Photos { get; init; } = [];
    public List<LegacyHistoryRow> History { get; init; } = [];
    public List<LegacyPickupRow> PickupLocations { get; init; } = [];
    public List<LegacyReviewRow> Reviews { get; init; } = [];
    public List<LegacyFaqRow> Faqs { get; init; } = [];
    public List<LegacyPageRow> Pages { get; init; } = [];
}

/// <summary>The legacy database, read-only: checked for its shape first, then read whole.</summary>
public interface ILegacySource
{
    /// <summary>What is wrong with the database for an import (a missing table or column), or nothing; it reads nothing else.</summary>
    Task<IReadOnlyList<string>> CheckSchemaAsync(CancellationToken ct);

    Task<LegacySnapshot> ReadAsync(CancellationToken ct);
}
