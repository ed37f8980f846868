using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using SentryMcp.Sandbox;

namespace SentryMcp.Server.Tests.Auth;

/// <summary>The sign-in at Sentry uses PKCE: a Sentry code that leaks on its way back cannot be exchanged without our verifier.</summary>
public sealed class UpstreamPkceTests(AuthServerFixture server) : IClassFixture<AuthServerFixture>
{
    [Fact]
    public async Task The_sign_in_at_sentry_sends_an_s256_challenge_and_the_honest_exchange_succeeds()
    {
        using var browser = server.NewBrowser();
        var (signIn, _) = await SentrySignInPageAsync(browser);

        var query = QueryHelpers.ParseQuery(signIn.RequestMessage!.RequestUri!.Query);
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.Matches("^[A-Za-z0-9_-]{43}$", query["code_challenge"].ToString());

        var result = OAuthBrowser.RedirectParameters(await browser.FollowAsync(await browser.SubmitFormAsync(signIn, ("decision", "allow"))));
        Assert.Equal(browser.State, result["state"]);
        Assert.True(result.ContainsKey("code"), "no code came back to the client");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    public async Task A_sentry_code_without_its_verifier_is_invalid_grant(string? verifier)
    {
        using var browser = server.NewBrowser();
        var (signIn, _) = await SentrySignInPageAsync(browser);
        var toCallback = await browser.SubmitFormAsync(signIn, ("decision", "allow"));
        Assert.Equal(HttpStatusCode.Redirect, toCallback.StatusCode);
        var callback = toCallback.Headers.Location!;
        var code = QueryHelpers.ParseQuery(callback.Query)["code"].ToString();
        Assert.StartsWith("code_", code);

        // What an attacker holding the intercepted code (and even the client secret) can send.
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", callback.GetLeftPart(UriPartial.Path)),
            new("client_id", SandboxOptions.OAuthClientId), new("client_secret", SandboxOptions.OAuthClientSecret),
        };
        if (verifier is not null)
        {
            form.Add(new("code_verifier", Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_')));
        }
        var response = await server.SandboxHttp.PostAsync("oauth/token/", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", await OAuthBrowser.ErrorOfAsync(response));
    }

    /// <summary>Our consent approved; the browser now shows Sentry's sign-in page.</summary>
    private static async Task<(HttpResponseMessage SignIn, TestClient Client)> SentrySignInPageAsync(OAuthBrowser browser)
    {
        var client = await browser.RegisterAsync();
        var consent = await browser.GetAsync(browser.AuthorizeUrl(client));
        var signIn = await browser.FollowAsync(await browser.SubmitFormAsync(consent, ("decision", "approve")));
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("Sentry sandbox sign-in", await signIn.Content.ReadAsStringAsync());
        return (signIn, client);
    }
}
