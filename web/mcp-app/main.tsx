import { StrictMode, useEffect, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { type AppState, McpApp, useTheme } from "./app";
import { type HostContext, HostBridge } from "./bridge";
import "./app.css";

/** The tools this resource draws, as the server wrote them into the page (a comma-separated list). */
function pageTools(): string[] {
  const content = document.querySelector('meta[name="sentry-mcp-app-tools"]')?.getAttribute("content") ?? "";
  return content.split(",").map((t) => t.trim()).filter((t) => /^[a-z0-9_]+$/.test(t));
}

function Root() {
  const tools = useMemo(pageTools, []);
  const [state, setState] = useState<AppState>({ phase: "waiting" });
  const [context, setContext] = useState<HostContext>({});
  useTheme(context);

  useEffect(() => {
    if (window.parent === window) {
      setState({ phase: "failed", message: "This page is a Sentry view for an MCP host: it shows a tool result the host sends it." });
      return;
    }
    let toolName: string | undefined;
    const bridge = new HostBridge(window.parent, {
      onToolResult: (result) => setState({ phase: "result", result, toolName }),
      onToolCancelled: (reason) => setState({ phase: "cancelled", reason }),
      onHostContextChanged: (changed) => setContext((current) => ({ ...current, ...changed })),
    });
    bridge
      .connect({ name: "sentry-mcp-view", version: "1.0.0" })
      .then((hostContext) => {
        toolName = hostContext.toolInfo?.tool.name;
        setContext(hostContext);
      })
      .catch(() => setState({ phase: "failed", message: "The host did not accept this view." }));

    // Links open through the host: a sandboxed frame cannot open windows itself.
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement)) return;
      event.preventDefault();
      if (link.protocol === "https:" || link.protocol === "http:") void bridge.request("ui/open-link", { url: link.href }).catch(() => undefined);
    };
    document.addEventListener("click", onClick);

    // The host sizes the frame to what we draw (ui/notifications/size-changed), once per change.
    let last = "";
    const observer = new ResizeObserver(() => {
      const root = document.documentElement;
      const size = { width: Math.ceil(root.scrollWidth), height: Math.ceil(root.scrollHeight) };
      const key = `${size.width}x${size.height}`;
      if (key === last) return;
      last = key;
      bridge.notify("ui/notifications/size-changed", size);
    });
    observer.observe(document.body);
    return () => {
      observer.disconnect();
      document.removeEventListener("click", onClick);
      bridge.dispose();
    };
  }, []);

  return <McpApp state={state} tools={tools} />;
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}
