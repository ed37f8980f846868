using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Collections;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace SentryMcp.Server.Observability;

/// <summary>
/// The application's logger factory, with every line passed through <see cref="SecretScrubber"/>
/// before any provider sees it. Framework lines carry URLs we cannot otherwise shorten: hosting
/// writes "Request starting GET /oauth/callback?code=…&amp;state=…" and results log their redirect
/// targets, at Information and below, so an operator turning on Debug or Trace would write Sentry's
/// codes, our codes and OAuth states to disk. Scrubbing here covers every category, level and
/// provider (console, JSON console, Sentry breadcrumbs) at once; lines without a secret pass as they were.
/// </summary>
public sealed class ScrubbingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public static void Register(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new ScrubbingLoggerFactory(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(), sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(), sp.GetService<IExternalScopeProvider>()))));

    public ILogger CreateLogger(string categoryName) => new ScrubbingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private sealed class ScrubbingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }
            var message = formatter(state, exception);
            var scrubbed = SecretScrubber.ScrubLogLine(message) ?? "";
            var pairs = ScrubPairs(state as IReadOnlyList<KeyValuePair<string, object?>>);
            if (pairs is null && string.Equals(message, scrubbed, StringComparison.Ordinal))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }
            var clean = new ScrubbedState(scrubbed, pairs ?? (state as IReadOnlyList<KeyValuePair<string, object?>>) ?? []);
            inner.Log(logLevel, eventId, clean, exception, static (s, _) => s.Message);
        }

        /// <summary>The structured values with secrets masked, or null when none held one (structured sinks write these too).</summary>
        private static List<KeyValuePair<string, object?>>? ScrubPairs(IReadOnlyList<KeyValuePair<string, object?>>? pairs)
        {
            if (pairs is null)
            {
                return null;
            }
            List<KeyValuePair<string, object?>>? result = null;
            for (var i = 0; i < pairs.Count; i++)
            {
                var (key, value) = pairs[i];
                if (value is null or bool or Enum || (value.GetType().IsPrimitive) || value is decimal or DateTime or DateTimeOffset or TimeSpan or Guid || key == "{OriginalFormat}")
                {
                    continue;
                }
                var text = Convert.ToString(value, CultureInfo.InvariantCulture);
                var clean = SecretScrubber.ScrubLogLine(text);
                if (string.Equals(text, clean, StringComparison.Ordinal))
                {
                    continue;
                }
                result ??= [.. pairs];
                result[i] = new KeyValuePair<string, object?>(key, clean);
            }
            return result;
        }
    }

    private sealed class ScrubbedState(string message, IReadOnlyList<KeyValuePair<string, object?>> pairs) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message => message;

        public int Count => pairs.Count;

        public KeyValuePair<string, object?> this[int index] => pairs[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => pairs.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => message;
    }
}
