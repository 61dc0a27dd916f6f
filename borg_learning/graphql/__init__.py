"""The GraphQL API: mix ``Query`` into a site's schema, or serve ``schema`` as it is."""

from .schema import Query, schema

__all__ = ["Query", "schema"]
