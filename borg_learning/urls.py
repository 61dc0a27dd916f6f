"""Include with ``path("", include("borg_learning.urls"))``: ``/graphql/``, ``/api/v2/`` and
``/api/visits/``, and what the installed sub-apps add with the Wagtail hook
``register_learning_urls`` (a function returning a list of URL patterns, e.g. the
certificates' ``/learning/certificates/``)."""

from django.urls import path
from wagtail import hooks

from borg_learning.api.beacon import VisitBeaconView
from borg_learning.api.graphql import schema
from borg_learning.api.graphql.views import GraphQLHTTPView
from borg_learning.api.rest.router import api_router

urlpatterns = [
    path("graphql/", GraphQLHTTPView.as_view(schema=schema), name="borg_learning_graphql"),
    path("api/v2/", api_router.urls),
    path("api/visits/", VisitBeaconView.as_view(), name="borg_learning_visits"),
]
for register_urls in hooks.get_hooks("register_learning_urls"):
    urlpatterns += register_urls()
