using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using SentryMcp.ChatBench;
using SentryMcp.Server;
using SentryMcp.TestDoubles;

// Chat API overhead: the real host (embedded sandbox) and an instant scripted LLM, all on loopback in
// this process. Floors are measured in the same run: the scripted LLM called directly, and the tool
// called directly on /mcp. Usage: dotnet run -c Release --project bench/SentryMcp.ChatBench [iterations] [streams]
// or `-- history [iterations]` for the cost of loading a stored 50-message conversation only.
var historyOnly = args.Length > 0 && args[0] == "history";
args = historyOnly ? args[1..] : args;
var iterations = args.Length > 0 ? int.Parse(args[0]) : 200;
var streams = args.Length > 1 ? int.Parse(args[1]) : 500;
var report = Console.Out;
Console.SetOut(Console.Error);

await using var llm = await ScriptedLlmServer.StartAsync();
var database = Path.Combine(Path.GetTempPath(), $"sentry-mcp-chatbench-{Guid.NewGuid():N}.db");
var app = ServerApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"], builder =>
{
    builder.Configuration["ConnectionStrings:Database"] = $"Data Source={database}";
    builder.Configuration["OPENAI_API_KEY"] = "bench";
    builder.Configuration["OPENAI_BASE_URL"] = llm.BaseUri.ToString();
    builder.Configuration["Chat:MessagesPerMinute"] = "1000000";
    builder.Configuration["RateLimits:PerUserPerMinute"] = "1000000";
    builder.Configuration["RateLimits:PerIpPerMinute"] = "1000000";
    // Every measured answer is a conversation of its own.
    builder.Configuration["Chat:MaxConversationsPerUser"] = "1000000";
    builder.Configuration["Chat:GenerateTitles"] = "false";
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
});
await app.StartAsync();
var baseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
using var browser = new ChatBrowser(baseUri);
await browser.SignInAsync();
using var direct = new HttpClient();
await using var mcp = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
{
    Endpoint = new Uri(baseUri, "mcp"),
    AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Sentry-Bearer " + SentryMcp.Sandbox.SandboxOptions.DefaultToken },
}));
// The web UI's request: the conversation id and only the new message (the server holds the history).
static byte[] Body(string conversationId, string messageId = "u1") => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
    new { id = conversationId, trigger = "submit-message", message = new { id = messageId, role = "user", parts = new[] { new { type = "text", text = "hi" } } } });

async Task<(double FirstText, double Total)> ChatOnceAsync(byte[]? body = null)
{
    body ??= Body("bench-" + Guid.NewGuid().ToString("N"));
    var clock = Stopwatch.StartNew();
    using var request = new HttpRequestMessage(HttpMethod.Post, "api/chat") { Content = new ByteArrayContent(body) };
    request.Content.Headers.ContentType = new("application/json");
    using var response = await browser.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
    double firstText = -1;
    var finished = false;
    while (await reader.ReadLineAsync() is { } line)
    {
        if (firstText < 0 && line.Contains("\"text-delta\"", StringComparison.Ordinal))
        {
            firstText = clock.Elapsed.TotalMilliseconds;
        }
        finished |= line.Contains("\"type\":\"finish\"", StringComparison.Ordinal);
    }
    if (!response.IsSuccessStatusCode || !finished)
    {
        throw new InvalidOperationException($"Chat failed: HTTP {(int)response.StatusCode}");
    }
    return (firstText, clock.Elapsed.TotalMilliseconds);
}

async Task<(double FirstText, double Total)> LlmOnceAsync()
{
    var clock = Stopwatch.StartNew();
    using var request = new HttpRequestMessage(HttpMethod.Post, llm.BaseUri + "/chat/completions")
    {
        Content = new StringContent("{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", Encoding.UTF8, "application/json"),
    };
    using var response = await direct.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
    double firstText = -1;
    while (await reader.ReadLineAsync() is { } line)
    {
        if (firstText < 0 && line.Contains("\"content\":\"h", StringComparison.Ordinal))
        {
            firstText = clock.Elapsed.TotalMilliseconds;
        }
    }
    return (firstText, clock.Elapsed.TotalMilliseconds);
}

async Task<double> McpToolOnceAsync()
{
    var clock = Stopwatch.StartNew();
    await mcp.CallToolAsync("whoami");
    return clock.Elapsed.TotalMilliseconds;
}

