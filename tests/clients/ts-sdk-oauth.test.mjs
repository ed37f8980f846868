// The official TypeScript SDK v2 client (@modelcontextprotocol/client) signs in as a new user would:
// 401 → protected-resource metadata → authorization-server metadata (strict issuer check) → dynamic
// registration → PKCE authorization through consent and the Sentry sign-in → token → tools → refresh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Client, StreamableHTTPClientTransport, UnauthorizedError } from '@modelcontextprotocol/client';
import { Browser, serverUrl } from './browser.mjs';

const redirectUrl = 'http://127.0.0.1:53682/callback';

/** The SDK's OAuthClientProvider, in memory, with the browser standing in for the user. */
class TestProvider {
  redirects = 0;
  #browser = new Browser(redirectUrl);

  get redirectUrl() { return redirectUrl; }
  get clientMetadata() {
    return {
      client_name: 'TypeScript SDK v2 test', redirect_uris: [redirectUrl], grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'], token_endpoint_auth_method: 'none',
    };
  }
  state() { this.sentState = randomUUID(); return this.sentState; }
  clientInformation() { return this.client; }
  saveClientInformation(client) { this.client = client; }
  tokens() { return this.savedTokens; }
  saveTokens(tokens) { this.savedTokens = tokens; }
  saveCodeVerifier(verifier) { this.verifier = verifier; }
  codeVerifier() { return this.verifier; }
  saveDiscoveryState(state) { this.discovery = state; }
  discoveryState() { return this.discovery; }
  async redirectToAuthorization(url) {
    this.redirects++;
    this.callback = await this.#browser.authorize(url.href);
  }
}

const connect = async (provider) => {
  const client = new Client({ name: 'sentry-mcp-client-tests', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', serverUrl), { authProvider: provider }));
  return client;
};

const whoamiText = async (client) => {
  const result = await client.callTool({ name: 'whoami', arguments: {} });
  assert.notEqual(result.isError, true, JSON.stringify(result));
  return result.content.map((c) => c.text).join('\n');
};

test('the TypeScript SDK v2 client registers, signs in with PKCE, calls tools and refreshes its token', async () => {
  const provider = new TestProvider();
  const first = new StreamableHTTPClientTransport(new URL('/mcp', serverUrl), { authProvider: provider });
  await assert.rejects(new Client({ name: 'sentry-mcp-client-tests', version: '1.0.0' }).connect(first), UnauthorizedError);
  assert.equal(provider.redirects, 1);
  assert.ok(provider.client?.client_id, 'dynamic registration gave a client id');
  assert.equal(provider.callback.state, provider.sentState);
  assert.ok(provider.callback.iss, 'the authorization response names its issuer (RFC 9207)');
  await first.finishAuth(new URLSearchParams(provider.callback));
  await first.close();
  const signedIn = provider.savedTokens;
  assert.ok(signedIn?.access_token && signedIn.refresh_token);

  const client = await connect(provider);
  const { tools } = await client.listTools();
  assert.ok(tools.some((t) => t.name === 'find_organizations'), tools.map((t) => t.name).join(', '));
  assert.match(await whoamiText(client), /Jane Doe/);

  // An access token the server no longer accepts: the SDK refreshes on the 401 and retries.
  provider.saveTokens({ ...signedIn, access_token: 'no-longer-valid' });
  assert.match(await whoamiText(client), /Jane Doe/);
  assert.equal(provider.redirects, 1, 'the refresh needed no new sign-in');
  assert.notEqual(provider.savedTokens.access_token, 'no-longer-valid');
  assert.notEqual(provider.savedTokens.refresh_token, signedIn.refresh_token, 'refresh tokens rotate');
  await client.close();
});
