using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using SentryMcp.Server.Auth;
using SentryMcp.Server.Storage;

namespace SentryMcp.Server.Tests.Auth;

/// <summary>A host whose sign-in state expires after one second and whose unused registrations expire at once.</summary>
public sealed class ShortLivedAuthFixture : AuthServerFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Auth:SignInTimeout"] = "00:00:01",
        ["Auth:UnusedRegistrationLifetime"] = "00:00:00.001",
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

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var response = await browser.FollowAsync(await browser.SubmitFormAsync(signIn, ("decision", "allow")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync());
        using var scope = server.App.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Grants.CountAsync());
    }

    [Fact]
    public async Task Registrations_never_used_for_a_sign_in_are_deleted_by_the_cleanup()
    {
        using var browser = server.NewBrowser();
        var unused = await browser.RegisterAsync();
        await Task.Delay(10);

        await server.App.Services.GetRequiredService<RegistrationCleanup>().RunOnceAsync(CancellationToken.None);

        using var scope = server.App.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().FindByClientIdAsync(unused.ClientId));
    }
}
