// The place at the end of each module and module part where the evaluation
// questionnaire will go. Empty and hidden for now; one module fills it later.

import { h } from "./dom.js";

export function evaluationSlot(page) {
  return h("section", { id: "evaluation", class: "evaluation", hidden: true,
    "data-page-id": page.id, "data-page-type": page.__typename });
}
