using System.Text.Json;
using System.Text.RegularExpressions;

namespace SentryMcp.E2E;

/// <summary>The conversation a page shows, read back from the conversations API with the page's own session cookie.</summary>
public static partial class StoredConversation
{
    /// <summary>The id the page's URL names (<c>/chat/{id}</c>).</summary>
    public static string IdOf(IPage page) => ChatUrl().Match(page.Url) is { Success: true } m
        ? m.Groups[1].Value
        : throw new Xunit.Sdk.XunitException($"the URL names no conversation: {page.Url}");

    /// <summary>GET <paramref name="path"/> as the page's user; anything but 200 fails the test.</summary>
    public static async Task<JsonElement> GetAsync(IPage page, string path)
    {
        var response = await page.APIRequest.GetAsync(path);
        Assert.Equal(200, response.Status);
        return (await response.JsonAsync())!.Value;
    }

    /// <summary>The conversation the page shows, as stored.</summary>
    public static Task<JsonElement> OfAsync(IPage page) => GetAsync(page, $"/api/conversations/{IdOf(page)}");

    /// <summary>Each stored message as "role: its text parts".</summary>
    public static async Task<string[]> MessagesAsync(IPage page)
    {
        var conversation = await OfAsync(page);
        return [.. conversation.GetProperty("messages").EnumerateArray().Select(m =>
            $"{m.GetProperty("role").GetString()}: " + string.Concat(m.GetProperty("parts").EnumerateArray()
                .Where(p => p.GetProperty("type").GetString() == "text")
                .Select(p => p.GetProperty("text").GetString())))];
    }

    [GeneratedRegex("/chat/([A-Za-z0-9_-]+)$")]
    private static partial Regex ChatUrl();
}
