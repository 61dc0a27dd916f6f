"""Include with ``path("", include("borg_learning.urls"))`` to serve ``/graphql/``."""

from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from .graphql import schema
from .graphql.views import LearningGraphQLView

app_name = "borg_learning"

urlpatterns = [
    path("graphql/", csrf_exempt(LearningGraphQLView.as_view(schema=schema)), name="graphql"),
]
