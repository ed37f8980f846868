using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SentryMcp.Core.Telemetry;

/// <summary>
/// Traces and metrics of this server's own work. Tool spans carry the tool name, duration and
/// outcome, never arguments (they may hold secrets or personal data).
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
    }
}
