// Which screen a URL shows. The frontend's own screens have fixed paths; every other
// path is a page of the site, looked up in the API by that path. A screen's code loads
// when it is first shown (import()); the HTML shell preloads what the first screen needs
// (frontend/preload.py, which reads these routes too).

/** The learner's own screen: progress, another device, their data. */
export const PROGRESS_PATH = "/mijn-voortgang/";

/** The learner's points, streak, badges and challenges ("Mijn punten en badges"). */
export const REWARDS_PATH = "/mijn-badges/";

/** The weekly leaderboard, for learners who join it ("Ranglijst van de week"). Screens link
 * to their paths as text: a screen importing this module would make an import cycle. */
export const LEADERBOARD_PATH = "/ranglijst/";

export function resolve(url) {
  const path = url.pathname;
  const params = url.searchParams;
  if (path === "/") {
    // wagtail-headless-preview sends editors to the root with a preview token.
    if (params.has("token")) {
      return async () => (await import("./screens/preview.js")).previewScreen(params.get("token"));
    }
    return async () => (await import("./screens/start.js")).startScreen();
  }
  if (path === "/zoeken/") {
    return async () => (await import("./screens/search.js")).searchScreen(params.get("q") || "");
  }
  if (path === PROGRESS_PATH) {
    return async () => (await import("./screens/progress.js")).progressScreen();
  }
  if (path === REWARDS_PATH) {
    return async () => (await import("./screens/rewards.js")).rewardsScreen();
  }
  if (path === LEADERBOARD_PATH) {
    return async () => (await import("./screens/leaderboard.js")).leaderboardScreen();
  }
  if (path === "/dagelijkse-herhaling/") {
    return async () => (await import("./screens/reviews.js")).reviewScreen();
  }
  if (path === "/leerroutes/") {
    return async () => (await import("./screens/routes.js")).routeListScreen();
  }
  const route = path.match(/^\/leerroutes\/([\w-]+)\/?$/);
  if (route) return async () => (await import("./screens/routes.js")).routeScreen(route[1]);
  const theme = path.match(/^\/themas\/(?:([\w-]+)\/)?$/);
  if (theme) return async () => (await import("./screens/themes.js")).themeMapScreen(theme[1]);
  return async () => (await import("./screens/page.js"))
    .pageScreen(path.endsWith("/") ? path : `${path}/`);
}
