// What the learner sees when a page does not exist or the API cannot be reached.

import { ApiError } from "./api.js";
import { h } from "./dom.js";

export class NotFound extends Error {}

export function notFoundScreen() {
  return {
    kind: "not-found",
    title: "Pagina niet gevonden",
    content: h("div", { class: "message" },
      h("h1", {}, "Pagina niet gevonden"),
      h("p", {}, "Deze pagina bestaat niet (meer). Misschien is de module verplaatst of is "
        + "het adres niet helemaal goed overgenomen."),
      h("p", {}, h("a", { href: "/" }, "Naar de startpagina van de leeromgeving"))),
  };
}

export function errorScreen(error, retry) {
  const unreachable = error instanceof ApiError && error.kind === "unreachable";
  const title = unreachable ? "De leeromgeving is nu niet bereikbaar"
    : "Er ging iets mis bij het laden van deze pagina";
  return {
    kind: "error",
    title,
    content: h("div", { class: "message message--error", role: "alert" },
      h("h1", {}, title),
      h("p", {}, unreachable
        ? "We krijgen geen verbinding met de server. Controleer je internetverbinding of "
          + "probeer het over een paar minuten opnieuw."
        : "De server gaf een onverwacht antwoord. Probeer het over een paar minuten opnieuw. "
          + "Blijft het misgaan? Laat het het Borgbureau weten."),
      h("p", {}, h("button", { type: "button", class: "button", onclick: retry },
        "Opnieuw proberen"))),
  };
}
