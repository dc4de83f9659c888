namespace Cvety.Domain.Common;

/// <summary>
/// An amount of Kazakhstan money as an integer count of tiyn (1/100 tenge). The old system mixed units and once
/// charged a customer 100 times too much; tenge exists only at the edges that speak it (Kaspi, Bitrix prices).
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(MoneyJsonConverter))]
public readonly record struct Money(long Tiyn) : IComparable<Money>
{
    public static readonly Money Zero = new(0);

    public static Money FromTenge(decimal tenge)
    {
        var tiyn = tenge * 100m;
        if (tiyn != decimal.Truncate(tiyn))
            throw new ArgumentException($"{tenge} tenge is not a whole number of tiyn.", nameof(tenge));
        return new Money(checked((long)tiyn));
    }

    public decimal ToTenge() => Tiyn / 100m;

    public static Money operator +(Money a, Money b) => new(checked(a.Tiyn + b.Tiyn));
    public static Money operator -(Money a, Money b) => new(checked(a.Tiyn - b.Tiyn));
    public static Money operator *(Money a, int quantity) => new(checked(a.Tiyn * quantity));
    public static bool operator <(Money a, Money b) => a.Tiyn < b.Tiyn;
    public static bool operator >(Money a, Money b) => a.Tiyn > b.Tiyn;
    public static bool operator <=(Money a, Money b) => a.Tiyn <= b.Tiyn;
    public static bool operator >=(Money a, Money b) => a.Tiyn >= b.Tiyn;

    public int CompareTo(Money other) => Tiyn.CompareTo(other.Tiyn);

    public override string ToString() => $"{Tiyn} tiyn";
}
