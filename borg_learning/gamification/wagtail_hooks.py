"""The gamification's part of the GraphQL schema and of a learner's export."""

from wagtail import hooks


@hooks.register("register_learning_graphql_mutation")
def gamification_mutations():
    from borg_learning.gamification.graphql import GamificationMutation

    return [GamificationMutation]


@hooks.register("register_learner_graphql_fields")
def gamification_me_fields():
    from borg_learning.gamification.graphql import MeGamificationFields

    return [MeGamificationFields]


@hooks.register("register_learner_export")
def gamification_export(learner, references):
    from borg_learning.gamification.privacy import exported

    return exported(learner)


@hooks.register("register_learner_export_graphql_fields")
def gamification_export_fields():
    from borg_learning.gamification.graphql import MyDataGamificationFields

    return [MyDataGamificationFields]