Console.Error.WriteLine($"Host on {baseUri}; warming up…");
if (historyOnly)
{
    await report.WriteAsync(await HistoryBench.RunAsync(app.Services, llm, browser.Http, iterations, b => ChatOnceAsync(b), Body));
    await report.FlushAsync();
    await app.StopAsync();
    await app.DisposeAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    File.Delete(database);
    return 0;
}
for (var i = 0; i < 30; i++)
{
    llm.Reply("hello there");
    await ChatOnceAsync();
    llm.Reply("hello there");
    await LlmOnceAsync();
    llm.ReplyWithToolCalls(null, new ScriptedToolCall("c" + i, "whoami"));
    llm.Reply("hello there");
    await ChatOnceAsync();
    await McpToolOnceAsync();
}

Console.Error.WriteLine($"First text: {iterations} rounds, alternating chat and direct LLM…");
var chatFirst = new List<double>();
var llmFirst = new List<double>();
var llmTotal = new List<double>();
for (var i = 0; i < iterations; i++)
{
    llm.Reply("hello there");
    chatFirst.Add((await ChatOnceAsync()).FirstText);
    llm.Reply("hello there");
    var floor = await LlmOnceAsync();
    llmFirst.Add(floor.FirstText);
    llmTotal.Add(floor.Total);
}

Console.Error.WriteLine($"Tool round trip: {iterations} rounds…");
var chatTool = new List<double>();
var toolFloor = new List<double>();
for (var i = 0; i < iterations; i++)
{
    llm.ReplyWithToolCalls(null, new ScriptedToolCall("t" + i, "whoami"));
    llm.Reply("hello there");
    chatTool.Add((await ChatOnceAsync()).Total);
    llm.ReplyWithToolCalls(null, new ScriptedToolCall("t" + i, "whoami"));
    var first = (await LlmOnceAsync()).Total;
    var tool = await McpToolOnceAsync();
    llm.Reply("hello there");
    toolFloor.Add(first + tool + (await LlmOnceAsync()).Total);
}

Console.Error.WriteLine($"{streams} concurrent chat streams, one chunk every 50 ms for 10 s…");
for (var i = 0; i < streams; i++)
{
    llm.Slow(new string('x', 200), TimeSpan.FromMilliseconds(50), chunkSize: 1);
}
GC.Collect();
var peak = 0L;
using var sampling = new CancellationTokenSource();
var sampler = Task.Run(async () =>
{
    while (!sampling.IsCancellationRequested)
    {
        peak = Math.Max(peak, Process.GetCurrentProcess().WorkingSet64);
        await Task.Delay(250);
    }
});
var wall = Stopwatch.StartNew();
var results = await Task.WhenAll(Enumerable.Range(0, streams).Select(async _ =>
{
    try
    {
        await ChatOnceAsync();
        return true;
    }
    catch (Exception)
    {
        return false;
    }
}));
wall.Stop();
await sampling.CancelAsync();
await sampler;

static double P(List<double> values, double q) => values.Order().ElementAt((int)Math.Min(values.Count - 1, Math.Floor(q * values.Count)));
var output = new StringBuilder()
    .AppendLine("# Chat API overhead (instant scripted LLM, embedded sandbox, loopback)")
    .AppendLine()
    .AppendLine($"{iterations} rounds each, after 30 warm-up rounds. Added = chat minus the floor measured in the same run.")
    .AppendLine()
    .AppendLine("| Measure | chat p50 | floor p50 | added p50 | chat p95 | target |")
    .AppendLine("|---|---|---|---|---|---|")
    .AppendLine($"| First text delta | {P(chatFirst, .5):F2} ms | {P(llmFirst, .5):F2} ms (LLM direct) | {P(chatFirst, .5) - P(llmFirst, .5):F2} ms | {P(chatFirst, .95):F2} ms | ≤ 5 ms added |")
    .AppendLine($"| One tool round trip (whole answer) | {P(chatTool, .5):F2} ms | {P(toolFloor, .5):F2} ms (2 LLM calls + /mcp whoami) | {P(chatTool, .5) - P(toolFloor, .5):F2} ms | {P(chatTool, .95):F2} ms | ≤ 10 ms added |")
    .AppendLine()
    .AppendLine($"Concurrency: {streams} streams at once, each 200 chunks 50 ms apart: {results.Count(r => r)} completed, {results.Count(r => !r)} failed, " +
        $"wall {wall.Elapsed.TotalSeconds:F1} s; peak working set {peak / 1024 / 1024} MB (target < 400 MB) for the whole process " +
        "(host, embedded sandbox, scripted LLM and the 500 clients).");
await report.WriteAsync(output.ToString());
await report.FlushAsync();

await app.StopAsync();
await app.DisposeAsync();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
File.Delete(database);
return results.All(r => r) ? 0 : 1;
