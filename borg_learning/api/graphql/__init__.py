"""The GraphQL API: mix ``Query`` and ``Mutation`` into a site's schema, or serve ``schema``."""

from borg_learning.api.graphql.schema import Mutation, Query, schema, schema_types

__all__ = ["Mutation", "Query", "schema", "schema_types"]
