// Tiles that link to a learning route: on the start page ("Leerroutes voor jou").

import { h } from "./dom.js";

/** "8 uur en 30 minuten", "45 minuten", "1 uur". */
export function duration(total) {
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  const inMinutes = `${rest} ${rest === 1 ? "minuut" : "minuten"}`;
  if (!hours) return inMinutes;
  return rest ? `${hours} uur en ${inMinutes}` : `${hours} uur`;
}

/** The path of a route's own screen. */
export function routePath(slug) {
  return `/leerroutes/${slug}/`;
}

/** A route's tile; its title a heading of the given level. */
export function routeTile(route, heading = "h3") {
  const image = route.image?.rendition;
  const steps = route.steps.length;
  return h("li", { class: "tile stretched route-tile" },
    image && h("img", { src: image.url, width: image.width, height: image.height, alt: "",
      loading: "lazy", class: "tile__image" }),
    h(heading, { class: "tile__title" }, h("a", { href: routePath(route.slug) }, route.title)),
    h("p", { class: "tile__meta" },
      `${steps === 1 ? "1 stap" : `${steps} stappen`} · ${duration(route.durationMinutes)}`),
    route.audienceRoles.length > 0 && h("p", { class: "tile__roles" },
      `Voor: ${route.audienceRoles.map((role) => role.label).join(", ")}`));
}

/** "Leerroutes voor jou": every published route with the roles it is for (the role chosen
 * in "Jouw functie" lives in a list's URL only, so there is none to reuse here). Null when
 * there are none. */
export function routesSection(routes) {
  if (!routes.length) return null;
  return h("section", { class: "routes", "aria-labelledby": "routes-title" },
    h("h2", { id: "routes-title" }, "Leerroutes voor jou"),
    h("p", {}, "Nieuw bij De Borg? Een leerroute zet op een rij wat je in welke volgorde "
      + "doet. Kies de route voor jouw functie."),
    h("ul", { class: "tiles" }, routes.map((route) => routeTile(route))));
}
