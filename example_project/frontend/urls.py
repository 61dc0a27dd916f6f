from django.urls import path, re_path

from .views import graphql_query, index

app_name = "frontend"

urlpatterns = [
    path("frontend/queries/<slug:name>.graphql", graphql_query, name="query"),
    re_path(
        r"^(?!admin/|django-admin/|graphql/|api/|static/|media/|documents/).*$", index, name="index"
    ),
]
