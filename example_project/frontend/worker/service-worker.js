// The demo frontend's service worker: the app works without a connection for what the
// learner opened before, and keeps the progress made meanwhile until it can be sent.
// docs/frontend.md ("Installable and offline") says what it does from the learner's side.
//
// The example site serves this file at /service-worker.js (frontend/installable.py), with one
// line before it: `const CONFIG = {...}`, which names this version of the app
// (`version`, a hash of every file it keeps), the files of the app shell to keep
// (`shell`: the HTML shell, the static files, the documented queries, the manifest), the
// shell's URL, the GraphQL endpoint and the media URL. A new version of any of them is a
// new worker, which replaces the old one at once.
//
// What it keeps, and how it answers:
// - the app shell: kept when the worker is installed, answered from the cache (a
//   navigation goes to the network first and falls back to the kept shell, which routes
//   any path: the app reads the path, not the HTML);
// - GraphQL answers over GET (the documented queries go by their hash, so the URL names
//   the answer): from the network, and kept when they are public (the server marks an
//   answer that read the learner's token `private, no-store`: that one is not kept, so
//   nothing of a learner stays on the device but what waits to be sent); without a
//   connection, the kept answer;
// - media (/media/): the images and audio of a learning screen when it is shown (the page
//   asks, `keep`: each size of an image, for a screen turned or resized offline), and
//   images the browser loads; always the whole file, and answered from the cache. A request
//   for a byte range is answered from the kept file with 206, so a player can seek without
//   a connection.
//
// Progress: a `RecordProgress` or `AnswerExercise` that cannot reach the server (no
// connection, or a server that answers 5xx or 429: later) is kept in IndexedDB (the outbox) and answered with 202 and `{"extensions": {"queued": {...}}}`,
// so the page knows it is waiting rather than stored. The outbox is sent in order, one at
// a time, when the page says it is online or loads again, on Background Sync where the
// browser has it, and before any later progress mutation (so nothing overtakes it). An
// item leaves the outbox once the server answered it; the same event sent twice changes
// nothing on the server (borg_learning/learners/progress.py), so an answer lost on the
// way is harmless. Each answer is posted to the open pages (`sent`), which show it.

/* global CONFIG */

const SHELL_CACHE = `borg-shell-${CONFIG.version}`;
const ANSWERS_CACHE = "borg-answers";
const MEDIA_CACHE = "borg-media";
const SHELL_FILES = new Set(CONFIG.shell.map((url) => new URL(url, self.location.href).href));
// Kept answers and media files beyond these many go, the least recently kept first.
const KEEP_ANSWERS = 400;
const KEEP_MEDIA = 200;
// The shell's files are the same for every request (the server's `Vary` names headers, such
// as Accept-Language, that its answers for them do not depend on); so are media files.
const SAME_FOR_ALL = { ignoreVary: true };
// Paths that are not the frontend's: left to the browser.
const NOT_THE_FRONTEND = /^\/(admin|django-admin|graphql|api|static|media|documents)\//;
const QUEUED_OPERATIONS = { RecordProgress: "recordProgress", AnswerExercise: "answerExercise" };
const SYNC_TAG = "borg-progress";

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL_CACHE);
    // Past the browser's HTTP cache: a file under a name without a hash (a development
    // server) may have changed.
    await cache.addAll(CONFIG.shell.map((url) => new Request(url, { cache: "no-cache" })));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith("borg-shell-") && name !== SHELL_CACHE)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    if (request.method === "GET" && !NOT_THE_FRONTEND.test(url.pathname)) {
      event.respondWith(navigation(request));
    }
    return;
  }
  // What the admin and GraphiQL ask is theirs (the scope is the whole site).
  if (!fromTheFrontend(request)) return;
  if (url.pathname === CONFIG.graphql) {
    if (request.method === "POST") event.respondWith(mutation(request));
    else if (request.method === "GET") event.respondWith(answer(event));
  } else if (request.method !== "GET") {
    // Left to the browser: a visit counted, say.
  } else if (CONFIG.media && url.pathname.startsWith(CONFIG.media)) {
    event.respondWith(media(event));
  } else if (SHELL_FILES.has(url.href)) {
    event.respondWith(shellFile(request));
  }
});

