import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";

/**
 * The MCP Apps view (SEP-1865): one self-contained HTML file, scripts and styles inlined, so a host can
 * load it into a sandboxed frame with no network at all. SentryMcp.Core builds it (npm run build:mcp-app)
 * and embeds it; the server serves it as every ui://sentry/... resource.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  plugins: [react(), tailwindcss(), inlineIntoHtml()],
  build: {
    outDir: "../../src/SentryMcp.Core/obj/mcp-app",
    emptyOutDir: true,
    sourcemap: false,
    modulePreload: false,
    cssCodeSplit: false,
    assetsInlineLimit: Number.MAX_SAFE_INTEGER,
    // Everything in one script, lazy views included: the page can load nothing else.
    rolldownOptions: { output: { codeSplitting: false } },
    chunkSizeWarningLimit: 2000,
  },
});

/** Replaces the page's script and stylesheet references with their content and drops the files. */
function inlineIntoHtml(): Plugin {
  return {
    name: "sentry-mcp-app-inline",
    enforce: "post",
    generateBundle(_options, bundle) {
      for (const page of Object.values(bundle)) {
        if (page.type !== "asset" || !page.fileName.endsWith(".html")) continue;
        let html = String(page.source);
        for (const [fileName, output] of Object.entries(bundle)) {
          const name = fileName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          if (output.type === "chunk" && output.isEntry) {
            // "</script" inside the code would end the element early; "<\/script" means the same to JavaScript.
            // With one chunk there is nothing to preload: Vite leaves its preload list marker unfilled.
            const code = output.code.replaceAll("__VITE_PRELOAD__", "void 0").replace(/<\/script/gi, "<\\/script");
            html = html.replace(new RegExp(`<script[^>]*src="[^"]*${name}"[^>]*></script>`), () => `<script type="module">${code}</script>`);
            delete bundle[fileName];
          } else if (output.type === "asset" && fileName.endsWith(".css")) {
            const css = String(output.source).replace(/<\/style/gi, "<\\/style");
            html = html.replace(new RegExp(`<link[^>]*href="[^"]*${name}"[^>]*>`), () => `<style>${css}</style>`);
            delete bundle[fileName];
          }
        }
        if (/<script[^>]+src=|<link[^>]+rel="stylesheet"/.test(html)) this.error("The MCP App page still references a file; it must be self-contained.");
        page.source = html;
      }
    },
  };
}
