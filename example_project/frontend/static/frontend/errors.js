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
  if (unreachable && navigator.onLine === false) return offlineScreen(retry);
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

/** Offline, a page the device did not keep (it was not opened before). */
function offlineScreen(retry) {
  return messageScreen("error", "Deze pagina is niet op dit apparaat bewaard", [
    "Je bent offline. Pagina's die je eerder op dit apparaat opende, kun je zonder "
      + "verbinding lezen en beluisteren; deze nog niet. Open hem opnieuw als je weer "
      + "verbinding hebt.",
    h("a", { href: "/" }, "Naar de startpagina van de leeromgeving"),
    h("button", { type: "button", class: "button", onclick: retry }, "Opnieuw proberen"),
  ], { error: true });
}
