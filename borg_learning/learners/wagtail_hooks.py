"""The learners' part of the GraphQL schema: ``me`` and the learner mutations."""

from wagtail import hooks


@hooks.register("register_learning_graphql_query")
def learner_queries():
    from borg_learning.learners.graphql import LearnerQuery

    return [LearnerQuery]


@hooks.register("register_learning_graphql_mutation")
def learner_mutations():
    from borg_learning.learners.graphql import LearnerMutation

    return [LearnerMutation]
