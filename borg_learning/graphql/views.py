from django.conf import settings
from graphene_django.views import GraphQLView

from ..conf import learning_settings


class LearningGraphQLView(GraphQLView):
    """GraphQL endpoint; GraphiQL follows ``BORG_LEARNING['GRAPHIQL']``, else DEBUG."""

    @property
    def graphiql(self):
        setting = learning_settings.GRAPHIQL
        return settings.DEBUG if setting is None else setting

    @graphiql.setter
    def graphiql(self, value):
        pass
