using System.Text.Json;
using System.Text.Json.Nodes;

namespace SentryMcp.E2E;

/// <summary>
/// A minimal MCP Apps host (SEP-1865) in chromium: a page on its own origin that loads a <c>ui://</c>
/// resource's HTML into an <c>&lt;iframe sandbox="allow-scripts"&gt;</c> (opaque origin, no same-origin
/// access) and plays the host's side of the postMessage bridge: answers <c>ui/initialize</c> with a host
/// context, sends the tool input and result after <c>ui/notifications/initialized</c>, sizes the frame on
/// <c>ui/notifications/size-changed</c> and answers <c>ui/open-link</c>. The page carries the spec's
/// restrictive default CSP, which the frame inherits, and every other request is refused and recorded.
/// </summary>
public sealed class McpAppHost
{
    public const string Origin = "http://mcp-host.test";

    /// <summary>The CSP a host must apply when a resource declares no domains (SEP-1865, "Host Behavior").</summary>
    public const string DefaultCsp = "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; media-src 'self' data:; connect-src 'none'; object-src 'none'; base-uri 'self'";

    private const string Page = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Test MCP host</title></head>
        <body>
        <main id="host"></main>
        <script>
        "use strict";
        window.mcpHost = {
          log: [],
          frame: null,
          send(method, params) {
            this.frame.contentWindow.postMessage({ jsonrpc: "2.0", method, params }, "*");
          },
          show(setup) {
            const frame = document.createElement("iframe");
            frame.id = "view";
            frame.title = "Sentry view";
            frame.setAttribute("sandbox", "allow-scripts");
            frame.style.width = setup.width + "px";
            frame.style.height = "40px";
            frame.style.border = "0";
            this.frame = frame;
            window.addEventListener("message", (event) => {
              if (event.source !== frame.contentWindow) return;
              const message = event.data;
              this.log.push(message);
              if (!message || message.jsonrpc !== "2.0" || typeof message.method !== "string") return;
              const reply = (result) => frame.contentWindow.postMessage({ jsonrpc: "2.0", id: message.id, result }, "*");
              switch (message.method) {
                case "ui/initialize":
                  reply({
                    protocolVersion: "2026-01-26",
                    hostInfo: { name: "sentry-mcp-test-host", version: "1.0.0" },
                    hostCapabilities: { openLinks: {} },
                    hostContext: {
                      toolInfo: { tool: setup.tool },
                      theme: setup.theme,
                      displayMode: "inline",
                      availableDisplayModes: ["inline"],
                      containerDimensions: { width: setup.width, maxHeight: 6000 },
                      platform: "web",
                    },
                  });
                  break;
                case "ui/notifications/initialized":
                  this.send("ui/notifications/tool-input", { arguments: setup.arguments });
                  this.send("ui/notifications/tool-result", setup.result);
                  break;
                case "ui/notifications/size-changed":
                  if (typeof message.params?.height === "number") frame.style.height = message.params.height + "px";
                  break;
                case "ui/open-link":
                  reply({});
                  break;
                default:
                  if (message.id !== undefined) frame.contentWindow.postMessage({ jsonrpc: "2.0", id: message.id, error: { code: -32601, message: "Method not found" } }, "*");
              }
            });
            frame.srcdoc = setup.html;
            document.getElementById("host").append(frame);
          },
        };
        </script>
        </body>
        </html>
        """;

    private readonly IPage _page;

    private McpAppHost(IPage page) => _page = page;

    /// <summary>Requests the page made other than for the host page itself (the view must make none).</summary>
    public List<string> OtherRequests { get; } = [];

    /// <summary>Errors the page or the view logged or threw (the view must run without any).</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Opens the host page in <paramref name="page"/>.</summary>
    public static async Task<McpAppHost> OpenAsync(IPage page)
    {
        var host = new McpAppHost(page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (host.Errors)
                {
                    host.Errors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (host.Errors)
            {
                host.Errors.Add(error);
            }
        };
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url == Origin + "/")
            {
                await route.FulfillAsync(new RouteFulfillOptions
                {
                    Status = 200,
                    ContentType = "text/html; charset=utf-8",
                    Body = Page,
                    Headers = new Dictionary<string, string> { ["Content-Security-Policy"] = DefaultCsp },
                });
                return;
            }
            lock (host.OtherRequests)
            {
                host.OtherRequests.Add(route.Request.Url);
            }
            await route.AbortAsync();
        });
        await page.GotoAsync(Origin + "/");
        return host;
    }

    /// <summary>Loads a resource's HTML into the sandboxed frame for one tool call and its result.</summary>
    public async Task<IFrameLocator> ShowAsync(string html, JsonNode tool, JsonNode? arguments, JsonNode result, string theme = "light", int width = 720)
    {
        var setup = new JsonObject
        {
            ["html"] = html,
            ["tool"] = tool.DeepClone(),
            ["arguments"] = arguments?.DeepClone() ?? new JsonObject(),
            ["result"] = result.DeepClone(),
            ["theme"] = theme,
            ["width"] = width,
        };
        await _page.EvaluateAsync("json => window.mcpHost.show(JSON.parse(json))", setup.ToJsonString());
        return _page.FrameLocator("#view");
    }

    /// <summary>Runs an expectation; when it fails, the errors the page logged are part of the message.</summary>
    public async Task ExpectAsync(Func<Task> expectation)
    {
        try
        {
            await expectation();
        }
        catch (PlaywrightException ex)
        {
            string errors;
            lock (Errors)
            {
                errors = string.Join("\n", Errors);
            }
            throw new InvalidOperationException($"{ex.Message}\nPage errors:\n{errors}", ex);
        }
    }

    /// <summary>Sends a notification to the view, as a host does when its context changes.</summary>
    public Task SendAsync(string method, JsonNode parameters) =>
        _page.EvaluateAsync("([method, json]) => window.mcpHost.send(method, JSON.parse(json))", new object[] { method, parameters.ToJsonString() });

    /// <summary>Every message the view posted to the host, in order.</summary>
    public async Task<JsonArray> MessagesAsync()
    {
        var json = await _page.EvaluateAsync<string>("() => JSON.stringify(window.mcpHost.log)");
        return JsonNode.Parse(json)!.AsArray();
    }

    /// <summary>The frame's current height in CSS pixels, as the host set it.</summary>
    public Task<double> FrameHeightAsync() => _page.EvaluateAsync<double>("() => document.getElementById('view').getBoundingClientRect().height");

    public static JsonNode ToJson<T>(T value) => JsonNode.Parse(JsonSerializer.Serialize(value, ModelContextProtocol.McpJsonUtilities.DefaultOptions))!;
}
