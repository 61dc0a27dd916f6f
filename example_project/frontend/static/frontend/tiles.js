// Tiles that link to a module or a module part, shared by the list screens.

import { h, minutes } from "./dom.js";
import { icon } from "./icons.js";

const KINDS = { BASIC: "Basismodule", SPECIALIST: "Specialistische module" };

export function moduleTile(module) {
  const image = module.image?.rendition;
  return h("li", { class: "tile" },
    image && h("img", { src: image.url, width: image.width, height: image.height, alt: "",
      loading: "lazy", class: "tile__image" }),
    h("h2", { class: "tile__title" }, h("a", { href: module.path }, module.title)),
    h("p", { class: "tile__meta" }, `${KINDS[module.kind]} · ${minutes(module.estimatedDuration)}`),
    module.summary && h("p", {}, module.summary));
}

export function partTile(part) {
  return h("li", { class: "tile tile--part" },
    h("span", { class: "tile__icon" }, icon(part.icon?.slug)),
    h("h3", { class: "tile__title" },
      h("a", { href: part.path }, part.title)),
    h("p", { class: "tile__meta" }, minutes(part.estimatedDuration)),
    part.summary && h("p", {}, part.summary));
}