/** True for a request of a page of the frontend (the referrer of a same-origin request is
 * its page's URL). */
function fromTheFrontend(request) {
  if (!request.referrer) return true;
  const referrer = new URL(request.referrer);
  return referrer.origin !== self.location.origin || !NOT_THE_FRONTEND.test(referrer.pathname);
}

/** A page of the frontend: the network's, else the kept shell. */
async function navigation(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const shell = await caches.match(CONFIG.shellUrl, { cacheName: SHELL_CACHE, ...SAME_FOR_ALL });
    if (shell) return shell;
    throw error;
  }
}

/** A file of the app shell from the cache; anything else from the network. */
async function shellFile(request) {
  return (await caches.match(request, { cacheName: SHELL_CACHE, ...SAME_FOR_ALL }))
    || fetch(request);
}

/** A GraphQL answer over GET: the network's (kept when public), else the kept one. */
async function answer(event) {
  const { request } = event;
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const kept = await caches.match(request, { cacheName: ANSWERS_CACHE });
    if (kept) return kept;
    throw error;
  }
  // An answer without errors has an ETag; one that read the learner's token says so.
  const cacheControl = response.headers.get("Cache-Control") || "";
  if (response.ok && response.headers.has("ETag") && !/no-store|private/.test(cacheControl)) {
    event.waitUntil(keepAnswer(request, response.clone()));
  }
  return response;
}

function keepAnswer(request, response) {
  return keep(ANSWERS_CACHE, request, response, KEEP_ANSWERS);
}

/** Put an answer in a cache, and let the oldest go beyond `most` entries. */
async function keep(name, request, response, most) {
  const cache = await caches.open(name);
  await cache.put(request, response);
  const keys = await cache.keys();  // in the order they were kept
  await Promise.all(keys.slice(0, Math.max(0, keys.length - most))
    .map((key) => cache.delete(key)));
}

/** A media file: the kept one (a byte range of it when asked), else the network's. */
async function media(event) {
  const { request } = event;
  const kept = await caches.match(request.url, { cacheName: MEDIA_CACHE, ...SAME_FOR_ALL });
  if (kept) return ranged(request, kept);
  const response = await fetch(request);
  if (request.destination === "image" && response.status === 200) {
    event.waitUntil(keep(MEDIA_CACHE, request.url, response.clone(), KEEP_MEDIA));
  } else if (request.destination === "audio") {
    event.waitUntil(keepWhole(request.url));  // a player asks for ranges: fetch it all
  }
  return response;
}

const keeping = new Map();

/** Keep a media file whole (never a range of it), once. */
function keepWhole(href) {
  const url = new URL(href, self.location.href);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(CONFIG.media)) {
    return Promise.resolve();
  }
  if (!keeping.has(url.href)) {
    keeping.set(url.href, (async () => {
      const cache = await caches.open(MEDIA_CACHE);
      if (await cache.match(url.href, SAME_FOR_ALL)) return;
      const response = await fetch(url.href);
      if (response.status === 200) await keep(MEDIA_CACHE, url.href, response, KEEP_MEDIA);
    })().catch(() => {}).finally(() => keeping.delete(url.href)));
  }
  return keeping.get(url.href);
}

/** The kept file as the request asks for it: whole, or one byte range with 206 (416 for a
 * range outside it). Several ranges at once are answered with the whole file, as a server
 * may. */
async function ranged(request, response) {
  const range = request.headers.get("Range");
  if (!range) return response;
  const blob = await response.blob();
  const size = blob.size;
  const headers = { "Content-Type": response.headers.get("Content-Type") || blob.type,
    "Accept-Ranges": "bytes" };
  const bytes = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  if (!bytes || (bytes[1] === "" && bytes[2] === "")) {
    return new Response(blob, { status: 200, headers: { ...headers,
      "Content-Length": String(size) } });
  }
  let start;
  let end;
  if (bytes[1] === "") {  // the last n bytes
    start = Math.max(0, size - Number(bytes[2]));
    end = size - 1;
  } else {
    start = Number(bytes[1]);
    end = bytes[2] === "" ? size - 1 : Math.min(Number(bytes[2]), size - 1);
  }
  if (start >= size || start > end) {
    return new Response(null, { status: 416, headers: { ...headers,
      "Content-Range": `bytes */${size}` } });
  }
  return new Response(blob.slice(start, end + 1), {
    status: 206,
    statusText: "Partial Content",
    headers: { ...headers, "Content-Length": String(end - start + 1),
      "Content-Range": `bytes ${start}-${end}/${size}` },
  });
}

