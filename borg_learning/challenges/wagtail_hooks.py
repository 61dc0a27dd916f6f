"""The challenge editor in the admin, and the challenges' part of the GraphQL schema and
of a learner's export."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from borg_learning.challenges.models import Challenge


class ChallengeViewSet(SnippetViewSet):
    model = Challenge
    icon = "calendar-check"
    menu_label = _("Challenges")
    menu_name = "challenges"
    menu_order = 252
    add_to_admin_menu = True
    list_display = [
        "title",
        "goal",
        "target",
        "theme",
        "starts_on",
        "ends_on",
        # Uptake for the Borgbureau: how many, never who.
        Column("completed_count", label=_("Completed by"), sort_key="completed_count"),
    ]
    list_filter = ["goal"]
    search_fields = ["title"]
    search_backend_name = None

    def get_queryset(self, request):
        # The number of learners who completed it comes with the listing's one query.
        return Challenge.objects.select_related("theme").annotate(
            completed_count=Count("completions")
        )


register_snippet(ChallengeViewSet)


@hooks.register("register_learning_graphql_query")
def challenge_queries():
    from borg_learning.challenges.graphql import ChallengeQuery

    return [ChallengeQuery]


@hooks.register("register_learner_graphql_fields")
def challenge_me_fields():
    from borg_learning.challenges.graphql import MeChallengeFields

    return [MeChallengeFields]


@hooks.register("register_learner_export")
def challenge_export(learner, references):
    from borg_learning.challenges.privacy import exported

    return exported(learner)


@hooks.register("register_learner_export_graphql_fields")
def challenge_export_fields():
    from borg_learning.challenges.graphql import MyDataChallengeFields

    return [MyDataChallengeFields]


@hooks.register("register_response_cache_models")
def response_cache_models():
    """A change of these shows in public GraphQL answers: kept answers are dropped."""
    return [Challenge]
