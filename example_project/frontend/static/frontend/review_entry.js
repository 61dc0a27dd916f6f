// The start page's way into the daily review ("Dagelijkse herhaling"): how many exercises
// are due again today. Shown only when there are some; without a learner on this device,
// or when the count does not come, the start page does without it.

import { learnerToken, query } from "./api.js";
import { h } from "./dom.js";

/** The daily review's screen (router.js). */
export const REVIEW_PATH = "/dagelijkse-herhaling/";

/** The number of cards in today's review (docs/queries/daily_review_count.graphql), or
 * null: no learner on this device yet, or no answer. */
export async function dailyReviewCount() {
  if (!learnerToken()) return null;
  try {
    return (await query("daily_review_count")).me?.dailyReviewCount ?? null;
  } catch {
    return null;
  }
}

/** "1 oefening", "3 oefeningen". */
export function exercises(count) {
  return `${count} ${count === 1 ? "oefening" : "oefeningen"}`;
}

/** The entry on the start page, or null when nothing is due. */
export function reviewEntry(count) {
  if (!count) return null;
  return h("section", { class: "resume review-entry", "aria-labelledby": "review-entry-title" },
    h("h2", { id: "review-entry-title", class: "resume__title" }, "Dagelijkse herhaling"),
    h("p", {}, `Vandaag te herhalen: ${exercises(count)}. Zo onthoud je wat je leerde.`),
    h("p", {}, h("a", { href: REVIEW_PATH, class: "button resume__link" },
      "Start de herhaling")));
}
