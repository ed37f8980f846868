using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SentryMcp.Core.Telemetry;

/// <summary>
/// Traces and metrics of this server's own work. Spans carry names, durations, counts and outcomes,
/// never arguments, prompts or completions (they may hold secrets or personal data).
/// </summary>
public static class SentryMcpTelemetry
{
    public const string Name = "SentryMcp";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> ToolDuration =
        Meter.CreateHistogram<double>("sentry_mcp.tool.duration", unit: "ms", description: "Duration of MCP tool calls.");

    public static readonly Counter<long> RateLimitRejections =
        Meter.CreateCounter<long>("sentry_mcp.rate_limit.rejections", description: "Requests refused by a rate limit.");

    public static readonly Histogram<double> LlmDuration =
        Meter.CreateHistogram<double>("sentry_mcp.llm.duration", unit: "ms", description: "Duration of language-model calls.");

    public static readonly Counter<long> LlmTokens =
        Meter.CreateCounter<long>("sentry_mcp.llm.tokens", description: "Tokens used by language-model calls.");

    public static readonly Histogram<double> SentryApiDuration =
        Meter.CreateHistogram<double>("sentry_mcp.sentry_api.duration", unit: "ms",
            description: "Duration of Sentry API calls until the response headers, retries included.");

    /// <summary>Outcome tag values of a tool call.</summary>
    public static class Outcomes
    {
        public const string Ok = "ok";
        public const string ToolError = "tool_error";
        public const string InputError = "input_error";
        public const string SentryError = "sentry_error";
        public const string Unavailable = "unavailable";
        public const string Unexpected = "unexpected";
        public const string Cancelled = "cancelled";

        /// <summary>The call stopped to ask the user (a confirmation); the client retries it with the answer.</summary>
        public const string InputRequired = "input_required";
    }

    /// <summary>Outcome tag values of a language-model call.</summary>
    public static class LlmOutcomes
    {
        public const string Ok = "ok";

        /// <summary>The model API answered with an HTTP error (the status is on the span and the metric).</summary>
        public const string Error = "error";

        /// <summary>The answer started but broke off, or ended without a finish reason.</summary>
        public const string Cut = "cut";

        /// <summary>No answer at all: the connection failed before anything arrived.</summary>
        public const string Unavailable = "unavailable";

        /// <summary>The call ran past its time limit.</summary>
        public const string Timeout = "timeout";

        /// <summary>The caller went away (the user closed the chat).</summary>
        public const string Cancelled = "cancelled";
    }

    /// <summary>Outcome tag values of a Sentry API call.</summary>
    public static class SentryApiOutcomes
    {
        public const string Ok = "ok";
        public const string ClientError = "client_error";
        public const string ServerError = "server_error";
        public const string Unavailable = "unavailable";
        public const string Cancelled = "cancelled";
    }
}
