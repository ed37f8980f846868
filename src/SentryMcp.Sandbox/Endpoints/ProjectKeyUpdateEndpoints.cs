using System.Text.Json;
using System.Text.Json.Nodes;

namespace SentryMcp.Sandbox;

/// <summary>
/// <c>PUT /projects/{org}/{proj}/keys/{keyId}/</c>: only the fields present change, as in Sentry;
/// bad values are Sentry's field errors (<c>{"field": ["message"]}</c>) and change nothing.
/// </summary>
public static class ProjectKeyUpdateEndpoints
{
    private static readonly (string Json, Action<SandboxLoaderOptions, bool> Set)[] LoaderFields =
    [
        ("hasReplay", (o, v) => o.HasReplay = v),
        ("hasPerformance", (o, v) => o.HasPerformance = v),
        ("hasDebug", (o, v) => o.HasDebug = v),
        ("hasFeedback", (o, v) => o.HasFeedback = v),
        ("hasLogsAndMetrics", (o, v) => o.HasLogsAndMetrics = v),
    ];

    public static void MapProjectKeyUpdateEndpoints(this RouteGroupBuilder api)
    {
        api.MapPut("/projects/{org}/{proj}/keys/{keyId}/", async (HttpContext http, SandboxState state, string org, string proj, string keyId) =>
        {
            var (body, error) = await SandboxRequests.ReadObjectAsync(http);
            if (body is null)
            {
                return error!;
            }
            lock (state.Gate)
            {
                var project = state.Data.Project(org, proj);
                var key = project is null ? null : state.Data.ProjectKeys.FirstOrDefault(k => k.ProjectId == project.Id && k.Public == keyId);
                if (key is null)
                {
                    return SentryErrors.NotFound();
                }
                var invalid = Validate(body);
                if (invalid is not null)
                {
                    return invalid;
                }
                Apply(body, key);
                return Results.Json(SandboxShapes.ProjectKeyJson(http, key));
            }
        }).RequireScope("project:write", "project:admin");
    }

    private static IResult? Validate(JsonObject body)
    {
        if (body.ContainsKey("name") && (!IsString(body["name"], out var name) || name.Length > SandboxRequests.MaxNameLength))
        {
            return SandboxRequests.FieldError("name", $"Ensure this field has no more than {SandboxRequests.MaxNameLength} characters.");
        }
        if (body.ContainsKey("isActive") && !IsBool(body["isActive"], out _))
        {
            return SandboxRequests.FieldError("isActive", "Must be a valid boolean.");
        }
        if (body["rateLimit"] is JsonObject limit)
        {
            if (!IsInt(limit["window"], out var window) || window < 0 || window > SandboxKeySettings.MaxRateLimitWindow)
            {
                return SandboxRequests.FieldError("rateLimit", $"window: Ensure this value is between 0 and {SandboxKeySettings.MaxRateLimitWindow}.");
            }
            if (!IsInt(limit["count"], out var count) || count < 0)
            {
                return SandboxRequests.FieldError("rateLimit", "count: Ensure this value is greater than or equal to 0.");
            }
        }
        else if (body.ContainsKey("rateLimit") && body["rateLimit"] is not null)
        {
            return SandboxRequests.FieldError("rateLimit", "Expected an object with window and count, or null.");
        }
        if (body.ContainsKey("browserSdkVersion")
            && (!IsString(body["browserSdkVersion"], out var version) || !SandboxKeySettings.BrowserSdkVersions.Contains(version)))
        {
            return SandboxRequests.FieldError("browserSdkVersion", $"\"{body["browserSdkVersion"]}\" is not a valid choice.");
        }
        if (body.ContainsKey("dynamicSdkLoaderOptions"))
        {
            if (body["dynamicSdkLoaderOptions"] is not JsonObject options)
            {
                return SandboxRequests.FieldError("dynamicSdkLoaderOptions", "Expected an object.");
            }
            foreach (var (field, _) in LoaderFields)
            {
                if (options.ContainsKey(field) && !IsBool(options[field], out _))
                {
                    return SandboxRequests.FieldError("dynamicSdkLoaderOptions", $"{field}: Must be a valid boolean.");
                }
            }
        }
        return null;
    }

    private static void Apply(JsonObject body, SandboxProjectKey key)
    {
        if (IsString(body["name"], out var name) && name.Trim().Length > 0)
        {
            key.Name = name.Trim();
        }
        if (IsBool(body["isActive"], out var active))
        {
            key.IsActive = active;
        }
        if (body.ContainsKey("rateLimit"))
        {
            // Sentry treats a zero window or count as no limit at all.
            key.RateLimit = body["rateLimit"] is JsonObject limit && IsInt(limit["window"], out var window) && IsInt(limit["count"], out var count)
                && window > 0 && count > 0
                ? new SandboxRateLimit((int)window, count) : null;
        }
        if (IsString(body["browserSdkVersion"], out var version))
        {
            key.BrowserSdkVersion = version;
        }
        if (body["dynamicSdkLoaderOptions"] is JsonObject options)
        {
            foreach (var (field, set) in LoaderFields)
            {
                if (IsBool(options[field], out var value))
                {
                    set(key.LoaderOptions, value);
                }
            }
        }
    }

    private static bool IsString(JsonNode? node, out string value)
    {
        value = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : "";
        return node is JsonValue s && s.GetValueKind() == JsonValueKind.String;
    }

    private static bool IsBool(JsonNode? node, out bool value)
    {
        var kind = node is JsonValue v ? v.GetValueKind() : JsonValueKind.Undefined;
        value = kind == JsonValueKind.True;
        return kind is JsonValueKind.True or JsonValueKind.False;
    }

    private static bool IsInt(JsonNode? node, out long value)
    {
        value = 0;
        return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out value);
    }
}
