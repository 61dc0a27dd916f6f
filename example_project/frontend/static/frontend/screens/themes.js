// The overview map ("overzichtskaart"): every theme in its colour, branching to its
// modules and, for a specialist module, its parts. /themas/<slug>/ shows one theme (a
// start button's target) with its modules, microlessons and offers.

import { cachedQuery, NotFound, query } from "../api.js";
import { h, minutes, textColourOn } from "../dom.js";
import { icon } from "../icons.js";
import { markDone } from "../learner.js";
import { microlessonTile } from "../microlessons.js";
import { filteredModules, rolesOf } from "../tiles.js";
import { offer } from "./catalogue.js";

// Offers shown on a theme's screen; the catalogue has the rest.
const OFFERS = 5;
// Microlessons shown on a theme's screen; the microlearning section has them all.
const MICROLESSONS = 6;

export async function themeMapScreen(slug) {
  const { themes } = await cachedQuery("theme_map");
  if (slug) {
    const theme = themes.find((candidate) => candidate.slug === slug);
    if (!theme) throw new NotFound();
    return themeScreen(theme);
  }
  const content = h("div", { class: "theme-map" },
    h("h1", {}, "Overzichtskaart"),
    h("p", { class: "lead" }, "Alle thema's van de leeromgeving, elk in zijn kleur, met hun "
      + "modules en bij een specialistische module de onderdelen."),
    h("ul", { class: "map" }, themes.map(mapTheme)));
  markDone(content);
  return { kind: "theme-map", title: "Overzichtskaart", content };
}

/** One theme (a start button's target): its modules, which the learner can narrow down
 * to their role (the API's `modules(theme:, role:)`), its microlessons and the
 * catalogue's offers on it, so that a theme without modules yet still leads somewhere. */
async function themeScreen(theme) {
  const modules = (role) => cachedQuery("modules", role ? { theme: theme.slug, role }
    : { theme: theme.slug }).then((data) => data.modules.items);
  const [all, { catalogue }, { learningEnvironment }, { microlessons }] = await Promise.all([
    modules(""),
    query("catalogue", { theme: theme.slug, limit: OFFERS }),
    cachedQuery("start_page"),
    query("microlessons", { theme: theme.slug, limit: MICROLESSONS })]);
  const cataloguePage = learningEnvironment?.children
    .find((child) => child.__typename === "LearningCataloguePage");
  const colour = theme.colour.hex;
  const hasOffers = catalogue.items.length > 0;
  const content = h("div", { class: "theme-screen" },
    h("div", { class: "theme__band theme-screen__band",
      style: { backgroundColor: colour, color: textColourOn(colour) } },
    icon(theme.icon?.slug), h("h1", {}, theme.name)),
    h("p", {}, h("a", { href: "/themas/" }, "Alle thema's")),
    theme.description && h("p", { class: "lead" }, theme.description),
    h("section", { "aria-labelledby": "theme-modules-title" },
      h("h2", { id: "theme-modules-title" }, "Modules"),
      all.length
        ? await filteredModules(rolesOf(all), modules, { heading: "h3",
          empty: (role) => `Bij dit thema is nog geen module voor ${role}.` })
        : h("p", {}, "Er zijn nog geen modules bij dit thema.",
          hasOffers && " Wel is er opleidingsaanbod van andere aanbieders, hieronder.")),
    microlessons.items.length > 0 && h("section", { "aria-labelledby": "theme-micro-title" },
      h("h2", { id: "theme-micro-title" }, "Microlessen bij dit thema"),
      h("p", {}, "Korte lessen van een halve minuut tot twee minuten."),
      h("ul", { class: "tiles" },
        microlessons.items.map((lesson) => microlessonTile(lesson, "h3")))),
    hasOffers && h("section", { class: "theme-offers", "aria-labelledby": "theme-offers-title" },
      h("h2", { id: "theme-offers-title" }, "Opleidingsaanbod bij dit thema"),
      h("p", {}, "Trainingen en e-learnings van andere aanbieders over dit thema."),
      h("ul", { class: "offers" }, catalogue.items.map((item) => offer(item, "h3"))),
      cataloguePage && h("p", {}, h("a", { href: `${cataloguePage.path}?thema=${theme.slug}` },
        `Al het aanbod over ${theme.name}`,
        catalogue.totalCount > catalogue.items.length && ` (${catalogue.totalCount})`))),
    h("p", { class: "back-link" }, h("a", { href: "/" }, "Terug naar de startpagina")));
  return { kind: "theme", title: theme.name, content };
}

/** A theme in its colour with its modules and their parts. */
const KINDS = { BASIC: "Basismodule", SPECIALIST: "Specialistische module" };

/** A theme on the map: a band in its colour, and a line in that colour that branches to
 * each module and from a specialist module to each of its parts. */
function mapTheme(theme) {
  const colour = theme.colour.hex;
  const line = { borderColor: colour };
  return h("li", { class: "map__theme", style: line },
    h("div", { class: "theme__band", style: { backgroundColor: colour, color: textColourOn(colour) } },
      icon(theme.icon?.slug),
      h("h2", {}, h("a", { href: `/themas/${theme.slug}/` }, theme.name))),
    theme.description && h("p", { class: "map__description" }, theme.description),
    theme.modules.length
      ? h("ul", { class: "map__modules", style: line }, theme.modules.map((module) =>
        h("li", { class: "map__module", style: line },
          h("a", { href: module.path, class: "map__node", style: line,
            "data-done-id": module.id, "data-done-kind": "module" },
          h("span", { class: "map__title" }, module.title),
          h("span", { class: "map__meta", "data-done-slot": true },
            `${KINDS[module.kind] || "Module"} · ${minutes(module.estimatedDuration)}`)),
          module.parts?.length > 0 && h("ol", { class: "map__parts", style: line },
            module.parts.map((part) => h("li", { style: line },
              h("a", { href: part.path, class: "map__node map__node--part", style: line,
                "data-done-id": part.id, "data-done-module": module.id },
                icon(part.icon?.slug), h("span", { class: "map__title" }, part.title))))))))
      : h("p", { class: "map__empty" }, "Nog geen modules bij dit thema. ",
        h("a", { href: `/themas/${theme.slug}/` }, "Bekijk het opleidingsaanbod erover")));
}
