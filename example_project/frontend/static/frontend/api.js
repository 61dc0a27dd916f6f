// The one door to the GraphQL API. It sends the queries documented in docs/queries/;
// failures become an ApiError that says which kind of trouble it was, so screens can
// tell the learner what happened.

const ENDPOINT = document.querySelector('meta[name="borg-graphql-endpoint"]')?.content
  || "/graphql/";
const QUERIES = document.querySelector('meta[name="borg-graphql-queries"]')?.content
  || "/frontend/queries/";

export class ApiError extends Error {
  /** kind: "unreachable" (no answer), "server" (a bad answer) or "query" (errors);
   * codes: the errors' `extensions.code`s ("RATE_LIMITED"), for a query error. */
  constructor(kind, message, codes = []) {
    super(message);
    this.kind = kind;
    this.codes = codes;
  }
}

/** A page the API does not have (or does not show): the not-found screen. */
export class NotFound extends Error {}

/** A learner's progress the service worker keeps on the device until it can be sent
 * (offline.js): not stored yet, and not lost. `sent` settles with the answer then (the
 * "borg:sent" event's detail: `data` and `errors`), if this page is still open. */
export class Queued extends ApiError {
  constructor(id) {
    super("queued", "Kept on this device until it can be sent.");
    this.id = id;
    this.sent = new Promise((resolve) => {
      const heard = (event) => {
        if (event.detail.id !== id) return;
        document.removeEventListener("borg:sent", heard);
        resolve(event.detail);
      };
      document.addEventListener("borg:sent", heard);
    });
  }
}

/** Run the documented query `name` (see docs/queries/) and return its data. Errors whose
 * codes are all in `tolerate` are part of the answer (BOARD_TOO_SMALL: a board not shown
 * yet), so the data comes back with them. */
export async function query(name, variables = {}, { tolerate = [] } = {}) {
  const text = await queryText(name);
  // Labels (roles, target groups) come in the language the page is in.
  const headers = { Accept: "application/json",
    "Accept-Language": document.documentElement.lang };
  const token = learnerToken();
  if (token) headers["X-Learner-Token"] = token;
  let response = await send(text, variables, headers);
  let result = await answerOf(response);
  if (result.errors?.some((error) => error.extensions?.code === "PERSISTED_QUERY_NOT_FOUND")) {
    // A server that does not know the document (another version): send its text.
    response = await send(text, variables, headers, { byText: true });
    result = await answerOf(response);
  }
  // Progress kept by the service worker, without a connection: 202, and nothing stored yet.
  if (response.status === 202 && result.extensions?.queued) {
    throw new Queued(result.extensions.queued.id);
  }
  if (result.data) followLearnerToken(result.data, token);
  const expected = (error) => tolerate.includes(error.extensions?.code);
  if (result.errors?.length && !(result.data && result.errors.every(expected))) {
    throw new ApiError("query", result.errors.map((error) => error.message).join(" "),
      result.errors.map((error) => error.extensions?.code).filter(Boolean));
  }
  if (!response.ok || !result.data) throw new ApiError("server", `HTTP ${response.status}`);
  return result.data;
}

/**
 * Send a documented query as a persisted query: by its SHA-256 over GET (a query: the URL
 * names the answer), or with its text and hash over POST (a mutation, or `byText`). The
 * operation's name goes along, so the server's log and the tests can tell requests apart.
 */
async function send(text, variables, headers, { byText = false } = {}) {
  const [, kind, operationName] = text.match(/^(query|mutation)\s+(\w+)/m) || [];
  const hash = await sha256(text);
  const extensions = hash ? { persistedQuery: { version: 1, sha256Hash: hash } } : undefined;
  try {
    if (kind === "query" && hash && !byText) {
      const params = new URLSearchParams({ operationName, variables: JSON.stringify(variables),
        extensions: JSON.stringify(extensions) });
      const url = `${ENDPOINT}?${params}`;
      if (navigator.onLine === false && !(await kept(url, headers))) {
        throw new Error("Offline, and the answer is not kept on this device.");
      }
      if (!navigator.serviceWorker?.controller) unkept.set(url, headers);
      return await fetch(url, { headers });
    }
    return await fetch(ENDPOINT, {
      method: "POST", headers: { ...headers, "Content-Type": "application/json" },
      body: JSON.stringify({ query: text, operationName, variables, extensions }),
    });
  } catch (error) {
    throw new ApiError("unreachable", error.message);
  }
}

