// Tiles that link to a learning route ("Leerroutes voor jou" on the start page, the list
// of all routes), with how far the learner is on each; and the learner's routes.

import { learnerToken, query } from "./api.js";
import { h } from "./dom.js";

/** "8 uur en 30 minuten", "45 minuten", "1 uur". */
export function duration(total) {
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  const inMinutes = `${rest} ${rest === 1 ? "minuut" : "minuten"}`;
  if (!hours) return inMinutes;
  return rest ? `${hours} uur en ${inMinutes}` : `${hours} uur`;
}

/** The path of a route's own screen, and of the list of all routes. */
export function routePath(slug) {
  return `/leerroutes/${slug}/`;
}
export const ROUTES_PATH = "/leerroutes/";

/** The routes the learner started (docs/queries/my_routes.graphql), or [] (no learner on
 * this device, none started, or no answer: progress is a help, never a condition). */
export async function myRoutes() {
  if (!learnerToken()) return [];
  try {
    return (await query("my_routes")).me?.routes || [];
  } catch {
    return [];
  }
}

/** The learner's progress on each route, by the route's slug. */
export function bySlug(progress) {
  return new Map(progress.map((item) => [item.route.slug, item]));
}

/** How far the learner is on a route, for its tile: "Afgerond" (a tick and a word), "2 van
 * 5 stappen gedaan", or nothing when they did not start it. */
function tileStatus(progress) {
  if (!progress) return null;
  if (progress.completed) {
    return h("p", { class: "tile__status" }, h("span", { class: "done-mark" }, "Afgerond"));
  }
  return h("p", { class: "tile__status" },
    `Gestart: ${progress.stepsDone} van ${progress.stepsTotal} stappen gedaan`);
}

/** A route's tile; its title a heading of the given level, with the learner's progress on
 * it when there is any. Its image is decoration: the title says what the route is. */
export function routeTile(route, { heading = "h3", progress = null } = {}) {
  const image = route.image?.rendition;
  const steps = route.steps.length;
  return h("li", { class: `tile stretched route-tile${progress?.completed ? " is-done" : ""}` },
    image && h("img", { src: image.url, width: image.width, height: image.height, alt: "",
      loading: "lazy", class: "tile__image" }),
    h(heading, { class: "tile__title" }, h("a", { href: routePath(route.slug) }, route.title)),
    h("p", { class: "tile__meta" },
      `${steps === 1 ? "1 stap" : `${steps} stappen`} · ${duration(route.durationMinutes)}`),
    route.audienceRoles.length > 0 && h("p", { class: "tile__roles" },
      `Voor: ${route.audienceRoles.map((role) => role.label).join(", ")}`),
    tileStatus(progress));
}

/** "Leerroutes voor jou": every published route with the roles it is for and the
 * learner's progress on it (the role chosen in "Jouw functie" lives in a list's URL only,
 * so there is none to reuse here), and a link to the list of all routes. Null when there
 * are none. */
export function routesSection(routes, progress = []) {
  if (!routes.length) return null;
  const mine = bySlug(progress);
  return h("section", { class: "routes", "aria-labelledby": "routes-title" },
    h("h2", { id: "routes-title" }, "Leerroutes voor jou"),
    h("p", {}, "Nieuw bij De Borg? Een leerroute zet op een rij wat je in welke volgorde "
      + "doet. Kies de route voor jouw functie."),
    h("ul", { class: "tiles" },
      routes.map((route) => routeTile(route, { progress: mine.get(route.slug) }))),
    h("p", { class: "routes__all" }, h("a", { href: ROUTES_PATH }, "Alle leerroutes")));
}
