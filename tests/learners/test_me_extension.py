"""Other features add fields to ``me`` through the hook ``register_learner_graphql_fields``."""

import graphene
from wagtail import hooks

import borg_learning.api.graphql  # noqa: F401  (the schema first: it imports the learners' mixins)
from borg_learning.learners.graphql import MeFields, extra_me_fields


class StreakFields:
    minutes_learned = graphene.Int(required=True)

    def resolve_minutes_learned(view, info):
        return 7 if view.learner is None else 8


def test_a_hooked_mixin_adds_its_fields_to_me():
    with hooks.register_temporarily("register_learner_graphql_fields", lambda: [StreakFields]):
        mixins = extra_me_fields()
        learning_me = type(
            "Me",
            (MeFields, *mixins, graphene.ObjectType),
            {"Meta": type("Meta", (), {"name": "LearningMe"})},
        )

        class Query(graphene.ObjectType):
            me = graphene.Field(learning_me)

            def resolve_me(root, info):
                return type("View", (), {"learner": None})()

        result = graphene.Schema(query=Query).execute("{ me { minutesLearned } }")
    assert result.errors is None
    assert result.data == {"me": {"minutesLearned": 7}}
    assert StreakFields not in extra_me_fields()
