"""The benchmark's URLs: the test site's, wagtail-grapple's endpoint at /grapple/ and a view
that answers stored bytes, the floor for any cache in front of the API."""

import os
from pathlib import Path

from django.http import Http404, HttpResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView

#: {case: the answer's bytes}; filled by benchmarks/api.py, or read from BENCH_ANSWERS_DIR
#: in the gunicorn mode's workers.
ANSWERS = {}


def cached_bytes(request, case):
    if case not in ANSWERS and os.environ.get("BENCH_ANSWERS_DIR"):
        stored = Path(os.environ["BENCH_ANSWERS_DIR"]) / f"{case}.json"
        if stored.is_file():
            ANSWERS[case] = stored.read_bytes()
    if case not in ANSWERS:
        raise Http404(case)
    return HttpResponse(ANSWERS[case], content_type="application/json")


def grapple_schema():
    """Grapple's queries as a site mounts them (its register_schema_query hook)."""
    import graphene
    from grapple.registry import registry
    from wagtail import hooks

    mixins = []
    for register in hooks.get_hooks("register_schema_query"):
        register(mixins)

    class Query(*[m for m in mixins if m is not graphene.ObjectType], graphene.ObjectType):
        pass

    return graphene.Schema(query=Query, types=list(registry.models.values()))


urlpatterns = [
    path("bench/bytes/<str:case>/", cached_bytes),
    path("grapple/", csrf_exempt(GraphQLView.as_view(schema=grapple_schema()))),
    path("", include("tests.urls")),
]
