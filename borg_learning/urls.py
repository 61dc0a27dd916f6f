"""Include with ``path("", include("borg_learning.urls"))``: ``/graphql/``, ``/api/v2/`` and
``/api/visits/``."""

from django.urls import path

from .api.views import api_router
from .api.visits import VisitBeaconView
from .graphql import schema
from .graphql.views import GraphQLHTTPView

urlpatterns = [
    path("graphql/", GraphQLHTTPView.as_view(schema=schema), name="borg_learning_graphql"),
    path("api/v2/", api_router.urls),
    path("api/visits/", VisitBeaconView.as_view(), name="borg_learning_visits"),
]
