"""The organisations in the admin, and the leaderboards' part of the GraphQL schema and of
a learner's export.

Memberships have no view in the admin: no editor sees which learner hides behind a
pseudonym, nor anyone's points. The organisations' listing shows how many joined.
"""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from borg_learning.leaderboards.models import Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_name = "leaderboard-organisations"
    menu_order = 253
    add_to_admin_menu = True
    list_display = [
        "name",
        "slug",
        # How many joined, never who.
        Column("member_count", label=_("Members on the leaderboard"), sort_key="member_count"),
    ]
    search_fields = ["name"]
    search_backend_name = None

    def get_queryset(self, request):
        return Organisation.objects.annotate(member_count=Count("memberships"))


register_snippet(OrganisationViewSet)


@hooks.register("register_learning_graphql_query")
def leaderboard_queries():
    from borg_learning.leaderboards.graphql import LeaderboardQuery

    return [LeaderboardQuery]


@hooks.register("register_learning_graphql_mutation")
def leaderboard_mutations():
    from borg_learning.leaderboards.graphql import LeaderboardMutation

    return [LeaderboardMutation]


@hooks.register("register_learner_graphql_fields")
def leaderboard_me_fields():
    from borg_learning.leaderboards.graphql import MeLeaderboardFields

    return [MeLeaderboardFields]


@hooks.register("register_learner_export")
def leaderboard_export(learner, references):
    from borg_learning.leaderboards.privacy import exported

    return exported(learner)


@hooks.register("register_learner_export_graphql_fields")
def leaderboard_export_fields():
    from borg_learning.leaderboards.graphql import MyDataLeaderboardFields

    return [MyDataLeaderboardFields]


@hooks.register("register_response_cache_models")
def response_cache_models():
    """A change of these shows in public GraphQL answers: kept answers are dropped."""
    return [Organisation]
