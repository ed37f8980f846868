using System.ClientModel;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using SentryMcp.Server.Chat.Config;
using SentryMcp.Server.Chat.McpConnection;
using SentryMcp.Server.Chat.SignIn;

namespace SentryMcp.Server.Chat.Agent;

/// <summary>
/// The tool loop, driven here rather than by UseFunctionInvocation because write tools stop the
/// loop for the user's approval mid-stream and every call must surface as a UI tool part: stream a
/// model step, run the read-only tools it called through MCP, feed the results back, repeat up to
/// the step limit. Everything runs on the turn's token (<see cref="Conversations.ChatTurns"/>), not the
/// request's: a tab that goes away leaves the answer running; the stop endpoint and shutdown cancel it.
/// </summary>
public sealed class ChatAgent(ChatClientHolder llm, ApprovalTokens approvals, ApprovalLedger ledger, IOptions<ChatApiOptions> options, ILogger<ChatAgent> logger)
{
    private readonly ChatApiOptions _options = options.Value;

    private sealed record ToolRun(AIContent Result, object Chunk);

    public async Task StreamAsync(UiStream stream, ChatUser user, McpSessionConnection mcp, string chatId, string messageId, ChatConversation conversation, CancellationToken ct)
    {
        var usage = new UsageDetails();
        try
        {
            await stream.WriteAsync(new { type = "start", messageId, messageMetadata = new { model = _options.Model } }, ct);

            var history = new List<ChatMessage> { new(ChatRole.System, SystemPrompt.Text) };
            history.AddRange(conversation.Messages);
            if (conversation.Pending.Count > 0)
            {
                var results = new List<AIContent>(conversation.PendingStepResults);
                foreach (var pending in conversation.Pending)
                {
                    results.Add(await AnswerApprovalAsync(stream, user, chatId, mcp, pending, ct));
                }
                history.Add(new ChatMessage(ChatRole.Tool, results));
            }

            var finishReason = "stop";
            for (var step = 0; step < _options.MaxSteps; step++)
            {
                await stream.WriteAsync(new { type = "start-step" }, ct);
                var chatOptions = new ChatOptions
                {
                    MaxOutputTokens = _options.MaxOutputTokens,
                    // The last allowed step must answer in words.
                    Tools = step < _options.MaxSteps - 1 ? [.. mcp.Tools] : null,
                };
                var (calls, text, finish) = await ModelStepAsync(stream, history, chatOptions, usage, ct);
                if (finish is null && calls.Count == 0)
                {
                    throw new LlmStreamCutException();
                }
                history.Add(new ChatMessage(ChatRole.Assistant, [.. (text.Length > 0 ? [new TextContent(text)] : Array.Empty<AIContent>()), .. calls]));
                if (calls.Count == 0)
                {
                    finishReason = finish == ChatFinishReason.Length ? "length" : finish == ChatFinishReason.ContentFilter ? "content-filter" : "stop";
                    await stream.WriteAsync(new { type = "finish-step" }, ct);
                    break;
                }
                finishReason = "tool-calls";
                if (!await RunToolsAsync(stream, user, chatId, mcp, calls, history, ct))
                {
                    break;
                }
            }
            await stream.WriteAsync(new
            {
                type = "finish",
                finishReason,
                messageMetadata = new
                {
                    model = _options.Model,
                    usage = new { inputTokens = usage.InputTokenCount ?? 0, outputTokens = usage.OutputTokenCount ?? 0, totalTokens = usage.TotalTokenCount ?? 0 },
                },
            }, ct);
            await stream.EndAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            logger.LogDebug("The turn was stopped; the model call and tools were cancelled");
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            var errorText = Describe(ex);
            try
            {
                await stream.EndTextAsync(ct);
                await stream.WriteAsync(new { type = "error", errorText }, ct);
                await stream.EndAsync(ct);
            }
            catch (OperationCanceledException)
            {
                logger.LogDebug("The turn was stopped while an error was reported");
            }
        }
    }

