// The start page: intro, the frame of coloured buttons and the feedback link.

import { cachedQuery, NotFound } from "../api.js";
import { h, richText, textColourOn } from "../dom.js";
import { icon } from "../icons.js";
import { learnSiteOrigin, localHref } from "../links.js";

/** The start page; ``environment`` is given when the "page" query already fetched it
 * (its path, or a draft in preview), else the live start page is asked for. */
export async function startScreen(environment) {
  environment ??= (await cachedQuery("start_page")).learningEnvironment;
  if (!environment) throw new NotFound();
  for (const button of environment.buttons) {
    if (button.targetType === "PAGE") learnSiteOrigin(button.url);
  }
  const intro = richText(environment.intro, "rich-text intro");
  const content = h("div", { class: "start" },
    heading(intro, environment.title),
    intro,
    h("nav", { "aria-label": "Kies een onderwerp", class: "start-frame" },
      h("ul", { class: "start-buttons" }, environment.buttons.map(startButton))),
    h("p", { class: "theme-map-link" },
      h("a", { href: "/themas/" }, "Overzichtskaart: alle thema's, modules en onderdelen")),
    environment.feedbackLink && h("p", { class: "feedback" },
      h("a", { href: environment.feedbackLink.url }, environment.feedbackLink.label)));
  return { kind: "start", title: environment.title, content, page: environment };
}

/** The page's one main heading: the intro's own when it starts with one (a welcome),
 * which then leaves the intro, else the page's title. */
function heading(intro, title) {
  const first = intro.firstElementChild;
  if (first?.matches("h1, h2, h3")) {
    first.remove();
    return h("h1", {}, first.textContent);
  }
  return h("h1", {}, title);
}

function startButton(button) {
  const href = button.targetType === "THEME" ? `/themas/${button.theme.slug}/`
    : localHref(button.url);
  const external = button.targetType === "URL";
  const colour = button.colour?.hex || "#4a4a4a";
  const label = [button.label, external && h("span", { class: "visually-hidden" },
    " (andere website)")];
  const content = [icon(button.icon?.slug), h("span", { class: "start-button__label" }, label)];
  const style = { backgroundColor: colour, color: textColourOn(colour) };
  return h("li", {},
    href ? h("a", { class: "start-button", href, style }, content)
      : h("span", { class: "start-button start-button--disabled", style }, content));
}
