// Search results across modules, module parts and catalogue offers.

import { query } from "../api.js";
import { h } from "../dom.js";

export async function searchScreen(words) {
  const form = h("form", { action: "/zoeken/", "data-route": true, role: "search",
    class: "search-form" },
  h("label", { for: "search-words" }, "Zoek in modules en opleidingsaanbod"),
  h("div", { class: "search-form__row" },
    h("input", { id: "search-words", name: "q", type: "search", value: words }),
    h("button", { type: "submit", class: "button" }, "Zoeken")));
  const content = h("div", { class: "search" }, h("h1", {}, "Zoeken"), form);
  if (words.trim()) {
    const { search } = await query("search", { query: words, limit: 50 });
    content.append(
      h("p", { class: "search__count" }, search.totalCount === 1
        ? `1 resultaat voor '${words}'` : `${search.totalCount} resultaten voor '${words}'`),
      search.items.length
        ? h("ul", { class: "results" }, search.items.map(result))
        : h("p", {}, "Niets gevonden. Probeer een ander of korter woord."));
  }
  return { kind: "search", title: words ? `Zoeken: ${words}` : "Zoeken", content };
}

const KINDS = {
  LearningBasicModulePage: () => "Basismodule",
  LearningSpecialistModulePage: () => "Specialistische module",
  LearningModulePartPage: (item) => `Onderdeel van ${item.module?.title}`,
  LearningOffering: (item) => `Opleidingsaanbod van ${item.provider.name}`,
};

function result(item) {
  const external = item.__typename === "LearningOffering";
  return h("li", { class: "result stretched" },
    h("p", { class: "result__kind" }, KINDS[item.__typename]?.(item) || ""),
    h("h2", { class: "result__title" }, h("a", { href: external ? item.url : item.path },
      item.title, external && h("span", { class: "visually-hidden" }, " (website van de aanbieder)"))),
    item.summary && h("p", {}, item.summary));
}
