using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Cvety.Api.Errors;

/// <summary>
/// The one place where text that no stored field may hold is refused, before any route sees it: PostgreSQL refuses a
/// NUL character in <c>text</c> and <c>jsonb</c>, and a lone UTF-16 surrogate is not text at all. Refusing them here
/// keeps every route, present and future, from failing with a 500 (or reaching the database with them).
/// <list type="bullet">
/// <item>a control character other than tab, line feed and carriage return in a query parameter or a JSON string: 422
/// naming the parameter or field;</item>
/// <item>a lone surrogate in a JSON string, or a key given twice in one JSON object: 400 naming where;</item>
/// <item>a <c>null</c> element of an array (<c>items: [null]</c>): 422 naming it. No body of the API holds a list with
/// holes, and a null element reached the use cases as a null reference (a 500) on five routes a probe found.</item>
/// </list>
/// Bodies that are not JSON (uploads) are left to their routes.
/// </summary>
public sealed class RequestTextGuard(RequestDelegate next, IProblemDetailsService problems)
{
    /// <summary>Larger JSON bodies are not read here: photo search's base64 image is the largest the API takes.</summary>
    public const long MaxJsonBytes = 16 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext http)
    {
        foreach (var (name, values) in http.Request.Query)
        {
            if (HasControl(name) || values.Any(v => v is not null && HasControl(v)))
            {
                await RefuseAsync(http, StatusCodes.Status422UnprocessableEntity, "Validation failed", Field(name), "must not contain control characters.");
                return;
            }
        }
        if (HasControl(Uri.UnescapeDataString(http.Request.Path.Value ?? "")))
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, "Bad Request", "path", "must not contain control characters.");
            return;
        }

        if (IsJson(http.Request) && http.Request.ContentLength is null or (> 0 and <= MaxJsonBytes))
        {
            var body = await ReadAsync(http.Request.Body, http.RequestAborted);
            if (body is null)
            {
                await RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, "Payload Too Large", "body", $"is larger than {MaxJsonBytes} bytes.");
                return;
            }
            if (Inspect(body) is { } problem)
            {
                await RefuseAsync(http, problem.Status, problem.Status == 422 ? "Validation failed" : "Malformed request body", problem.Field, problem.Message);
                return;
            }
            // The route reads the same bytes again, from memory.
            http.Request.Body = new MemoryStream(body, writable: false);
        }
        await next(http);
    }

    public sealed record Problem(int Status, string Field, string Message);

    /// <summary>The first problem in a JSON document, or null. Invalid JSON is not a problem here: the route's parser says so.</summary>
    public static Problem? Inspect(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        var path = new List<object>();       // property name (string) or index (int) per level
        var keys = new List<HashSet<string>?>(); // the keys seen in each open object
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Advance(path);
                        keys.Add(reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null);
                        path.Add(reader.TokenType == JsonTokenType.StartObject ? "" : -1);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        keys.RemoveAt(keys.Count - 1);
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        if (!TryText(ref reader, out var key)) return new Problem(400, PathOf(path), "holds a lone UTF-16 surrogate, which is not text.");
                        path[^1] = key;
                        if (HasControl(key)) return new Problem(422, PathOf(path), "must not contain control characters.");
                        if (!keys[^1]!.Add(key)) return new Problem(400, PathOf(path), "is given twice in one object.");
                        break;
                    case JsonTokenType.String:
                        Advance(path);
                        if (!TryText(ref reader, out var text)) return new Problem(400, PathOf(path), "holds a lone UTF-16 surrogate, which is not text.");
                        if (HasControl(text)) return new Problem(422, PathOf(path), "must not contain control characters.");
                        break;
                    case JsonTokenType.Null when path.Count > 0 && path[^1] is int:
                        Advance(path);
                        return new Problem(422, PathOf(path), "must not be null: a list holds values.");
                    default:
                        Advance(path);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }

    /// <summary>A value in an array moves its index on; a value of a property keeps the property's name.</summary>
    private static void Advance(List<object> path)
    {
        if (path.Count > 0 && path[^1] is int index) path[^1] = index + 1;
    }

    private static bool TryText(ref Utf8JsonReader reader, out string text)
    {
        try
        {
            text = reader.GetString() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    private static string PathOf(List<object> path)
    {
        var builder = new StringBuilder();
        foreach (var part in path)
        {
            if (part is int i) builder.Append('[').Append(i).Append(']');
            else if (part is string { Length: > 0 } name) builder.Append(builder.Length > 0 ? "." : "").Append(name);
        }
        return builder.Length == 0 ? "body" : builder.ToString();
    }

    private static string Field(string name) => HasControl(name) ? "query" : name;

    /// <summary>C0 controls and DEL, except tab, line feed and carriage return, which notes and addresses may hold.</summary>
    public static bool HasControl(string text)
    {
        foreach (var c in text)
        {
            if ((c < ' ' && c is not ('\t' or '\n' or '\r')) || c == '\u007f') return true;
        }
        return false;
    }

    private static bool IsJson(HttpRequest request) =>
        request.ContentType is { } type && (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Contains("+json", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/json", StringComparison.OrdinalIgnoreCase));

    private static async Task<byte[]?> ReadAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, ct)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxJsonBytes) return null;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }

    private ValueTask RefuseAsync(HttpContext http, int status, string title, string field, string message)
    {
        http.Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [$"'{field}' {message}"] })
            {
                Status = status,
                Title = title,
                Detail = $"'{field}' {message}",
            },
        });
    }
}
