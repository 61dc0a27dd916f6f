// Counting visits: every learning page shown (start page, section, module, part,
// catalogue) is reported once with navigator.sendBeacon, which outlives the learner
// leaving and, with a text body, needs no CORS preflight. Nothing about the learner is
// sent and no cookie is set; a preview is never reported.

const ENDPOINT = document.querySelector('meta[name="borg-visits-endpoint"]')?.content
  || "/api/visits/";

/** Count the screen just shown (the detail of its "borg:screen" event); app.js loads
 * this module and calls it for every screen. */
export function count({ kind, page }) {
  if (kind === "preview" || page?.isPreview || !page?.id) return;
  if (navigator.onLine === false) return;  // read offline: not counted
  send(JSON.stringify({ page: page.id }));
}

function send(body) {
  if (navigator.sendBeacon?.(ENDPOINT, body)) return;
  // No sendBeacon, or its queue is full: a fetch that may outlive the page does the same.
  fetch(ENDPOINT, { method: "POST", body, keepalive: true, credentials: "omit" })
    .catch(() => {});  // a visit that is not counted is no reason to bother the learner
}