    /// <summary>
    /// Streams one model call to the browser (text as it comes; tool calls and usage collected),
    /// bounded by <see cref="LlmTimeouts"/>.
    /// </summary>
    private async Task<(List<FunctionCallContent> Calls, string Text, ChatFinishReason? Finish)> ModelStepAsync(
        UiStream stream, List<ChatMessage> history, ChatOptions chatOptions, UsageDetails usage, CancellationToken ct)
    {
        var calls = new List<FunctionCallContent>();
        var text = new System.Text.StringBuilder();
        ChatFinishReason? finish = null;
        using var timeouts = new LlmTimeouts(_options, ct);
        try
        {
            await foreach (var update in llm.Client!.GetStreamingResponseAsync(history, chatOptions, timeouts.Token))
            {
                timeouts.ChunkArrived();
                foreach (var content in update.Contents)
                {
                    switch (content)
                    {
                        case TextContent { Text.Length: > 0 } delta:
                            text.Append(delta.Text);
                            await stream.TextDeltaAsync(delta.Text, ct);
                            break;
                        case FunctionCallContent call:
                            calls.Add(call);
                            break;
                        case UsageContent used:
                            usage.Add(used.Details);
                            break;
                    }
                }
                finish = update.FinishReason ?? finish;
                timeouts.AwaitingNext();
            }
        }
        catch (Exception ex) when (timeouts.Expired && ex is not LlmTimeoutException)
        {
            // Whatever the client threw once our bound cancelled it (cancellation, a broken read) is the timeout.
            throw timeouts.ToException();
        }
        await stream.EndTextAsync(ct);
        return (calls, text.ToString(), finish);
    }

    /// <summary>Runs the step's tool calls; false when write tools now wait for the user's approval.</summary>
    private async Task<bool> RunToolsAsync(UiStream stream, ChatUser user, string chatId, McpSessionConnection mcp, List<FunctionCallContent> calls, List<ChatMessage> history, CancellationToken ct)
    {
        foreach (var call in calls)
        {
            var input = JsonSerializer.SerializeToElement(call.Arguments ?? new Dictionary<string, object?>());
            await stream.WriteAsync(new { type = "tool-input-start", toolCallId = call.CallId, toolName = call.Name, dynamic = true }, ct);
            await stream.WriteAsync(new { type = "tool-input-available", toolCallId = call.CallId, toolName = call.Name, input, dynamic = true }, ct);
        }
        var needApproval = calls.Where(c => mcp.FindTool(c.Name) is { } tool && !McpSessionConnection.IsReadOnly(tool)).ToList();
        // Read-only calls run side by side; their parts are written in call order.
        var runs = calls.Except(needApproval).Select(call => (call, task: RunToolAsync(mcp, call, ct))).ToList();
        var results = new List<AIContent>();
        foreach (var (_, task) in runs)
        {
            var run = await task;
            await stream.WriteAsync(run.Chunk, ct);
            results.Add(run.Result);
        }
        if (needApproval.Count > 0)
        {
            foreach (var call in needApproval)
            {
                var approvalId = approvals.Issue(ApprovalSubject.For(user, chatId, call.CallId, call.Name, call.Arguments));
                await stream.WriteAsync(new { type = "tool-approval-request", approvalId, toolCallId = call.CallId }, ct);
            }
            await stream.WriteAsync(new { type = "finish-step" }, ct);
            return false;
        }
        history.Add(new ChatMessage(ChatRole.Tool, results));
        await stream.WriteAsync(new { type = "finish-step" }, ct);
        return true;
    }

    /// <summary>
    /// The browser sends the call back with its answer; it runs only when the approval was issued for
    /// exactly this call (tool, input, call id, chat, session, user), and only the first time.
    /// </summary>
    private async Task<AIContent> AnswerApprovalAsync(UiStream stream, ChatUser user, string chatId, McpSessionConnection mcp, PendingApproval pending, CancellationToken ct)
    {
        var call = pending.Call;
        var verified = pending.Approved ? approvals.Verify(pending.ApprovalId, ApprovalSubject.For(user, chatId, call.CallId, call.Name, call.Arguments)) : null;
        if (verified is not null)
        {
            if (!await ledger.TryConsumeAsync(verified, ct))
            {
                const string used = "This approval was already used: an approved tool call runs once. Ask again to run it again.";
                await stream.WriteAsync(new { type = "tool-output-error", toolCallId = call.CallId, errorText = used, dynamic = true }, ct);
                return new FunctionResultContent(call.CallId, "Error: " + used + " The call did not run this time.");
            }
            var run = await RunToolAsync(mcp, call, ct);
            await stream.WriteAsync(run.Chunk, ct);
            return run.Result;
        }
        await stream.WriteAsync(new { type = "tool-output-denied", toolCallId = call.CallId }, ct);
        var reason = pending.Approved
            ? "the approval does not match this call: it was issued for another tool, input, chat or session, or it expired."
            : pending.Reason is { Length: > 0 } r ? r : "no reason given.";
        return new FunctionResultContent(call.CallId, $"The user denied this tool call ({reason}). Do not retry it unless they ask.");
    }

