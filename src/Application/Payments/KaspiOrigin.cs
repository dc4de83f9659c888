using Cvety.Domain.Common;

namespace Cvety.Application.Payments;

public static class KaspiOrigin
{
    /// <summary>What Kaspi reported: history rows say <c>changed_by=kaspi</c>.</summary>
    public static readonly Origin Kaspi = new(Sources.Kaspi, Sources.Kaspi);

    /// <summary>What our payment process did on its own (asking for a payment, refunding a cancelled order).</summary>
    public static readonly Origin Payments = Origin.System("payments");

    /// <summary>Kaspi takes phone numbers as bare digits: 77015211545.</summary>
    public static string Digits(string phone) => new(phone.Where(char.IsAsciiDigit).ToArray());
}
