// Page URLs in the API are absolute, on the host the Wagtail site is configured for.
// The frontend may run elsewhere (another port, another host), so links to our own
// pages are routed by their path only.

let siteOrigins = new Set([location.origin]);

/** Called with any page URL from the API, to learn which origin is the site's own. */
export function learnSiteOrigin(url) {
  if (url) siteOrigins.add(new URL(url, location.href).origin);
}

// Files are served by the API's host itself, not rendered by the frontend.
const SERVED_BY_SITE = /^\/(documents|media|static|admin|api|graphql|learning)\//;

/** The path of a URL to one of our pages, or the URL itself when it leaves the site. */
export function localHref(url) {
  if (!url) return url;
  let parsed;
  try {
    parsed = new URL(url, location.href);
  } catch {
    return url;
  }
  if (!siteOrigins.has(parsed.origin) || SERVED_BY_SITE.test(parsed.pathname)) return url;
  return parsed.pathname + parsed.search + parsed.hash;
}

/** True when a click on this link should be handled by the router. */
export function isRoutable(link) {
  if (link.target || link.hasAttribute("download")) return false;
  const url = new URL(link.href, location.href);
  return url.origin === location.origin && !SERVED_BY_SITE.test(url.pathname);
}
