// The way back to a learning route from one of its modules, parts or microlessons. A learner who opens a
// step from the route's screen finds "Terug naar je leerroute" at the end of the module
// or part, and of the route's other modules and parts, for as long as this tab is open
// (sessionStorage: nothing leaves the device).

import { h } from "./dom.js";
import { localHref } from "./links.js";
import { routePath } from "./route_tiles.js";

const KEY = "borg-route";

/** Remember the route whose step the learner opens: its slug, title and step paths. */
export function rememberRoute(route) {
  const paths = route.steps
    .map((step) => step.module?.path || step.part?.path || step.microlesson?.path)
    .filter(Boolean).map((url) => new URL(localHref(url), location.href).pathname);
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ slug: route.slug, title: route.title, paths }));
  } catch {
    // Storage refused (a private window): the browser's Back still works.
  }
}

/** "Terug naar je leerroute" when the page at `path` is a step of the route the learner
 * came from, else null. */
export function backToRoute(path = location.pathname) {
  let route;
  try {
    route = JSON.parse(sessionStorage.getItem(KEY) || "null");
  } catch {
    return null;
  }
  if (!route?.paths?.includes(path)) return null;
  return h("p", { class: "back-link back-link--route" },
    h("a", { href: routePath(route.slug), class: "button button--secondary" },
      `Terug naar je leerroute: ${route.title}`));
}
