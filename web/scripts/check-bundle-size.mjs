// Fails the build when the JavaScript the first page load needs (the entry script and the chunks
// index.html preloads) exceeds the budget, gzipped. Lazy chunks (markdown, highlighting) do not count.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 200;
const root = new URL("../../src/SentryMcp.Server/wwwroot/", import.meta.url).pathname;
const html = readFileSync(join(root, "index.html"), "utf8");
const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const sizes = scripts.map((file) => ({ file, gzip: gzipSync(readFileSync(join(root, file))).length }));
const totalKb = sizes.reduce((sum, s) => sum + s.gzip, 0) / 1024;
for (const s of sizes) console.log(`  ${s.file}: ${(s.gzip / 1024).toFixed(1)} KB gzipped`);
console.log(`Initial JavaScript: ${totalKb.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`);
if (totalKb > BUDGET_KB) {
  console.error(`Initial JavaScript is over budget by ${(totalKb - BUDGET_KB).toFixed(1)} KB: lazy-load more.`);
  process.exit(1);
}
