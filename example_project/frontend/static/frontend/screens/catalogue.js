// The catalogue page: the editor's intro, filters and text search, and the offers one
// page at a time. The filters live in the URL, so a filtered list can be shared, and each
// filter state and page is a history entry of its own: Back undoes the last change.

import { cachedQuery, query } from "../api.js";
import { fact, h, richText } from "../dom.js";
import { pushUrl } from "../history.js";

const PAGE_SIZE = 5;
const FORMATS = {
  E_LEARNING: "E-learning", CLASSROOM: "Klassikaal", BLENDED: "Blended",
  WEBINAR: "Webinar", PODCAST: "Podcast",
};
const ACCESS = { FREE: "Gratis", MEMBERSHIP: "Met lidmaatschap", PAID: "Betaald" };
// URL parameter (Dutch, for people) -> GraphQL variable.
const FILTERS = { zoek: "search", aanbieder: "provider", thema: "theme",
  doelgroep: "targetGroup", vorm: "format", gratis: "free" };

export async function catalogueScreen(page) {
  const [first, { themes }] = await Promise.all([
    query("catalogue", variables(new URLSearchParams(location.search))),
    cachedQuery("theme_map")]);
  const results = h("div", { class: "catalogue__results" });
  const form = filterForm(first, themes, (params) => update(params));
  const count = h("p", { class: "catalogue__count", role: "status", tabindex: "-1" });

  // Two filters changed quickly send two requests whose answers may come back in either
  // order: only the answer to the latest one is shown.
  let latest = 0;
  async function update(params) {
    const request = ++latest;
    pushUrl(params.size ? `?${params}` : location.pathname);
    results.setAttribute("aria-busy", "true");
    let data = null;
    try {
      data = await query("catalogue", variables(params));
    } catch {
      data = null;
    }
    if (request !== latest) return;
    if (data) show(data, params);
    else count.textContent = "Het aanbod kon niet worden geladen. Probeer het opnieuw.";
    results.removeAttribute("aria-busy");
  }

  function show(data, params) {
    const { totalCount, items } = data.catalogue;
    const pageNumber = Number(params.get("pagina") || 1);
    const pages = Math.max(1, Math.ceil(totalCount / PAGE_SIZE));
    count.textContent = totalCount === 1 ? "1 resultaat" : `${totalCount} resultaten`;
    // replaceChildren() would write a `false` as text: leave the pager out instead.
    results.replaceChildren(
      items.length ? h("ul", { class: "offers" }, items.map((item) => offer(item)))
        : h("p", {}, "Geen aanbod gevonden. Probeer minder filters of andere woorden."),
      ...(pages > 1 ? [pager(pageNumber, pages, params, async (next) => {
        await update(next);
        count.focus();  // the pressed button may be gone; continue at the new list
      })] : []));
  }

  show(first, new URLSearchParams(location.search));
  const content = h("div", { class: "catalogue" },
    h("h1", {}, page.title),
    richText(page.intro, "rich-text intro"),
    form, count, results);
  return { kind: "catalogue", title: page.title, content, page };
}

function variables(params) {
  const result = { limit: PAGE_SIZE, offset: (Number(params.get("pagina") || 1) - 1) * PAGE_SIZE };
  for (const [name, variable] of Object.entries(FILTERS)) {
    const value = params.get(name);
    if (value) result[variable] = variable === "free" ? true : value;
  }
  return result;
}

