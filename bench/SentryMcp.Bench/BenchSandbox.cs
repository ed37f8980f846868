using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SentryMcp.Sandbox;

namespace SentryMcp.Bench;

/// <summary>The sandbox in this process (it writes timestamps as Sentry does: see SentryTimestamps).</summary>
public static class BenchSandbox
{
    public static async Task<(WebApplication App, Uri BaseUri)> StartAsync(CancellationToken ct)
    {
        var app = SandboxApp.Create(["--urls", "http://127.0.0.1:0"]);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.TrimEnd('/') + "/"));
    }
}
