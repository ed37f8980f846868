using System.Text.Json.Nodes;
using SentryMcp.Core.Api.Models;

namespace SentryMcp.Core.Api;

/// <summary>Changing a client key (DSN): name, status, rate limit and loader script options.</summary>
public sealed partial class SentryApiClient
{
    public Task<SentryClientKeySettings> UpdateClientKeyAsync(string organizationSlug, string projectSlug, string keyId, ClientKeyChanges changes, string? regionUrl, CancellationToken ct)
    {
        var body = new JsonObject();
        if (changes.Name is not null)
        {
            body["name"] = changes.Name;
        }
        if (changes.IsActive is { } active)
        {
            body["isActive"] = active;
        }
        if (changes.RemoveRateLimit)
        {
            body["rateLimit"] = null;
        }
        else if (changes.RateLimit is { } limit)
        {
            body["rateLimit"] = new JsonObject { ["window"] = limit.Window, ["count"] = limit.Count };
        }
        if (changes.BrowserSdkVersion is not null)
        {
            body["browserSdkVersion"] = changes.BrowserSdkVersion;
        }
        if (changes.DynamicSdkLoaderOptions is { } loader)
        {
            var options = new JsonObject();
            Set(options, "hasReplay", loader.HasReplay);
            Set(options, "hasPerformance", loader.HasPerformance);
            Set(options, "hasDebug", loader.HasDebug);
            Set(options, "hasFeedback", loader.HasFeedback);
            Set(options, "hasLogsAndMetrics", loader.HasLogsAndMetrics);
            body["dynamicSdkLoaderOptions"] = options;
        }
        return SendJsonAsync<SentryClientKeySettings>(HttpMethod.Put, ApiPath.Of("projects", organizationSlug, projectSlug, "keys", keyId), body, regionUrl, ct);
    }

    private static void Set(JsonObject target, string name, bool? value)
    {
        if (value is { } v)
        {
            target[name] = v;
        }
    }
}
