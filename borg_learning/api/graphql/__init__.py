"""The GraphQL API: mix ``Query`` and ``Mutation`` into a site's schema, or serve ``schema``."""

from borg_learning.api.graphql.schema import Mutation, Query, schema

__all__ = ["Mutation", "Query", "schema"]
