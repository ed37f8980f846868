// The AI SDK's MCP client (@ai-sdk/mcp 1.x, the line that goes with `ai` 6, which the web UI uses)
// over Streamable HTTP: tools as AI SDK tools, executed, with no transport error reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMCPClient } from '@ai-sdk/mcp';
import { sentryAuthorization, serverUrl } from './browser.mjs';

for (const path of ['/mcp', '/mcp/acme']) {
  test(`the AI SDK MCP client lists and executes tools over ${path} without a transport error`, async () => {
    const errors = [];
    const client = await createMCPClient({
      transport: { type: 'http', url: new URL(path, serverUrl).href, headers: { Authorization: sentryAuthorization } },
      onUncaughtError: (error) => errors.push(error),
    });
    try {
      const tools = await client.tools();
      assert.ok(tools.whoami, Object.keys(tools).join(', '));
      assert.equal('find_organizations' in tools, path === '/mcp');
      const result = await tools.whoami.execute({}, { toolCallId: 'call-1', messages: [] });
      assert.notEqual(result.isError, true, JSON.stringify(result));
      assert.match(result.content[0].text, /Jane Doe/);
      const { resources } = await client.listResources();
      assert.ok(resources.some((r) => r.uri === 'sentry://about'));
    } finally {
      await client.close();
    }
    assert.deepEqual(errors.map(String), []);
  });
}
