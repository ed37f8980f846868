// The lazily loaded part of error reporting. Only named imports: a namespace import of
// @sentry/browser would keep the whole SDK (replay, feedback, tracing) in the chunk.
export { init } from "@sentry/browser";
