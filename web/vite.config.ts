import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import { fileURLToPath } from "node:url";

// The host serves the build from its wwwroot; `npm run dev` proxies the API to a running host.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  // `@/lib/api` means web/src/lib/api; the same alias is in tsconfig.json's paths (vitest reads this file too).
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  build: {
    outDir: "../src/SentryMcp.Server/wwwroot",
    emptyOutDir: true,
    assetsDir: "assets",
    sourcemap: false,
    // The entry chunk is ~145 KB gzipped (React, the AI SDK, zod); scripts/check-bundle-size.mjs enforces the real budget.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: Object.fromEntries(
      ["/api", "/mcp", "/sse", "/oauth", "/.well-known"].map((p) => [p, process.env.API_URL ?? "http://127.0.0.1:5000"]),
    ),
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./test/setup.ts"],
    // Above the 15 s wait of findBy* (test/setup.ts): a slow machine gets a clear assertion, not a timeout.
    testTimeout: 30_000,
    include: ["test/**/*.test.{ts,tsx}"],
  },
});
