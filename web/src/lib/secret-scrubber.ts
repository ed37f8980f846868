// The same rules as the server's SecretScrubber (src/SentryMcp.Server/Observability/SecretScrubber.cs);
// both are tested against tests/fixtures/secret-scrubbing.json.

export const MASK = "[Filtered]";

const SENTRY_TOKEN = /sntr[a-z]{1,2}_[A-Za-z0-9_\-=+/.]{8,}/g;
const AUTHORIZATION_VALUE = /((?:Sentry-)?Bearer\s+)[A-Za-z0-9_\-=+/.~]+/gi;
const API_KEY = /\bsk-[A-Za-z0-9_-]{16,}/g;
const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;
const SECRET_PARAMETER = /((?:access_token|refresh_token|id_token|client_secret|code|code_verifier|token|password|api_key)=)[^&\s"']+/gi;
const SECRET_PARAMETER_NAME = /^(?:access_token|refresh_token|id_token|client_secret|code|code_verifier|token|password|api_key)$/i;

/** Masks credentials in text: Sentry tokens, bearer values, API keys, JWTs, OAuth code/token parameters. */
export function scrubText(text: string): string {
  return text
    .replace(SENTRY_TOKEN, MASK)
    .replace(AUTHORIZATION_VALUE, (_, prefix: string) => prefix + MASK)
    .replace(API_KEY, MASK)
    .replace(JWT, MASK)
    .replace(SECRET_PARAMETER, (_, name: string) => name + MASK);
}

/** Headers whose values are never reported. */
export function isSensitiveHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    ["authorization", "cookie", "set-cookie", "proxy-authorization"].includes(lower) || lower.includes("token") || lower.includes("api-key")
  );
}

const MAX_DEPTH = 12;

/** A copy of any JSON-like value with every string scrubbed (objects and arrays walked, up to a depth). */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return MASK;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = scrubValue(item, depth + 1);
  return copy;
}

interface RequestLike {
  cookies?: unknown;
  data?: unknown;
  headers?: Record<string, string>;
  query_string?: unknown;
}

/** Query strings in the SDK's object or pair forms: values of secret parameters masked. */
function scrubQuery(query: unknown): unknown {
  if (Array.isArray(query)) {
    return query.map((pair: unknown) =>
      Array.isArray(pair) && typeof pair[0] === "string" && SECRET_PARAMETER_NAME.test(pair[0]) ? [pair[0], MASK] : pair,
    );
  }
  if (query !== null && typeof query === "object") {
    return Object.fromEntries(Object.entries(query).map(([name, value]) => [name, SECRET_PARAMETER_NAME.test(name) ? MASK : value]));
  }
  return query;
}

/**
 * An error report as it may leave the browser: request cookies and bodies dropped, sensitive
 * headers masked, and every string (messages, exception values, URLs, breadcrumbs, extra data) scrubbed.
 */
export function scrubEvent<T extends object>(event: T): T {
  const copy: { request?: RequestLike } = { ...event };
  if (copy.request) {
    const request: RequestLike = { ...copy.request };
    delete request.cookies;
    delete request.data;
    if (request.headers) {
      request.headers = Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [name, isSensitiveHeader(name) ? MASK : value]),
      );
    }
    if (request.query_string !== undefined) request.query_string = scrubQuery(request.query_string);
    copy.request = request;
  }
  return scrubValue(copy) as T;
}

/** Breadcrumbs (console lines, fetch URLs, navigations) with their message and data scrubbed. */
export function scrubBreadcrumb<T extends object>(breadcrumb: T): T {
  return scrubValue(breadcrumb) as T;
}
