"""The podcast feeds' URLs on the site and their addresses in GraphQL."""

from django.urls import include, path
from wagtail import hooks


@hooks.register("register_learning_urls")
def podcast_urls():
    return [path("learning/podcast/", include("borg_learning.podcasts.urls"))]


@hooks.register("register_learning_theme_fields")
def theme_podcast_fields():
    from borg_learning.podcasts.graphql import ThemePodcastFields

    return [ThemePodcastFields]


@hooks.register("register_learning_graphql_query")
def podcast_queries():
    from borg_learning.podcasts.graphql import PodcastQuery

    return [PodcastQuery]
