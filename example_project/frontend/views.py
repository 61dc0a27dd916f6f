from pathlib import Path

from django.http import FileResponse, Http404
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

# The demo frontend is one HTML shell; its JavaScript routes by URL path and asks
# the GraphQL API for everything it shows.
index = require_GET(TemplateView.as_view(template_name="frontend/index.html"))

# The queries it sends are the documented ones in docs/queries/, served as they are,
# so the documentation and the frontend cannot drift apart.
QUERIES = Path(__file__).resolve().parents[2] / "docs" / "queries"


@require_GET
def graphql_query(request, name):
    path = QUERIES / f"{name}.graphql"
    if not path.is_file():
        raise Http404(name)
    return FileResponse(path.open("rb"), content_type="text/plain; charset=utf-8")
