// A section (basic or specialist modules): intro and a tile per module.

import { h, richText } from "../dom.js";
import { moduleTile } from "../tiles.js";

export function sectionScreen(page) {
  const content = h("div", { class: "section" },
    h("h1", {}, page.title),
    richText(page.intro, "rich-text intro"),
    page.modules.length
      ? h("ul", { class: "tiles" }, page.modules.map(moduleTile))
      : h("p", {}, "Hier staan nog geen modules."));
  return { kind: "section", title: page.title, content, page };
}
