"""The module pages' fields for wagtail-grapple, set before grapple builds its types, so
that the benchmark can ask grapple the frontend's field set (benchmarks/settings.py)."""

from django.apps import AppConfig


class GrappleFields(AppConfig):
    name = "benchmarks.grapple_fields"
    label = "benchmark_grapple_fields"

    def ready(self):
        from grapple.models import (
            GraphQLCollection,
            GraphQLForeignKey,
            GraphQLImage,
            GraphQLInt,
            GraphQLStreamfield,
            GraphQLString,
        )

        from borg_learning.models import BasicModulePage, Theme

        BasicModulePage.graphql_fields = [
            GraphQLString("summary"),
            GraphQLInt("target_duration"),
            GraphQLInt("estimated_duration_seconds"),
            GraphQLString("copyright_holder"),
            GraphQLImage("image"),
            GraphQLCollection(GraphQLForeignKey, "themes", "borg_learning.Theme"),
            GraphQLStreamfield("body"),
        ]
        Theme.graphql_fields = [GraphQLString("slug"), GraphQLString("name")]
