using SentryMcp.Core.Hosting;

namespace SentryMcp.Server.Hosting;

/// <summary>The web host's part of <see cref="StartupTrace"/>: marks in the request pipeline.</summary>
public static class StartupTraceMarks
{
    /// <summary>With the trace on, marks the first request reaching this point of the pipeline; off, adds nothing.</summary>
    public static void UseStartupTraceMark(this IApplicationBuilder app, string step)
    {
        if (StartupTrace.Enabled)
        {
            app.Use((http, next) =>
            {
                StartupTrace.MarkOnce(step);
                return next(http);
            });
        }
    }
}
