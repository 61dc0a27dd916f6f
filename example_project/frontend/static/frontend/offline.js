// The installable app, offline: registers the service worker (worker/service-worker.js,
// served at the site's root), asks it to keep the audio and images of each learning screen
// shown, says
// when the device is offline and how much progress waits to be sent, and tells the screens
// what the worker sent later ("borg:sent"). app.js calls follow() after each screen;
// nothing here holds up a screen, and without a service worker (an old browser, a page
// not served over HTTPS) the app works as before, online.

import { askAgainThroughWorker, followSent, keepLearnerToken, learnerToken } from "./api.js";
import { h } from "./dom.js";

const WORKER = document.querySelector('meta[name="borg-service-worker"]')?.content;
// Screens whose pages a learner reads and listens to again.
const LEARNING = new Set(["module", "part", "microlesson"]);
// How long a screen waits for the worker to say what of it waits to be sent.
const WAITING_ANSWER_MS = 2000;

// What the worker said waits: progress items, and the pages they are about.
let waiting = { items: 0, pages: 0 };
// Whether this visit sent progress that had waited (said until the next screen).
let sentAfterWaiting = false;
let started = false;
// The screen shown last (for what to keep once the worker controls the page).
let shown = null;

/** Follow the screen just shown (the detail of its "borg:screen" event). */
export function follow(screen) {
  if (!started) start();
  shown = screen;
  sentAfterWaiting = false;
  render();
  if (learning(shown)) keepMedia();
}

function learning(screen) {
  return Boolean(screen) && LEARNING.has(screen.kind) && !screen.page?.isPreview;
}

function start() {
  started = true;
  window.addEventListener("online", () => {
    flush();
    render();
  });
  window.addEventListener("offline", render);
  // The learner forgotten on this device: what waits of them goes too.
  let known = learnerToken();
  document.addEventListener("borg:learner", () => {
    const now = learnerToken();
    if (known && !now) post({ type: "forget", token: known });
    known = now;
  });
  if (!WORKER || !("serviceWorker" in navigator)) return;
  navigator.serviceWorker.addEventListener("message", (event) => heard(event.data || {}));
  // On a first visit the worker takes over the page only once it is installed, after the
  // first screen was shown: what that screen asked and shows is kept then.
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    askAgainThroughWorker();
    if (learning(shown)) keepMedia();
  }, { once: true });
  // The worker's own files load after the page's: the first screen never waits for them.
  const register = () => navigator.serviceWorker.register(WORKER, { scope: "/" })
    .catch(() => {});  // not allowed here (a private window, a policy): online only
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
  // Send what waits from an earlier visit, and hear how much is left.
  flush();
}

/** What of page `id` waits on the device to be sent: `{id, operation, input}` items, oldest
 * first (none without a service worker). A screen shown again puts the answers back. */
export function waitingOn(id) {
  const worker = navigator.serviceWorker?.controller;
  if (!worker) return Promise.resolve([]);
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    // A worker that does not answer (stopped, or its outbox failing) holds up no screen.
    const unanswered = setTimeout(() => resolve([]), WAITING_ANSWER_MS);
    channel.port1.onmessage = (event) => {
      clearTimeout(unanswered);
      resolve(event.data || []);
    };
    worker.postMessage({ type: "waiting", page: String(id) }, [channel.port2]);
  });
}

/** A message to the active worker (once there is one). */
function post(message) {
  navigator.serviceWorker?.ready.then((registration) => registration.active?.postMessage(message));
}

/** Ask the worker to send what waits (it says how much is left). */
function flush() {
  post({ type: "flush", token: learnerToken() });
}

function heard(message) {
  if (message.type === "outbox") {
    // A learner handed out for progress sent while no page was open: this device's.
    if (message.handedToken && !learnerToken()) {
      keepLearnerToken(message.handedToken);
      flush();
    }
    if (waiting.items && !message.items) sentAfterWaiting = true;
    waiting = { items: message.items, pages: message.pages };
    render();
  } else if (message.type === "sent") {
    if (message.data) followSent(message.data, message.token);
    document.dispatchEvent(new CustomEvent("borg:sent", { detail: message }));
  }
}

/** The audio and images of the screen shown, kept whole for reading and listening
 * offline: every size of an image, so a screen turned or resized offline has its own. */
function keepMedia() {
  if (!navigator.serviceWorker?.controller) return;  // nothing would keep them
  const main = document.getElementById("main");
  const urls = new Set([...main.querySelectorAll("audio[src], audio source[src]")]
    .map((element) => element.src));
  for (const image of main.querySelectorAll("img")) {
    if (image.src) urls.add(image.src);
    for (const candidate of (image.getAttribute("srcset") || "").split(",")) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) urls.add(new URL(url, location.href).href);
    }
  }
  if (urls.size) post({ type: "keep", urls: [...urls] });
}

/** The notice below the header: offline, progress waiting, or progress sent. */
function render() {
  const place = document.getElementById("connection");
  if (!place) return;
  const offline = navigator.onLine === false;
  const lines = [];
  let state = offline ? "offline" : "waiting";
  if (offline) {
    lines.push(h("p", {}, h("strong", {}, "Je bent offline. "),
      "Wat je eerder op dit apparaat opende, kun je lezen en beluisteren."));
  }
  if (waiting.items) {
    const pages = waiting.pages === 1 ? "1 pagina" : `${waiting.pages} pagina's`;
    lines.push(h("p", {}, offline
      ? `Je voortgang op ${pages} is bewaard op dit apparaat en wordt verstuurd zodra je `
        + "weer verbinding hebt."
      : `Je voortgang op ${pages} wacht nog op verbinding met de server.`));
  } else if (sentAfterWaiting && !offline) {
    state = "sent";
    lines.push(h("p", {}, "Je bent weer online. Je voortgang is verstuurd."));
  }
  const wanted = lines.map((line) => line.textContent).join("");
  if (place.textContent === wanted) return;  // said once, not again
  place.className = `connection connection--${state}`;
  place.replaceChildren(...(lines.length ? [h("div", { class: "connection__inner" }, lines)] : []));
}
