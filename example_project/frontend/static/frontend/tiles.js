// Tiles that link to a module, shared by the list screens, and the filter by role above a
// list of them.

import { h, minutes } from "./dom.js";
import { pushUrl } from "./history.js";
import { markDone } from "./learner.js";

const KINDS = { BASIC: "Basismodule", SPECIALIST: "Specialistische module" };

/** A module's tile; its title a heading of the given level. */
export function moduleTile(module, heading = "h2") {
  const image = module.image?.rendition;
  const roles = module.audienceRoles || [];
  return h("li", { class: "tile stretched", "data-done-id": module.id, "data-done-kind": "module" },
    image && h("img", { src: image.url, width: image.width, height: image.height, alt: "",
      loading: "lazy", class: "tile__image" }),
    h(heading, { class: "tile__title" }, h("a", { href: module.path }, module.title)),
    h("p", { class: "tile__meta", "data-done-slot": true },
      `${KINDS[module.kind]} · ${minutes(module.estimatedDuration)}`),
    roles.length > 0 && h("p", { class: "tile__roles" },
      `Voor: ${roles.map((role) => role.label).join(", ")}`),
    module.summary && h("p", {}, module.summary));
}

/** The roles of these modules ({slug, label}), in the order they first appear. */
export function rolesOf(modules) {
  const roles = new Map();
  for (const module of modules) {
    for (const role of module.audienceRoles || []) roles.set(role.slug, role);
  }
  return [...roles.values()];
}

// The URL parameter of the chosen role, so a filtered list can be shared and Back undoes
// a choice.
export const ROLE_PARAMETER = "functie";

/**
 * A list of module tiles with a filter by role above it. `load(role)` gives the modules
 * for a role slug ("" for all of them); the chosen role lives in the URL.
 */
export async function filteredModules(roles, load, { empty, heading = "h2" }) {
  let role = new URLSearchParams(location.search).get(ROLE_PARAMETER) || "";
  if (!roles.some((known) => known.slug === role)) role = "";
  const list = h("ul", { class: "tiles" });
  const count = h("p", { class: "modules__count", role: "status" });

  async function show() {
    const modules = await load(role);
    const label = roles.find((known) => known.slug === role)?.label;
    list.replaceChildren(...modules.map((module) => moduleTile(module, heading)));
    list.hidden = !modules.length;
    markDone(list);  // after the tiles are there; a done mark comes when it comes
    const number = modules.length === 1 ? "1 module" : `${modules.length} modules`;
    count.textContent = !modules.length ? empty(label)
      : label ? `${number} voor ${label}` : "";
  }

  const select = h("select", { id: "filter-functie", name: ROLE_PARAMETER },
    h("option", { value: "" }, "Alle functies"),
    roles.map(({ slug, label }) => h("option", { value: slug, selected: slug === role }, label)));
  select.addEventListener("change", () => {
    role = select.value;
    const params = new URLSearchParams(location.search);
    if (role) params.set(ROLE_PARAMETER, role); else params.delete(ROLE_PARAMETER);
    pushUrl(params.size ? `?${params}` : location.pathname);
    list.setAttribute("aria-busy", "true");
    show().catch(() => {
      count.textContent = "De modules konden niet worden geladen. Probeer het opnieuw.";
    }).finally(() => list.removeAttribute("aria-busy"));
  });
  await show();
  const filter = roles.length > 1 && h("div", { class: "field role-filter" },
    h("label", { for: select.id }, "Jouw functie"), select);
  return h("div", { class: "modules" }, filter, count, list);
}
