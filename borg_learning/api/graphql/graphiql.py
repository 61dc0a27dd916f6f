"""GraphiQL, the in-browser explorer of the API, from the app's own static files.

graphene-django's page loads GraphiQL and React from a CDN: blank on a machine offline
and under a Content-Security-Policy that allows only the site itself. This page serves
the same libraries (``static/borg_learning/graphiql``, put there by
``scripts/vendor-graphiql``) and has no inline script, so ``script-src 'self'`` is enough.
"""

from django.shortcuts import render
from graphene_django.settings import graphene_settings
from graphene_django.views import GraphQLView

TEMPLATE = "borg_learning/graphiql.html"


class GraphiQLPage(GraphQLView):
    graphiql_template = TEMPLATE

    def render_graphiql(self, request, **data):
        # What graphene-django's own script reads from ``window.GRAPHENE_SETTINGS``.
        page_settings = {
            "subscriptionPath": data.get("subscription_path"),
            "graphiqlHeaderEditorEnabled": graphene_settings.GRAPHIQL_HEADER_EDITOR_ENABLED,
            "graphiqlShouldPersistHeaders": graphene_settings.GRAPHIQL_SHOULD_PERSIST_HEADERS,
            "graphiqlInputValueDeprecation": graphene_settings.GRAPHIQL_INPUT_VALUE_DEPRECATION,
        }
        return render(request, self.graphiql_template, {"graphiql_settings": page_settings})
