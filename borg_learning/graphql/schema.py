import graphene

from .. import __version__


class Query(graphene.ObjectType):
    borg_learning_version = graphene.String(
        required=True, description="The version of borg_learning serving this API."
    )

    def resolve_borg_learning_version(root, info):
        return __version__


schema = graphene.Schema(query=Query)
