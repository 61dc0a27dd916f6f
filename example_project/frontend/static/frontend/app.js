// The demo frontend: routes by location.pathname, renders each screen from the GraphQL
// API and keeps the browser's history. show() is the one place a screen appears.

import { NotFound, takeLearnerTokenFromUrl } from "./api.js";
import { pushUrl, restoreScroll } from "./history.js";
import { isRoutable } from "./links.js";
import { resolve } from "./router.js";

const main = document.getElementById("main");
const status = document.getElementById("status");
let current = 0;

/** Render the screen of the current URL. `restore`: back where the learner was on this
 * history entry (Back, Forward, a reload), else at the top. */
async function render({ focus = true, restore = false, first = false } = {}) {
  const request = ++current;
  main.setAttribute("aria-busy", "true");
  if (!first) status.textContent = "Bezig met laden…";
  let screen;
  try {
    screen = await resolve(new URL(location.href))();
  } catch (error) {
    // The error screens load when they are needed.
    const { errorScreen, notFoundScreen } = await import("./errors.js");
    if (error instanceof NotFound) screen = notFoundScreen();
    else {
      if (!error?.kind) console.error(error);  // a bug in the frontend, not the API
      screen = errorScreen(error, () => render());
    }
  }
  if (request === current) show(screen, focus, restore);
}

/**
 * Put a screen on the page. Every screen passes here, with its kind ("start",
 * "module", "part", ...) and the page it shows, so a later addition (a visit counter,
 * say) can listen to the "borg:screen" event instead of touching each screen.
 */
function show(screen, focus, restore) {
  main.replaceChildren(screen.content);
  main.removeAttribute("aria-busy");
  document.title = `${screen.title} | Leeromgeving De Borg`;
  status.textContent = screen.kind === "error" || screen.kind === "not-found" ? screen.title : "";
  if (focus) {
    const heading = main.querySelector("h1");
    (heading || main).setAttribute("tabindex", "-1");
    (heading || main).focus({ preventScroll: true });
  }
  if (restore) restoreScroll();
  else window.scrollTo({ top: 0, behavior: "instant" });
  document.dispatchEvent(new CustomEvent("borg:screen", {
    detail: { kind: screen.kind, page: screen.page || null, path: location.pathname },
  }));
}

function navigate(url) {
  pushUrl(url);
  render();
}

document.addEventListener("click", (event) => {
  const link = event.target.closest("a[href]");
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey
      || event.ctrlKey || event.shiftKey || event.altKey || !isRoutable(link)) return;
  const url = new URL(link.href);
  event.preventDefault();
  if (url.pathname === location.pathname && url.search === location.search && url.hash) {
    // A jump within the screen (the skip link). Done here, because the browser's own jump
    // adds a history entry whose popstate would render the screen again: a form's answers
    // lost and the visit counted twice.
    const target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
    if (target) {
      target.focus({ preventScroll: true });
      // A form field (from an error summary) is shown with its question, not alone.
      (target.closest("fieldset, .question") || target).scrollIntoView({ block: "start" });
    }
    return;
  }
  navigate(url.pathname + url.search + url.hash);
});

// Forms with data-route (the search forms) become a navigation to their GET URL.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!form.matches("form[data-route]")) return;
  event.preventDefault();
  const query = new URLSearchParams(new FormData(form));
  navigate(`${form.getAttribute("action")}?${query}`);
});

window.addEventListener("popstate", () => render({ restore: true }));
// A screen that changed what it shows (the learner's progress after a transfer code).
document.addEventListener("borg:rerender", () => render());

// Counting the visit, the learner's points in the header, recording the learner's progress on a module or part, and the
// evaluation at a module's end: their code loads after the first screen is shown.
document.addEventListener("borg:screen", (event) => {
  import("./visits.js").then((visits) => visits.count(event.detail));
  // The installable app: its service worker, what it keeps, and the offline notice.
  import("./offline.js").then((offline) => offline.follow(event.detail));
  const pointsKnown = import("./points.js").then((points) => points.follow());
  if (["module", "part", "microlesson"].includes(event.detail.kind)) {
    // Recording starts once the header knows the points, so "+5 punten" is measured from
    // a total asked before the completion it pays for.
    pointsKnown.catch(() => {}).then(() => import("./tracking.js"))
      .then((tracking) => tracking.track(event.detail));
  }
  if (event.detail.kind !== "preview" && document.getElementById("evaluation")) {
    import("./evaluation.js").then((evaluation) => evaluation.evaluate(event.detail));
  }
});

// A launch from an LMS hands over its learner token before the first screen asks for it.
takeLearnerTokenFromUrl();
// The shell shows "Bezig met laden…" in <main> until the first screen is there.
render({ focus: false, restore: true, first: true });
