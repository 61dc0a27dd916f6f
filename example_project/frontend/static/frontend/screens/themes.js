// The theme overview map: every theme in its colour with its modules and, for a
// specialist module, its parts. /themas/<slug>/ shows one theme (a start button's target).

import { cachedQuery } from "../api.js";
import { h, minutes, textColourOn } from "../dom.js";
import { NotFound } from "../errors.js";
import { icon } from "../icons.js";

export async function themeMapScreen(slug) {
  const { themes } = await cachedQuery("theme_map");
  const shown = slug ? themes.filter((theme) => theme.slug === slug) : themes;
  if (!shown.length) throw new NotFound();
  const title = slug ? shown[0].name : "Thema's";
  const content = h("div", { class: "theme-map" },
    h("h1", {}, title),
    slug ? h("p", {}, h("a", { href: "/themas/" }, "Alle thema's"))
      : h("p", { class: "lead" }, "Alle thema's van de leeromgeving, met hun modules en onderdelen."),
    h("ul", { class: "themes" }, shown.map((theme) => themeCard(theme, !slug))));
  return { kind: slug ? "theme" : "theme-map", title, content };
}

function themeCard(theme, linked) {
  const colour = theme.colour.hex;
  return h("li", { class: "theme", style: { borderColor: colour } },
    h("div", { class: "theme__band", style: { backgroundColor: colour, color: textColourOn(colour) } },
      icon(theme.icon?.slug),
      h("h2", {}, linked ? h("a", { href: `/themas/${theme.slug}/` }, theme.name) : theme.name)),
    theme.description && h("p", {}, theme.description),
    theme.modules.length
      ? h("ul", { class: "theme__modules" }, theme.modules.map(moduleEntry))
      : h("p", { class: "muted" }, "Nog geen modules bij dit thema."));
}

function moduleEntry(module) {
  return h("li", {},
    h("a", { href: module.path }, module.title),
    ` · ${minutes(module.estimatedDuration)}`,
    module.parts?.length > 0 && h("ol", {}, module.parts.map((part) =>
      h("li", {}, h("a", { href: part.path }, part.title)))));
}
