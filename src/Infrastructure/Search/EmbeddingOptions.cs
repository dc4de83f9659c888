namespace Cvety.Infrastructure.Search;

/// <summary>Cvety:Embeddings. Without a BaseUrl, the offline pixel descriptor embeds images.</summary>
public sealed class EmbeddingOptions
{
    public const string Section = "Cvety:Embeddings";

    /// <summary>The embedding service (<c>POST {BaseUrl}/embed/image</c>).</summary>
    [Cvety.Application.Common.HttpUrl]
    public string? BaseUrl { get; set; }

    /// <summary>Sent as a bearer token when set.</summary>
    public string? ApiKey { get; set; }

    [System.ComponentModel.DataAnnotations.Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>Where our relative image URLs (<c>/media/...</c>) are reachable from outside, for the embedding service to fetch.</summary>
    [Cvety.Application.Common.HttpUrl]
    public string? PublicBaseUrl { get; set; }

    /// <summary>Fetch images from loopback and private addresses (tests and local setups only: it opens a path to internal services).</summary>
    public bool AllowPrivateImageHosts { get; set; }

    /// <summary>
    /// Origins (<c>http://host:port</c>) whose images are fetched even on a private network, such as a media server on
    /// the shop's LAN. A redirect from one of them to anywhere else is checked like any other URL.
    /// </summary>
    public string[] TrustedImageOrigins { get; set; } = [];

    public int MaxImageBytes { get; set; } = 10 * 1024 * 1024;

    public bool UsesService => !string.IsNullOrWhiteSpace(BaseUrl);
}
