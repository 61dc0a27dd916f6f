// Module screens: a basic module (one page of blocks), the start page of a specialist
// module (explanation and part tiles) and a module part (blocks). Each shows its
// duration, development group and copyright.

import { cachedQuery } from "../api.js";
import { blocks } from "../blocks.js";
import { fact, h, minutes, richText } from "../dom.js";
import { icon } from "../icons.js";
import { markDone } from "../learner.js";
import { backToRoute } from "../route_back.js";

export function basicModuleScreen(page) {
  const content = h("article", { class: "module" },
    moduleHeader(page),
    objectives(page),
    blocks(page.body, page),
    !page.isPreview && backToRoute(),
    credits(page),
    evaluationSlot(page));
  return { kind: "module", title: page.title, content, page };
}

export function specialistModuleScreen(page) {
  const content = h("article", { class: "module" },
    moduleHeader(page),
    richText(page.explanation),
    objectives(page),
    h("section", { "aria-labelledby": "parts-title" },
      h("h2", { id: "parts-title" }, "Onderdelen"),
      h("p", {}, "Kies zelf met welk onderdeel je begint."),
      h("ol", { class: "tiles tiles--parts" }, page.parts.map((part) => partTile(part, page)))),
    !page.isPreview && backToRoute(),
    credits(page),
    evaluationSlot(page));
  // The parts done, and the module when all are (asked after the screen is there).
  if (!page.isPreview) markDone(content);
  return { kind: "module", title: moduleName(page), content, page };
}

export async function partScreen(page) {
  const module = page.module;
  // Where this part is among its module's parts; the module's page is the one the
  // evaluation asks for as well. Without it the part is still worth reading.
  const parts = module ? await cachedQuery("page", { id: module.id })
    .then((data) => data.page?.parts || [], () => []) : [];
  const index = parts.findIndex((part) => part.id === page.id);
  const next = index >= 0 ? parts[index + 1] : null;
  const content = h("article", { class: "module module--part" },
    h("header", { class: "module__header" },
      module && h("p", { class: "module__parent" }, "Onderdeel van ",
        h("a", { href: module.path }, module.title)),
      index >= 0 && h("p", { class: "module__position" },
        `Onderdeel ${index + 1} van ${parts.length}`),
      h("h1", {}, page.title),
      h("p", { class: "page-done" }),
      page.summary && h("p", { class: "lead" }, page.summary),
      h("dl", { class: "facts" },
        fact("Duur", duration(page)),
        module && fact("Copyright", `© ${module.copyrightHolder}`))),
    blocks(page.body, page),
    next && h("nav", { class: "next-part", "aria-label": "Volgende onderdeel" },
      h("a", { href: next.path, class: "button next-part__link" },
        h("span", { class: "next-part__label" }, "Volgende onderdeel"), " ",
        h("span", { class: "next-part__title" }, next.title))),
    !page.isPreview && backToRoute(),
    module && h("p", { class: "back-link" },
      h("a", { href: module.path }, `Terug naar ${module.title}`)),
    evaluationSlot(page));
  return { kind: "part", title: page.title, content, page };
}

function partTile(part, module) {
  return h("li", { class: "tile tile--part stretched", "data-done-id": part.id,
    "data-done-module": module.id },
  h("span", { class: "tile__icon" }, icon(part.icon?.slug)),
  h("h3", { class: "tile__title" },
    h("a", { href: part.path }, part.title)),
  h("p", { class: "tile__meta", "data-done-slot": true }, minutes(part.estimatedDuration)),
  part.summary && h("p", {}, part.summary));
}

/** An empty, hidden place for the evaluation at the screen's end; evaluation.js fills it
 * once the screen is shown (app.js loads it then). */
function evaluationSlot(page) {
  return h("section", { id: "evaluation", class: "evaluation", hidden: true,
    "data-page-id": page.id, "data-page-type": page.__typename });
}

function moduleHeader(page) {
  const image = page.image?.rendition;
  return h("header", { class: "module__header" },
    h("p", { class: "module__kind" },
      page.kind === "SPECIALIST" ? "Specialistische module" : "Basismodule"),
    h("h1", {}, moduleName(page)),
    h("p", { class: "page-done", "data-done-id": page.id, "data-done-kind": "module",
      "data-done-slot": true }),
    page.summary && h("p", { class: "lead" }, page.summary),
    image && h("img", { class: "module__image", src: image.url, srcset: page.image.srcset,
      sizes: "(min-width: 60rem) 48rem, 100vw", width: image.width, height: image.height,
      alt: "" }),
    h("dl", { class: "facts" },
      fact("Duur", duration(page)),
      page.developmentGroup && fact("Ontwikkeld door", page.developmentGroup.name),
      fact("Copyright", `© ${page.copyrightHolder}`),
      page.audienceRoles.length > 0
        && fact("Voor", page.audienceRoles.map((role) => role.label).join(", ")),
      page.themes.length > 0 && fact("Thema's", joined(page.themes.map((theme) =>
        h("a", { href: `/themas/${theme.slug}/` }, theme.name)))),
      page.lastReviewed && fact("Inhoud gecontroleerd", date(page.lastReviewed))));
}

/** How long it takes, said once: "5 minuten" when the estimate is the fixed duration,
 * else "ongeveer 12 minuten, hoogstens 15". */
function duration(page) {
  const estimate = page.estimatedDuration;
  const target = page.targetDuration;
  if (estimate === target || !estimate) return minutes(target);
  if (!target || estimate > target) return `ongeveer ${minutes(estimate)}`;
  return `ongeveer ${minutes(estimate)}, hoogstens ${target}`;
}

/** A module's name as a heading: a specialist module, one per theme, often has the
 * theme's abbreviation as its title ("SGG"); then the theme's full name says more. */
function moduleName(page) {
  if (page.kind !== "SPECIALIST") return page.title;
  const title = page.title.trim();
  const theme = page.themes.find((candidate) => candidate.slug === title.toLowerCase()
    || candidate.name.endsWith(`(${title})`));
  return theme && theme.name.length > title.length ? theme.name : page.title;
}

function objectives(page) {
  if (!page.learningObjectives.length) return null;
  return h("section", { class: "objectives", "aria-labelledby": "objectives-title" },
    h("h2", { id: "objectives-title" }, "Wat leer je?"),
    h("ul", {}, page.learningObjectives.map((objective) => h("li", {}, objective))));
}

function credits(page) {
  const group = page.developmentGroup;
  return h("section", { class: "credits", "aria-labelledby": "credits-title" },
    h("h2", { id: "credits-title" }, "Over deze module"),
    group && h("p", {}, `Deze module is geschreven door de ${group.name}. ${group.description}`),
    group?.members.length > 0 && h("ul", {}, group.members.map((member) =>
      h("li", {}, `${member.name}, ${member.role}`))),
    h("p", {}, `© ${page.copyrightHolder}`));
}

function joined(nodes) {
  return nodes.flatMap((node, i) => (i ? [", ", node] : [node]));
}

function date(iso) {
  return new Date(`${iso}T12:00:00`).toLocaleDateString("nl-NL",
    { day: "numeric", month: "long", year: "numeric" });
}