// --- Progress: the outbox ------------------------------------------------------------

/** A mutation: a learner's progress goes through the outbox, anything else straight on. */
async function mutation(request) {
  const body = await request.clone().text();
  let sent;
  try {
    sent = JSON.parse(body);
  } catch {
    return fetch(request);
  }
  if (!QUEUED_OPERATIONS[sent?.operationName] || sent.variables?.input?.previewToken) {
    return fetch(request);
  }
  return exclusively(async () => {
    const own = request.headers.get("X-Learner-Token");
    const language = request.headers.get("Accept-Language");
    let sentBefore;
    let token;
    try {
      // What waits goes first: nothing overtakes it.
      sentBefore = !(await outbox.count()) || (await sendWaiting(own));
      // A page without a learner yet, whose earlier progress was handed one (maybe just
      // now): the same learner, not a new one.
      token = own || (await outbox.meta("handedToken")) || null;
    } catch {
      // No outbox (IndexedDB refused, or failed): the progress goes online as it would
      // without a worker.
      return fetch(request);
    }
    if (!sentBefore) return queue(body, sent, token, language);
    let response;
    try {
      response = await send(body, token, language);
    } catch {
      return queue(body, sent, token, language);
    }
    // A server that cannot take it now: kept and sent later, as what waits is.
    if (!later(response)) return response;
    try {
      return await queue(body, sent, token, language);
    } catch {
      return response;  // no outbox to keep it in: the page hears the server
    }
  });
}

/** True for an answer that says "try again later": the server failed or is busy. */
function later(response) {
  return response.status >= 500 || response.status === 429;
}

/** POST a mutation's body to the API, as the page does. */
function send(body, token, language) {
  const headers = { Accept: "application/json", "Content-Type": "application/json" };
  if (language) headers["Accept-Language"] = language;
  if (token) headers["X-Learner-Token"] = token;
  return fetch(CONFIG.graphql, { method: "POST", headers, body });
}

/** Keep a progress mutation in the outbox, and say so with 202. */
async function queue(body, sent, token, language) {
  const id = await outbox.add({
    operation: sent.operationName,
    body,
    token,
    language,
    page: String(sent.variables?.input?.page ?? ""),
  });
  self.registration.sync?.register(SYNC_TAG).catch(() => {});
  const waiting = await tell().catch(() => ({}));
  return new Response(JSON.stringify({ extensions: { queued: { id, ...waiting } } }), {
    status: 202, headers: { "Content-Type": "application/json" },
  });
}

/**
 * Send what waits, oldest first, one at a time; true when the outbox is empty. An item
 * goes with the token it was made with; one made before the device had a learner goes
 * with `token` (the page's own), or with the one the first of them was handed.
 */
async function sendWaiting(token = null) {
  let handed = token || (await outbox.meta("handedToken")) || null;
  for (const item of await outbox.all()) {
    const learner = item.token || handed;
    let result;
    try {
      const response = await send(item.body, learner, item.language);
      if (later(response)) return false;
      result = await response.json();
    } catch {
      return false;  // no connection (or no answer of the API): later
    }
    const payload = result.data?.[QUEUED_OPERATIONS[item.operation]];
    if (payload?.errors?.some((error) => error.code === "RATE_LIMITED")) return false;
    await outbox.remove(item.id);
    if (payload?.learnerToken) {
      handed = payload.learnerToken;
      // For a page opened later, when none is open now to keep it.
      if (!item.token) await outbox.setMeta("handedToken", handed);
    }
    await broadcast({ type: "sent", id: item.id, operation: item.operation,
      data: result.data ?? null, errors: result.errors ?? [], token: learner });
  }
  // A page with a learner of its own needs no token handed out while it was closed.
  if (token && await outbox.meta("handedToken")) await outbox.setMeta("handedToken", null);
  await tell();
  return true;
}

