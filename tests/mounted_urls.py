"""A site that already serves wagtail-grapple at ``/graphql/`` and mounts the learning
environment below ``/learning/`` (docs/installation.md, "A prefix")."""

from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("", include("grapple.urls")),
    path("learning/", include("borg_learning.urls")),
    path("", include(wagtail_urls)),
]
