// What a microlesson is, said the same way on its tile and its screen: its format and
// length ("Podcast · 90 seconden"), and its theme.

import { h } from "./dom.js";
import { icon } from "./icons.js";

/** The formats in the order a learner chooses from them, with their Dutch names. */
export const FORMATS = { VIDEO: "Video", INFOGRAPHIC: "Infographic", QUIZ: "Quiz",
  PODCAST: "Podcast", TEXT: "Tekst" };

const FORMAT_ICONS = { VIDEO: "video", INFOGRAPHIC: "puzzle", QUIZ: "question",
  PODCAST: "headphones", TEXT: "book" };

/** "Podcast · 90 seconden". */
export function formatAndLength(lesson) {
  return `${FORMATS[lesson.format] || lesson.format} · ${lesson.length} seconden`;
}

/** The format's icon, decoration beside the words that say it. */
export function formatIcon(format) {
  return icon(FORMAT_ICONS[format]);
}

/** The theme's name with a dot in its colour (the name says it; the colour only helps). */
export function themeLabel(theme) {
  if (!theme) return null;
  return h("span", { class: "micro-theme" },
    theme.colour?.hex && h("span", { class: "micro-theme__dot", "aria-hidden": "true",
      style: { backgroundColor: theme.colour.hex } }),
    theme.name);
}

/** A microlesson's tile; its title a heading of the given level. */
export function microlessonTile(lesson, heading = "h2") {
  return h("li", { class: "tile tile--micro stretched", "data-done-id": lesson.id,
    "data-done-kind": "page" },
  h("p", { class: "tile__format" }, formatIcon(lesson.format),
    h("span", { "data-done-slot": true }, formatAndLength(lesson))),
  h(heading, { class: "tile__title" }, h("a", { href: lesson.path }, lesson.title)),
  lesson.theme && h("p", { class: "tile__meta" }, "Thema: ", themeLabel(lesson.theme)),
  lesson.summary && h("p", {}, lesson.summary));
}
