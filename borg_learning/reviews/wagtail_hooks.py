"""The reviews' part of the GraphQL schema and of a learner's export."""

from wagtail import hooks


@hooks.register("register_learning_graphql_mutation")
def review_mutations():
    from borg_learning.reviews.graphql import ReviewMutation

    return [ReviewMutation]


@hooks.register("register_learner_graphql_fields")
def review_me_fields():
    from borg_learning.reviews.graphql import MeReviewFields

    return [MeReviewFields]


@hooks.register("register_learner_export")
def review_export(learner, references):
    from borg_learning.reviews.privacy import exported

    return exported(learner)


@hooks.register("register_learner_export_graphql_fields")
def review_export_fields():
    from borg_learning.reviews.graphql import MyDataReviewFields

    return [MyDataReviewFields]
