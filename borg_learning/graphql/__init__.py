"""The GraphQL API: mix ``Query`` and ``Mutation`` into a site's schema, or serve ``schema``."""

from .schema import Mutation, Query, schema

__all__ = ["Mutation", "Query", "schema"]
