using System.ClientModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace SentryMcp.Core.Telemetry;

/// <summary>
/// One span (<c>chat {model}</c>, OpenTelemetry GenAI attribute names) and the <c>sentry_mcp.llm.*</c>
/// metrics per language-model call: model, token counts as the API reported them, finish reason,
/// outcome and duration. Messages, prompts and completions are never looked at.
/// </summary>
public sealed class LlmTelemetryChatClient(IChatClient inner, string model, string purpose) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var call = new LlmCall(model, purpose, cancellationToken);
        try
        {
            var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            call.Observe(response.ModelId, response.FinishReason, response.Usage);
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

    private sealed class LlmCall : IDisposable
    {
        private readonly string _model;
        private readonly string _purpose;
        private readonly CancellationToken _ct;
        private readonly Activity? _activity;
        private readonly long _started = Stopwatch.GetTimestamp();
        private string? _outcome;
        private int? _status;
        private bool _received;
        private ChatFinishReason? _finish;
        private string? _responseModel;
        private long? _input;
        private long? _output;

        public LlmCall(string model, string purpose, CancellationToken ct)
        {
            _model = model;
            _purpose = purpose;
            _ct = ct;
            _activity = SentryMcpTelemetry.Source.StartActivity("chat " + model, ActivityKind.Client);
            _activity?.SetTag("gen_ai.operation.name", "chat");
            _activity?.SetTag("gen_ai.request.model", model);
            _activity?.SetTag("llm.purpose", purpose);
        }

        public void Observe(ChatResponseUpdate update)
        {
            _received = true;
            var usage = update.Contents.OfType<UsageContent>().FirstOrDefault()?.Details;
            Observe(update.ModelId, update.FinishReason, usage);
        }

        public void Observe(string? responseModel, ChatFinishReason? finish, UsageDetails? usage)
        {
            _responseModel = responseModel ?? _responseModel;
            _finish = finish ?? _finish;
            if (usage is not null)
            {
                _input = usage.InputTokenCount ?? _input;
                _output = usage.OutputTokenCount ?? _output;
            }
        }

        /// <summary>The answer ended normally; without a finish reason it is incomplete.</summary>
        public void Completed() => _outcome = _finish is null ? SentryMcpTelemetry.LlmOutcomes.Cut : SentryMcpTelemetry.LlmOutcomes.Ok;

        public void Failed(Exception ex) => (_outcome, _status) = ex switch
        {
            OperationCanceledException when _ct.IsCancellationRequested => (SentryMcpTelemetry.LlmOutcomes.Cancelled, (int?)null),
            OperationCanceledException => (SentryMcpTelemetry.LlmOutcomes.Timeout, null),
            ClientResultException { Status: > 0 } result => (SentryMcpTelemetry.LlmOutcomes.Error, result.Status),
            ClientResultException or IOException or HttpRequestException =>
                (_received ? SentryMcpTelemetry.LlmOutcomes.Cut : SentryMcpTelemetry.LlmOutcomes.Unavailable, null),
            _ => (SentryMcpTelemetry.LlmOutcomes.Error, null),
        };

        public void Dispose()
        {
            // Neither completed nor failed: the caller stopped reading.
            var outcome = _outcome ?? SentryMcpTelemetry.LlmOutcomes.Cancelled;
            var elapsed = Stopwatch.GetElapsedTime(_started).TotalMilliseconds;
            if (_activity is { } activity)
            {
                activity.SetTag("gen_ai.response.model", _responseModel);
                activity.SetTag("gen_ai.usage.input_tokens", _input);
                activity.SetTag("gen_ai.usage.output_tokens", _output);
                if (_finish is { } finish)
                {
                    activity.SetTag("gen_ai.response.finish_reasons", new[] { finish.Value });
                }
                activity.SetTag("llm.outcome", outcome);
                if (_status is { } status)
                {
                    activity.SetTag("http.response.status_code", status);
                }
                if (outcome is not (SentryMcpTelemetry.LlmOutcomes.Ok or SentryMcpTelemetry.LlmOutcomes.Cancelled))
                {
                    activity.SetTag("error.type", _status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? outcome);
                    activity.SetStatus(ActivityStatusCode.Error);
                }
                activity.Dispose();
            }
            var tags = new TagList { { "model", _model }, { "purpose", _purpose }, { "outcome", outcome } };
            if (_status is { } code)
            {
                tags.Add("http.response.status_code", code);
            }
            SentryMcpTelemetry.LlmDuration.Record(elapsed, tags);
            if (_input is { } input)
            {
                SentryMcpTelemetry.LlmTokens.Add(input, new TagList { { "model", _model }, { "purpose", _purpose }, { "type", "input" } });
            }
            if (_output is { } output)
            {
                SentryMcpTelemetry.LlmTokens.Add(output, new TagList { { "model", _model }, { "purpose", _purpose }, { "type", "output" } });
            }
        }
    }
}
