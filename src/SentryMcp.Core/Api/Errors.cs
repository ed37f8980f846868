using System.Net;

namespace SentryMcp.Core.Api;

/// <summary>An error caused by the caller's input; its message tells the model what to fix.</summary>
public class UserInputException(string message) : Exception(message);

/// <summary>A non-success answer from the Sentry API, with Sentry's own <c>detail</c> when it gave one.</summary>
public sealed class SentryApiException(HttpStatusCode status, string? detail, string method, string path)
    : Exception(BuildMessage(status, detail, method, path))
{
    public HttpStatusCode StatusCode { get; } = status;
    public string? Detail { get; } = detail;
    public bool IsClientError => (int)StatusCode is >= 400 and < 500;

    private static string BuildMessage(HttpStatusCode status, string? detail, string method, string path) =>
        $"Sentry API {method} {path} failed with HTTP {(int)status}" + (string.IsNullOrWhiteSpace(detail) ? "." : $": {detail}");
}

/// <summary>Sentry answered, but with a body we could not read (truncated or not JSON).</summary>
public sealed class SentryResponseFormatException(string path, Exception inner)
    : Exception($"Sentry API returned a malformed response for {path}.", inner);
