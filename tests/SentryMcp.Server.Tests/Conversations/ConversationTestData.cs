using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SentryMcp.Server.Conversations;
using SentryMcp.Server.Storage;
using SentryMcp.Server.Tests.Chat;

namespace SentryMcp.Server.Tests.Conversations;

/// <summary>Requests as the web UI sends them (the chat id and only the new message) and direct looks into the store.</summary>
public static class ConversationTestData
{
    public static string NewId() => "c" + Guid.NewGuid().ToString("N")[..16];

    public static object Turn(string conversationId, object message, string trigger = "submit-message") => new { id = conversationId, message, trigger };

    public static async Task<JsonElement> GetAsync(ChatBrowser browser, string path)
    {
        var response = await browser.Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task AssertProblemAsync(HttpResponseMessage response, int status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status} {code}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, JsonDocument.Parse(text).RootElement.GetProperty("code").GetString());
    }

    /// <summary>A conversation written straight into the database (another owner, many rows, an old one).</summary>
    public static async Task SeedAsync(ChatFixture server, string id, string owner, string title, DateTimeOffset updatedAt, string? text = null)
    {
        using var scope = server.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Conversations.Add(new Conversation { Id = id, OwnerId = owner, Title = title, CreatedAt = updatedAt, UpdatedAt = updatedAt });
        if (text is not null)
        {
            db.ConversationMessages.Add(new ConversationMessage
            {
                ConversationId = id,
                Seq = 0,
                Id = "u-" + id,
                Role = "user",
                Parts = JsonSerializer.Serialize(new[] { new { type = "text", text } }),
                Text = text,
                CreatedAt = updatedAt,
            });
        }
        await db.SaveChangesAsync();
    }

    public static async Task<bool> ExistsAsync(ChatFixture server, string id)
    {
        using var scope = server.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Conversations.AnyAsync(c => c.Id == id);
    }

    /// <summary>The sandbox user's Sentry id, as conversations record their owner.</summary>
    public static async Task<string> OwnerAsync(ChatFixture server, ChatBrowser browser) => (await ChatTestData.SessionOfAsync(server, browser)).UserId;
}

/// <summary>A UI message stream read line by line while it is being written (to leave mid-answer).</summary>
public sealed class LiveStream(HttpResponseMessage response, StreamReader reader) : IDisposable
{
    public HttpResponseMessage Response => response;

    public List<JsonElement> Chunks { get; } = [];

    public bool Done { get; private set; }

    public static async Task<LiveStream> OpenAsync(HttpClient http, HttpRequestMessage request)
    {
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new LiveStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>Reads until a chunk matches (or the stream ends: false).</summary>
    public async Task<bool> ReadUntilAsync(Func<JsonElement, bool> match)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal))
            {
                continue;
            }
            if (line == "data: [DONE]")
            {
                Done = true;
                continue;
            }
            var chunk = JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
            Chunks.Add(chunk);
            if (match(chunk))
            {
                return true;
            }
        }
        return false;
    }

    public Task ReadToEndAsync() => ReadUntilAsync(_ => false);

    public IEnumerable<string> Types => Chunks.Select(c => c.GetProperty("type").GetString()!);

    public string Text => string.Concat(Chunks.Where(c => c.GetProperty("type").GetString() == "text-delta").Select(c => c.GetProperty("delta").GetString()));

    public void Dispose()
    {
        reader.Dispose();
        response.Dispose();
    }
}
