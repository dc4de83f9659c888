using System.Globalization;
using Cvety.Application.Shops;
using FluentValidation;
using FluentValidation.Results;
using Marten;

namespace Cvety.Application.Planning;

/// <summary>
/// "завтра" + "к 14:00" -> <c>{date, time, iso_datetime}</c>, in the shop's time zone (<see cref="DeliveryPhrases"/>).
/// A phrase that cannot be read is a 422 naming it, never a guess.
/// </summary>
public sealed record ParseDeliveryPhrase(int ShopId, string? DateStr, string? TimeStr)
{
    public sealed class Validator : AbstractValidator<ParseDeliveryPhrase>
    {
        public Validator()
        {
            RuleFor(x => x.DateStr).NotEmpty().MaximumLength(100);
            RuleFor(x => x.TimeStr).MaximumLength(100);
        }
    }
}

public sealed record ParsedDelivery(string Date, string? Time, string IsoDatetime, string? OriginalDate = null, string? OriginalTime = null);

public static class ParseDeliveryPhraseHandler
{
    public static async Task<ParsedDelivery> Handle(ParseDeliveryPhrase query, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var hours = (await ShopWithSettings.LoadAsync(session, query.ShopId, ct)).Hours;
        var today = DateOnly.FromDateTime(hours.Local(clock.GetUtcNow()).DateTime);
        var date = DeliveryPhrases.Date(query.DateStr, today)
            ?? throw new ValidationException([new ValidationFailure("date_str", $"Не удалось понять дату «{query.DateStr}». Например: «завтра», «в пятницу», «15 марта».")]);
        TimeOnly? time = null;
        if (!string.IsNullOrWhiteSpace(query.TimeStr))
            time = DeliveryPhrases.Time(query.TimeStr)
                ?? throw new ValidationException([new ValidationFailure("time_str", $"Не удалось понять время «{query.TimeStr}». Например: «к 14:00», «утром», «после обеда».")]);
        var iso = date.ToDateTime(time ?? TimeOnly.MinValue).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        return new ParsedDelivery(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), HourText.Of(time), iso, query.DateStr, query.TimeStr);
    }
}
