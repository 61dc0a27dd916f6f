import re
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from .preload import module_closure, preloads

# The queries it sends are the documented ones in docs/queries/, served as they are,
# so the documentation and the frontend cannot drift apart.
QUERIES = Path(__file__).resolve().parents[2] / "docs" / "queries"
UNSAFE = re.compile(r"</|<!--", re.IGNORECASE)


@require_GET
def index(request):
    """The demo frontend is one HTML shell; its JavaScript routes by URL path and asks the
    GraphQL API for everything it shows. The shell shows that it is loading, preloads the
    modules the first screen of the path needs and carries the text of its first query
    (a data block, which runs nothing: the Content-Security-Policy is kept)."""
    if settings.DEBUG:  # a developer may have changed the modules' imports
        module_closure.cache_clear()
    modules, name = preloads(request.path_info, request.GET)
    text = (QUERIES / f"{name}.graphql").read_text() if name else ""
    # Raw text inside <script>: it must not end the element. The documented queries never
    # do; if one did, the frontend would fetch it instead.
    query = {"name": name, "text": mark_safe(text)} if name and not UNSAFE.search(text) else None  # noqa: S308
    return render(request, "frontend/index.html", {"modules": modules, "query": query})


@require_GET
def graphql_query(request, name):
    path = QUERIES / f"{name}.graphql"
    if not path.is_file():
        raise Http404(name)
    return FileResponse(path.open("rb"), content_type="text/plain; charset=utf-8")
