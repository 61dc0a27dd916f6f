"""The route editor in the admin, and the routes' part of the GraphQL schema."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from borg_learning.routes.models import Route, RouteStep


class RouteViewSet(SnippetViewSet):
    model = Route
    icon = "list-ol"
    menu_label = _("Learning routes")
    menu_name = "learning-routes"
    menu_order = 251
    add_to_admin_menu = True
    list_display = [
        "title",
        "slug",
        Column("step_count", label=_("Steps"), sort_key="step_count"),
    ]
    search_fields = ["title"]
    search_backend_name = None

    def get_queryset(self, request):
        # The number of steps comes with the listing's one query, not one per row.
        return Route.objects.annotate(step_count=Count("steps"))


register_snippet(RouteViewSet)


@hooks.register("register_learning_graphql_query")
def route_queries():
    from borg_learning.routes.graphql import RouteQuery

    return [RouteQuery]


@hooks.register("register_learning_graphql_mutation")
def route_mutations():
    from borg_learning.routes.graphql import RouteMutation

    return [RouteMutation]


@hooks.register("register_learner_graphql_fields")
def route_me_fields():
    from borg_learning.routes.graphql import MeRouteFields

    return [MeRouteFields]


@hooks.register("register_learner_export")
def route_export(learner, references):
    from borg_learning.routes.privacy import exported

    return exported(learner)


@hooks.register("register_learner_export_graphql_fields")
def route_export_fields():
    from borg_learning.routes.graphql import MyDataRouteFields

    return [MyDataRouteFields]


@hooks.register("register_certificate_subject")
def route_subject():
    # Asked only by borg_learning.certificates, so this import runs only where it is installed.
    from borg_learning.routes.certificates import RouteSubject

    return RouteSubject()


@hooks.register("register_progress_report_rows")
def route_progress_rows(scope):
    from borg_learning.routes.report import route_rows

    return route_rows(scope)


@hooks.register("register_response_cache_models")
def response_cache_models():
    """A change of these shows in public GraphQL answers: kept answers are dropped."""
    return [Route, RouteStep]
