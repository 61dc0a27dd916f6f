"""Learning routes over GraphQL: ``routes(role)``, ``route(slug)``, ``me { routes }`` and
the mutations that start a route and mark its steps done.

Routes are shown when they are published; a step only when the request may see its page
or offer (an assignment always). Problems come back in the payload's ``errors`` with a
stable code, as in the learners' mutations; nothing is stored then.
"""

import graphene

from borg_learning.api.graphql.catalogue import Offering as OfferingType
from borg_learning.api.graphql.choices import Choice
from borg_learning.api.graphql.enums import enum_from_choices
from borg_learning.api.graphql.interfaces import LearningPage, Module
from borg_learning.api.graphql.loaders import Loaders
from borg_learning.api.graphql.media import Image
from borg_learning.api.graphql.registry import register_loadable
from borg_learning.api.graphql.richtext import expand_rich_text
from borg_learning.conf import learning_settings
from borg_learning.learners import identity
from borg_learning.learners.graphql import learner_error_type
from borg_learning.learners.progress import LearnerError
from borg_learning.learners.reading import LearnerView
from borg_learning.models import Offering
from borg_learning.routes import kinds, progress, reading
from borg_learning.routes.models import Route

register_loadable(
    reading.OFFER_KIND,
    lambda loaders: loaders.visibility.offerings(
        Offering.objects.select_related("provider").prefetch_related("chapters", "themes")
    ),
)

register_loadable(reading.ROUTE_KIND, lambda loaders: Route.objects.filter(live=True))

StepKindEnum = enum_from_choices(
    kinds.StepKind,
    "LearningRouteStepKind",
    "What a step of a route is.",
    values={
        "MODULE": "A module (module): done when the learner completes it.",
        "PART": "A part of a specialist module (part): done when the learner completes it.",
        "MICROLESSON": "A microlesson (microlesson): done when the learner completes it.",
        "OFFER": "A catalogue offer (offering): done when the learner marks it done.",
        "ASSIGNMENT": "A workplace assignment (title, description): done when the learner "
        "marks it done.",
    },
)
RouteError, RouteErrorCode = learner_error_type(
    "LearningRouteError",
    progress.Code,
    "One problem with a route request; nothing of it was stored.",
    "Why a route request was refused.",
    "route, step, doneOn, learnerToken",
    {
        "RATE_LIMITED": "Too many new learners from this address this hour.",
        "UNKNOWN_ROUTE": "No published route with that slug.",
        "UNKNOWN_STEP": "The route has no such step that the learner may see.",
        "NOT_STARTED": "The learner has not started the route.",
        "NOT_MARKABLE": "A module, part or microlesson step is done by completing it, not "
        "marked by hand.",
        "INVALID_DATE": "doneOn is after today.",
    },
)


# --- Routes -----------------------------------------------------------------------------------


class RouteStep(graphene.ObjectType):
    """One step of a route, with what it is about."""

    class Meta:
        name = "LearningRouteStep"

    id = graphene.ID(required=True)
    kind = graphene.Field(StepKindEnum, required=True)
    title = graphene.String(
        required=True,
        description="The module's, part's, microlesson's or offer's title, or the assignment.",
    )
    description = graphene.String(description="An assignment: how and with whom.")
    module = graphene.Field(Module, description="A MODULE step: the module.")
    part = graphene.Field(LearningPage, description="A PART step: the module part.")
    microlesson = graphene.Field(LearningPage, description="A MICROLESSON step: the microlesson.")
    offering = graphene.Field(OfferingType, description="An OFFER step: the catalogue offer.")
    within_days = graphene.Int(description="To be done within so many days of starting.")
    duration_minutes = graphene.Int(
        description="Minutes it takes: a module's, part's or microlesson's estimate, an "
        "offer's stated study time, an assignment's; null when unknown."
    )
    marked_by_learner = graphene.Boolean(
        required=True,
        description="Done when the learner marks it (markRouteStepDone); else when they "
        "complete its module, part or microlesson.",
    )

    def resolve_id(shown, info):
        return shown.step.pk

    def resolve_kind(shown, info):
        return shown.step.kind

    def resolve_title(shown, info):
        if shown.target is None:
            return shown.step.title
        return shown.target.title

    def resolve_description(shown, info):
        return shown.step.description or None

    def resolve_module(shown, info):
        return shown.target if shown.step.kind == kinds.StepKind.MODULE else None

    def resolve_part(shown, info):
        return shown.target if shown.step.kind == kinds.StepKind.PART else None

    def resolve_microlesson(shown, info):
        return shown.target if shown.step.kind == kinds.StepKind.MICROLESSON else None

    def resolve_offering(shown, info):
        return shown.target if shown.step.kind == kinds.StepKind.OFFER else None

    def resolve_within_days(shown, info):
        return shown.step.within_days

    def resolve_duration_minutes(shown, info):
        return kinds.minutes(shown.seconds)

    def resolve_marked_by_learner(shown, info):
        return kinds.rule_of(shown.step).marked_by_learner


