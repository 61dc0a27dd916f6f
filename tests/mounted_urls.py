"""A site that already serves wagtail-grapple at ``/graphql/`` and mounts the learning
environment below ``/learning/`` (docs/installation.md, "A prefix")."""

from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView
from grapple.schema import schema as grapple_schema
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # As grapple.urls mounts it, with grapple's schema named here rather than in the
    # GRAPHENE setting (graphene-django reads that setting once per process).
    path("graphql/", csrf_exempt(GraphQLView.as_view(schema=grapple_schema))),
    path("learning/", include("borg_learning.urls")),
    path("", include(wagtail_urls)),
]
