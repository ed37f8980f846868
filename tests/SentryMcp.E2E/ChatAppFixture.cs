using SentryMcp.TestDoubles;

namespace SentryMcp.E2E;

/// <summary>The host with its chat API pointed at the scripted LLM.</summary>
public sealed class ChatAppFixture : WebAppFixture
{
    public ScriptedLlmServer Llm { get; private set; } = null!;

    protected override async Task<IDictionary<string, string?>> SettingsAsync()
    {
        Llm = await ScriptedLlmServer.StartAsync();
        return new Dictionary<string, string?>
        {
            ["Chat:BaseUrl"] = Llm.BaseUri.ToString(),
            ["Chat:ApiKey"] = "scripted-key",
            ["Chat:Model"] = "scripted-model",
            // Every test signs in as the sandbox's one user: the collection sends more than the default
            // 10 messages a minute. The rate limit has its own fixture (UnreachableModelTests).
            ["Chat:MessagesPerMinute"] = "1000",
            // Each turn also calls /mcp as that user (tools/list, the tool calls): the collection's turns
            // pass the default 60 MCP requests a minute, answered as "too many Sentry requests".
            ["RateLimits:PerUserPerMinute"] = "10000",
            // Tests script every model call; titles stay the first words of the question.
            ["Chat:GenerateTitles"] = "false",
        };
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Llm.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ChatCollection : ICollectionFixture<ChatAppFixture>
{
    public const string Name = "chat";
}
