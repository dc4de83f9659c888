using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Cvety.Application.Common;

namespace Cvety.Infrastructure.Storage;

/// <summary>Cvety:Storage:S3, for Cloudflare R2 or any S3-compatible store. Keys come from configuration only.</summary>
public sealed class S3StorageOptions
{
    /// <summary>For R2: <c>https://&lt;account&gt;.r2.cloudflarestorage.com</c>.</summary>
    [HttpUrl]
    public string? Endpoint { get; set; }

    public string? Bucket { get; set; }
    public string? AccessKeyId { get; set; }
    public string? SecretAccessKey { get; set; }

    /// <summary>Where the bucket's objects are public (an R2 custom domain or r2.dev URL); image URLs are this plus the key.</summary>
    [HttpUrl]
    public string? PublicBaseUrl { get; set; }

    /// <summary>R2 takes "auto".</summary>
    public string Region { get; set; } = "auto";

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Bucket)
        && !string.IsNullOrWhiteSpace(AccessKeyId) && !string.IsNullOrWhiteSpace(SecretAccessKey) && !string.IsNullOrWhiteSpace(PublicBaseUrl);
}

/// <summary>Images in an S3-compatible bucket (R2), under fresh names; the answer is the public URL.</summary>
public sealed class S3ImageStorage(S3StorageOptions options) : IImageStorage, IDisposable
{
    private readonly AmazonS3Client _client = new(
        new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey),
        new AmazonS3Config
        {
            ServiceURL = options.Endpoint,
            ForcePathStyle = true,
            AuthenticationRegion = options.Region,
            Timeout = TimeSpan.FromSeconds(30),
            MaxErrorRetry = 3,
            // R2 does not take the SDK's newer default checksums on every request.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    public bool Holds(string url) => url.StartsWith(options.PublicBaseUrl!.TrimEnd('/') + "/", StringComparison.Ordinal) && !url.Contains("..", StringComparison.Ordinal);

    public async Task<string> SaveAsync(string folder, string extension, Stream content, CancellationToken ct)
    {
        var key = $"{folder.Trim('/')}/{Guid.CreateVersion7():N}.{extension}";
        await _client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = options.Bucket,
            Key = key,
            InputStream = content,
            ContentType = extension switch { "png" => "image/png", "webp" => "image/webp", _ => "image/jpeg" },
            // R2 is HTTPS and takes an unsigned payload (cheaper on large photos); plain HTTP (a local bucket) must sign it.
            DisablePayloadSigning = options.Endpoint!.StartsWith("https://", StringComparison.OrdinalIgnoreCase),
            UseChunkEncoding = false,
            AutoCloseStream = false,
        }, ct);
        return $"{options.PublicBaseUrl!.TrimEnd('/')}/{key}";
    }

    public void Dispose() => _client.Dispose();
}
