using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using SentryMcp.Server.Storage;

namespace SentryMcp.Server.Tests.Scale;

/// <summary>
/// The cluster tests/scale/run.sh starts: PostgreSQL, Redis, a shared Sentry sandbox, two instances
/// and nginx in front. Outside that script the variables are missing: the tests are skipped with
/// that reason (<see cref="ScaleFactAttribute"/>), and the script itself refuses a skipped test.
/// The balancer ends TLS (PUBLIC_URL is its https address; the script's certificate is trusted
/// through SSL_CERT_FILE). A request "on instance i" keeps its balancer URL for cookies and links
/// but goes straight to that instance over plain http with the headers nginx adds, so a test
/// decides which instance serves each step.
/// </summary>
public sealed class ScaleCluster : IDisposable
{
    /// <summary>Tests that kill an instance, and those the kill would disturb, run one after another.</summary>
    public const string InstancesCollection = "Scale instances";

    public static bool IsRunning => Environment.GetEnvironmentVariable("SCALE_BALANCER_URL") is not null;

    public ScaleCluster()
    {
        if (!IsRunning)
        {
            Http = new HttpClient();
            return;
        }
        Balancer = new Uri(Required("SCALE_BALANCER_URL").TrimEnd('/') + "/");
        Instances = [.. Required("SCALE_INSTANCE_URLS").Split(',').Select(u => new Uri(u.TrimEnd('/') + "/"))];
        PidFiles = Required("SCALE_INSTANCE_PID_FILES").Split(',');
        Sandbox = new Uri(Required("SCALE_SANDBOX_URL").TrimEnd('/') + "/");
        DatabaseUrl = Required("SCALE_DATABASE_URL");
        RedisUrl = Required("SCALE_REDIS_URL");
        PerUserLimit = int.Parse(Required("SCALE_PER_USER_LIMIT"), System.Globalization.CultureInfo.InvariantCulture);
        Http = CreateClient(withCookies: false);
    }

    private static readonly HttpRequestOptionsKey<int> InstanceOption = new("scale-instance");

    public Uri Balancer { get; } = null!;
    public IReadOnlyList<Uri> Instances { get; } = [];
    public IReadOnlyList<string> PidFiles { get; } = [];
    public Uri Sandbox { get; } = null!;
    public string DatabaseUrl { get; } = null!;
    public string RedisUrl { get; } = null!;
    public int PerUserLimit { get; }
    public HttpClient Http { get; }

    /// <summary>The same request as <paramref name="url"/> (a balancer URL), sent to instance <paramref name="instance"/>.</summary>
    public HttpRequestMessage On(int instance, HttpMethod method, Uri url)
    {
        var request = new HttpRequestMessage(method, url);
        if (url.Authority == Balancer.Authority)
        {
            request.Options.Set(InstanceOption, instance);
        }
        return request;
    }

    /// <summary>A client that routes <see cref="On"/> requests; with cookies, a browser's cookie jar above the routing.</summary>
    public HttpClient CreateClient(bool withCookies) => withCookies ? CreateBrowser().Client : new HttpClient(new InstanceRouter(this)) { Timeout = TimeSpan.FromSeconds(30) };

    public (HttpClient Client, CookieJar Cookies) CreateBrowser()
    {
        var jar = new CookieJar(new InstanceRouter(this));
        return (new HttpClient(jar) { Timeout = TimeSpan.FromSeconds(30) }, jar);
    }

    /// <summary>What nginx does for one instance: plain http to it, Host kept, X-Forwarded-For/-Proto added.</summary>
    private sealed class InstanceRouter(ScaleCluster cluster)
        : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, PooledConnectionLifetime = TimeSpan.FromSeconds(5) })
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!request.Options.TryGetValue(InstanceOption, out var instance))
            {
                return await base.SendAsync(request, cancellationToken);
            }
            var original = request.RequestUri!;
            request.RequestUri = new Uri(cluster.Instances[instance], original.PathAndQuery);
            request.Headers.Host = cluster.Balancer.Authority;
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", "127.0.0.1");
            request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", cluster.Balancer.Scheme);
            var response = await base.SendAsync(request, cancellationToken);
            request.RequestUri = original;
            return response;
        }
    }

    public static HttpContent JsonRpc(string method, object? parameters, int? id = 1) =>
        new StringContent(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["jsonrpc"] = "2.0",
            ["method"] = method,
            ["params"] = parameters ?? new { },
        }.Concat(id is null ? [] : [new KeyValuePair<string, object?>("id", id)]).ToDictionary()), Encoding.UTF8, "application/json");

    /// <summary>A stateless <c>/mcp</c> JSON-RPC request; <paramref name="instance"/> null goes through the balancer.</summary>
    public async Task<(HttpStatusCode Status, JsonElement? Message)> McpAsync(int? instance, string authorization, string method, object? parameters = null)
    {
        var url = new Uri(Balancer, "mcp");
        using var request = instance is { } i ? On(i, HttpMethod.Post, url) : new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Content = JsonRpc(method, parameters);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            return (response.StatusCode, null);
        }
        var json = response.Content.Headers.ContentType?.MediaType == "text/event-stream"
            ? body.Split('\n').Select(l => l.TrimEnd('\r')).Last(l => l.StartsWith("data:", StringComparison.Ordinal))[5..]
            : body;
        return (response.StatusCode, JsonDocument.Parse(json).RootElement.Clone());
    }

    public static string ToolText(JsonElement message) =>
        string.Concat(message.GetProperty("result").GetProperty("content").EnumerateArray().Select(c => c.GetProperty("text").GetString()));

    public static bool IsToolError(JsonElement message) =>
        message.GetProperty("result").TryGetProperty("isError", out var error) && error.GetBoolean();

    public async Task<int> SandboxTokenRequestsAsync()
    {
        var json = await Http.GetFromJsonAsync<JsonElement>(new Uri(Sandbox, "__sandbox/oauth"));
        return json.GetProperty("tokenRequests").GetInt32();
    }

    public async Task SetSandboxTokenLifetimeAsync(int seconds) =>
        (await Http.PostAsync(new Uri(Sandbox, $"__sandbox/oauth/lifetime?seconds={seconds}"), null)).EnsureSuccessStatusCode();

    public int Pid(int instance) => int.Parse(File.ReadAllText(PidFiles[instance]).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>SIGKILL (Process.Kill on Unix): no shutdown, no flushing.</summary>
    public int Kill(int instance)
    {
        var pid = Pid(instance);
        using var process = Process.GetProcessById(pid);
        process.Kill();
        return pid;
    }

    /// <summary>Waits until the service manager (the script's loop) has started a new process that answers.</summary>
    public async Task WaitForRestartAsync(int instance, int killedPid, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (File.Exists(PidFiles[instance]) && Pid(instance) != killedPid &&
                    (await Http.GetAsync(new Uri(Instances[instance], "healthz"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or FormatException or IOException)
            {
                // Not up yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Instance {instance} did not come back within {timeout}.");
    }

    public async Task<T> QueryAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresUrl.ToConnectionString(DatabaseUrl));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: the Scale tests run against the cluster started by tests/scale/run.sh.");

    public void Dispose() => Http.Dispose();
}
