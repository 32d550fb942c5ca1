// Writes the built service worker, dist/sw.js (Trunk post_build hook, run
// after csp.mjs so index.html is final; also runnable by hand:
// node scripts/sw.mjs dist).
//
// It fills the template ./sw.js with:
//   FILES   every file of this build, relative ("./" is index.html),
//   ENTRY   the file names index.html refers to (the worker checks them, so
//           it never stores a page from another build),
//   VERSION the first 16 hex digits of a SHA-256 over the template and
//           every file's path and SHA-256.
// A change to any file (a new wasm, a new CSP hash in index.html, a new
// icon) gives a new sw.js, so browsers install the new version.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, relative, sep } from "node:path";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? "dist";
const templatePath = new URL("../sw.js", import.meta.url);
const template = readFileSync(templatePath, "utf8");
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

function walk(d) {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)],
  );
}

const files = walk(dir)
  .map((p) => relative(dir, p).split(sep).join("/"))
  .filter((f) => f !== "sw.js" && !f.startsWith("."))
  .sort();
if (!files.includes("index.html")) {
  console.error(`sw: no index.html in ${dir}`);
  process.exit(1);
}

const html = readFileSync(join(dir, "index.html"), "utf8");
const version = createHash("sha256");
version.update(sha256(template) + "\n");
for (const f of files) version.update(`${f} ${sha256(readFileSync(join(dir, f)))}\n`);
const VERSION = version.digest("hex").slice(0, 16);
const FILES = files.map((f) => (f === "index.html" ? "./" : `./${f}`));
const ENTRY = files.filter((f) => f !== "index.html" && html.includes(f));
if (!ENTRY.some((f) => f.endsWith(".js")) || !ENTRY.some((f) => f.endsWith(".wasm"))) {
  console.error(`sw: ${dir}/index.html names no .js or no .wasm of this build`);
  process.exit(1);
}

const block = [
  "// build:start",
  `const VERSION = ${JSON.stringify(VERSION)};`,
  `const FILES = ${JSON.stringify(FILES, null, 2)};`,
  `const ENTRY = ${JSON.stringify(ENTRY)};`,
  "// build:end",
].join("\n");
const re = /\/\/ build:start\n[\s\S]*?\/\/ build:end/;
if (!re.test(template)) {
  console.error("sw: sw.js has no // build:start … // build:end block");
  process.exit(1);
}
writeFileSync(join(dir, "sw.js"), template.replace(re, () => block));
console.log(`sw: ${dir}/sw.js: version ${VERSION}, ${FILES.length} files`);