def steps_of(route, info) -> list:
    """The shown steps of ``route``, loaded with those of every route announced."""
    loaders = Loaders.of(info)
    pending = loaders.cache.setdefault(PENDING, {})
    routes = [route, *(other for pk, other in pending.items() if pk != route.pk)]
    pending.clear()
    return reading.load_steps(routes, loaders)[route.pk]


PENDING = "routes_pending"


def announce_routes(routes, info):
    """Routes the answer will show: their steps are loaded together on first use."""
    loaders = Loaders.of(info)
    pending = loaders.cache.setdefault(PENDING, {})
    for route in routes:
        pending[route.pk] = route
        loaders.want("image", route.image_id)
    return routes


class RouteType(graphene.ObjectType):
    """A learning route for one or more roles: its story and ordered steps."""

    class Meta:
        name = "LearningRoute"

    id = graphene.ID(required=True)
    slug = graphene.String(required=True)
    title = graphene.String(required=True)
    intro = graphene.String(required=True, description="The route's story, as HTML.")
    image = graphene.Field(Image)
    audience_roles = graphene.List(graphene.NonNull(Choice), required=True)
    steps = graphene.List(
        graphene.NonNull(RouteStep),
        required=True,
        description="In order; only those whose module, part or offer may be seen.",
    )
    duration_minutes = graphene.Int(
        required=True, description="The known durations of the steps shown, together."
    )

    def resolve_intro(route, info):
        return expand_rich_text(route.intro, info)

    def resolve_image(route, info):
        return Loaders.of(info).get("image", route.image_id)

    def resolve_audience_roles(route, info):
        return learning_settings.labelled("AUDIENCE_ROLES", route.audience_roles)

    def resolve_steps(route, info):
        return steps_of(route, info)

    def resolve_duration_minutes(route, info):
        return kinds.minutes(reading.total_seconds(steps_of(route, info)))


class RouteQuery:
    routes = graphene.List(
        graphene.NonNull(RouteType),
        required=True,
        role=graphene.String(description="An audience role slug: the routes for that role."),
        description="Published learning routes, by name; for one role with role.",
    )
    route = graphene.Field(RouteType, slug=graphene.String(required=True))

    def resolve_routes(root, info, role=None):
        routes = Route.objects.filter(live=True)
        if role is not None:
            routes = routes.for_role(role)
        return announce_routes(list(routes.order_by("title", "pk")), info)

    def resolve_route(root, info, slug):
        route = Route.objects.filter(live=True, slug=slug[:100]).first()
        return announce_routes([route], info)[0] if route else None


# --- A learner's routes -----------------------------------------------------------------------


class StepProgress(graphene.ObjectType):
    class Meta:
        name = "LearningRouteStepProgress"

    step = graphene.Field(RouteStep, required=True)
    done = graphene.Boolean(required=True)
    done_at = graphene.DateTime(
        description="When it was completed, or marked done (for a marked step)."
    )
    done_on = graphene.Date(description="The date it was done: the learner's, for a marked step.")
    due_on = graphene.Date(description="The start date plus the step's withinDays.")
    overdue = graphene.Boolean(required=True, description="Not done, and dueOn is past.")


class RouteProgress(graphene.ObjectType):
    """The learner's progress on a route they started."""

    class Meta:
        name = "LearningRouteProgress"

    route = graphene.Field(RouteType, required=True)
    started_at = graphene.DateTime(required=True)
    completed = graphene.Boolean(required=True)
    completed_at = graphene.DateTime(
        description="When every step was done; kept when the route changes later."
    )
    steps_done = graphene.Int(required=True)
    steps_total = graphene.Int(required=True, description="The steps shown.")
    steps = graphene.List(graphene.NonNull(StepProgress), required=True)


class MeRouteFields:
    """The routes' fields of ``me`` (``register_learner_graphql_fields``)."""

    routes = graphene.List(
        graphene.NonNull(RouteProgress),
        required=True,
        description="The published routes the learner started, the latest first.",
    )
    route = graphene.Field(
        RouteProgress,
        slug=graphene.String(required=True),
        description="The learner's progress on one route; null when not started.",
    )

    def resolve_routes(view, info):
        return route_reading(view).routes()

    def resolve_route(view, info, slug):
        return route_reading(view).route(slug)


def route_reading(view: LearnerView) -> reading.RouteReading:
    return reading.RouteReading.of(view)


