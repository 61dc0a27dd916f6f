"""A sub-app's fields on ``LearningTheme`` (hook ``register_learning_theme_fields``) never
silently replace a field of the core or of another sub-app."""

import graphene
import pytest
from django.core.exceptions import ImproperlyConfigured

from borg_learning.api.graphql.themes import Theme, without_clashes


class Podcast:
    podcast_url = graphene.String()


class OwnModules:
    modules = graphene.List(graphene.String)

    def resolve_modules(theme, info):
        return []


class OtherPodcast:
    def resolve_podcast_url(theme, info):
        return ""


def test_fields_with_new_names_are_added():
    assert without_clashes((Podcast,)) == (Podcast,)
    assert "podcast_url" in Theme._meta.fields  # the podcasts' own, through the hook


def test_a_field_the_core_has_is_refused_when_the_type_is_built():
    with pytest.raises(ImproperlyConfigured, match="adds 'modules' to LearningTheme.*the core"):
        without_clashes((OwnModules,))


def test_a_name_another_sub_app_has_is_refused():
    with pytest.raises(
        ImproperlyConfigured, match="OtherPodcast adds 'podcast_url'.*test_theme_fields.Podcast "
    ):
        without_clashes((Podcast, OtherPodcast))
