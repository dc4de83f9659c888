using Cvety.Application.Common;
using Cvety.Domain.Orders;
using Cvety.Domain.Users;
using Cvety.Application.Users;
using FluentValidation;
using Marten;
using Wolverine;
using Wolverine.Marten;

namespace Cvety.Application.Orders;

/// <summary>A florist uploads the photo of the assembled bouquet; the customer sees it on the tracking page.</summary>
public sealed record AddOrderPhoto(Guid OrderId, byte[] Content, long? ExpectedVersion = null)
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public sealed class Validator : AbstractValidator<AddOrderPhoto>
    {
        public Validator()
        {
            RuleFor(x => x.Content).MustBeAnUploadedImage(MaxBytes, "photo");
        }
    }
}

public static class AddOrderPhotoHandler
{

    public static async Task<(string, Events)> Handle(AddOrderPhoto command, [WriteAggregate(Required = false)] Order? order, IDocumentSession session, ICurrentUser currentUser, IImageStorage storage, CancellationToken ct)
    {
        var actor = currentUser.RequireStaff();
        if (!actor.May(Permission.AddOrderPhotos)) throw new ForbiddenException("Only florists, managers and directors add photos.");

        var found = order.OrFail(command.OrderId, command.ExpectedVersion);
        var origin = Origins.Of(actor);
        OrderDecisions.EnsureAcceptsPhotos(found);
        using var content = new MemoryStream(command.Content, writable: false);
        var url = await storage.SaveAsync($"orders/{Tenancy.ShopOf(session)}", ImageFormats.ExtensionOf(command.Content)!, content, ct);
        return (url, [OrderDecisions.AddPhoto(found, url, origin)]);
    }
}
