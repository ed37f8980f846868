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
