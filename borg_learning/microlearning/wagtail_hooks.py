"""The microlessons' part of the GraphQL schema and of the admin (the live estimate)."""

from django.urls import path
from wagtail import hooks


@hooks.register("register_learning_graphql_query")
def microlesson_queries():
    from borg_learning.microlearning.graphql import MicrolessonQuery

    return [MicrolessonQuery]


@hooks.register("register_learning_graphql_types")
def microlesson_types():
    from borg_learning.microlearning.graphql import MicrolessonPage

    return [MicrolessonPage]


@hooks.register("register_learning_page_type")
def microlessons_are_learning_pages():
    """Served by the REST API's pages/ as the core's learning pages are."""
    from borg_learning.microlearning.models import MicrolessonPage

    return MicrolessonPage


@hooks.register("register_admin_urls")
def register_length_estimate_url():
    from borg_learning.microlearning.views import LengthEstimateView

    return [
        path(
            "learning/length-estimate/<str:app_label>/<str:model_name>/",
            LengthEstimateView.as_view(),
            name="borg_learning_microlearning_estimate",
        )
    ]


@hooks.register("register_completable_page_type")
def completable_microlessons():
    # Asked only by borg_learning.learners, so this import runs only where it is installed.
    from borg_learning.learners.completion import StandalonePage
    from borg_learning.microlearning.models import MicrolessonPage
    from borg_learning.microlearning.signals import microlesson_completed

    return StandalonePage(MicrolessonPage, microlesson_completed)
