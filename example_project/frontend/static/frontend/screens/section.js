// A section (basic or specialist modules): intro and a tile per module, which the
// learner can narrow down to their role.

import { h, richText } from "../dom.js";
import { filteredModules, rolesOf } from "../tiles.js";

export async function sectionScreen(page) {
  const modules = page.modules;
  const list = modules.length
    ? await filteredModules(rolesOf(modules), async (role) => (role
      ? modules.filter((module) => module.audienceRoles.some((own) => own.slug === role))
      : modules), { empty: (role) => `Hier staan nog geen modules voor ${role}.` })
    : h("p", {}, "Hier staan nog geen modules.");
  const content = h("div", { class: "section" },
    h("h1", {}, page.title),
    richText(page.intro, "rich-text intro"),
    list);
  return { kind: "section", title: page.title, content, page };
}
