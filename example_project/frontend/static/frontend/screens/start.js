// The start page: intro, the frame of coloured buttons and the feedback link.

import { cachedQuery, NotFound } from "../api.js";
import { h, richText, textColourOn } from "../dom.js";
import { icon } from "../icons.js";
import { me } from "../learner.js";
import { learnSiteOrigin, localHref } from "../links.js";
import { dailyReviewCount, reviewEntry } from "../review_entry.js";
import { myRoutes, routesSection } from "../route_tiles.js";

/** The start page; ``environment`` is given when the "page" query already fetched it
 * (its path, or a draft in preview), else the live start page is asked for. */
export async function startScreen(environment) {
  // Where the learner was, asked at the same time (only when this device has a learner).
  const progress = environment?.isPreview ? null : me();
  // And how many exercises are due again today, for the entry to the daily review.
  const reviews = environment?.isPreview ? null : dailyReviewCount();
  // The learning routes and the learner's progress on them, asked at the same time too.
  // Their queries are not in the shell, so they come below the buttons when they are
  // there, without holding up the first paint; the start page does without them when
  // they do not come.
  const routes = h("div", { class: "routes-place" });
  Promise.all([cachedQuery("routes"), myRoutes()]).then(([data, mine]) => {
    const section = routesSection(data.routes, mine);
    if (section) routes.replaceChildren(section);
  }, () => {});
  environment ??= (await cachedQuery("start_page")).learningEnvironment;
  if (!environment) throw new NotFound();
  for (const button of environment.buttons) {
    if (button.targetType === "PAGE") learnSiteOrigin(button.url);
  }
  const intro = richText(environment.intro, "rich-text intro");
  const content = h("div", { class: "start" },
    heading(intro, environment.title),
    intro,
    resume((await progress)?.resume),
    reviewEntry(await reviews),
    h("nav", { "aria-label": "Kies een onderwerp", class: "start-frame" },
      h("ul", { class: "start-buttons" }, environment.buttons.map(startButton))),
    routes,
    h("p", { class: "theme-map-link" },
      h("a", { href: "/themas/" }, "Overzichtskaart: alle thema's, modules en onderdelen")),
    environment.feedbackLink && h("p", { class: "feedback" },
      h("a", { href: environment.feedbackLink.url }, environment.feedbackLink.label)));
  return { kind: "start", title: environment.title, content, page: environment };
}

/** "Ga verder waar je was": the page the learner last worked on, while its module is not
 * done yet; with a way to all of their progress. */
function resume(last) {
  if (!last || last.moduleCompleted) return null;
  const inModule = last.module && last.module.id !== last.page.id;
  return h("section", { class: "resume", "aria-labelledby": "resume-title" },
    h("h2", { id: "resume-title", class: "resume__title" }, "Ga verder waar je was"),
    h("p", { class: "resume__page" }, h("a", { href: last.page.path, class: "button resume__link" },
      last.page.title)),
    inModule && h("p", { class: "resume__module" }, `Onderdeel van ${last.module.title}`),
    h("p", {}, h("a", { href: "/mijn-voortgang/" }, "Bekijk al je voortgang")));
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
