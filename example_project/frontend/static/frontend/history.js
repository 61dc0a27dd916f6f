// The browser's history. Every state the learner chooses (another screen, a filter, the
// next page of results) is an entry of its own, so Back undoes it; every entry keeps its
// scroll position, so Back (and a reload) returns to where the learner was.

history.scrollRestoration = "manual";

/** Write the scroll position into the current entry. */
export function keepScroll() {
  history.replaceState({ ...history.state, scroll: window.scrollY }, "");
}

/** A new entry for `url` (a path, "?query" or both); the current one keeps its scroll
 * position. The same URL again replaces nothing and adds nothing. */
export function pushUrl(url) {
  const next = new URL(url, location.href);
  if (next.href === location.href) return;
  keepScroll();
  history.pushState({ scroll: 0 }, "", next);
}

/** Scroll to where the learner was on the current entry (the top when it is new). */
export function restoreScroll() {
  window.scrollTo({ top: history.state?.scroll || 0, behavior: "instant" });
}

// A reload, or leaving for another site, keeps the position too.
window.addEventListener("pagehide", keepScroll);
