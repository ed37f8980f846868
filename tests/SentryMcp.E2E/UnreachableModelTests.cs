using System.Net;
using System.Net.Sockets;

namespace SentryMcp.E2E;

/// <summary>
/// A host whose model address answers nothing (a loopback port that was just closed) and that
/// allows one chat message a minute, so both failures are reached in one short walk.
/// </summary>
public sealed class UnreachableModelFixture : WebAppFixture
{
    protected override Task<IDictionary<string, string?>> SettingsAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return Task.FromResult<IDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["Chat:BaseUrl"] = $"http://127.0.0.1:{port}/v1",
            ["Chat:ApiKey"] = "unused-key",
            ["Chat:Model"] = "absent-model",
            ["Chat:MessagesPerMinute"] = "1",
        });
    }
}

[CollectionDefinition(Name)]
public sealed class UnreachableModelCollection : ICollectionFixture<UnreachableModelFixture>
{
    public const string Name = "unreachable-model";
}

[Collection(UnreachableModelCollection.Name)]
public sealed class UnreachableModelTests(UnreachableModelFixture app)
{
    [Fact]
    public async Task An_unreachable_model_gets_one_clear_error_and_a_rate_limit_holds_the_composer_with_a_countdown()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/chat", Patient.Navigation);
        await SignIn.WithSandboxAsync(page);
        var input = page.GetByTestId("chat-input");

        await input.FillAsync("Is anything broken?");
        await input.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("chat-error-title")).ToHaveTextAsync("The assistant could not answer");
        await Assertions.Expect(page.GetByTestId("chat-error-message")).ToContainTextAsync("could not be reached");
        await Assertions.Expect(page.GetByTestId("chat-error-message")).Not.ToContainTextAsync("cut off");
        // No empty assistant bubble beside the error.
        await Assertions.Expect(page.GetByTestId("message-assistant")).ToHaveCountAsync(0);

        // The second message in the minute is refused: the composer then holds questions and counts down.
        await input.FillAsync("Second try");
        await input.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("chat-error-title")).ToHaveTextAsync("Too many messages");
        await Assertions.Expect(page.GetByTestId("chat-error")).ToHaveCountAsync(1);
        var send = page.GetByTestId("send");
        await Assertions.Expect(send).ToHaveAttributeAsync("data-wait", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        await Screenshots.SaveAsync(page, "chat-rate-limited");

        var bubbles = await page.GetByTestId("message-user").CountAsync();
        await input.FillAsync("Third try");
        await input.PressAsync("Enter");
        await Assertions.Expect(send).ToBeDisabledAsync();
        await Assertions.Expect(input).ToHaveValueAsync("Third try");
        await Assertions.Expect(page.GetByTestId("message-user")).ToHaveCountAsync(bubbles);

        // Commands still work while the limit runs: they never reach the chat API.
        await input.FillAsync("/help");
        await input.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("message-assistant").Last).ToContainTextAsync("/tools");
        await Assertions.Expect(send).ToHaveAttributeAsync("data-wait", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
    }
}
