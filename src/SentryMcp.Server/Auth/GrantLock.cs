namespace SentryMcp.Server.Auth;

/// <summary>
/// Serializes work on one grant (Sentry token refresh), because Sentry rotates refresh tokens and a
/// second concurrent refresh would kill the first one's result. In-process now; a distributed
/// implementation replaces it when instances are scaled out.
/// </summary>
public interface IGrantLock
{
    ValueTask<IAsyncDisposable> AcquireAsync(string grantId, CancellationToken ct);
}

/// <summary>Striped semaphores: bounded memory, and two grants only rarely share a stripe.</summary>
public sealed class InProcessGrantLock : IGrantLock
{
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public async ValueTask<IAsyncDisposable> AcquireAsync(string grantId, CancellationToken ct)
    {
        var stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(grantId) % (uint)_stripes.Length)];
        await stripe.WaitAsync(ct);
        return new Release(stripe);
    }

    private sealed class Release(SemaphoreSlim stripe) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stripe.Release();
            }
            return ValueTask.CompletedTask;
        }
    }
}
