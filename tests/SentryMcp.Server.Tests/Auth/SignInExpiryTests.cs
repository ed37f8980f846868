using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using SentryMcp.Server.Auth;
using SentryMcp.Server.Storage;

namespace SentryMcp.Server.Tests.Auth;

/// <summary>A host whose sign-in state expires after ten minutes and whose unused registrations expire after an hour.</summary>
public sealed class ShortLivedAuthFixture : AuthServerFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Auth:SignInTimeout"] = "00:10:00",
        ["Auth:UnusedRegistrationLifetime"] = "01:00:00",
    };
}

public sealed class SignInExpiryTests(ShortLivedAuthFixture server) : IClassFixture<ShortLivedAuthFixture>
{
    [Fact]
    public async Task Coming_back_from_sentry_after_the_state_expired_is_an_error_page_and_stores_nothing()
    {
        using var browser = server.NewBrowser();
        var client = await browser.RegisterAsync();
        var consent = await browser.GetAsync(browser.AuthorizeUrl(client));
        var signIn = await browser.FollowAsync(await browser.SubmitFormAsync(consent, ("decision", "approve")));

        server.Clock.Advance(TimeSpan.FromMinutes(11));
        var response = await browser.FollowAsync(await browser.SubmitFormAsync(signIn, ("decision", "allow")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync());
        using var scope = server.App.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Grants.CountAsync());
    }

    [Fact]
    public async Task Registrations_never_used_for_a_sign_in_are_deleted_by_the_cleanup_once_older_than_the_lifetime()
    {
        using var browser = server.NewBrowser();
        var unused = await browser.RegisterAsync();
        server.Clock.Advance(TimeSpan.FromMinutes(61));
        var fresh = await browser.RegisterAsync();

        await server.App.Services.GetRequiredService<RegistrationCleanup>().RunOnceAsync(CancellationToken.None);

        using var scope = server.App.Services.CreateScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        Assert.Null(await applications.FindByClientIdAsync(unused.ClientId));
        Assert.NotNull(await applications.FindByClientIdAsync(fresh.ClientId));
    }
}
