using System.Net;
using System.Net.Http.Headers;

namespace CharBert.Hub.Http;

/// <summary>The one HttpClient of a hub session. Redirects are followed here, not by the handler, so that
/// the token goes only to the endpoint's own origin (scheme, host and port): the hub redirects LFS files to
/// a CDN with a signed URL, which must never see the user's token.</summary>
sealed class HubHttp : IDisposable
{
    const int MaxRedirects = 10;
    readonly HttpClient client;
    readonly Uri endpoint;
    readonly string? token;

    public HubHttp(HubSettings settings)
    {
        endpoint = new Uri(settings.Endpoint + "/");
        token = settings.Token;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None, // Content-Length must be the file's size
            ConnectTimeout = settings.MetadataTimeout,
            UseCookies = false,
        };
        client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("charbert", typeof(HubHttp).Assembly.GetName().Version?.ToString(3) ?? "0"));
    }

    public bool HasToken => token != null;

    /// <summary>True when a request to <paramref name="url"/> carries the token.</summary>
    public bool SendsTokenTo(Uri url) => token != null && SameOrigin(url, endpoint);

    /// <summary>Sends a request, following redirects while <paramref name="follow"/> allows (it sees the
    /// current and the next URL); a redirect it refuses is returned as is. The response headers must arrive
    /// within <paramref name="headerTimeout"/>. <paramref name="configure"/> adds headers (e.g. Range) to every hop.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, Func<Uri, Uri, bool> follow,
        TimeSpan headerTimeout, Action<HttpRequestMessage>? configure, CancellationToken cancel)
    {
        var current = url;
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(method, current);
            if (SendsTokenTo(current)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            configure?.Invoke(request);
            var response = await SendWithTimeoutAsync(request, headerTimeout, cancel);
            if (!IsRedirect(response.StatusCode) || response.Headers.Location == null) return response;
            var next = new Uri(current, response.Headers.Location);
            if (!follow(current, next)) return response;
            response.Dispose();
            if (hop == MaxRedirects)
                throw new HubException(HubErrorKind.NotAHub, $"more than {MaxRedirects} redirects from {url}");
            current = next;
        }
    }

    async Task<HttpResponseMessage> SendWithTimeoutAsync(HttpRequestMessage request, TimeSpan timeout, CancellationToken cancel)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timer.CancelAfter(timeout);
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timer.Token);
        }
        catch (OperationCanceledException e) when (!cancel.IsCancellationRequested)
        {
            throw new HubException(HubErrorKind.Network,
                $"no answer from {request.RequestUri!.GetLeftPart(UriPartial.Authority)} within {timeout.TotalSeconds:0.#} s (HF_HUB_ETAG_TIMEOUT / HF_HUB_DOWNLOAD_TIMEOUT raise the limit)", e);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(request.RequestUri!, e);
        }
    }

    public static HubException Unreachable(Uri url, Exception e) =>
        new(HubErrorKind.Network, $"cannot reach {url.GetLeftPart(UriPartial.Authority)}: {e.Message}", e);

    public static bool SameOrigin(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer | UriComponents.Port, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    public static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    /// <summary>A header's first value, or null (ETag and the X-* headers are read raw, unparsed).</summary>
    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? values.FirstOrDefault()
            : null;

    public void Dispose() => client.Dispose();
}
