using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SentryMcp.Sandbox;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace SentryMcp.Server.Tests.Scale;

/// <summary>
/// Two instances on one PostgreSQL and one Redis, behind nginx (tests/scale/run.sh). Excluded from
/// the ordinary run by category; skipped with the reason outside tests/scale/run.sh.
/// </summary>
[Trait("Category", "Scale")]
[Collection(ScaleCluster.InstancesCollection)]
public sealed class ScaleOutTests(ScaleCluster cluster, ITestOutputHelper output) : IClassFixture<ScaleCluster>
{
    [ScaleFact]
    public async Task Instances_started_together_on_an_empty_database_created_one_schema_and_one_set_of_keys()
    {
        Assert.Equal("enc,sig", await cluster.QueryAsync<string>("SELECT string_agg(\"Use\", ',' ORDER BY \"Use\") FROM \"ServerKeys\""));
        Assert.Equal(1L, await cluster.QueryAsync<long>("SELECT count(*) FROM \"DataProtectionKeys\""));
        // Encrypted with the certificate both instances are given (DataProtection:KeyEncryptionCertificate).
        var keyXml = await cluster.QueryAsync<string>("SELECT \"Xml\" FROM \"DataProtectionKeys\"");
        Assert.Contains("EncryptedData", keyXml);
        Assert.DoesNotContain("<masterKey", keyXml);
        for (var instance = 0; instance < cluster.Instances.Count; instance++)
        {
            using var metadata = await cluster.Http.SendAsync(cluster.On(instance, HttpMethod.Get, new Uri(cluster.Balancer, ".well-known/oauth-authorization-server")));
            Assert.Contains(cluster.Balancer.ToString(), await metadata.Content.ReadAsStringAsync());
        }
    }

