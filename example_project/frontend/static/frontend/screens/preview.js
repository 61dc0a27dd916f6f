// A draft shown to an editor who clicked "Preview" in the Wagtail admin.

import { ApiError, query } from "../api.js";
import { h } from "../dom.js";
import { messageScreen } from "../errors.js";
import { pageToScreen } from "./page.js";

export async function previewScreen(token) {
  let page;
  try {
    ({ page } = await query("page", { previewToken: token }));
  } catch (error) {
    if (error instanceof ApiError && error.kind === "query") return expired();
    throw error;
  }
  // Its exercises are judged with the token: the draft's, not the published ones.
  if (page) page.previewToken = token;
  const screen = await pageToScreen(page);
  screen.content.prepend(h("div", { class: "preview-banner", role: "note" },
    h("strong", {}, "Voorbeeld / concept"),
    " Je bekijkt een versie die nog niet is gepubliceerd. Bezoekers van de leeromgeving zien deze nog niet."));
  return { ...screen, kind: "preview", title: `Voorbeeld: ${screen.title}` };
}

function expired() {
  return messageScreen("preview", "Voorbeeld niet beschikbaar", [
    "Deze voorbeeldlink is verlopen of klopt niet. Klik in de beheeromgeving opnieuw op "
      + "'Voorbeeld' om een nieuwe link te krijgen."]);
}
