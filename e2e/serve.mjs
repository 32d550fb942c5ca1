// Tiny static server for end-to-end tests (no dependencies).
//   node e2e/serve.mjs <dir> <port> [prefix]
// Serves <dir> under <prefix> (default "/"); every other path is 404, so a
// page served under "/jixiao/" only works if its asset URLs are relative.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const [dirArg = "dist", portArg = "4173", prefixArg = "/"] = process.argv.slice(2);
const root = resolve(dirArg);
const port = Number(portArg);
const prefix = prefixArg.endsWith("/") ? prefixArg : prefixArg + "/";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (!path.startsWith(prefix)) {
    res.writeHead(404).end("not found");
    return;
  }
  let file = normalize(join(root, path.slice(prefix.length)));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end("forbidden");
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    const body = await readFile(file);
    res.writeHead(200, {
      "content-type": types[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    res.end(body);
  } catch {
    res.writeHead(404).end("not found");
  }
});
// Port 0 picks a free port; the line below names the one in use (the
// offline tests start their own server on a copy of dist/ this way).
server.listen(port, "127.0.0.1", () => {
  console.log(`serving ${root} at http://127.0.0.1:${server.address().port}${prefix}`);
});
