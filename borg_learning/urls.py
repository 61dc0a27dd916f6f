"""Include with ``path("", include("borg_learning.urls"))``: ``/graphql/`` and ``/api/v2/``."""

from django.urls import path

from .api.views import api_router
from .graphql import schema
from .graphql.views import GraphQLHTTPView

urlpatterns = [
    path("graphql/", GraphQLHTTPView.as_view(schema=schema), name="borg_learning_graphql"),
    path("api/v2/", api_router.urls),
]
