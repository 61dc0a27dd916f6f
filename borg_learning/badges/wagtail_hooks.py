"""The badge editor in the admin, and the badges' part of the GraphQL schema, the site's
URLs and a learner's export."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from borg_learning.badges.models import Badge


class BadgeViewSet(SnippetViewSet):
    model = Badge
    icon = "pick"
    menu_label = _("Badges")
    menu_name = "badges"
    menu_order = 252
    add_to_admin_menu = True
    list_display = [
        "name",
        Column("criterion", label=_("Criterion"), accessor="get_criterion_display"),
        BooleanColumn("active", label=_("Active")),
    ]
    list_filter = ["active", "criterion"]
    search_fields = ["name"]
    search_backend_name = None


register_snippet(BadgeViewSet)


@hooks.register("before_delete_snippet")
def keep_earned_badges(request, instances):
    """A badge learners earned stays (their awards point at it): switch it off instead."""
    earned = [badge for badge in instances if isinstance(badge, Badge) and badge.awards.exists()]
    if not earned:
        return None
    messages.error(
        request,
        _("%(names)s cannot be deleted: learners earned it. Switch it off (Active) instead.")
        % {"names": ", ".join(badge.name for badge in earned)},
    )
    return redirect(Badge.snippet_viewset.get_url_name("list"))


@hooks.register("register_learning_graphql_query")
def badge_queries():
    from borg_learning.badges.graphql import BadgeQuery

    return [BadgeQuery]


@hooks.register("register_learning_graphql_mutation")
def badge_mutations():
    from borg_learning.badges.graphql import BadgeMutation

    return [BadgeMutation]


@hooks.register("register_learner_graphql_fields")
def badge_me_fields():
    from borg_learning.badges.graphql import MeBadgeFields

    return [MeBadgeFields]


@hooks.register("register_learner_export")
def badge_export(learner, references):
    from borg_learning.badges.privacy import exported

    return exported(learner)


@hooks.register("register_learner_export_graphql_fields")
def badge_export_fields():
    from borg_learning.badges.graphql import MyDataBadgeFields

    return [MyDataBadgeFields]


@hooks.register("register_learning_urls")
def badge_urls():
    return [path("learning/badges/", include("borg_learning.badges.urls"))]


@hooks.register("register_response_cache_models")
def response_cache_models():
    """A change of these shows in public GraphQL answers: kept answers are dropped."""
    return [Badge]