/** Send what waits, when nothing else is sending. */
function flush(token) {
  return exclusively(() => sendWaiting(token));
}

self.addEventListener("sync", (event) => {
  if (event.tag !== SYNC_TAG) return;
  // Rejected while something still waits: the browser tries again later.
  event.waitUntil(flush().then((done) => {
    if (!done) throw new Error("The progress waits for a connection.");
  }));
});

self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.type === "flush") {
    // The page is (back) online or opened: send, and say what still waits.
    event.waitUntil(flush(message.token || null));
  } else if (message.type === "keep") {
    event.waitUntil(Promise.all((message.urls || []).map(keepWhole)));
  } else if (message.type === "waiting" && event.ports[0]) {
    // What waits of one page, for the page shown again before it was sent: its answers.
    // Always an answer, none when the outbox cannot be read: the page waits for it.
    event.waitUntil(outbox.all().then((items) => items
      .filter((item) => item.page === String(message.page))
      .map((item) => ({ id: item.id, operation: item.operation,
        input: JSON.parse(item.body).variables?.input ?? null })))
      .catch(() => [])
      .then((items) => event.ports[0].postMessage(items)));
  } else if (message.type === "forget" && message.token) {
    // The learner was forgotten: what waits of them goes too.
    event.waitUntil(exclusively(() => outbox.removeOf(message.token)).then(tell));
  }
});

/** Tell the open pages how much waits: items, and pages they are about. */
async function tell() {
  const items = await outbox.all();
  const waiting = { items: items.length, pages: new Set(items.map((item) => item.page)).size,
    handedToken: (await outbox.meta("handedToken")) || null };
  await broadcast({ type: "outbox", ...waiting });
  return { items: waiting.items, pages: waiting.pages };
}

async function broadcast(message) {
  const pages = await self.clients.matchAll({ type: "window" });
  for (const page of pages) page.postMessage(message);
}

// One sender at a time: in this worker, and across workers where the browser has Web
// Locks (an old worker may still be sending while a new one starts).
let tail = Promise.resolve();

function exclusively(task) {
  const run = tail.then(() => (self.navigator.locks
    ? self.navigator.locks.request("borg-outbox", task) : task()));
  tail = run.catch(() => {});
  return run;
}

// The outbox in IndexedDB: `items` in the order they were made, and `meta` (a token
// handed out while no page was open).
const outbox = {
  db: null,

  open() {
    this.db ||= new Promise((resolve, reject) => {
      const opening = indexedDB.open("borg-outbox", 1);
      opening.onupgradeneeded = () => {
        opening.result.createObjectStore("items", { keyPath: "id", autoIncrement: true });
        opening.result.createObjectStore("meta");
      };
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    }).catch((error) => {
      this.db = null;
      throw error;
    });
    return this.db;
  },

  async run(store, mode, act) {
    const db = await this.open();
    return new Promise((resolve, reject) => {
      const transaction = db.transaction(store, mode);
      const request = act(transaction.objectStore(store));
      transaction.oncomplete = () => resolve(request?.result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  },

  add(item) {
    return this.run("items", "readwrite", (items) => items.add({ ...item, made: Date.now() }));
  },
  all() {
    return this.run("items", "readonly", (items) => items.getAll());
  },
  count() {
    return this.run("items", "readonly", (items) => items.count());
  },
  remove(id) {
    return this.run("items", "readwrite", (items) => items.delete(id));
  },
  async removeOf(token) {
    for (const item of await this.all()) {
      if (item.token === token) await this.remove(item.id);
    }
    if ((await this.meta("handedToken")) === token) await this.setMeta("handedToken", null);
  },
  meta(key) {
    return this.run("meta", "readonly", (meta) => meta.get(key));
  },
  setMeta(key, value) {
    return this.run("meta", "readwrite", (meta) => meta.put(value, key));
  },
};
