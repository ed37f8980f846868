using ModelContextProtocol.Client;
using SentryMcp.Sandbox;
using SentryMcp.TestDoubles;

namespace SentryMcp.Core.Tests.Tools;

/// <summary>
/// Base of the search-translation tests: a scripted OpenAI-compatible server over real HTTP and a
/// stdio server configured to use it.
/// </summary>
public abstract class TranslatingClientTests(McpServerFixture server) : IAsyncLifetime
{
    protected McpServerFixture Server { get; } = server;
    protected ScriptedLlmServer Llm { get; private set; } = null!;
    protected McpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Llm = await ScriptedLlmServer.StartAsync();
        Client = await Server.StartClientAsync([], SandboxOptions.DefaultToken, new Dictionary<string, string?>
        {
            ["OPENAI_BASE_URL"] = Llm.BaseUri.ToString(),
            ["OPENAI_API_KEY"] = "test",
            ["Sentry__SearchTranslator__MaxRetries"] = "0",
        });
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        await Llm.DisposeAsync();
    }
}
