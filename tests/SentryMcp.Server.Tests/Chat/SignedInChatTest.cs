namespace SentryMcp.Server.Tests.Chat;

/// <summary>A test class whose every test starts with a fresh signed-in chat session and an empty model script.</summary>
public abstract class SignedInChatTest<TFixture>(TFixture fixture) : IAsyncLifetime
    where TFixture : ChatFixture
{
    protected TFixture Server { get; } = fixture;

    protected ChatBrowser Browser { get; set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Server.Llm.Clear();
        Browser = await Server.SignedInAsync();
    }

    public virtual Task DisposeAsync()
    {
        Browser.Dispose();
        return Task.CompletedTask;
    }
}
