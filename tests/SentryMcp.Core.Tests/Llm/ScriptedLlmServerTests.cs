using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;
using SentryMcp.TestDoubles;

namespace SentryMcp.Core.Tests.Llm;

public sealed class ScriptedLlmServerTests
{
    [Fact]
    public async Task Streaming_clients_receive_the_scripted_text_as_chunks()
    {
        await using var llm = await ScriptedLlmServer.StartAsync();
        llm.Reply("{\"query\": \"level:error\"}");
        using var chat = new OpenAIClient(new ApiKeyCredential("test"), new OpenAIClientOptions { Endpoint = llm.BaseUri })
            .GetChatClient("scripted").AsIChatClient();

        var text = "";
        var updates = 0;
        await foreach (var update in chat.GetStreamingResponseAsync("hello"))
        {
            text += update.Text;
            updates++;
        }

        Assert.Equal("{\"query\": \"level:error\"}", text);
        Assert.True(updates > 2, $"expected several chunks, got {updates}");
        Assert.True(llm.Requests[0]["stream"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_cut_delivers_every_chunk_sent_before_it_and_then_breaks_the_stream()
    {
        await using var llm = await ScriptedLlmServer.StartAsync();
        llm.Enqueue(new ScriptedReply("first 8 second 8 never sent") { ChunkSize = 8, CutAfterChunks = 2 });
        using var chat = new OpenAIClient(new ApiKeyCredential("test"), new OpenAIClientOptions { Endpoint = llm.BaseUri })
            .GetChatClient("scripted").AsIChatClient();

        var text = "";
        var error = await Record.ExceptionAsync(async () =>
        {
            await foreach (var update in chat.GetStreamingResponseAsync("hello"))
            {
                text += update.Text;
            }
        });

        Assert.Equal("first 8 second 8", text);
        Assert.IsAssignableFrom<IOException>(error);
        Assert.Empty(llm.CancelledRequests);
    }
}
