namespace Cvety.Infrastructure;

/// <summary>
/// One outbound HTTP call with its own timeout. No answer (network error or timeout, but not our own cancellation)
/// becomes the adapter's "try again later" exception, made by <paramref name="unavailable"/>.
/// </summary>
public static class TimedHttp
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, TimeSpan timeout,
        Func<Exception, Exception> unavailable, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try
        {
            return await http.SendAsync(request, timer.Token);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw unavailable(e);
        }
    }
}
