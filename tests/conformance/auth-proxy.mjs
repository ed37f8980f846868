// Loopback-only proxy for the MCP conformance suite, which sends no credentials: it forwards every
// request to the target unchanged except for an added Authorization header. The product's own
// authentication stays as it is.
import http from "node:http";

const [listenPort, target, authorization] = process.argv.slice(2);
if (!listenPort || !target || !authorization) {
  console.error("usage: node auth-proxy.mjs <listen-port> <target-base-url> <authorization-header>");
  process.exit(2);
}
const upstream = new URL(target);

const server = http.createServer((req, res) => {
  const headers = { ...req.headers, host: upstream.host, authorization };
  const proxied = http.request(
    { hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  proxied.on("error", () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(proxied);
  res.on("close", () => proxied.destroy());
});
server.listen(Number(listenPort), "127.0.0.1", () => console.log(`auth proxy on 127.0.0.1:${listenPort} -> ${target}`));