# --- Mutations ---------------------------------------------------------------------------------


class RoutePayload:
    errors = graphene.List(graphene.NonNull(RouteError), required=True)
    ok = graphene.Boolean(required=True)
    token_retired = graphene.Boolean(
        required=True,
        description="Forget the token sent: signed in, it was merged into the account's "
        "progress (or is not the account's).",
    )
    progress = graphene.Field(RouteProgress, description="The learner's progress on the route.")


class Result:
    def __init__(self, errors=(), token_retired=False, **values):
        self.errors = list(errors)
        self.ok = not self.errors
        self.token_retired = token_retired
        self.progress = None
        self.__dict__.update(values)


def answered(info, learner, slug, retired, **values):
    """The payload for a learner after a change: their progress on the route."""
    who_signed_in = identity.identify(info.context).user is not None
    view = LearnerView(learner, Loaders.of(info), signed_in=who_signed_in, token_retired=retired)
    return Result(token_retired=retired, progress=route_reading(view).route(slug), **values)


class StartRoutePayload(RoutePayload, graphene.ObjectType):
    class Meta:
        name = "LearningStartRoutePayload"

    learner_token = graphene.String(
        description="Only when this call started a new learner: the token to keep and send "
        "as X-Learner-Token from now on. It is shown once."
    )


class StartRoute(graphene.Mutation):
    """Start a route (again: nothing changes); the first call without a token starts a
    learner."""

    class Arguments:
        route = graphene.String(required=True, description="The route's slug.")

    Output = StartRoutePayload

    def mutate(root, info, route):
        retired = identity.identify(info.context).token_retired
        try:
            started = progress.start(info.context, route, references=Loaders.of(info))
        except LearnerError as error:
            return Result(error.problems, retired, learner_token=None)
        return answered(info, started.learner, route, retired, learner_token=started.token)


class MarkRouteStepPayload(RoutePayload, graphene.ObjectType):
    class Meta:
        name = "LearningMarkRouteStepPayload"


class MarkRouteStepDone(graphene.Mutation):
    """Mark a catalogue offer or assignment of a started route done."""

    class Arguments:
        route = graphene.String(required=True, description="The route's slug.")
        step = graphene.ID(required=True)
        done_on = graphene.Date(description="The day it was done; default today.")

    Output = MarkRouteStepPayload

    def mutate(root, info, route, step, done_on=None):
        retired = identity.identify(info.context).token_retired
        try:
            done = progress.mark(info.context, route, step, done_on, references=Loaders.of(info))
        except LearnerError as error:
            return Result(error.problems, retired)
        return answered(info, done.learner, route, retired)


class UnmarkRouteStepDone(graphene.Mutation):
    """Take the learner's mark off a step; a completed route stays completed."""

    class Arguments:
        route = graphene.String(required=True, description="The route's slug.")
        step = graphene.ID(required=True)

    Output = MarkRouteStepPayload

    def mutate(root, info, route, step):
        retired = identity.identify(info.context).token_retired
        try:
            learner = progress.unmark(info.context, route, step, references=Loaders.of(info))
        except LearnerError as error:
            return Result(error.problems, retired)
        return answered(info, learner, route, retired)


class RouteMutation:
    start_route = StartRoute.Field(description="Start a learning route.")
    mark_route_step_done = MarkRouteStepDone.Field(
        description="Mark an offer or assignment step done; completes the route when it "
        "was the last step. Marking it again moves the date."
    )
    unmark_route_step_done = UnmarkRouteStepDone.Field(
        description="Take the mark off an offer or assignment step."
    )


# --- exportMyData { data { routes routeStepsDone } } -------------------------------------


class MyDataRoute(graphene.ObjectType):
    """A route the learner started."""

    class Meta:
        name = "LearningMyDataRoute"

    route = graphene.String(required=True, description="The route's slug.")
    title = graphene.String(required=True)
    started_at = graphene.DateTime(required=True)
    completed_at = graphene.DateTime()


class MyDataRouteStepDone(graphene.ObjectType):
    """A step the learner marked done."""

    class Meta:
        name = "LearningMyDataRouteStepDone"

    route = graphene.String(required=True, description="The route's slug.")
    step = graphene.ID(required=True)
    kind = graphene.Field(StepKindEnum, required=True)
    done_on = graphene.Date(required=True)
    marked_at = graphene.DateTime(required=True)


class MyDataRouteFields:
    """The routes' keys of the export (``privacy.exported``), typed; added to
    ``LearningMyData`` with the hook ``register_learner_export_graphql_fields``."""

    routes = graphene.List(graphene.NonNull(MyDataRoute), required=True)
    route_steps_done = graphene.List(graphene.NonNull(MyDataRouteStepDone), required=True)
