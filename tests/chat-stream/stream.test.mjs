// Parses UI message streams captured from POST /api/chat (written by the .NET tests to
// artifacts/chat-stream) with the real `ai` package, exactly as useChat reads them: the SSE/JSON
// parser with ai's chunk schema, then readUIMessageStream building the assistant message.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseJsonEventStream, readUIMessageStream, uiMessageChunkSchema } from "ai";

const here = dirname(fileURLToPath(import.meta.url));
const dir = process.env.CHAT_STREAM_DIR ?? join(here, "..", "..", "artifacts", "chat-stream");

const streamOf = (text) => new ReadableStream({
  start(controller) {
    controller.enqueue(new TextEncoder().encode(text));
    controller.close();
  },
});

async function parse(name) {
  const raw = readFileSync(join(dir, `${name}.sse`), "utf8");
  const chunks = [];
  for await (const result of parseJsonEventStream({ stream: streamOf(raw), schema: uiMessageChunkSchema })) {
    assert.ok(result.success, `${name}: ai rejected a chunk: ${result.success ? "" : result.error?.message}\n${JSON.stringify(result.rawValue)}`);
    chunks.push(result.value);
  }
  const request = JSON.parse(readFileSync(join(dir, `${name}.request.json`), "utf8"));
  const last = request.messages.at(-1);
  const errors = [];
  let message;
  for await (const snapshot of readUIMessageStream({
    message: last.role === "assistant" ? structuredClone(last) : undefined,
    stream: new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    }),
    onError: (error) => errors.push(error.message),
  })) {
    message = snapshot;
  }
  return { chunks, message, errors };
}

const toolPart = (message, id) => message.parts.find((p) => p.type === "dynamic-tool" && p.toolCallId === id);

test("streams were captured by the .NET tests", () => {
  assert.ok(existsSync(dir), `No captures in ${dir}: run the .NET chat tests first`);
  assert.ok(readdirSync(dir).filter((f) => f.endsWith(".sse")).length >= 8);
});

test("every captured stream is accepted chunk by chunk", async () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".sse"))) {
    const name = file.slice(0, -4);
    const { chunks, errors } = await parse(name);
    assert.equal(chunks[0].type, "start", name);
    if (name.startsWith("llm-error") || name === "stream-cut") {
      assert.equal(errors.length, 1, `${name}: ${errors}`);
      assert.equal(errors[0], chunks.at(-1).errorText);
    } else {
      assert.deepEqual(errors, [], name);
      assert.equal(chunks.at(-1).type, "finish", name);
    }
  }
});

test("plain text becomes one text part with the model and usage as metadata", async () => {
  const { message } = await parse("plain-text");
  assert.equal(message.role, "assistant");
  const texts = message.parts.filter((p) => p.type === "text");
  assert.deepEqual(texts.map((p) => [p.text, p.state]), [["Hello from Sentry!", "done"]]);
  assert.equal(message.metadata.model, "gpt-4o");
  assert.equal(message.metadata.usage.totalTokens, 15);
});

test("an MCP tool call becomes a dynamic tool part with its output", async () => {
  const { message } = await parse("tool-call");
  const part = toolPart(message, "call_1");
  assert.equal(part.toolName, "whoami");
  assert.equal(part.state, "output-available");
  assert.match(part.output.content[0].text, /Jane Doe/);
  assert.equal(message.parts.filter((p) => p.type === "step-start").length, 2);
});

test("several steps keep their tool parts in order", async () => {
  const { message } = await parse("multi-step");
  const ids = message.parts.filter((p) => p.type === "dynamic-tool").map((p) => [p.toolCallId, p.state]);
  assert.deepEqual(ids, [["call_a", "output-available"], ["call_b", "output-available"], ["call_c", "output-available"]]);
});

test("a write tool asks for approval, and the answer completes the same message", async () => {
  const requested = await parse("approval-request");
  const asked = toolPart(requested.message, "call_w");
  assert.equal(asked.state, "approval-requested");
  assert.ok(asked.approval.id.length > 0);

  const granted = await parse("approval-granted");
  const done = toolPart(granted.message, "call_w");
  assert.equal(done.state, "output-available");
  assert.match(done.output.content[0].text, /resolved/);
  assert.equal(granted.message.parts.at(-1).type, "text");

  const denied = await parse("approval-denied");
  assert.equal(toolPart(denied.message, "call_d").state, "output-denied");
});