function filterForm(data, themes, apply) {
  const params = new URLSearchParams(location.search);
  const choose = (name, label, choices) => {
    const select = h("select", { id: `filter-${name}`, name },
      h("option", { value: "" }, "Alle"),
      choices.map(([value, text]) => h("option",
        { value, selected: params.get(name) === value }, text)));
    return h("div", { class: "field" }, h("label", { for: select.id }, label), select);
  };
  const form = h("form", { class: "filters", role: "search", "aria-label": "Aanbod filteren" },
    h("div", { class: "field field--search" },
      h("label", { for: "filter-zoek" }, "Zoek in het aanbod"),
      h("input", { id: "filter-zoek", name: "zoek", type: "search",
        value: params.get("zoek") || "" })),
    choose("aanbieder", "Aanbieder", data.providers.map((p) => [p.id, p.name])),
    choose("thema", "Thema", themes.map((t) => [t.slug, t.name])),
    // The client population an offer is about; who takes the offer is its roles ("Voor").
    choose("doelgroep", "Cliëntengroep", data.targetGroups.map((g) => [g.slug, g.label])),
    choose("vorm", "Vorm", Object.entries(FORMATS)),
    h("div", { class: "field field--check" },
      h("input", { id: "filter-gratis", name: "gratis", type: "checkbox", value: "1",
        checked: params.has("gratis") }),
      h("label", { for: "filter-gratis" }, "Alleen gratis aanbod")),
    h("div", { class: "filters__actions" },
      h("button", { type: "submit", class: "button" }, "Zoeken"),
      h("button", { type: "reset", class: "button button--secondary" }, "Wis filters")));
  const current = () => {
    const chosen = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (value) chosen.set(name, value);
    return chosen;
  };
  form.addEventListener("submit", (event) => { event.preventDefault(); apply(current()); });
  // A changed filter applies at once; typed words wait for Enter or the button.
  form.addEventListener("change", (event) => {
    if (event.target.type !== "search") apply(current());
  });
  form.addEventListener("reset", () => setTimeout(() => apply(current())));
  return form;
}

/** One offer as a list item; its title a heading of the given level. */
export function offer(item, heading = "h2") {
  const provider = item.provider;
  return h("li", { class: "offer" },
    h(heading, { class: "offer__title" }, h("a", { href: item.url }, item.title,
      h("span", { class: "visually-hidden" }, " (website van de aanbieder)"))),
    h("p", { class: "offer__provider" }, provider.name,
      provider.isMemberInstitution && h("span", { class: "badge" }, "Borg-instelling")),
    h("p", {}, item.summary),
    h("dl", { class: "facts" },
      fact("Vorm", FORMATS[item.format] || item.format),
      item.durationMinutes > 0 && fact("Duur", hours(item.durationMinutes)),
      fact("Kosten", cost(item, provider)),
      item.accreditationPoints > 0 && fact("Accreditatie",
        `${item.accreditationPoints} punten ${item.accreditationRegister}`.trim()),
      item.audienceRoles.length > 0 && fact("Voor",
        item.audienceRoles.map((role) => role.label).join(", ")),
      item.targetGroups.length > 0 && fact("Cliëntengroep",
        item.targetGroups.map((group) => group.label).join(", ")),
      item.themes.length > 0 && fact("Thema's", item.themes.map((theme) => theme.name).join(", "))),
    provider.accessNote && h("p", { class: "offer__note" }, provider.accessNote),
    item.chapters.length > 0 && h("details", {},
      h("summary", {}, "Inhoud"),
      h("ol", {}, item.chapters.map((chapter) => h("li", {}, chapter.title,
        chapter.description && h("span", { class: "offer__chapter" }, ` – ${chapter.description}`))))));
}

function cost(item, provider) {
  if (item.cost === 0) return "Gratis";
  if (item.cost) return `€ ${item.cost.toLocaleString("nl-NL", { minimumFractionDigits: 2 })}`;
  return ACCESS[provider.access] === "Gratis" ? "Gratis" : `${ACCESS[provider.access]}, op aanvraag`;
}

function hours(minutes) {
  if (minutes < 60) return `${minutes} minuten`;
  const count = Math.round(minutes / 6) / 10;
  return `${String(count).replace(".", ",")} uur`;
}

function pager(pageNumber, pages, params, go) {
  const to = (number) => () => {
    const next = new URLSearchParams(params);
    if (number > 1) next.set("pagina", number); else next.delete("pagina");
    go(next);
  };
  return h("nav", { class: "pager", "aria-label": "Pagina's van het aanbod" },
    pageNumber > 1 && h("button", { type: "button", class: "button button--secondary",
      onclick: to(pageNumber - 1) }, "Vorige"),
    h("span", {}, `Pagina ${pageNumber} van ${pages}`),
    pageNumber < pages && h("button", { type: "button", class: "button button--secondary",
      onclick: to(pageNumber + 1) }, "Volgende"));
}
