// A microlesson: a unit of 30 to 120 seconds in one format. Its title, format and
// length, theme and blocks; progress is recorded as for a module part (tracking.js), and
// the learner goes back to the section that lists them (or to the route it is a step of).

import { blocks } from "../blocks.js";
import { fact, h } from "../dom.js";
import { formatAndLength, formatIcon, themeLabel } from "../microlessons.js";
import { backToRoute } from "../route_back.js";

/** The screen of a microlesson from the "page" query (by its path, or a draft by its
 * preview token). */
export function microlessonScreen(page) {
  const body = blocks(page.body, page);
  if (page.format === "INFOGRAPHIC") describeInfographic(body);
  const section = page.path.replace(/[^/]+\/$/, "");
  const content = h("article", { class: `module microlesson microlesson--${
    page.format.toLowerCase()}` },
  h("header", { class: "module__header" },
    h("p", { class: "module__parent" }, h("a", { href: section }, "Alle microlessen")),
    h("p", { class: "microlesson__format" }, formatIcon(page.format), formatAndLength(page)),
    h("h1", {}, page.title),
    h("p", { class: "page-done" }),
    page.summary && h("p", { class: "lead" }, page.summary),
    page.theme && h("dl", { class: "facts" },
      fact("Thema", h("a", { href: `/themas/${page.theme.slug}/` }, themeLabel(page.theme))))),
  body,
  !page.isPreview && backToRoute(),
  h("p", { class: "back-link" }, h("a", { href: section }, "Terug naar alle microlessen")));
  return { kind: "microlesson", title: page.title, content, page };
}

/** An infographic's image is described by the text block after it: the long description
 * a screen reader reaches from the image, and that stands beside it on a wide screen. */
function describeInfographic(body) {
  const image = body.querySelector(".block--LearningImageBlock img");
  const description = body.querySelector(".block--LearningImageBlock ~ .block--LearningTextBlock");
  if (!image || !description) return;
  description.id = "infographic-description";
  description.prepend(h("h2", { class: "microlesson__described" }, "Wat de infographic laat zien"));
  image.setAttribute("aria-describedby", description.id);
  body.classList.add("blocks--infographic");
}
