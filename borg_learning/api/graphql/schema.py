"""The schema, assembled from the query and mutation mixins of each area.

Each area of the core (pages, themes, catalogue, search, evaluation, visits, the
configured lists) contributes a mixin class of root fields; a sub-app adds its own
with the Wagtail hooks ``register_learning_graphql_query`` and
``register_learning_graphql_mutation`` (a function returning a list of mixin classes)
and names extra types, such as page types of its own, with
``register_learning_graphql_types``. A site with its own graphene schema mixes ``Query``
and ``Mutation`` into its root types and passes ``schema_types()`` as ``types``.
"""

import graphene
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from wagtail import hooks

from borg_learning import __version__
from borg_learning.api.graphql.catalogue import CatalogueQuery
from borg_learning.api.graphql.choices import ChoicesQuery
from borg_learning.api.graphql.evaluation import EvaluationMutation, EvaluationQuery
from borg_learning.api.graphql.pages import PagesQuery
from borg_learning.api.graphql.registry import PAGE_TYPES
from borg_learning.api.graphql.search import SearchQuery
from borg_learning.api.graphql.themes import ThemesQuery
from borg_learning.api.graphql.visits import VisitsMutation


class VersionQuery:
    borg_learning_version = graphene.String(
        required=True, description="The version of borg_learning serving this API."
    )

    def resolve_borg_learning_version(root, info):
        return __version__


CORE_QUERIES = (
    VersionQuery,
    PagesQuery,
    ThemesQuery,
    CatalogueQuery,
    SearchQuery,
    ChoicesQuery,
    EvaluationQuery,
)
CORE_MUTATIONS = (EvaluationMutation, VisitsMutation)


def hooked(name):
    """The classes the Wagtail hooks ``name`` return, in hook order."""
    return tuple(item for hook in hooks.get_hooks(name) for item in hook())


def schema_types():
    """The types to name in ``graphene.Schema(types=...)``: every learning page type
    (interfaces alone do not reach them) and those the sub-apps register."""
    return [*dict.fromkeys([*PAGE_TYPES.values(), *hooked("register_learning_graphql_types")])]


Query = type(
    "Query",
    (*CORE_QUERIES, *hooked("register_learning_graphql_query"), graphene.ObjectType),
    {"__doc__": "The learning environment's queries; mix into a site's own Query."},
)
Mutation = type(
    "Mutation",
    (*CORE_MUTATIONS, *hooked("register_learning_graphql_mutation"), graphene.ObjectType),
    {"__doc__": "The learning environment's mutations; mix into a site's own Mutation."},
)


def as_request(context):
    """The request resolvers read (its site, its user, a learner's token): ``context``
    itself when it is one; else an anonymous request for the default Wagtail site, which
    keeps a plain context (a dict, say) as ``graphql_context``."""
    if isinstance(context, HttpRequest):
        return context
    request = HttpRequest()
    request.method = "POST"
    # No host: Wagtail's Site.find_for_request falls back to the default site.
    request.META = {"SERVER_NAME": "", "SERVER_PORT": "80"}
    request.user = AnonymousUser()
    request.graphql_context = context
    return request


class LearningSchema(graphene.Schema):
    """The schema, also for ``schema.execute()`` from a site's own code or a shell: without
    a request it answers as it answers an anonymous visitor of the default site."""

    def execute(self, *args, context_value=None, **kwargs):
        return super().execute(*args, context_value=as_request(context_value), **kwargs)

    async def execute_async(self, *args, context_value=None, **kwargs):
        return await super().execute_async(*args, context_value=as_request(context_value), **kwargs)


schema = LearningSchema(query=Query, mutation=Mutation, types=schema_types())
