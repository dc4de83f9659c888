using Cvety.Application.Search;
using SkiaSharp;

namespace Cvety.Infrastructure.Search;

/// <summary>
/// The offline embedder: a 512-number descriptor computed from the pixels, no service needed. It is a classic
/// hand-made descriptor, not a neural embedding: it finds the same photo (re-encoded, resized, slightly cropped) and
/// photos of the same colours and layout, but it does not understand "roses" versus "tulips" the way the embedding
/// service's model does. Blocks, each normalised, then weighted:
/// <list type="bullet">
/// <item>108: hue × saturation × value histogram of the whole picture (12 × 3 × 3)</item>
/// <item>128: the same, coarser (8 × 2 × 2), for each quarter: where the colours are</item>
/// <item>128: gradient orientations (8 bins) in a 4 × 4 grid: texture and shape</item>
/// <item>144: a 12 × 12 grey thumbnail, mean-centred: the layout</item>
/// <item>4: mean brightness, mean saturation, edge density, aspect ratio</item>
/// </list>
/// </summary>
public sealed class PixelImageEmbedder(ImageLoader loader) : IImageEmbedder
{
    public const string Model = "cvety-pixel-descriptor-v1";
    private const int Side = 64;

    public async Task<ImageEmbedding> EmbedAsync(ImageInput image, CancellationToken ct)
    {
        var bytes = await loader.LoadAsync(image, ct);
        return new ImageEmbedding(Describe(bytes), Model);
    }

    public static float[] Describe(byte[] encoded)
    {
        SKBitmap? read;
        try
        {
            read = SKBitmap.Decode(encoded);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NullReferenceException)
        {
            read = null;
        }
        using var decoded = read ?? throw new ImageUnreadableException("The file is not an image we can read (JPEG, PNG, WebP, GIF, BMP).");
        var aspect = (float)decoded.Width / Math.Max(1, decoded.Height);
        using var small = decoded.Resize(new SKImageInfo(Side, Side, SKColorType.Rgba8888, SKAlphaType.Unpremul), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
            ?? throw new ImageUnreadableException("The image could not be resized.");

        var h = new float[Side * Side];
        var s = new float[Side * Side];
        var v = new float[Side * Side];
        for (var y = 0; y < Side; y++)
        for (var x = 0; x < Side; x++)
        {
            var c = small.GetPixel(x, y);
            (h[y * Side + x], s[y * Side + x], v[y * Side + x]) = Hsv(c.Red, c.Green, c.Blue);
        }

        var vector = new float[IImageEmbedder.Dimensions];
        var at = 0;
        at = Block(vector, at, ColourHistogram(h, s, v, 0, 0, Side, 12, 3, 3), 1.0f);
        for (var qy = 0; qy < 2; qy++)
        for (var qx = 0; qx < 2; qx++)
            at = Block(vector, at, ColourHistogram(h, s, v, qx * Side / 2, qy * Side / 2, Side / 2, 8, 2, 2), 0.5f);
        var (orientations, edgeDensity) = Gradients(v);
        at = Block(vector, at, orientations, 0.8f);
        at = Block(vector, at, Thumbnail(v), 0.6f);
        vector[at++] = v.Average() * 0.3f;
        vector[at++] = s.Average() * 0.3f;
        vector[at++] = edgeDensity * 0.3f;
        vector[at] = MathF.Min(aspect, 4f) / 4f * 0.3f;
        Normalise(vector);
        return vector;
    }

    private static (float H, float S, float V) Hsv(byte r8, byte g8, byte b8)
    {
        float r = r8 / 255f, g = g8 / 255f, b = b8 / 255f;
        var max = MathF.Max(r, MathF.Max(g, b));
        var min = MathF.Min(r, MathF.Min(g, b));
        var delta = max - min;
        float hue = 0;
        if (delta > 0)
        {
            if (max == r) hue = (g - b) / delta % 6;
            else if (max == g) hue = (b - r) / delta + 2;
            else hue = (r - g) / delta + 4;
            hue /= 6;
            if (hue < 0) hue += 1;
        }
        return (hue, max == 0 ? 0 : delta / max, max);
    }

    /// <summary>Square roots of the bin shares (the Hellinger form), so that cosine compares distributions fairly.</summary>
    private static float[] ColourHistogram(float[] h, float[] s, float[] v, int x0, int y0, int size, int hb, int sb, int vb)
    {
        var bins = new float[hb * sb * vb];
        for (var y = y0; y < y0 + size; y++)
        for (var x = x0; x < x0 + size; x++)
        {
            var i = y * Side + x;
            var hi = Math.Min(hb - 1, (int)(h[i] * hb));
            var si = Math.Min(sb - 1, (int)(s[i] * sb));
            var vi = Math.Min(vb - 1, (int)(v[i] * vb));
            bins[(hi * sb + si) * vb + vi]++;
        }
        var total = (float)(size * size);
        for (var i = 0; i < bins.Length; i++) bins[i] = MathF.Sqrt(bins[i] / total);
        return bins;
    }

    private static (float[] Histogram, float EdgeDensity) Gradients(float[] v)
    {
        const int cells = 4, bins = 8;
        var histogram = new float[cells * cells * bins];
        var cell = Side / cells;
        var edges = 0;
        for (var y = 1; y < Side - 1; y++)
        for (var x = 1; x < Side - 1; x++)
        {
            var gx = v[y * Side + x + 1] - v[y * Side + x - 1];
            var gy = v[(y + 1) * Side + x] - v[(y - 1) * Side + x];
            var magnitude = MathF.Sqrt(gx * gx + gy * gy);
            if (magnitude > 0.1f) edges++;
            var angle = MathF.Atan2(gy, gx);
            if (angle < 0) angle += MathF.PI;
            var bin = Math.Min(bins - 1, (int)(angle / MathF.PI * bins));
            histogram[((y / cell) * cells + x / cell) * bins + bin] += magnitude;
        }
        for (var i = 0; i < histogram.Length; i++) histogram[i] = MathF.Sqrt(histogram[i]);
        return (histogram, edges / (float)((Side - 2) * (Side - 2)));
    }

    private static float[] Thumbnail(float[] v)
    {
        const int n = 12;
        var thumb = new float[n * n];
        for (var y = 0; y < Side; y++)
        for (var x = 0; x < Side; x++)
            thumb[Math.Min(n - 1, y * n / Side) * n + Math.Min(n - 1, x * n / Side)] += v[y * Side + x];
        var mean = thumb.Average();
        for (var i = 0; i < thumb.Length; i++) thumb[i] -= mean;
        return thumb;
    }

    private static int Block(float[] vector, int at, float[] block, float weight)
    {
        var norm = MathF.Sqrt(block.Sum(x => x * x));
        for (var i = 0; i < block.Length; i++) vector[at + i] = norm > 0 ? block[i] / norm * weight : 0;
        return at + block.Length;
    }

    public static void Normalise(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        if (norm > 0) for (var i = 0; i < vector.Length; i++) vector[i] /= norm;
    }
}
