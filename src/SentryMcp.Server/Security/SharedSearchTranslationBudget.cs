using Microsoft.Extensions.Options;
using SentryMcp.Core.Search;

namespace SentryMcp.Server.Security;

/// <summary>
/// The search translator's per-user budget on the server's rate-limit store: in-process on one
/// instance, in Redis when scaled out, so a user gets the budget once, not once per instance.
/// </summary>
public sealed class SharedSearchTranslationBudget(IRateLimitStore store, IOptions<SearchTranslatorOptions> options) : ISearchTranslationBudget
{
    public async ValueTask<TimeSpan?> TryTakeAsync(string user, CancellationToken ct)
    {
        var retryAfter = await store.TryAcquireAsync("translate:" + user, options.Value.TranslationsPerUserPerMinute, TimeSpan.FromMinutes(1), ct);
        if (retryAfter is not null)
        {
            RateLimits.CountRejection("translation");
        }
        return retryAfter;
    }
}
