using Cvety.Application.Common;
using Cvety.Application.Orders;
using Cvety.Application.Users;
using Cvety.Domain.Common;
using Cvety.Domain.Reviews;
using FluentValidation;
using Marten;

namespace Cvety.Application.Reviews;

/// <summary>The customer adds a photo to their product review, through the image storage, with the same checks as product photos.</summary>
public sealed record AddReviewPhoto(int ProductId, Guid ReviewId, byte[] Content)
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public sealed class Validator : AbstractValidator<AddReviewPhoto>
    {
        public Validator() => RuleFor(x => x.Content).MustBeAnUploadedImage(MaxBytes, "photo");
    }

    public override string ToString() => $"AddReviewPhoto {{ ProductId = {ProductId}, ReviewId = {ReviewId}, Bytes = {Content.Length} }}";
}

public static class AddReviewPhotoHandler
{
    // The session: the photo is stored before its event is appended.
    public static async Task<string> Handle(AddReviewPhoto command, IDocumentSession session, IImageStorage storage, ICurrentUser currentUser, CancellationToken ct)
    {
        var review = await session.LoadAsync<Review>(command.ReviewId, ct);
        if (review is null || review.ProductId != command.ProductId) throw new NotFoundException("Review", command.ReviewId);
        if (review.Photos.Count >= ReviewRules.MaxPhotos) throw new DomainException($"A review has at most {ReviewRules.MaxPhotos} photos.");
        using var content = new MemoryStream(command.Content, writable: false);
        var url = await storage.SaveAsync($"reviews/{Tenancy.ShopOf(session)}", ImageFormats.ExtensionOf(command.Content)!, content, ct);
        var by = Origins.Customer(currentUser.Actor);
        session.Events.Append(review.Id, new ReviewPhotoAdded(review.Id, url, by));
        return url;
    }
}
