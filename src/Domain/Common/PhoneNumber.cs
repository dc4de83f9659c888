namespace Cvety.Domain.Common;

/// <summary>
/// A Kazakhstan phone number in the one form the system stores and compares: <c>+7XXXXXXXXXX</c>.
/// Accepts what people type (<c>8 701 ...</c>, <c>701...</c>, brackets, dashes, spaces) as the legacy backend did.
/// </summary>
public readonly record struct PhoneNumber
{
    public string Value { get; }

    private PhoneNumber(string value) => Value = value;

    public static bool TryParse(string? input, out PhoneNumber phone)
    {
        phone = default;
        if (string.IsNullOrWhiteSpace(input)) return false;

        var trimmed = input.Trim();
        var plus = trimmed.StartsWith('+');
        var digits = new System.Text.StringBuilder(12);
        foreach (var c in plus ? trimmed[1..] : trimmed)
        {
            if (char.IsAsciiDigit(c)) digits.Append(c);
            else if (c is ' ' or '-' or '(' or ')') continue;
            else return false;
        }

        var d = digits.ToString();
        string? normalised = d.Length switch
        {
            11 when d[0] == '7' => "+" + d,
            11 when d[0] == '8' && !plus => "+7" + d[1..],
            10 when !plus => "+7" + d,
            _ => null,
        };
        if (normalised is null) return false;
        phone = new PhoneNumber(normalised);
        return true;
    }

    public static PhoneNumber Parse(string input) =>
        TryParse(input, out var phone) ? phone : throw new FormatException($"'{input}' is not a Kazakhstan phone number.");

    /// <summary>First four characters, stars, last three: <c>+777*****556</c>, as the old notifications showed.</summary>
    public string Masked() => Value[..4] + new string('*', Value.Length - 7) + Value[^3..];

    public override string ToString() => Value;
}
