// A section: intro and a tile per module, which the learner can narrow down to their
// role; or, for a section of microlessons, a tile per microlesson with a filter by format.

import { query } from "../api.js";
import { h, richText } from "../dom.js";
import { FORMATS, microlessonTile } from "../microlessons.js";
import { filteredModules, filteredTiles, rolesOf } from "../tiles.js";

// Enough for a section's microlessons in one answer; the API pages them.
const MICROLESSONS_LIMIT = 100;

export async function sectionScreen(page) {
  const modules = page.modules;
  let list;
  if (modules.length) {
    list = await filteredModules(rolesOf(modules), async (role) => (role
      ? modules.filter((module) => module.audienceRoles.some((own) => own.slug === role))
      : modules), { empty: (role) => `Hier staan nog geen modules voor ${role}.` });
  } else {
    // A section without modules may hold microlessons (the API lists them all; these are
    // the ones below this section).
    const { microlessons } = await query("microlessons", { limit: MICROLESSONS_LIMIT });
    const lessons = microlessons.items.filter((lesson) => lesson.path.startsWith(page.path));
    list = lessons.length ? await microlessonList(lessons)
      : h("p", {}, "Hier staan nog geen modules.");
  }
  const content = h("div", { class: "section" },
    h("h1", {}, page.title),
    richText(page.intro, "rich-text intro"),
    list);
  return { kind: "section", title: page.title, content, page };
}

/** Microlesson tiles with a filter "Soort" (the formats among them, `?soort=quiz`). */
function microlessonList(lessons) {
  const present = new Set(lessons.map((lesson) => lesson.format));
  const formats = Object.entries(FORMATS).filter(([format]) => present.has(format))
    .map(([format, label]) => ({ slug: format.toLowerCase(), label }));
  const count = (number) => (number === 1 ? "1 microles" : `${number} microlessen`);
  return filteredTiles(formats, async (format) => (format
    ? lessons.filter((lesson) => lesson.format.toLowerCase() === format) : lessons), {
    parameter: "soort", label: "Soort microles", all: "Alle soorten",
    tile: (lesson) => microlessonTile(lesson),
    counted: (number, label) => (label ? `${count(number)}: ${label}` : count(number)),
    empty: (label) => `Hier staan nog geen microlessen van de soort ${label}.`,
    failed: "De microlessen konden niet worden geladen. Probeer het opnieuw.",
  });
}
