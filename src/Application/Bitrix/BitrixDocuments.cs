namespace Cvety.Application.Bitrix;

/// <summary>Which order a Bitrix id belongs to, in the Bitrix shop. Its primary key makes "one Bitrix id, one order" a database rule.</summary>
public sealed record BitrixOrderLink(string Id, Guid OrderId)
{
    public static string KeyOf(long bitrixOrderId) => bitrixOrderId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A status Bitrix reported for an order we have not seen yet; applied when the order arrives.</summary>
public sealed record PendingBitrixStatus(string Id, string Code, string? Notes, DateTimeOffset ReceivedAt);
