// Adds a Content-Security-Policy to the built index.html (Trunk post_build
// hook; also runnable by hand: node scripts/csp.mjs dist/index.html).
//
// The policy allows only the page's own files: scripts from 'self' plus
// Trunk's one inline loader script by its SHA-256 hash, WebAssembly
// compilation ('wasm-unsafe-eval'), no remote connections, no plugins, no
// framing of forms elsewhere. Inline styles stay allowed: the print view and
// the framework set style attributes, and styles cannot run code.
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";

const file =
  process.argv[2] ?? join(process.env.TRUNK_STAGING_DIR ?? "dist", "index.html");
let html = readFileSync(file, "utf8");

const hashes = [];
for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`);
}

export const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "");
// Right after the charset declaration: before any script or style.
const at = html.search(/<meta charset[^>]*>/i);
if (at < 0) {
  console.error(`csp: no <meta charset> in ${file}`);
  process.exit(1);
}
const end = html.indexOf(">", at) + 1;
html = html.slice(0, end) + meta + html.slice(end);
writeFileSync(file, html);
console.log(`csp: ${file}: ${hashes.length} inline script(s) allowed by hash`);
