"""What the HTML shell preloads for the first screen of a path, so that a learner on a
slow connection waits for one round trip for all of it instead of one per level of
imports: the JavaScript modules of the app and of the screen (`<link rel=modulepreload>`)
and the text of the screen's first query (`<link rel=preload as=fetch>`).

Which screen a path shows mirrors `static/frontend/router.js`; which modules a screen
needs is read from the modules' own static imports, so it cannot drift from the code.
A page path may be any page type; modules are what learners come for, so it preloads the
module screens (a section or the catalogue loads its screen when its page type is known).
"""

import re
from functools import cache
from pathlib import Path, PurePosixPath

STATIC_PREFIX = "frontend"
SOURCES = Path(__file__).resolve().parent / "static" / STATIC_PREFIX
APP = "app.js"

# `import ... from "./x.js";`, `export ... from "../x.js";` and `import "./x.js";`: the
# imports a module needs before it runs. `import("./x.js")` loads later, on demand.
STATIC_IMPORT = re.compile(
    r"""^(?:import|export)\b[^;"'()]*?\bfrom\s*["'](\.{1,2}/[^"']+)["']\s*;"""
    r"""|^import\s*["'](\.{1,2}/[^"']+)["']\s*;""",
    re.MULTILINE,
)


def first_screen(path, params):
    """(entry modules, query name or None) of the screen ``path`` shows first."""
    if path == "/":
        if "token" in params:
            return ["screens/preview.js", "screens/page.js", "screens/module.js"], "page"
        return ["screens/start.js"], "start_page"
    if path == "/zoeken/":
        return ["screens/search.js"], "search" if params.get("q") else None
    if path == "/mijn-voortgang/":
        return ["screens/progress.js"], None
    if path == "/mijn-badges/":
        return ["screens/rewards.js"], "my_rewards"
    if path == "/ranglijst/":
        return ["screens/leaderboard.js"], "my_leaderboard"
    if path == "/dagelijkse-herhaling/":
        return ["screens/reviews.js"], "due_reviews"
    if path == "/leerroutes/":
        return ["screens/routes.js"], "routes"
    if re.fullmatch(r"/leerroutes/[\w-]+/?", path):
        return ["screens/routes.js"], "route"
    if re.fullmatch(r"/themas/(?:[\w-]+/)?", path):
        return ["screens/themes.js"], "theme_map"
    return ["screens/page.js", "screens/module.js"], "page"


def preloads(path, params):
    """(static names of the modules to preload, in load order; query name or None)."""
    entries, query = first_screen(path, params)
    names = []
    for entry in [APP, *entries]:
        for name in module_closure(entry):
            if name not in names:
                names.append(name)
    return [f"{STATIC_PREFIX}/{name}" for name in names], query


@cache
def module_closure(name):
    """``name`` and every module it imports statically, dependencies first."""
    found = []

    def visit(module):
        if module in found:
            return
        for imported in static_imports(module):
            visit(imported)
        found.append(module)

    visit(name)
    return tuple(found)


def static_imports(name):
    text = (SOURCES / name).read_text(encoding="utf-8")
    folder = PurePosixPath(name).parent
    imports = []
    for match in STATIC_IMPORT.finditer(text):
        relative = match.group(1) or match.group(2)
        imports.append(normalise(folder / relative))
    return imports


def normalise(path):
    parts = []
    for part in PurePosixPath(path).parts:
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)
