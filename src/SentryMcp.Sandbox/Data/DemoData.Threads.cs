using System.Text.Json;
using System.Text.Json.Nodes;

namespace SentryMcp.Sandbox;

/// <summary>
/// The thread list of MOBILE-APP-1's latest event, as the React Native SDK reports it on iOS: the
/// JavaScript thread crashed (its frames are on the exception, which names it by threadId), the main
/// thread sits in the run loop, and one thread has no stack trace at all.
/// </summary>
public sealed partial class DemoData
{
    public const string CrashedThreadId = "259";

    private void SeedMobileThreads()
    {
        var at = Now.AddDays(-2);
        var ev = Events.First(e => e.EventId == DemoIds.NetworkEventId);
        var entries = ev.Payload["entries"]!.AsArray();
        entries[0]!["data"]!["values"]![0]!["threadId"] = int.Parse(CrashedThreadId, System.Globalization.CultureInfo.InvariantCulture);
        entries.Add(Node(new
        {
            type = "threads",
            data = new
            {
                values = new object[]
                {
                    new
                    {
                        id = 0, name = "main", crashed = false, current = false, main = true, state = "RUNNABLE",
                        stacktrace = new
                        {
                            frames = new[]
                            {
                                Frame("UIKitCore", "UIApplicationMain", 0, false, "UIKitCore"),
                                Frame("CoreFoundation", "CFRunLoopRunSpecific", 0, false, "CoreFoundation"),
                                Frame("CoreFoundation", "__CFRunLoopRun", 0, false, "CoreFoundation"),
                                Frame("libsystem_kernel.dylib", "mach_msg2_trap", 0, false, "libsystem_kernel.dylib"),
                            },
                        },
                    },
                    new { id = 259, name = "com.facebook.react.JavaScript", crashed = true, current = true, main = false, state = "RUNNABLE", stacktrace = (object?)null },
                    new
                    {
                        id = 260, name = "com.apple.NSURLConnectionLoader", crashed = false, current = false, main = false, state = "WAITING",
                        stacktrace = new
                        {
                            frames = new[]
                            {
                                Frame("Foundation", "__NSThread__start__", 0, false, "Foundation"),
                                Frame("CFNetwork", "NSURLConnectionLoader::loaderThread", 0, false, "CFNetwork"),
                                Frame("CoreFoundation", "CFRunLoopRunSpecific", 0, false, "CoreFoundation"),
                            },
                        },
                    },
                    new { id = 261, name = "com.apple.uikit.eventfetch-thread", crashed = false, current = false, main = false, state = "WAITING", stacktrace = (object?)null },
                },
            },
        }));
        entries.Add(Node(BreadcrumbsEntry(
            Crumb(at.AddSeconds(-40), "navigation", "OrdersScreen", type: "navigation", data: new { from = "HomeScreen", to = "OrdersScreen" }),
            Crumb(at.AddSeconds(-35), "device.connectivity", "Connectivity changed to cellular", type: "system", data: new { type = "cellular" }),
            Crumb(at.AddSeconds(-31), "xhr", "GET https://api.acme.example/api/orders/", type: "http", data: new { method = "GET", url = "https://api.acme.example/api/orders/" }),
            Crumb(at.AddSeconds(-1), "device.connectivity", "Connectivity changed to none", level: "warning", type: "system", data: new { type = "none" }),
            Crumb(at, "console", "Network request failed", level: "error", type: "debug"))));
    }

    private static JsonNode Node(object value) => JsonSerializer.SerializeToNode(value)!;
}
