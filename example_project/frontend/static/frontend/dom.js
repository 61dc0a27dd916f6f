// Building the DOM safely: text is always set as text. Rich text from our own API
// (sanitised by Wagtail when the editor saved it) is the one thing set as HTML.

import { localHref } from "./links.js";

/**
 * h("a", {href: "/"}, "Start") creates an element with attributes and children. A style
 * is an object ({backgroundColor: "#fff"}), set through the CSSOM: the site's
 * Content-Security-Policy refuses style attributes.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "class") element.className = value;
    else if (name === "style") Object.assign(element.style, value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

/** Rich text from the API, with links to our own pages made local. */
export function richText(html, className = "rich-text") {
  const element = h("div", { class: className });
  element.innerHTML = html;
  for (const link of element.querySelectorAll("a[href]")) {
    link.setAttribute("href", localHref(link.getAttribute("href")));
  }
  return element;
}

/** "12 minuten", "1 minuut". */
export function minutes(count) {
  return `${count} ${count === 1 ? "minuut" : "minuten"}`;
}

/** "1:05" for 65 seconds. */
export function clock(seconds) {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

/** A paragraph with a label and a value, for the facts about a module or offer. */
export function fact(label, ...value) {
  return h("div", { class: "fact" }, h("dt", {}, label), h("dd", {}, ...value));
}

/** Black or white text, whichever reads better on the given background colour. */
export function textColourOn(hex) {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  const onWhite = 1.05 / (luminance + 0.05);
  const onBlack = (luminance + 0.05) / 0.05;
  return onWhite >= onBlack ? "#ffffff" : "#111111";
}