    [ScaleFact]
    public async Task The_oauth_flow_works_with_every_step_on_another_instance_and_tokens_are_accepted_by_both()
    {
        using var browser = new ScaleBrowser(cluster);
        var (clientId, tokens) = await browser.SignInAsync();

        Assert.True(browser.Served.Count >= 8, "steps: " + string.Join(",", browser.Served));
        Assert.All(browser.Served.Zip(browser.Served.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
        for (var instance = 0; instance < cluster.Instances.Count; instance++)
        {
            var (status, message) = await cluster.McpAsync(instance, "Bearer " + tokens.AccessToken, "tools/call", new { name = "whoami", arguments = new { } });
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.False(ScaleCluster.IsToolError(message!.Value), ScaleCluster.ToolText(message.Value));
            Assert.Contains(DemoUserName(), ScaleCluster.ToolText(message.Value));
        }

        var refreshed = await browser.RefreshAsync(clientId, tokens.RefreshToken);
        for (var instance = 0; instance < cluster.Instances.Count; instance++)
        {
            var (status, _) = await cluster.McpAsync(instance, "Bearer " + refreshed.AccessToken, "tools/call", new { name = "whoami", arguments = new { } });
            Assert.Equal(HttpStatusCode.OK, status);
        }
    }

    [ScaleFact]
    public async Task Behind_nginx_with_tls_every_url_is_https_every_cookie_secure_and_hsts_is_sent()
    {
        // Straight through the real nginx and its TLS, as a user's client would come.
        using var metadata = await cluster.Http.GetAsync(new Uri(cluster.Balancer, ".well-known/oauth-authorization-server"));
        Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
        Assert.Equal("https", cluster.Balancer.Scheme);
        var json = await metadata.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(cluster.Balancer.ToString(), json.GetProperty("issuer").GetString());
        Assert.StartsWith(cluster.Balancer + "oauth/", json.GetProperty("token_endpoint").GetString());
        Assert.StartsWith("max-age=", metadata.Headers.GetValues("Strict-Transport-Security").Single());

        using var browser = new ScaleBrowser(cluster);
        await browser.SignInAsync();
        Assert.Equal(new Uri(cluster.Balancer, "oauth/callback").ToString(), browser.SentryRedirectUri);
        Assert.NotEmpty(browser.SetCookies);
        Assert.All(browser.SetCookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [ScaleFact]
    public async Task Revoking_a_sign_in_on_one_instance_ends_its_sse_stream_on_the_other_and_another_sign_in_cannot_post_to_it()
    {
        using var browser = new ScaleBrowser(cluster);
        var (clientId, tokens) = await browser.SignInAsync();
        using var otherBrowser = new ScaleBrowser(cluster);
        var (_, other) = await otherBrowser.SignInAsync();
        using var open = cluster.On(1, HttpMethod.Get, new Uri(cluster.Balancer, "sse"));
        open.Headers.TryAddWithoutValidation("Authorization", "Bearer " + tokens.AccessToken);
        open.Headers.Accept.ParseAdd("text/event-stream");
        using var stream = await cluster.Http.SendAsync(open, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        using var events = new SseReader(await stream.Content.ReadAsStreamAsync());
        var endpoint = new Uri(cluster.Balancer, (await events.NextAsync("endpoint")).TrimStart('/'));

        async Task<HttpStatusCode> PostOnInstance0Async(string accessToken, int id)
        {
            using var post = cluster.On(0, HttpMethod.Post, endpoint);
            post.Headers.TryAddWithoutValidation("Authorization", "Bearer " + accessToken);
            post.Content = ScaleCluster.JsonRpc("ping", null, id);
            using var response = await cluster.Http.SendAsync(post);
            return response.StatusCode;
        }
        Assert.Equal(HttpStatusCode.Accepted, await PostOnInstance0Async(tokens.AccessToken, 1));
        Assert.Equal(1, JsonDocument.Parse(await events.NextAsync("message")).RootElement.GetProperty("id").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, await PostOnInstance0Async(other.AccessToken, 2));

        using var revoke = cluster.On(0, HttpMethod.Post, new Uri(cluster.Balancer, "oauth/revoke"));
        revoke.Content = new FormUrlEncodedContent([new("token", tokens.RefreshToken), new("token_type_hint", "refresh_token"), new("client_id", clientId)]);
        using var revoked = await cluster.Http.SendAsync(revoke);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        await events.WaitForEndAsync(TimeSpan.FromSeconds(30));
        for (var instance = 0; instance < cluster.Instances.Count; instance++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await cluster.McpAsync(instance, "Bearer " + tokens.AccessToken, "ping")).Status);
        }
    }

    [ScaleFact]
    public async Task An_sse_session_answers_posts_that_alternate_between_instances()
    {
        var authorization = "Sentry-Bearer " + SandboxOptions.DefaultToken;
        using var open = cluster.On(0, HttpMethod.Get, new Uri(cluster.Balancer, "sse"));
        open.Headers.TryAddWithoutValidation("Authorization", authorization);
        open.Headers.Accept.ParseAdd("text/event-stream");
        using var stream = await cluster.Http.SendAsync(open, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        using var events = new SseReader(await stream.Content.ReadAsStreamAsync());
        var endpoint = await events.NextAsync("endpoint");
        var sessionId = endpoint[(endpoint.IndexOf("sessionId=", StringComparison.Ordinal) + "sessionId=".Length)..];

        var redis = await ConnectionMultiplexer.ConnectAsync(Server.Scale.RedisConnection.ParseUrl(cluster.RedisUrl));
        await using (redis)
        {
            var owner = await redis.GetDatabase().StringGetWithExpiryAsync("sentry-mcp:sse:owner:" + sessionId);
            Assert.True(owner.Value.HasValue, "the owner of the stream is recorded in Redis");
            Assert.True(owner.Expiry > TimeSpan.Zero, "the owner record expires unless refreshed");
        }

        var messages = new (string Method, object Params, int? Id)[]
        {
            ("initialize", new { protocolVersion = "2024-11-05", capabilities = new { }, clientInfo = new { name = "scale", version = "1" } }, 1),
            ("notifications/initialized", new { }, null),
            ("tools/list", new { }, 2),
            ("tools/call", new { name = "whoami", arguments = new { } }, 3),
            ("ping", new { }, 4),
            ("tools/call", new { name = "find_organizations", arguments = new { } }, 5),
        };
        var results = new Dictionary<int, JsonElement>();
        for (var i = 0; i < messages.Length; i++)
        {
            var (method, parameters, id) = messages[i];
            // Instance 1 does not own the stream: every other POST is routed through Redis.
            using var post = cluster.On((i + 1) % 2, HttpMethod.Post, new Uri(cluster.Balancer, endpoint.TrimStart('/')));
            post.Headers.TryAddWithoutValidation("Authorization", authorization);
            post.Content = ScaleCluster.JsonRpc(method, parameters, id);
            using var accepted = await cluster.Http.SendAsync(post);
            Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, $"POST {method} on instance {(i + 1) % 2}: {(int)accepted.StatusCode} {await accepted.Content.ReadAsStringAsync()}");
            if (id is { } expected)
            {
                var reply = JsonDocument.Parse(await events.NextAsync("message")).RootElement.Clone();
                Assert.Equal(expected, reply.GetProperty("id").GetInt32());
                results[expected] = reply;
            }
        }

        Assert.Contains("whoami", results[2].GetRawText());
        Assert.Contains(DemoUserName(), ScaleCluster.ToolText(results[3]));
        Assert.Contains("acme", ScaleCluster.ToolText(results[5]));

        using var foreign = cluster.On(1, HttpMethod.Post, new Uri(cluster.Balancer, endpoint.TrimStart('/')));
        foreign.Headers.TryAddWithoutValidation("Authorization", "Sentry-Bearer " + SandboxOptions.NoScopeToken);
        foreign.Content = ScaleCluster.JsonRpc("ping", null, 9);
        Assert.Equal(HttpStatusCode.NotFound, (await cluster.Http.SendAsync(foreign)).StatusCode);
    }

    [ScaleFact]
    public async Task The_per_user_rate_limit_holds_for_the_sum_of_both_instances()
    {
        // Another sandbox user than most tests use, starting from an empty window.
        var authorization = "Sentry-Bearer " + SandboxOptions.NoScopeToken;
        var redis = await ConnectionMultiplexer.ConnectAsync(Server.Scale.RedisConnection.ParseUrl(cluster.RedisUrl));
        await using (redis)
        {
            await redis.GetDatabase().KeyDeleteAsync("sentry-mcp:rate:user:sentry:2");
        }
        var total = cluster.PerUserLimit + 100;
        var accepted = new int[cluster.Instances.Count];
        var refused = 0;
        await Parallel.ForAsync(0, total, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var instance = i % cluster.Instances.Count;
            var (status, _) = await cluster.McpAsync(instance, authorization, "ping");
            if (status == HttpStatusCode.OK)
            {
                Interlocked.Increment(ref accepted[instance]);
            }
            else
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, status);
                Interlocked.Increment(ref refused);
            }
        });

        output.WriteLine($"accepted per instance: {string.Join(" + ", accepted)} = {accepted.Sum()} (limit {cluster.PerUserLimit}); refused {refused}");
        Assert.Equal(cluster.PerUserLimit, accepted.Sum());
        Assert.Equal(100, refused);
        Assert.All(accepted, count => Assert.InRange(count, 1, cluster.PerUserLimit - 1));
    }

