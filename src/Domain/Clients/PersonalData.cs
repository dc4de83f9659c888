using Cvety.Domain.Orders;
using Cvety.Domain.Reviews;

namespace Cvety.Domain.Clients;

/// <summary>
/// What an erasure removes from the events that carry a person's data, event type by event type: names, phones,
/// e-mail, addresses, Telegram accounts and the person's own words (postcard, delivery notes, comments, notes about
/// them). What stays is the shop's accounting record: lines, amounts, dates, statuses, payments, and which member of
/// staff did what (docs/decisions/0027). A masked text reads <see cref="Marker"/>, so an order says where a person
/// was erased; a masked phone is empty, so it never names a client card.
/// </summary>
public static class PersonalData
{
    public const string Marker = "[удалено]";

    /// <summary>An erased card's phone: one per client (a shop's phones are unique), naming no one.</summary>
    public static string ErasedPhone(Guid clientId) => $"erased:{clientId:N}";

    public static bool IsErasedPhone(string? phone) => phone?.StartsWith("erased:", StringComparison.Ordinal) == true;

    private static string? Text(string? value) => string.IsNullOrEmpty(value) ? value : Marker;

    public static Customer Erase(Customer c) => new(Marker, "", null, null);

    public static Recipient Erase(Recipient r) => new(Text(r.Name), r.Phone is null ? null : "");

    public static Delivery Erase(Delivery d) => d with { Address = Text(d.Address) };

    public static OrderPlaced Erase(OrderPlaced e) => e with
    {
        Customer = Erase(e.Customer),
        Recipient = Erase(e.Recipient),
        Delivery = Erase(e.Delivery),
        PostcardText = Text(e.PostcardText),
        Notes = Text(e.Notes),
        SenderPhone = null,
        Requests = e.Requests is null ? null : e.Requests with { DeliveryNotes = Text(e.Requests.DeliveryNotes) },
    };

    public static CustomerChanged Erase(CustomerChanged e) => e with { Customer = Erase(e.Customer) };

    public static RecipientChanged Erase(RecipientChanged e) => e with { Recipient = Erase(e.Recipient) };

    public static DeliveryDetailsChanged Erase(DeliveryDetailsChanged e) => e with { Delivery = Erase(e.Delivery) };

    public static PostcardChanged Erase(PostcardChanged e) => e with { PostcardText = Text(e.PostcardText) };

    public static OrderNoteAdded Erase(OrderNoteAdded e) => e with { Text = Marker };

    public static PhotoFeedbackGiven Erase(PhotoFeedbackGiven e) => e with { Comment = Text(e.Comment) };

    public static ReviewSubmitted Erase(ReviewSubmitted e) => e with { AuthorName = Marker, Text = Text(e.Text) };

    public static ClientRegistered Erase(ClientRegistered e) => e with { Phone = ErasedPhone(e.ClientId), Name = null, Email = null };

    public static ClientRenamed Erase(ClientRenamed e) => e with { Name = Marker };

    public static ClientTelegramLinked Erase(ClientTelegramLinked e) => e with { TelegramUserId = 0, Username = null, FirstName = null };

    public static ClientDetailsChanged Erase(ClientDetailsChanged e) =>
        e with { Name = null, Phone = ErasedPhone(e.ClientId), Email = null, OtherPhones = [], Tags = [], DefaultAddress = null };

    public static ClientNotesChanged Erase(ClientNotesChanged e) => e with { Notes = null };
}
