using System.ClientModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace SentryMcp.Core.Telemetry;

/// <summary>
/// Telemetry of language-model calls. <see cref="Wrap"/> puts Microsoft.Extensions.AI's
/// <c>UseOpenTelemetry()</c> around the model: it makes the span <c>chat {model}</c> (kind Client,
/// OpenTelemetry GenAI conventions) and the <c>gen_ai.client.*</c> metrics on our source and meter, with
/// sensitive data off, so messages, prompts and completions are never recorded. This client runs inside
/// it and adds what the conventions have no name for: <c>llm.purpose</c>, <c>llm.outcome</c> and the HTTP
/// status of an API error on that span, and the <c>sentry_mcp.llm.*</c> metrics by purpose and outcome.
/// </summary>
public sealed class LlmTelemetryChatClient(IChatClient inner, string model, string purpose) : DelegatingChatClient(inner)
{
    /// <summary>The model client with its telemetry: <paramref name="purpose"/> is <c>chat</c> or <c>search_translation</c>.</summary>
    public static IChatClient Wrap(IChatClient model, string modelName, string purpose) =>
        model.AsBuilder()
            .UseOpenTelemetry(sourceName: SentryMcpTelemetry.Name, configure: otel => otel.EnableSensitiveData = false)
            .Use(client => new LlmTelemetryChatClient(client, modelName, purpose))
            .Build();

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var call = new LlmCall(model, purpose, cancellationToken);
        try
        {
            var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            call.Observe(response.FinishReason, response.Usage);
            call.Completed();
            return response;
        }
        catch (Exception ex)
        {
            call.Failed(ex);
            throw;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // A caller that stops reading early ends the call here too (Dispose runs from the iterator's finally).
        using var call = new LlmCall(model, purpose, cancellationToken);
        IAsyncEnumerator<ChatResponseUpdate> updates;
        try
        {
            updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception ex)
        {
            call.Failed(ex);
            throw;
        }
        try
        {
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync().ConfigureAwait(false))
                    {
                        call.Completed();
                        break;
                    }
                }
                catch (Exception ex)
                {
                    call.Failed(ex);
                    throw;
                }
                var update = updates.Current;
                call.Observe(update);
                yield return update;
            }
        }
        finally
        {
            await updates.DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed class LlmCall(string model, string purpose, CancellationToken ct) : IDisposable
    {
        // The span UseOpenTelemetry started around this call; null when nobody listens.
        private readonly Activity? _activity = Activity.Current is { Kind: ActivityKind.Client } current && current.Source.Name == SentryMcpTelemetry.Name &&
            current.OperationName.StartsWith("chat", StringComparison.Ordinal) ? current : null;
        private readonly long _started = Stopwatch.GetTimestamp();
        private string? _outcome;
        private int? _status;
        private bool _failed;
        private bool _received;
        private ChatFinishReason? _finish;
        private long? _input;
        private long? _output;

        public void Observe(ChatResponseUpdate update)
        {
            _received = true;
            Observe(update.FinishReason, update.Contents.OfType<UsageContent>().FirstOrDefault()?.Details);
        }

        public void Observe(ChatFinishReason? finish, UsageDetails? usage)
        {
            _finish = finish ?? _finish;
            if (usage is not null)
            {
                _input = usage.InputTokenCount ?? _input;
                _output = usage.OutputTokenCount ?? _output;
            }
        }

        /// <summary>The answer ended normally; without a finish reason it is incomplete.</summary>
        public void Completed() => _outcome = _finish is null ? SentryMcpTelemetry.LlmOutcomes.Cut : SentryMcpTelemetry.LlmOutcomes.Ok;

        public void Failed(Exception ex)
        {
            _failed = true;
            (_outcome, _status) = ex switch
            {
                OperationCanceledException when ct.IsCancellationRequested => (SentryMcpTelemetry.LlmOutcomes.Cancelled, (int?)null),
                OperationCanceledException => (SentryMcpTelemetry.LlmOutcomes.Timeout, null),
                ClientResultException { Status: > 0 } result => (SentryMcpTelemetry.LlmOutcomes.Error, result.Status),
                ClientResultException or IOException or HttpRequestException =>
                    (_received ? SentryMcpTelemetry.LlmOutcomes.Cut : SentryMcpTelemetry.LlmOutcomes.Unavailable, null),
                _ => (SentryMcpTelemetry.LlmOutcomes.Error, null),
            };
        }

        public void Dispose()
        {
            // Neither completed nor failed: the caller stopped reading.
            var outcome = _outcome ?? SentryMcpTelemetry.LlmOutcomes.Cancelled;
            if (_activity is { } activity)
            {
                activity.SetTag("llm.purpose", purpose);
                activity.SetTag("llm.outcome", outcome);
                if (_status is { } status)
                {
                    activity.SetTag("http.response.status_code", status);
                }
                // A failure with an exception is marked by UseOpenTelemetry (error.type is the exception's
                // type); an answer that just stopped without a finish reason is marked here. A caller that stops
                // reading is no error.
                if (!_failed && outcome is not (SentryMcpTelemetry.LlmOutcomes.Ok or SentryMcpTelemetry.LlmOutcomes.Cancelled))
                {
                    activity.SetTag("error.type", outcome);
                    activity.SetStatus(ActivityStatusCode.Error);
                }
            }
            var tags = new TagList { { "model", model }, { "purpose", purpose }, { "outcome", outcome } };
            if (_status is { } code)
            {
                tags.Add("http.response.status_code", code);
            }
            SentryMcpTelemetry.LlmDuration.Record(Stopwatch.GetElapsedTime(_started).TotalMilliseconds, tags);
            if (_input is { } input)
            {
                SentryMcpTelemetry.LlmTokens.Add(input, new TagList { { "model", model }, { "purpose", purpose }, { "type", "input" } });
            }
            if (_output is { } output)
            {
                SentryMcpTelemetry.LlmTokens.Add(output, new TagList { { "model", model }, { "purpose", purpose }, { "type", "output" } });
            }
        }
    }
}
