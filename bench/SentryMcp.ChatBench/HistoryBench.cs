using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SentryMcp.Server.Conversations;
using SentryMcp.Server.Storage;
using SentryMcp.TestDoubles;

namespace SentryMcp.ChatBench;

/// <summary>
/// What the server-side history costs a turn: the first text delta of a question in a stored
/// 50-message conversation (25 questions and answers, each answer with a tool call and a 2 KB result)
/// against a question that starts a new conversation, alternating, in the same run. The question
/// resends the 51st message (edit and resend), so every round loads the same 50 messages.
/// </summary>
public static class HistoryBench
{
    public const int Messages = 50;

    public static async Task<string> RunAsync(IServiceProvider services, ScriptedLlmServer llm, HttpClient http, int iterations,
        Func<byte[], Task<(double FirstText, double Total)>> chat, Func<string, string, byte[]> body)
    {
        var owner = (await http.GetFromJsonAsync<JsonElement>("api/auth/status")).GetProperty("user").GetProperty("id").GetString()!;
        const string conversationId = "bench-history";
        await SeedAsync(services, owner, conversationId);
        var edit = body(conversationId, $"u{Messages / 2}");
        for (var i = 0; i < 30; i++)
        {
            llm.Reply("hello there");
            await chat(edit);
            llm.Reply("hello there");
            await chat(body("bench-" + Guid.NewGuid().ToString("N"), "u1"));
        }
        var withHistory = new List<double>();
        var fresh = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            llm.Reply("hello there");
            withHistory.Add((await chat(edit)).FirstText);
            llm.Reply("hello there");
            fresh.Add((await chat(body("bench-" + Guid.NewGuid().ToString("N"), "u1"))).FirstText);
        }
        static double P(List<double> values, double q) => values.Order().ElementAt((int)Math.Min(values.Count - 1, Math.Floor(q * values.Count)));
        return new StringBuilder()
            .AppendLine("# Cost of loading the stored history (instant scripted LLM, SQLite, loopback)")
            .AppendLine()
            .AppendLine($"{iterations} rounds after 30 warm-up rounds, alternating. The history: {Messages} stored messages.")
            .AppendLine()
            .AppendLine("| Measure | with history p50 | new conversation p50 | added p50 | with history p95 | target |")
            .AppendLine("|---|---|---|---|---|---|")
            .AppendLine($"| First text delta | {P(withHistory, .5):F2} ms | {P(fresh, .5):F2} ms | {P(withHistory, .5) - P(fresh, .5):F2} ms | {P(withHistory, .95):F2} ms | ≤ 5 ms added |")
            .ToString();
    }

    private static async Task SeedAsync(IServiceProvider services, string owner, string id)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        db.Conversations.Add(new Conversation { Id = id, OwnerId = owner, Title = "History bench", CreatedAt = now, UpdatedAt = now });
        var result = string.Join("\n", Enumerable.Range(0, 40).Select(i => $"**Issue {i}**: TypeError in checkout.ts line {i}"));
        for (var turn = 0; turn <= Messages / 2; turn++)
        {
            var question = new[] { new { type = "text", text = $"Question {turn}: what broke in release {turn}?" } };
            db.ConversationMessages.Add(Row(id, turn * 2, $"u{turn}", "user", JsonSerializer.Serialize(question), now));
            var answer = new object[]
            {
                new { type = "step-start" },
                new { type = "dynamic-tool", toolName = "search_issues", toolCallId = $"call-{turn}", state = "output-available",
                    input = new { organizationSlug = "acme", naturalLanguageQuery = $"errors in release {turn}" },
                    output = new { isError = false, content = new[] { new { type = "text", text = result } }, structuredContent = (object?)null } },
                new { type = "step-start" },
                new { type = "text", text = $"Release {turn} broke the checkout: a TypeError on line {turn}.", state = "done" },
            };
            db.ConversationMessages.Add(Row(id, turn * 2 + 1, $"a{turn}", "assistant", JsonSerializer.Serialize(answer), now));
        }
        await db.SaveChangesAsync();
    }

    private static ConversationMessage Row(string conversation, int seq, string id, string role, string parts, DateTimeOffset at) => new()
    {
        ConversationId = conversation,
        Seq = seq,
        Id = id,
        Role = role,
        Parts = parts,
        Text = parts,
        CreatedAt = at,
    };
}
