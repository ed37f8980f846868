import { chatPath, conversationIdOf } from "../src/hooks/use-route";

test("/chat/{id} names the conversation; anything else does not", () => {
  expect(conversationIdOf("/chat/abc_DEF-123")).toBe("abc_DEF-123");
  expect(conversationIdOf("/chat/abc/")).toBe("abc");
  expect(conversationIdOf("/chat")).toBeUndefined();
  expect(conversationIdOf("/chat/")).toBeUndefined();
  expect(conversationIdOf("/chat/a b")).toBeUndefined();
  expect(conversationIdOf(`/chat/${"x".repeat(65)}`)).toBeUndefined();
  expect(conversationIdOf("/")).toBeUndefined();
  expect(chatPath("abc")).toBe("/chat/abc");
});
