using Microsoft.Extensions.Options;
using OpenIddict.Server;
using SentryMcp.Core.Hosting;
using SentryMcp.Server.Hosting;

namespace SentryMcp.Server.Storage;

/// <summary>
/// Loads the authorization server's options while the host starts instead of in the first request:
/// its signing and encryption keys (<see cref="ServerKeyStore"/>: made and stored on a first start,
/// two RSA key pairs), the DataProtection key ring that protects them and EF's first queries. That
/// was about 0.6 s of CPU on the first request to any path, since OpenIddict's handler reads these
/// options on every request (docs/benchmarks.md). The load runs once: a request that needs the
/// options before it is done waits for the same load (the options cache), and a failure surfaces
/// there as it did before, with this log line beside it.
/// </summary>
public sealed class StorageWarmup(IOptionsMonitor<OpenIddictServerOptions> serverOptions, ILogger<StorageWarmup> logger) : IHostedService
{
    private Task? _load;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _load = Task.Run(() =>
        {
            try
            {
                _ = serverOptions.CurrentValue;
                StartupTrace.Mark("authorization server options loaded in the background");
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Loading the authorization server's keys failed; the first request that needs them will fail the same way.");
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    // Not left running into the disposal of the services it uses.
    public Task StopAsync(CancellationToken cancellationToken) => _load?.WaitAsync(cancellationToken) ?? Task.CompletedTask;
}
