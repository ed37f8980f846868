import type { AppConfig } from "./api-schemas";
import { scrubBreadcrumb, scrubEvent } from "./secret-scrubber";

let started = false;

/**
 * Sends the UI's unhandled errors to Sentry when the server names a browser DSN (SENTRY_BROWSER_DSN).
 * Without one the SDK is never downloaded. Errors only: no tracing, no session replay, no
 * release-health sessions, no user data, cookies, bodies or query strings; every report and
 * breadcrumb is scrubbed of credentials before it leaves the page.
 */
export async function startErrorReporting(config: AppConfig): Promise<void> {
  const sentry = config.sentry;
  if (!sentry || started) return;
  started = true;
  const { init } = await import("./sentry-sdk");
  init({
    dsn: sentry.dsn,
    environment: sentry.environment,
    ...(config.version ? { release: `sentry-mcp-chat@${config.version}` } : {}),
    integrations: (defaults) => defaults.filter((integration) => integration.name !== "BrowserSession"),
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpHeaders: { request: { allow: ["User-Agent"] }, response: false },
      httpBodies: [],
      urlQueryParams: false,
      stackFrameVariables: false,
    },
    maxBreadcrumbs: 50,
    beforeSend: (event) => scrubEvent(event),
    beforeBreadcrumb: (breadcrumb) => scrubBreadcrumb(breadcrumb),
  });
  // Lets operators (and the browser tests) see that reporting is on.
  document.documentElement.dataset.errorReporting = "on";
}
