using SentryMcp.Sandbox;

namespace SentryMcp.Core.Tests.Tools;

public sealed class GetEventStacktraceToolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Fact]
    public async Task Without_a_thread_the_crashed_thread_is_shown_with_its_frames_from_the_exception()
    {
        var output = await server.CallAsync("get_event_stacktrace", new { organizationSlug = "acme", issueId = DemoIds.NetworkShortId });

        Assert.False(output.IsError, output.Text);
        Assert.StartsWith($"# Stacktrace of Issue {DemoIds.NetworkShortId} in **acme**", output.Text);
        Assert.Contains("**Thread**: com.facebook.react.JavaScript (ID 259), crashed, current", output.Text);
        Assert.Contains("**Selected Because**: Sentry's default selection", output.Text);
        Assert.Contains("src/api/orders.ts:12:9 in fetchOrders  [in-app]", output.Text);
        Assert.Contains("- `261` com.apple.uikit.eventfetch-thread: no stack trace", output.Text);
        Assert.Contains("- `0` main: 4 frames", output.Text);
        var data = output.Raw.StructuredContent!.Value;
        Assert.Equal("259", data.GetProperty("thread").GetProperty("id").GetString());
        Assert.Equal(4, data.GetProperty("threads").GetArrayLength());
        var fetchOrders = data.GetProperty("thread").GetProperty("frames")[0];
        Assert.Equal("fetchOrders", fetchOrders.GetProperty("function").GetString());
        // The frame's source context, as Sentry sent it: [lineNo, line] pairs around line 12.
        var context = fetchOrders.GetProperty("context").EnumerateArray().ToList();
        Assert.Equal([11, 12, 13], context.Select(l => l.GetProperty("lineNo").GetInt32()));
        Assert.Equal("  const res = await fetch(`${API}/orders/`);", context[1].GetProperty("line").GetString());
        Assert.Contains("thread=0)", output.Text);
    }

    [Fact]
    public async Task A_thread_is_chosen_by_name()
    {
        var output = await server.CallAsync("get_event_stacktrace", new { organizationSlug = "acme", issueId = DemoIds.NetworkShortId, thread = "main" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Thread**: main (ID 0)", output.Text);
        Assert.Contains("**State**: RUNNABLE", output.Text);
        Assert.Contains("UIKitCore in UIApplicationMain", output.Text);
        Assert.Contains("libsystem_kernel.dylib in mach_msg2_trap", output.Text);
        Assert.Equal("Thread named 'main'.", output.Raw.StructuredContent!.Value.GetProperty("selectionReason").GetString());
    }

    [Fact]
    public async Task A_thread_is_chosen_by_numeric_id_for_a_given_event()
    {
        var output = await server.CallAsync("get_event_stacktrace", new { organizationSlug = "acme", issueId = DemoIds.NetworkShortId, eventId = DemoIds.NetworkEventId, thread = 260 });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("**Thread**: com.apple.NSURLConnectionLoader (ID 260)", output.Text);
        Assert.Contains("CFNetwork in NSURLConnectionLoader::loaderThread", output.Text);
    }

    [Fact]
    public async Task A_thread_without_frames_says_so()
    {
        var output = await server.CallAsync("get_event_stacktrace", new { organizationSlug = "acme", issueId = DemoIds.NetworkShortId, thread = "261" });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("This thread has no stack trace.", output.Text);
    }

    [Fact]
    public async Task An_unknown_thread_lists_the_threads_there_are()
    {
        var output = await server.CallAsync("get_event_stacktrace", new { organizationSlug = "acme", issueId = DemoIds.NetworkShortId, thread = "worker-7" });

        Assert.True(output.IsError);
        Assert.Contains("No thread has the name or ID 'worker-7'", output.Text);
        Assert.Contains("259 'com.facebook.react.JavaScript'", output.Text);
    }

    [Fact]
    public async Task An_event_without_threads_gives_its_exceptions_stack_trace()
    {
        var output = await server.CallAsync("get_event_stacktrace", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId });

        Assert.False(output.IsError, output.Text);
        Assert.Contains("The event has no thread list; this is the stack trace of its exception.", output.Text);
        Assert.Contains("app/views/users.py:42 in get_profile  [in-app]", output.Text);
        Assert.Contains("(3 frames, most recent call last)", output.Text);
        Assert.Equal(0, output.Raw.StructuredContent!.Value.GetProperty("threads").GetArrayLength());
    }

    [Fact]
    public async Task Naming_a_thread_of_an_event_without_threads_is_an_input_error()
    {
        var output = await server.CallAsync("get_event_stacktrace", new { organizationSlug = "acme", issueId = DemoIds.NoneTypeShortId, thread = "main" });

        Assert.True(output.IsError);
        Assert.Contains("has no thread list", output.Text);
    }

    [Fact]
    public async Task A_thread_that_is_neither_a_number_nor_a_name_is_refused()
    {
        var output = await server.CallAsync("get_event_stacktrace", new { organizationSlug = "acme", issueId = DemoIds.NetworkShortId, thread = new[] { 1, 2 } });

        Assert.True(output.IsError);
        Assert.Contains("thread must be a numeric thread ID", output.Text);
    }

    [Fact]
    public async Task A_malformed_event_id_is_an_input_error()
    {
        var output = await server.CallAsync("get_event_stacktrace", new { organizationSlug = "acme", issueId = DemoIds.NetworkShortId, eventId = "1234" });

        Assert.True(output.IsError);
        Assert.Contains("not a valid eventId", output.Text);
    }

    [Fact]
    public async Task An_issue_id_is_required()
    {
        var output = await server.CallAsync("get_event_stacktrace", new { organizationSlug = "acme" });

        Assert.True(output.IsError);
        Assert.Contains("issueId", output.Text);
    }
}
