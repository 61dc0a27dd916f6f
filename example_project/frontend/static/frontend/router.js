// Which screen a URL shows. The frontend's own screens have fixed paths; every other
// path is a page of the site, looked up in the API by that path.

import { previewScreen } from "./screens/preview.js";
import { pageScreen } from "./screens/page.js";
import { searchScreen } from "./screens/search.js";
import { startScreen } from "./screens/start.js";
import { themeMapScreen } from "./screens/themes.js";

export function resolve(url) {
  const path = url.pathname;
  const params = url.searchParams;
  if (path === "/") {
    // wagtail-headless-preview sends editors to the root with a preview token.
    if (params.has("token")) return () => previewScreen(params.get("token"));
    return startScreen;
  }
  if (path === "/zoeken/") return () => searchScreen(params.get("q") || "");
  const theme = path.match(/^\/themas\/(?:([\w-]+)\/)?$/);
  if (theme) return () => themeMapScreen(theme[1]);
  return () => pageScreen(path.endsWith("/") ? path : `${path}/`);
}