    [ScaleFact]
    public async Task Killing_an_instance_during_200_calls_loses_no_call_grant_token_or_key_and_it_serves_again()
    {
        using var browser = new ScaleBrowser(cluster);
        var (_, tokens) = await browser.SignInAsync();
        var grantsBefore = await cluster.QueryAsync<long>("SELECT count(*) FROM \"Grants\" WHERE \"RevokedAt\" IS NULL");
        var tokensBefore = await cluster.QueryAsync<long>("SELECT count(*) FROM \"OpenIddictTokens\" WHERE \"Status\" = 'valid'");
        var keysBefore = await cluster.QueryAsync<string>("SELECT string_agg(\"Use\" || ':' || md5(\"ProtectedKey\"), ',' ORDER BY \"Use\") FROM \"ServerKeys\"");
        var dataProtectionKeysBefore = await cluster.QueryAsync<long>("SELECT count(*) FROM \"DataProtectionKeys\"");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var completed = 0;
        var retries = 0;
        var failures = new ConcurrentBag<string>();
        var killed = new TaskCompletionSource<int>();
        await Parallel.ForAsync(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (_, _) =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var (status, message) = await cluster.McpAsync(null, "Bearer " + tokens.AccessToken, "tools/call", new { name = "whoami", arguments = new { } });
                    if (status == HttpStatusCode.OK && !ScaleCluster.IsToolError(message!.Value))
                    {
                        break;
                    }
                    if ((int)status is not (502 or 503 or 504) || attempt == 20)
                    {
                        failures.Add($"{(int)status} {(message is { } m ? ScaleCluster.ToolText(m) : "")}");
                        break;
                    }
                }
                catch (Exception ex) when ((ex is HttpRequestException or TaskCanceledException or IOException) && attempt < 20)
                {
                    // The connection died with the instance: retry through the balancer.
                }
                Interlocked.Increment(ref retries);
                await Task.Delay(100);
            }
            if (Interlocked.Increment(ref completed) == 50)
            {
                killed.SetResult(cluster.Kill(1));
            }
        });

        output.WriteLine($"200 calls through the balancer in {clock.Elapsed.TotalSeconds:F1} s with {retries} client retries; failures: {failures.Count}");
        Assert.Empty(failures);
        Assert.Equal(200, completed);
        var killedPid = await killed.Task;
        await cluster.WaitForRestartAsync(1, killedPid, TimeSpan.FromSeconds(60));
        output.WriteLine($"instance 1 (pid {killedPid}) killed and serving again {clock.Elapsed.TotalSeconds:F1} s after the run started");
        var (again, reply) = await cluster.McpAsync(1, "Bearer " + tokens.AccessToken, "tools/call", new { name = "whoami", arguments = new { } });
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Contains(DemoUserName(), ScaleCluster.ToolText(reply!.Value));
        Assert.Equal(grantsBefore, await cluster.QueryAsync<long>("SELECT count(*) FROM \"Grants\" WHERE \"RevokedAt\" IS NULL"));
        Assert.Equal(tokensBefore, await cluster.QueryAsync<long>("SELECT count(*) FROM \"OpenIddictTokens\" WHERE \"Status\" = 'valid'"));
        Assert.Equal(keysBefore, await cluster.QueryAsync<string>("SELECT string_agg(\"Use\" || ':' || md5(\"ProtectedKey\"), ',' ORDER BY \"Use\") FROM \"ServerKeys\""));
        Assert.Equal(dataProtectionKeysBefore, await cluster.QueryAsync<long>("SELECT count(*) FROM \"DataProtectionKeys\""));
    }

    [ScaleFact]
    public async Task Concurrent_refreshes_of_one_sentry_token_on_two_instances_reach_sentry_once()
    {
        for (var round = 0; round < 3; round++)
        {
            using var browser = new ScaleBrowser(cluster);
            await cluster.SetSandboxTokenLifetimeAsync(30);
            (string, Auth.TokenSet) signIn;
            try
            {
                signIn = await browser.SignInAsync();
            }
            finally
            {
                await cluster.SetSandboxTokenLifetimeAsync(28800);
            }
            var token = signIn.Item2.AccessToken;
            var before = await cluster.SandboxTokenRequestsAsync();

            using var start = new Barrier(cluster.Instances.Count);
            var calls = Enumerable.Range(0, cluster.Instances.Count).Select(instance => Task.Run(async () =>
            {
                start.SignalAndWait();
                return await cluster.McpAsync(instance, "Bearer " + token, "tools/call", new { name = "whoami", arguments = new { } });
            })).ToArray();
            var results = await Task.WhenAll(calls);

            Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Status));
            Assert.All(results, r => Assert.False(ScaleCluster.IsToolError(r.Message!.Value), ScaleCluster.ToolText(r.Message!.Value)));
            Assert.Equal(before + 1, await cluster.SandboxTokenRequestsAsync());
        }
    }

    private static string DemoUserName() => new DemoData().Users.First(u => u.Id == DemoData.UserId).Name;
}
