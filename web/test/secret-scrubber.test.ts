import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { MASK, isSensitiveHeader, scrubBreadcrumb, scrubEvent, scrubText } from "../src/lib/secret-scrubber";

// The server's SecretScrubberTests read the same file: both scrubbers must agree on every case.
// vitest runs in web/ (npm test, test.sh).
const cases = JSON.parse(readFileSync(resolve(process.cwd(), "../tests/fixtures/secret-scrubbing.json"), "utf8")) as {
  input: string;
  expected: string;
}[];

describe("scrubText", () => {
  it.each(cases)("masks credentials and keeps other text: $input", ({ input, expected }) => {
    expect(scrubText(input)).toBe(expected);
  });

  it("is repeatable (the global regexes keep no state between calls)", () => {
    const text = "a sntryu_abcdef0123456789abcdef b";
    expect(scrubText(text)).toBe(scrubText(text));
  });
});

describe("isSensitiveHeader", () => {
  it.each(["Authorization", "cookie", "Set-Cookie", "Proxy-Authorization", "X-Auth-Token", "x-api-key"])("treats %s as sensitive", (name) => {
    expect(isSensitiveHeader(name)).toBe(true);
  });

  it.each(["User-Agent", "Accept", "Referer"])("keeps %s", (name) => {
    expect(isSensitiveHeader(name)).toBe(false);
  });
});

describe("scrubEvent", () => {
  const token = "sntryu_0123456789abcdef0123";
  const event = {
    type: undefined,
    message: `Sentry rejected ${token}`,
    exception: { values: [{ type: "Error", value: `Request failed with Authorization: Bearer abc.def-ghi_123` }] },
    request: {
      url: "https://mcp.example/chats/1?code=oauth-code-1&state=s",
      cookies: { session: "cookie-value" },
      data: '{"password":"p"}',
      headers: { Authorization: "Sentry-Bearer x", Cookie: "session=cookie-value", "User-Agent": "Chrome" },
      query_string: [
        ["code", "oauth-code-1"],
        ["state", "s"],
      ] as [string, string][],
    },
    breadcrumbs: [{ category: "fetch", data: { url: "/oauth/token?refresh_token=r1", status_code: 200 } }],
    extra: { nested: { deeper: ["key sk-proj-ABCDEFGHIJKLMNOPQRSTUV", 42, true, null] } },
  };

  it("drops cookies and bodies, masks sensitive headers and secret parameters, scrubs every string", () => {
    const scrubbed = scrubEvent(event);

    expect(scrubbed.request.cookies).toBeUndefined();
    expect(scrubbed.request.data).toBeUndefined();
    expect(scrubbed.request.headers).toEqual({ Authorization: MASK, Cookie: MASK, "User-Agent": "Chrome" });
    expect(scrubbed.request.query_string).toEqual([
      ["code", MASK],
      ["state", "s"],
    ]);
    expect(scrubbed.request.url).toBe("https://mcp.example/chats/1?code=[Filtered]&state=s");
    expect(scrubbed.message).toBe("Sentry rejected [Filtered]");
    expect(scrubbed.exception.values[0]?.value).toBe("Request failed with Authorization: Bearer [Filtered]");
    expect(scrubbed.breadcrumbs[0]?.data).toEqual({ url: "/oauth/token?refresh_token=[Filtered]", status_code: 200 });
    expect(scrubbed.extra.nested.deeper).toEqual(["key [Filtered]", 42, true, null]);
    const json = JSON.stringify(scrubbed);
    for (const secret of [token, "abc.def-ghi_123", "cookie-value", "oauth-code-1", "r1\"", "sk-proj-", "password"]) {
      expect(json).not.toContain(secret);
    }
  });

  it("leaves the original event untouched", () => {
    const before = JSON.stringify(event);
    scrubEvent(event);
    expect(JSON.stringify(event)).toBe(before);
  });

  it("masks query strings in object form", () => {
    const scrubbed = scrubEvent({ request: { query_string: { access_token: "at", page: "2" } } });
    expect(scrubbed.request.query_string).toEqual({ access_token: MASK, page: "2" });
  });

  it("stops at a bounded depth instead of walking forever", () => {
    let deep: Record<string, unknown> = { value: token };
    for (let i = 0; i < 50; i++) deep = { child: deep };
    expect(JSON.stringify(scrubEvent({ extra: deep }))).not.toContain(token);
  });
});

describe("scrubBreadcrumb", () => {
  it("scrubs the message and data of console and fetch breadcrumbs", () => {
    const crumb = scrubBreadcrumb({ category: "console", message: "token sntrys_eyJpYXQiOjE2OTQwMzMxNTMuNzk1NjE0LCJ1cmwiOm51bGx9_abc", data: { arguments: ["Bearer zzz999"] } });
    expect(crumb).toEqual({ category: "console", message: "token [Filtered]", data: { arguments: ["Bearer [Filtered]"] } });
  });
});
