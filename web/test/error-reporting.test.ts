import type { BrowserOptions, ErrorEvent, getDefaultIntegrations } from "@sentry/browser";
import type { AppConfig } from "../src/lib/api-schemas";

type Integration = ReturnType<typeof getDefaultIntegrations>[number];

const init = vi.fn<(options: BrowserOptions) => void>();
vi.mock("@sentry/browser", () => ({ init }));

const base: AppConfig = { mcpUrl: "http://localhost/mcp", sseUrl: "http://localhost/sse", sandbox: false, llmConfigured: true, version: "1.2.3" };

async function freshModule() {
  vi.resetModules();
  return import("../src/lib/error-reporting");
}

describe("startErrorReporting", () => {
  beforeEach(() => {
    init.mockClear();
    delete document.documentElement.dataset.errorReporting;
  });

  it("does nothing at all without a browser DSN", async () => {
    const { startErrorReporting } = await freshModule();
    await startErrorReporting({ ...base, sentry: null });
    await startErrorReporting(base);
    expect(init).not.toHaveBeenCalled();
    expect(document.documentElement.dataset.errorReporting).toBeUndefined();
  });

  it("initialises once, without PII, sessions or tracing, and scrubs every report", async () => {
    const { startErrorReporting } = await freshModule();
    const config = { ...base, sentry: { dsn: "https://public@o1.ingest.example/42", environment: "production" } };
    await startErrorReporting(config);
    await startErrorReporting(config);

    expect(init).toHaveBeenCalledTimes(1);
    const options = init.mock.calls[0]![0];
    expect(options).toMatchObject({
      dsn: "https://public@o1.ingest.example/42",
      environment: "production",
      release: "sentry-mcp-chat@1.2.3",
      dataCollection: { userInfo: false, cookies: false, httpBodies: [], urlQueryParams: false, stackFrameVariables: false },
    });
    expect(options.tracesSampleRate).toBeUndefined();
    expect(options.replaysSessionSampleRate).toBeUndefined();
    const named = (name: string) => ({ name, setupOnce: () => undefined }) as Integration;
    const integrations = options.integrations as (defaults: Integration[]) => Integration[];
    expect(integrations([named("GlobalHandlers"), named("BrowserSession"), named("Dedupe")]).map((i) => i.name)).toEqual(["GlobalHandlers", "Dedupe"]);
    const report = { type: undefined, exception: { values: [{ value: "boom sntryu_0123456789abcdef0123" }] }, request: { cookies: { a: "b" } } } as ErrorEvent;
    const sent = (await options.beforeSend!(report, {})) as ErrorEvent;
    expect(sent.exception?.values?.[0]?.value).toBe("boom [Filtered]");
    expect(sent.request?.cookies).toBeUndefined();
    expect(document.documentElement.dataset.errorReporting).toBe("on");
  });
});