// The GETs of this visit no service worker saw (the first visit's first screen, before the
// worker took over): asked again through it once it does (offline.js), so it keeps them.
const unkept = new Map();

/** Ask again, through the service worker that now controls the page, the answers asked
 * before it did; it keeps the public ones, so the screen shown first can be read offline. */
export async function askAgainThroughWorker() {
  const asked = [...unkept];
  unkept.clear();
  await Promise.all(asked.map(([url, headers]) => fetch(url, { headers }).catch(() => {})));
}

/** Whether the device kept an answer to this GET (offline.js: the service worker keeps
 * public answers): offline, only those are asked for. Without the Cache API, ask. */
async function kept(url, headers) {
  if (!globalThis.caches) return true;
  return Boolean(await caches.match(new Request(url, { headers })));
}

async function answerOf(response) {
  try {
    return await response.json();
  } catch {
    throw new ApiError("server", `HTTP ${response.status}`);
  }
}

const hashes = new Map();

/** The hex SHA-256 of a query's text, as the server names a persisted query; null where
 * the browser has no Web Crypto (a page not served over HTTPS or from localhost). */
function sha256(text) {
  if (!globalThis.crypto?.subtle) return Promise.resolve(null);
  return remembered(hashes, text, async () => {
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
    return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0"))
      .join("");
  });
}

// The learner's token: made by the API on the first progress recorded, kept on this
// device only (never a cookie) and sent with every request, so `me` and the progress
// mutations know whose progress it is.
const TOKEN_KEY = "borg-learner-token";

/** The token of this device's learner, or null (none yet, or storage switched off). */
export function learnerToken() {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** Keep a token the API handed out (null: forget it). */
export function keepLearnerToken(token) {
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage switched off: progress is kept for this visit only.
  }
  document.dispatchEvent(new CustomEvent("borg:learner"));
}

/** A launch from an LMS opens a page with `#learner-token=...` (borg_learning.lms): a
 * URL's fragment never reaches a server, so no log holds the token. Keep it as any other
 * learner token, and take it out of the address bar and the history. */
export function takeLearnerTokenFromUrl() {
  const handed = location.hash.match(/^#learner-token=([A-Za-z0-9_-]{43})$/);
  if (!handed) return;
  history.replaceState(history.state, "", location.pathname + location.search);
  keepLearnerToken(handed[1]);
}

/** What an answer says about the token sent: a new one to keep (recordProgress,
 * redeemTransferCode), or one to forget (retired after a merge, or naming no learner:
 * UNKNOWN_LEARNER from a mutation, `me: null` from the query). */
function followLearnerToken(data, sent) {
  for (const [field, payload] of Object.entries(data)) {
    if (field === "me" && payload === null && sent) keepLearnerToken(null);
    if (!payload || typeof payload !== "object") continue;
    if (payload.learnerToken) keepLearnerToken(payload.learnerToken);
    else if (payload.tokenRetired
      || payload.errors?.some?.((error) => error.code === "UNKNOWN_LEARNER")) {
      keepLearnerToken(null);
    }
  }
}

/** What an answer the service worker sent later says about the token it was sent with
 * (`sent`): followed only while this device has that learner, or none yet. */
export function followSent(data, sent) {
  const now = learnerToken();
  if (now && now !== sent) return;  // another learner's by now
  followLearnerToken(data, now);
}

/** Asked once per visit and kept: a failure is forgotten, so a retry asks again. */
function remembered(cache, key, ask) {
  if (!cache.has(key)) {
    cache.set(key, ask().catch((error) => {
      cache.delete(key);
      throw error;
    }));
  }
  return cache.get(key);
}

const texts = new Map();

/** The text of a documented query, by its file name in docs/queries/ ("page"): the one
 * the first screen needs comes with the HTML shell, the others are fetched. */
function queryText(name) {
  const shipped = document.getElementById(`borg-query-${name}`);
  if (shipped) return Promise.resolve(shipped.textContent);
  return remembered(texts, name, async () => {
    let response;
    try {
      response = await fetch(`${QUERIES}${name}.graphql`);
    } catch (error) {
      throw new ApiError("unreachable", error.message);
    }
    if (!response.ok) throw new ApiError("server", `query ${name}: HTTP ${response.status}`);
    return response.text();
  });
}

const answers = new Map();

/** The same query with the same variables once per visit (start page, themes). */
export function cachedQuery(name, variables = {}) {
  return remembered(answers, name + JSON.stringify(variables), () => query(name, variables));
}
