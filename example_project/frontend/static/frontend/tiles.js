// Tiles that link to a module, shared by the list screens, and the filter above a list of
// tiles (by role above module tiles).

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
export function filteredModules(roles, load, { empty, heading = "h2" }) {
  return filteredTiles(roles, load, {
    parameter: ROLE_PARAMETER, label: "Jouw functie", all: "Alle functies",
    tile: (module) => moduleTile(module, heading), empty,
    counted: (count, label) => {
      const number = count === 1 ? "1 module" : `${count} modules`;
      return label ? `${number} voor ${label}` : "";
    },
    failed: "De modules konden niet worden geladen. Probeer het opnieuw.",
  });
}

/**
 * A list of tiles with a filter above it (shown when there is more than one choice).
 * `choices` are {slug, label}; `load(slug)` gives the items for a choice ("" for all of
 * them), `tile(item)` an item's tile; the choice lives in the URL parameter `parameter`,
 * so a filtered list can be shared and Back undoes a choice. `counted(count, label)` and
 * `empty(label)` say how many there are, in the status region above the tiles.
 */
export async function filteredTiles(choices, load,
  { parameter, label, all, tile, counted, empty, failed }) {
  let chosen = new URLSearchParams(location.search).get(parameter) || "";
  if (!choices.some((known) => known.slug === chosen)) chosen = "";
  const list = h("ul", { class: "tiles" });
  const count = h("p", { class: "modules__count", role: "status" });

  async function show() {
    const items = await load(chosen);
    const name = choices.find((known) => known.slug === chosen)?.label;
    list.replaceChildren(...items.map(tile));
    list.hidden = !items.length;
    markDone(list);  // after the tiles are there; a done mark comes when it comes
    count.textContent = items.length ? counted(items.length, name) : empty(name);
  }

  const select = h("select", { id: `filter-${parameter}`, name: parameter },
    h("option", { value: "" }, all),
    choices.map(({ slug, label: text }) => h("option", { value: slug, selected: slug === chosen },
      text)));
  select.addEventListener("change", () => {
    chosen = select.value;
    const params = new URLSearchParams(location.search);
    if (chosen) params.set(parameter, chosen); else params.delete(parameter);
    pushUrl(params.size ? `?${params}` : location.pathname);
    list.setAttribute("aria-busy", "true");
    show().catch(() => {
      count.textContent = failed;
    }).finally(() => list.removeAttribute("aria-busy"));
  });
  await show();
  const filter = choices.length > 1 && h("div", { class: "field role-filter" },
    h("label", { for: select.id }, label), select);
  return h("div", { class: "modules" }, filter, count, list);
}
