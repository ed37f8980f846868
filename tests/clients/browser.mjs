// Plays the user's browser through the sign-in: follows redirects by hand, keeps cookies per host
// (as browsers do, ports share them), submits the consent form and the sandbox's Sentry sign-in form
// with their hidden fields, and stops at the client's redirect URI, returning its query parameters.
import assert from 'node:assert/strict';

const formAction = /<form[^>]*action="([^"]*)"/i;
const hiddenInput = /<input type="hidden" name="([^"]*)" value="([^"]*)">/gi;

const decode = (s) => s.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&')
  .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)));

export class Browser {
  #cookies = new Map(); // hostname -> Map(name -> value)

  constructor(redirectPrefix) {
    this.redirectPrefix = redirectPrefix;
  }

  async #request(url, init = {}) {
    const jar = this.#cookies.get(url.hostname) ?? new Map();
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    this.#cookies.set(url.hostname, jar);
    return { url, response, body: await response.text() };
  }

  /** Follows redirects until a page answers; a redirect to the client ends the walk. */
  async #follow(page) {
    for (let i = 0; i < 10 && page.response.status >= 300 && page.response.status < 400; i++) {
      const location = new URL(page.response.headers.get('location'), page.url);
      if (location.href.startsWith(this.redirectPrefix)) return { done: Object.fromEntries(location.searchParams) };
      page = await this.#request(location);
    }
    return page;
  }

  async #submit(page, fields) {
    const action = formAction.exec(page.body);
    assert.ok(action, `no form on ${page.url} (HTTP ${page.response.status}): ${page.body.slice(0, 500)}`);
    const form = new URLSearchParams();
    for (const m of page.body.matchAll(hiddenInput)) form.append(decode(m[1]), decode(m[2]));
    for (const [k, v] of fields) form.append(k, v);
    return this.#request(new URL(decode(action[1]), page.url), {
      method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /** Authorization URL → consent (approve) → Sentry sign-in (allow) → the client's callback parameters. */
  async authorize(authorizationUrl) {
    let page = await this.#follow(await this.#request(new URL(authorizationUrl)));
    for (const fields of [[['decision', 'approve']], [['decision', 'allow']]]) {
      if (page.done) return page.done;
      assert.equal(page.response.status, 200, `sign-in page at ${page.url}: ${page.body.slice(0, 500)}`);
      page = await this.#follow(await this.#submit(page, fields));
    }
    assert.ok(page.done, `the sign-in did not return to the client: HTTP ${page.response?.status} ${page.body?.slice(0, 500)}`);
    return page.done;
  }
}

export const serverUrl = process.env.MCP_SERVER_URL;
export const sandboxUrl = process.env.SANDBOX_URL;
export const sentryAuthorization = 'Sentry-Bearer sntryu_sandbox_demo_token';
assert.ok(serverUrl && sandboxUrl, 'run through run.sh: it starts the server and sets MCP_SERVER_URL and SANDBOX_URL');
