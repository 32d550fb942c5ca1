// The service worker of 绩效目标表编制器: the page opens and works offline
// after the first visit.
//
// This file is a template. `trunk build` runs scripts/sw.mjs (post_build
// hook), which writes dist/sw.js with the block between build:start and
// build:end filled in: the exact files of that build and a version derived
// from their SHA-256 hashes. Any change to any file gives a new sw.js, which
// the browser installs in the background; it then waits until the page's
// 重新加载 prompt (src/ui/offline.rs) tells it to take over.
//
// - Cache-first for this build's files only (one cache per scope and
//   version); every other request goes to the network untouched.
// - Every URL is relative to this file, so the same build works at a site's
//   root and under a sub-path (https://host/jixiao/).
// - Drafts live in the page's localStorage; a worker cannot reach it and
//   never deletes anything but its own older caches.

// build:start
const VERSION = "unbuilt";
const FILES = [];
const ENTRY = [];
// build:end

const PREFIX = `jixiao ${self.registration.scope} `;
const CACHE = PREFIX + VERSION;
const here = (f) => new URL(f, self.location.href).href;
const PAGE = here("./");
const OWN = new Set(FILES.map(here));
// Trunk's file names carry a content hash: such a file may come from the
// HTTP cache (the page has just loaded it); any other one is fetched anew.
const HASHED = /-[0-9a-f]{16}(_bg\.wasm|\.js|\.css)$/;

// Fetches every file of this build. Any failure fails the install, so a
// half-stored version never takes over.
async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(
    FILES.map(async (f) => {
      const url = here(f);
      let res = await fetch(url, { cache: HASHED.test(f) ? "default" : "reload" });
      if (!res.ok) throw new Error(`sw: ${f}: HTTP ${res.status}`);
      if (url === PAGE) {
        // The page must be the one this worker was built with (not a newer
        // deploy half-uploaded): it names this build's script and styles.
        const html = await res.clone().text();
        const missing = ENTRY.filter((name) => !html.includes(name));
        if (missing.length) throw new Error(`sw: the page is not build ${VERSION}`);
      }
      if (res.redirected) {
        // A host that redirects (./index.html -> ./): store a plain answer,
        // which a navigation may use.
        res = new Response(await res.blob(), {
          status: res.status,
          statusText: res.statusText,
          headers: res.headers,
        });
      }
      await cache.put(url, res);
    }),
  );
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
  // No skipWaiting() here: a new version waits for the page to ask.
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      // The first visit's page is served from the network; take it over now
      // so it keeps working when the network goes.
      await self.clients.claim();
    })(),
  );
});

// The page's 重新加载: the waiting version takes over.
self.addEventListener("message", (event) => {
  if (event.data === "skipWaiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  let key = null;
  if (req.mode === "navigate") {
    // The page itself, with or without index.html or a ?query (share links
    // carry the table in the #fragment, which is never part of a request).
    const bare = url.origin + url.pathname;
    if (bare === PAGE || bare === PAGE + "index.html") key = PAGE;
  } else if (url.search === "" && OWN.has(url.href)) {
    key = url.href;
  }
  if (key === null) return;
  event.respondWith(
    (async () => {
      const hit = await caches.match(key, { cacheName: CACHE });
      return hit ?? fetch(req);
    })(),
  );
});
