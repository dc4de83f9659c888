using Serilog.Context;

namespace Cvety.Api.Operations;

/// <summary>
/// Gives every request an id (the caller's <c>X-Request-Id</c> when it is sane, otherwise ours), returns it in the
/// response, and puts it on every log line written while the request runs.
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next)
{
    public const string Header = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[Header].ToString();
        if (incoming.Length is > 0 and <= 64 && incoming.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
            context.TraceIdentifier = incoming;
        var id = context.TraceIdentifier;
        context.Response.Headers[Header] = id;
        using (LogContext.PushProperty("RequestId", id))
        {
            await next(context);
        }
    }
}
