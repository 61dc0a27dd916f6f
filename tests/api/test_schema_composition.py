"""Our Query and Mutation mix into a site's own schema without taking its type names."""

import graphene
import pytest
from django.test import RequestFactory
from wagtail import hooks

from borg_learning.api.graphql import Mutation as LearningMutation
from borg_learning.api.graphql import Query as LearningQuery
from borg_learning.api.graphql import schema_types
from tests import factories

pytestmark = pytest.mark.django_db


def execute(schema, query):
    request = RequestFactory().post("/graphql/", HTTP_USER_AGENT="Mozilla/5.0 Firefox/130.0")
    result = schema.execute(query, context_value=request)
    assert result.errors is None, result.errors
    return result.data


@pytest.fixture
def module(environment):
    return factories.basic_module(environment, "Grenzen stellen")


class Image(graphene.ObjectType):
    """The site's own image type, named like a common one."""

    url = graphene.String(required=True)


class SiteQuery:
    hero = graphene.Field(Image)

    def resolve_hero(root, info):
        return Image(url="/hero.jpg")


def test_a_site_schema_with_its_own_image_type_keeps_it_and_ours(module):
    class Query(LearningQuery, SiteQuery, graphene.ObjectType):
        pass

    class Mutation(LearningMutation, graphene.ObjectType):
        pass

    schema = graphene.Schema(query=Query, mutation=Mutation, types=schema_types())
    assert set(schema.graphql_schema.get_type("Image").fields) == {"url"}
    assert "rendition" in schema.graphql_schema.get_type("LearningImage").fields
    data = execute(schema, "{ hero { url } modules { items { title } } }")
    assert data == {
        "hero": {"url": "/hero.jpg"},
        "modules": {"items": [{"title": "Grenzen stellen"}]},
    }
    counted = execute(schema, f'mutation {{ recordVisit(page: "{module.pk}") {{ counted }} }}')
    assert counted == {"recordVisit": {"counted": True}}


def test_one_schema_with_wagtail_grapple_answers_both_apis(module):
    """Grapple's root fields page and search have the names of ours: the mixin named first
    wins, so a site puts ours or grapple's first as it prefers."""
    grapple_queries = []
    for register in hooks.get_hooks("register_schema_query"):
        register(grapple_queries)
    grapple_queries = [mixin for mixin in grapple_queries if mixin is not graphene.ObjectType]
    from grapple.registry import registry

    class Query(LearningQuery, *grapple_queries, graphene.ObjectType):
        pass

    schema = graphene.Schema(
        query=Query, mutation=LearningMutation, types=[*registry.models.values(), *schema_types()]
    )
    type_names = set(schema.graphql_schema.type_map)
    assert {"LearningImage", "LearningBasicModulePage", "LearningModuleBlock"} <= type_names
    assert {"ImageObjectType", "BasicModulePage"} <= type_names  # grapple's own
    data = execute(
        schema,
        """{
        pages { title }
        learningEnvironment { title }
        modules { items { title } }
    }""",
    )
    assert {"title": "Grenzen stellen"} in data["pages"]
    assert data["learningEnvironment"]["title"] == "Leeromgeving"
    assert data["modules"]["items"] == [{"title": "Grenzen stellen"}]
