from django.urls import path, re_path

from .installable import manifest, service_worker
from .views import graphql_query, index

app_name = "frontend"

urlpatterns = [
    path("frontend/queries/<slug:name>.graphql", graphql_query, name="query"),
    # From the root: a service worker's scope is at most the folder its script is in.
    path("service-worker.js", service_worker, name="service_worker"),
    path("manifest.webmanifest", manifest, name="manifest"),
    re_path(
        r"^(?!admin/|django-admin/|graphql/|api/|static/|media/|documents/).*$", index, name="index"
    ),
]
