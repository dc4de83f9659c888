using Cvety.Application.Common;
using Cvety.Domain.Products;
using Cvety.Application.Users;
using FluentValidation;
using Marten;
using Wolverine;

namespace Cvety.Application.Products;

/// <summary>Staff upload a product photo; it goes to image storage (local disk or R2) and becomes one of the product's images.</summary>
public sealed record AddProductImage(int ProductId, byte[] Content, bool Primary = false)
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxImages = 10;

    public sealed class Validator : AbstractValidator<AddProductImage>
    {
        public Validator()
        {
            RuleFor(x => x.Content).MustBeAnUploadedImage(MaxBytes, "image");
        }
    }
}

/// <summary>Staff remove one of a product's images, named by its URL or by its id (<c>images[].id</c>).</summary>
public sealed record RemoveProductImage(int ProductId, string? Url = null, int? ImageId = null)
{
    public sealed class Validator : AbstractValidator<RemoveProductImage>
    {
        public Validator()
        {
            RuleFor(x => x.Url).NotEmpty().MaximumLength(2000).When(x => x.ImageId is null);
            RuleFor(x => x.Url).Null().When(x => x.ImageId is not null).WithMessage("Name the image by its URL or by its id, not both.");
        }
    }
}

/// <summary>
/// Staff add an image by URL, as the admin SPA does after uploading it elsewhere (<c>{url, order, is_primary}</c>): a
/// URL of our own storage is used as it is; any other is downloaded into our storage (never fetched from a private
/// address) and checked like an upload.
/// </summary>
public sealed record AddProductImageByUrl(int ProductId, string Url, bool Primary = false)
{
    public sealed class Validator : AbstractValidator<AddProductImageByUrl>
    {
        public Validator() => RuleFor(x => x.Url).NotEmpty().MaximumLength(2000);
    }
}

public static class AddProductImageByUrlHandler
{
    public static async Task<string> Handle(AddProductImageByUrl command, IDocumentSession session, ICurrentUser currentUser, IImageStorage storage, IRemoteImages remote,
        CancellationToken ct)
    {
        var origin = currentUser.RequireCatalogEditor();
        var product = await ProductStreams.LoadAsync(session, command.ProductId, ct);
        var url = command.Url.Trim();
        if (!storage.Holds(url))
        {
            byte[] content;
            try
            {
                content = await remote.FetchAsync(url, ct);
            }
            catch (Search.ImageUnreadableException e)
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("url", e.Message)]);
            }
            if (content.Length > AddProductImage.MaxBytes || ImageFormats.ExtensionOf(content) is not { } extension)
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("url", "The URL must point to a JPEG, PNG or WebP image of at most 10 MB.")]);
            using var stream = new MemoryStream(content, writable: false);
            url = await storage.SaveAsync($"products/{Tenancy.ShopOf(session)}", extension, stream, ct);
        }
        session.Append(product, ProductDecisions.AddImage(product, url, command.Primary, AddProductImage.MaxImages, origin));
        return url;
    }
}

public static class AddProductImageHandler
{
    public static async Task<string> Handle(AddProductImage command, IDocumentSession session, ICurrentUser currentUser, IImageStorage storage, CancellationToken ct)
    {
        var origin = currentUser.RequireCatalogEditor();
        var product = await ProductStreams.LoadAsync(session, command.ProductId, ct);
        if (product.Images.Count >= AddProductImage.MaxImages) throw new Domain.Common.DomainException($"A product has at most {AddProductImage.MaxImages} images.");
        using var content = new MemoryStream(command.Content, writable: false);
        var url = await storage.SaveAsync($"products/{Tenancy.ShopOf(session)}", ImageFormats.ExtensionOf(command.Content)!, content, ct);
        session.Append(product, ProductDecisions.AddImage(product, url, command.Primary, AddProductImage.MaxImages, origin));
        return url;
    }
}

public static class RemoveProductImageHandler
{
    public static async Task Handle(RemoveProductImage command, IDocumentSession session, ICurrentUser currentUser, CancellationToken ct)
    {
        var origin = currentUser.RequireCatalogEditor();
        var product = await ProductStreams.LoadAsync(session, command.ProductId, ct);
        var url = command.ImageId is { } id
            ? product.Images.FirstOrDefault(i => i.Id == id)?.Url ?? throw new NotFoundException("Image", id)
            : command.Url!;
        session.Append(product, ProductDecisions.RemoveImage(product, url, origin));
    }
}
