using System.Net;

namespace CharBert.Hub.Http;

/// <summary>What a request was about, so that its failure names the repo, revision and file.</summary>
sealed record HubRequestContext(string Endpoint, RepoId Repo, string Revision, string? File = null)
{
    public HubRequestContext ForFile(string file, string revision) => this with { File = file, Revision = revision };
}

/// <summary>Turns a hub error answer into one line that says what to do, reading the hub's
/// <c>X-Error-Code</c> (RepoNotFound, RevisionNotFound, EntryNotFound, GatedRepo) like huggingface_hub does.</summary>
static class HubErrors
{
    const string InvalidCredentials = "Invalid credentials in Authorization header";

    public static HubException FromResponse(HttpResponseMessage response, HubRequestContext context, bool tokenSent)
    {
        var status = (int)response.StatusCode;
        var code = HubHttp.Header(response, "X-Error-Code");
        var serverMessage = HubHttp.Header(response, "X-Error-Message");
        var url = response.RequestMessage?.RequestUri?.ToString() ?? context.Endpoint;
        var repo = context.Repo;
        var what = context.File != null ? $"{context.File} of {repo}" : repo.ToString();

        if (code == "GatedRepo")
            return new HubException(HubErrorKind.Gated,
                $"{repo} is a gated model ({status}): accept its conditions at {context.Endpoint}/{repo} and pass a token of that account (--token or HF_TOKEN)"
                + (tokenSent ? "; the token given has no access yet" : ""));
        switch (response.StatusCode)
        {
            case HttpStatusCode.Unauthorized when serverMessage == InvalidCredentials:
                return new HubException(HubErrorKind.Unauthorized, "the hub refused the token (401, invalid credentials): check --token / HF_TOKEN");
            case HttpStatusCode.Unauthorized:
                return new HubException(HubErrorKind.Unauthorized, tokenSent
                    ? $"401 Unauthorized for {what}: the repository does not exist or the token has no access to it"
                    : $"401 Unauthorized for {what}: the repository does not exist, or it is private or gated and needs a token (--token or HF_TOKEN)");
            case HttpStatusCode.Forbidden:
                return new HubException(HubErrorKind.Forbidden, tokenSent
                    ? $"403 Forbidden for {what}: the token has no access to it{Detail(serverMessage)}"
                    : $"403 Forbidden for {what}: pass a token with access (--token or HF_TOKEN){Detail(serverMessage)}");
            case HttpStatusCode.NotFound when code == "RepoNotFound":
                return new HubException(HubErrorKind.RepoNotFound, $"repository {repo} not found on {context.Endpoint} (404)");
            case HttpStatusCode.NotFound when code == "RevisionNotFound":
                return new HubException(HubErrorKind.RevisionNotFound, $"revision '{context.Revision}' not found in {repo} (404)");
            case HttpStatusCode.NotFound when context.File != null:
                return new HubException(HubErrorKind.EntryNotFound, $"{context.File} not found in {repo} at revision '{context.Revision}' (404)");
            case HttpStatusCode.NotFound:
                return new HubException(HubErrorKind.RepoNotFound, $"{url} not found (404){Detail(serverMessage)}");
        }
        return status >= 500
            ? new HubException(HubErrorKind.Server, $"the hub answered {status} {response.ReasonPhrase} for {url}{Detail(serverMessage)}")
            : new HubException(HubErrorKind.NotAHub, $"unexpected answer {status} {response.ReasonPhrase} for {url}{Detail(serverMessage)}");
    }

    static string Detail(string? serverMessage) => string.IsNullOrWhiteSpace(serverMessage) ? "" : $" ({serverMessage})";
}
