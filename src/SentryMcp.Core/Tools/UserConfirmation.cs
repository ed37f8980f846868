using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Microsoft.Extensions.Options;
using SentryMcp.Core.Hosting;

namespace SentryMcp.Core.Tools;

public enum ConfirmationOutcome
{
    /// <summary>The client cannot be asked (no elicitation capability, or stateless HTTP before 2026-07-28): today's behaviour.</summary>
    NotAsked,
    Confirmed,
    Declined,
    Cancelled,
}

/// <summary>How long a tool waits for the user to answer a confirmation (section <c>Confirmation</c>).</summary>
public sealed class ConfirmationOptions
{
    public const string SectionName = "Confirmation";

    /// <summary>A client that declares elicitation and never answers must not hold the call forever.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);
}

public sealed class ConfirmationOptionsValidator : IValidateOptions<ConfirmationOptions>
{
    public ValidateOptionsResult Validate(string? name, ConfirmationOptions options) => new OptionsProblems()
        .Require(options.Timeout > TimeSpan.Zero, "Confirmation:Timeout must be a positive time span, e.g. Confirmation__Timeout=00:05:00.")
        .Result;
}

/// <summary>
/// Asks the user, through the client's <c>elicitation/create</c>, to confirm a billed or destructive
/// action before a tool performs it. On 2026-07-28 sessions the question travels as an
/// input-required result (the client answers with the retried call, so stateless HTTP works too);
/// on older stateful sessions (stdio, <c>/sse</c>) the server sends the request and waits, bounded by
/// <see cref="ConfirmationOptions.Timeout"/> and the call's cancellation.
/// </summary>
public static class UserConfirmation
{
    /// <summary>The key of the confirmation in input requests and responses, and the schema's one field.</summary>
    public const string Key = "confirm";

    /// <summary>The first revision with per-request metadata and input-required results (MRTR).</summary>
    internal const string FirstMrtrRevision = "2026-07-28";

    private static readonly ElicitRequestParams.RequestSchema Schema = new()
    {
        Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>
        {
            [Key] = new ElicitRequestParams.BooleanSchema { Title = "Go ahead", Description = "Check to let the server do this now." },
        },
        Required = [Key],
    };

    public static async Task<ConfirmationOutcome> AskAsync(RequestContext<CallToolRequestParams> request, string message, TimeSpan timeout, CancellationToken ct)
    {
        // The answer counts only for the question it was given to: the request state names the question,
        // so a retry whose arguments changed (a different slug, another issue) is asked again.
        var question = QuestionState(message);
        if (request.Params?.InputResponses is { } responses && responses.TryGetValue(Key, out var response) && request.Params.RequestState == question)
        {
            return Interpret(Read(response));
        }
        var server = request.Server;
        var capabilities = request.JsonRpcRequest.Context?.ClientCapabilities ?? server.ClientCapabilities;
        // An empty elicitation capability means form mode; a URL-only client cannot show a form.
        if (capabilities?.Elicitation is not { } elicitation || (elicitation.Form is null && elicitation.Url is not null))
        {
            return ConfirmationOutcome.NotAsked;
        }
        var parameters = new ElicitRequestParams { Message = message, RequestedSchema = Schema };
        var version = request.JsonRpcRequest.Context?.ProtocolVersion ?? server.NegotiatedProtocolVersion;
        if (version is not null && string.CompareOrdinal(version, FirstMrtrRevision) >= 0)
        {
            throw new InputRequiredException(new Dictionary<string, InputRequest> { [Key] = InputRequest.ForElicitation(parameters) }, question);
        }
        if (!server.IsMrtrSupported)
        {
            // Stateless HTTP on an older revision: no channel for a server-to-client request.
            return ConfirmationOutcome.NotAsked;
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        ElicitResult result;
        try
        {
            result = await server.ElicitAsync(parameters, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new McpException($"**Not done**: the confirmation request got no answer within {timeout.TotalSeconds:0.#}s, so nothing was changed in Sentry. Ask the user, then call the tool again.");
        }
        catch (Exception ex) when (ex is McpException or JsonException)
        {
            throw Malformed();
        }
        return Interpret(result);
    }

    private static string QuestionState(string message) =>
        "confirm:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(message)))[..32];

    /// <summary>The result text of a tool whose action the user declined or cancelled.</summary>
    public static string NotDone(ConfirmationOutcome outcome, string action) =>
        $"**Not done**: the user {(outcome == ConfirmationOutcome.Cancelled ? "cancelled" : "declined")} the confirmation to {action}. " +
        "Nothing was changed in Sentry. Do not retry unless the user asks for it again.";

    private static ElicitResult Read(InputResponse response)
    {
        try
        {
            return response.Deserialize(InputResponse.ElicitResultJsonTypeInfo) ?? throw Malformed();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
        {
            throw Malformed();
        }
    }

    private static ConfirmationOutcome Interpret(ElicitResult result) => result.Action switch
    {
        "decline" => ConfirmationOutcome.Declined,
        "cancel" => ConfirmationOutcome.Cancelled,
        "accept" when result.Content is { } content && content.TryGetValue(Key, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False =>
            value.ValueKind == JsonValueKind.True ? ConfirmationOutcome.Confirmed : ConfirmationOutcome.Declined,
        _ => throw Malformed(),
    };

    private static McpException Malformed() =>
        new($"**Not done**: the answer to the confirmation request was malformed (expected action accept/decline/cancel and a boolean '{Key}'), so nothing was changed in Sentry.");
}
