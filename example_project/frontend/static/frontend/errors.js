// What the learner sees when a page does not exist or the API cannot be reached.

import { ApiError } from "./api.js";
import { h } from "./dom.js";

/** A screen that only tells the learner something: a heading and a few paragraphs; an
 * error is announced (role "alert"). */
export function messageScreen(kind, title, paragraphs, { error = false } = {}) {
  return {
    kind,
    title,
    content: h("div", { class: error ? "message message--error" : "message",
      role: error && "alert" },
    h("h1", {}, title), paragraphs.map((paragraph) => h("p", {}, paragraph))),
  };
}

export function notFoundScreen() {
  return messageScreen("not-found", "Pagina niet gevonden", [
    "Deze pagina bestaat niet (meer). Misschien is de module verplaatst of is het adres "
      + "niet helemaal goed overgenomen.",
    h("a", { href: "/" }, "Naar de startpagina van de leeromgeving")]);
}

export function errorScreen(error, retry) {
  const unreachable = error instanceof ApiError && error.kind === "unreachable";
  const title = unreachable ? "De leeromgeving is nu niet bereikbaar"
    : "Er ging iets mis bij het laden van deze pagina";
  return messageScreen("error", title, [
    unreachable
      ? "We krijgen geen verbinding met de server. Controleer je internetverbinding of "
        + "probeer het over een paar minuten opnieuw."
      : "De server gaf een onverwacht antwoord. Probeer het over een paar minuten opnieuw. "
        + "Blijft het misgaan? Laat het het Borgbureau weten.",
    h("button", { type: "button", class: "button", onclick: retry }, "Opnieuw proberen"),
  ], { error: true });
}
