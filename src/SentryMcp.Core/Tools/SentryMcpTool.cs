// Logging (notifications/message) is deprecated from MCP 2026-07-28 (SEP-2577) but current for the
// 2025-06-18 and 2025-11-25 clients we serve, and 2026-07-28 clients may still ask per request.
#pragma warning disable MCP9005
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SentryMcp.Core.Api;
using SentryMcp.Core.Telemetry;

namespace SentryMcp.Core.Tools;

/// <summary>
/// One tool as a session sees it: pinned parameters removed from the schema and injected into
/// calls, arguments held to <see cref="ToolInputLimits"/>, and failures turned into <c>isError</c>
/// results whose text says what to do next.
/// </summary>
public sealed class SentryMcpTool : DelegatingMcpServerTool
{
    private readonly SentryToolDescriptor _descriptor;
    private readonly IReadOnlyDictionary<string, JsonElement> _injected;
    private readonly Tool _protocolTool;

    public SentryMcpTool(SentryToolDescriptor descriptor, IReadOnlyDictionary<string, string> pinned) : base(descriptor.Tool)
    {
        _descriptor = descriptor;
        var inner = descriptor.Tool.ProtocolTool;
        var schema = JsonNode.Parse(inner.InputSchema.GetRawText())!.AsObject();
        var injected = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, value) in pinned)
            {
                if (properties.Remove(name))
                {
                    injected[name] = JsonSerializer.SerializeToElement(value.Length == 0 ? null : value, SentryMcp.Core.SentryMcpJsonContext.Default.String);
                }
            }
            if (schema["required"] is JsonArray required)
            {
                foreach (var item in required.Where(r => r is not null && injected.ContainsKey(r.GetValue<string>())).ToList())
                {
                    required.Remove(item);
                }
            }
        }
        var normalized = PlainOptionalProperties(schema);
        _injected = injected;
        _protocolTool = injected.Count == 0 && !normalized ? inner : new Tool
        {
            Name = inner.Name,
            Title = inner.Title,
            Description = inner.Description,
            Annotations = inner.Annotations,
            InputSchema = JsonSerializer.SerializeToElement(schema, SentryMcp.Core.SentryMcpJsonContext.Default.JsonObject),
            OutputSchema = inner.OutputSchema,
            Icons = inner.Icons,
            Meta = inner.Meta,
        };
    }

    public override Tool ProtocolTool => _protocolTool;

    public SentryToolDescriptor Descriptor => _descriptor;

    /// <summary>
    /// Optional parameters as plain optional properties: <c>"type": ["string", "null"]</c> with
    /// <c>"default": null</c> becomes <c>"type": "string"</c> (some clients' schema dialects reject
    /// type unions); leaving the property out means the same thing.
    /// </summary>
    private static bool PlainOptionalProperties(JsonObject schema)
    {
        if (schema["properties"] is not JsonObject properties)
        {
            return false;
        }
        var required = schema["required"] is JsonArray list
            ? list.Select(r => r?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];
        var changed = false;
        foreach (var (name, node) in properties)
        {
            if (required.Contains(name) || node is not JsonObject property)
            {
                continue;
            }
            if (property["type"] is JsonArray types && types.Count == 2 && types.Any(t => t?.GetValue<string>() == "null"))
            {
                property["type"] = types.First(t => t?.GetValue<string>() != "null")!.GetValue<string>();
                changed = true;
            }
            if (property.TryGetPropertyValue("default", out var value) && value is null)
            {
                property.Remove("default");
                changed = true;
            }
            if (property["enum"] is JsonArray values && values.Any(v => v is null))
            {
                foreach (var nullValue in values.Where(v => v is null).ToList())
                {
                    values.Remove(nullValue);
                }
                changed = true;
            }
        }
        return changed;
    }

    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        if (_injected.Count > 0 && request.Params is { } parameters)
        {
            var arguments = parameters.Arguments is null
                ? new Dictionary<string, JsonElement>(StringComparer.Ordinal)
                : new Dictionary<string, JsonElement>(parameters.Arguments, StringComparer.Ordinal);
            foreach (var (name, value) in _injected)
            {
                arguments[name] = value;
            }
            parameters.Arguments = arguments;
        }
        using var activity = SentryMcpTelemetry.Source.StartActivity("mcp.tool " + _descriptor.Name, ActivityKind.Internal);
        activity?.SetTag("mcp.tool.name", _descriptor.Name);
        var started = Stopwatch.GetTimestamp();
        var outcome = SentryMcpTelemetry.Outcomes.Ok;
        var log = ClientLog.For(request);
        using var logScope = log?.Activate();
        if (log is not null)
        {
            await log.LogAsync(LoggingLevel.Info, $"Calling tool {_descriptor.Name}.", cancellationToken).ConfigureAwait(false);
        }
        try
        {
            // Before the tool runs: nothing oversized reaches Sentry or the search translator's model.
            ToolInputLimits.Check(request.Params?.Arguments);
            var result = await base.InvokeAsync(request, cancellationToken).ConfigureAwait(false);
            outcome = result.IsError == true ? SentryMcpTelemetry.Outcomes.ToolError : SentryMcpTelemetry.Outcomes.Ok;
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = SentryMcpTelemetry.Outcomes.Cancelled;
            throw;
        }
        catch (Exception ex) when (Unwrap(ex) is InputRequiredException inputRequired)
        {
            // The tool asks the user first (UserConfirmation); the SDK turns this into the question.
            outcome = SentryMcpTelemetry.Outcomes.InputRequired;
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inputRequired);
            throw;
        }
        catch (Exception ex)
        {
            var root = Unwrap(ex);
            outcome = OutcomeOf(root);
            if (root is SentryApiException { StatusCode: System.Net.HttpStatusCode.Unauthorized } &&
                request.Services?.GetService<ISentryCredentialObserver>() is { } observer)
            {
                await observer.CredentialsRejectedAsync(CancellationToken.None).ConfigureAwait(false);
            }
            return ToErrorResult(ex, request.Services);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            activity?.SetTag("mcp.tool.outcome", outcome);
            if (outcome is not (SentryMcpTelemetry.Outcomes.Ok or SentryMcpTelemetry.Outcomes.Cancelled))
            {
                activity?.SetStatus(ActivityStatusCode.Error);
            }
            SentryMcpTelemetry.ToolDuration.Record(elapsed,
                new KeyValuePair<string, object?>("tool", _descriptor.Name), new KeyValuePair<string, object?>("outcome", outcome));
            if (log is not null)
            {
                var level = outcome switch
                {
                    SentryMcpTelemetry.Outcomes.Ok or SentryMcpTelemetry.Outcomes.InputRequired or SentryMcpTelemetry.Outcomes.Cancelled => LoggingLevel.Info,
                    SentryMcpTelemetry.Outcomes.Unexpected => LoggingLevel.Error,
                    _ => LoggingLevel.Warning,
                };
                await log.LogAsync(level, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Tool {_descriptor.Name} finished in {elapsed:0} ms: {outcome}."), CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static Exception Unwrap(Exception ex) => ex is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : ex;

    private static string OutcomeOf(Exception root) => root switch
    {
        UserInputException or ArgumentException or JsonException => SentryMcpTelemetry.Outcomes.InputError,
        SentryApiException => SentryMcpTelemetry.Outcomes.SentryError,
        SentryUnavailableException or SentryResponseFormatException => SentryMcpTelemetry.Outcomes.Unavailable,
        _ => SentryMcpTelemetry.Outcomes.Unexpected,
    };

    private CallToolResult ToErrorResult(Exception ex, IServiceProvider? services)
    {
        var root = Unwrap(ex);
        var text = root switch
        {
            UserInputException input => $"**Input Error**: {input.Message}\n\nCorrect the arguments and try again.",
            SentryApiException { IsClientError: true } api => ClientErrorText(api),
            SentryApiException api => $"**Sentry API Error** (HTTP {(int)api.StatusCode}): Sentry failed to process the request" +
                (string.IsNullOrWhiteSpace(api.Detail) ? "." : $": {api.Detail}") + "\n\nThis is a problem on Sentry's side; try again later.",
            SentryUnavailableException => "**Sentry Unavailable**: Sentry did not answer in time or dropped the connection, after retries.\n\nTry again later.",
            SentryResponseFormatException => "**Sentry API Error**: Sentry returned a malformed response.\n\nTry again later.",
            ArgumentException or JsonException => $"**Input Error**: The arguments for '{_descriptor.Name}' are invalid: {root.Message}",
            McpException mcp => mcp.Message,
            _ => null,
        };
        if (text is null)
        {
            var eventId = Guid.NewGuid().ToString("N")[..12];
            services?.GetService<ILoggerFactory>()?.CreateLogger<SentryMcpTool>()
                .LogError(root, "Tool {Tool} failed unexpectedly (reference {Reference})", _descriptor.Name, eventId);
            text = $"**Error**: An unexpected error occurred while running '{_descriptor.Name}' (reference {eventId}).";
        }
        return new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = text }] };
    }

    private string ClientErrorText(SentryApiException api)
    {
        var detail = string.IsNullOrWhiteSpace(api.Detail) ? null : api.Detail;
        var hint = (int)api.StatusCode switch
        {
            401 => "The Sentry access token is invalid or expired. Sign in again or provide a new token.",
            403 => "The access token lacks permission for this request" +
                (_descriptor.Scopes.Count > 0 ? $" (this tool needs the scopes: {string.Join(", ", _descriptor.Scopes)})." : "."),
            404 => "The resource was not found. Check the organization/project slugs and identifiers (find_organizations and find_projects list the valid ones).",
            429 => "Sentry's rate limit was reached. Wait a little before trying again.",
            _ => "Check the arguments and try again.",
        };
        return $"**Input Error** (HTTP {(int)api.StatusCode}): {detail ?? "Sentry refused the request."}\n\n{hint}";
    }
}