    private async Task<ToolRun> RunToolAsync(McpSessionConnection mcp, FunctionCallContent call, CancellationToken ct)
    {
        ToolRun Error(string text) => new(new FunctionResultContent(call.CallId, "Error: " + text),
            new { type = "tool-output-error", toolCallId = call.CallId, errorText = text, dynamic = true });
        if (mcp.FindTool(call.Name) is null)
        {
            return Error($"There is no tool named '{call.Name}'.");
        }
        if (call.Exception is not null)
        {
            return Error("The tool arguments were not valid JSON.");
        }
        try
        {
            var result = await mcp.Client.CallToolAsync(call.Name, new Dictionary<string, object?>(call.Arguments ?? new Dictionary<string, object?>()), cancellationToken: ct);
            var text = ToolResults.ForModel(result, _options.MaxToolResultChars);
            if (result.IsError == true)
            {
                return Error(text);
            }
            return new ToolRun(new FunctionResultContent(call.CallId, text), new
            {
                type = "tool-output-available",
                toolCallId = call.CallId,
                output = new
                {
                    isError = false,
                    content = ToolResults.ForUi(result, _options.MaxToolResultChars),
                    structuredContent = ToolResults.StructuredForUi(result, _options.MaxToolResultChars),
                },
                dynamic = true,
            });
        }
        catch (McpException ex)
        {
            return Error(ex.Message);
        }
        catch (HttpRequestException ex) when (McpConnections.IsRateLimited(ex))
        {
            return Error("Too many Sentry requests for this user in the last minute: the tool did not run. Try again in a minute.");
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "MCP tool call {Tool} failed", call.Name);
            return Error(McpConnections.IsUnauthorized(ex) ? "Your Sentry sign-in has expired. Sign in again." : "The MCP server could not be reached.");
        }
    }

    /// <summary>True when the connection to the model could not be made (refused, unknown host): no answer ever started.</summary>
    private static bool IsUnreachable(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
                or System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused or System.Net.Sockets.SocketError.HostNotFound })
            {
                return true;
            }
        }
        return false;
    }

    private string Describe(Exception ex)
    {
        switch (ex)
        {
            case ClientResultException { Status: 401 or 403 }:
                logger.LogWarning("The language model refused the API key");
                return "The language model refused the API key. Check OPENAI_API_KEY.";
            case ClientResultException { Status: 429 } limited:
                return LlmTimeouts.RetryAfter(limited) is { } wait
                    ? $"The language model is rate-limited or out of quota. Try again in {LlmTimeouts.Format(wait)}."
                    : "The language model is rate-limited or out of quota. Try again in a moment.";
            case LlmTimeoutException timeout:
                logger.LogWarning("{Timeout}", timeout.Message);
                return timeout.Message;
            case ClientResultException { Status: 404 }:
                return $"The model '{_options.Model}' is not available at the configured endpoint. Check OPENAI_MODEL and OPENAI_BASE_URL.";
            case var unreachable when IsUnreachable(unreachable):
                // Connecting failed, so nothing was cut off: say that the model is not there.
                logger.LogWarning(ex, "The language model could not be reached");
                return "The language model could not be reached: nothing answered at its address (OPENAI_BASE_URL). Check that the model server is running, then try again.";
            case ClientResultException { Status: 0 } or LlmStreamCutException or IOException or HttpRequestException:
                logger.LogWarning(ex, "The language model's answer was cut off");
                return "The language model's answer was cut off. Try again.";
            case OperationCanceledException:
                return "The language model did not answer in time. Try again.";
            case ClientResultException result:
                logger.LogWarning("The language model failed with HTTP {Status}", result.Status);
                return $"The language model failed (HTTP {result.Status}). Try again.";
            default:
                logger.LogError(ex, "The chat failed");
                return "Something went wrong while answering. Try again.";
        }
    }
}

/// <summary>The model's stream ended without saying why (no finish reason): the answer is incomplete.</summary>
public sealed class LlmStreamCutException() : Exception("The model's stream ended early.");
