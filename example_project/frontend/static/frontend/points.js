// The learner's points and level in the site's header ("★ 120 · Niveau 3"), a link to
// "Mijn punten en badges". Loaded after the first screen, so it never holds it up; shown
// only on a device with a learner who has points, in a place the header keeps free for it
// (nothing moves when it appears). After each thing that may pay points (an answer, a
// completion, a review: the "borg:progressed" event) the total is asked again, and a total
// that rose is said politely: "+10 punten". The numbers are the API's, never guessed.

import { learnerToken, query } from "./api.js";
import { h } from "./dom.js";

const SAID_FOR_MS = 5000;

// The total shown, and the token of the learner it belongs to (null: none on this device).
let total = null;
let owner = null;
let asking = null;
let again = false;
let quiet = null;

/** Start following the learner's points (once; app.js calls it after each screen). The
 * promise settles when the first total is known: what a screen records waits for it, so
 * a rise it pays is measured from a total asked before it. */
export function follow() {
  if (!follow.started) {
    document.addEventListener("borg:progressed", () => refresh(true));
    // A learner started by what they just did (or one forgotten, or another one).
    document.addEventListener("borg:learner", () => refresh(true));
    follow.started = refresh(false);
  }
  return follow.started;
}

/** Ask the points again; `tell`: say a rise ("+10 punten"). Requests overlapping one on
 * its way make one more after it, not one each. */
async function refresh(tell) {
  if (asking) {
    again ||= tell;
    return;
  }
  asking = (async () => {
    const token = learnerToken();
    const points = await myPoints();
    // A device without a learner had no points; another learner's total is no "before".
    const before = owner === token ? total : owner === null ? 0 : null;
    owner = token;
    total = points?.total ?? null;
    show(points);
    if (tell && before !== null && total > before) say(`+${total - before} punten`);
  })();
  try {
    await asking;
  } finally {
    asking = null;
  }
  if (again) {
    const tellAgain = again;
    again = false;
    refresh(tellAgain);
  }
}

/** docs/queries/my_level.graphql, or null: no learner on this device, or no answer. */
async function myPoints() {
  if (!learnerToken()) return null;
  try {
    return (await query("my_level")).me?.points || null;
  } catch {
    return null;
  }
}

function show(points) {
  const link = document.getElementById("site-points");
  if (!link) return;
  if (!points?.total) {
    link.hidden = true;
    link.replaceChildren();
    return;
  }
  link.replaceChildren(
    h("span", { "aria-hidden": "true", class: "site-points__star" }, "★"), " ",
    String(points.total), h("span", { class: "visually-hidden" }, " punten"),
    h("span", { class: "site-points__level" }, ` · Niveau ${points.level.number}`));
  link.hidden = false;
}

/** A polite word in the header's own status region, gone after a while. */
function say(text) {
  const status = document.getElementById("points-status");
  if (!status) return;
  status.textContent = text;
  clearTimeout(quiet);
  quiet = setTimeout(() => { status.textContent = ""; }, SAID_FOR_MS);
}
