"""Include with ``path("", include("borg_learning.urls"))`` to serve ``/graphql/``."""

from django.urls import path

from .graphql import schema
from .graphql.views import GraphQLHTTPView

app_name = "borg_learning"

urlpatterns = [
    path("graphql/", GraphQLHTTPView.as_view(schema=schema), name="graphql"),
]
