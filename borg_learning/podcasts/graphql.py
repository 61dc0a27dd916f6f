"""The podcast feeds' addresses in GraphQL: ``podcastUrl`` on a theme (through the
core's hook ``register_learning_theme_fields``) and at the root, for all the audio."""

import graphene
from django.urls import reverse


def feed_url(info, slug=None):
    name, args = ("theme_feed", [slug]) if slug else ("feed", [])
    return info.context.build_absolute_uri(reverse(f"borg_learning_podcasts:{name}", args=args))


class ThemePodcastFields:
    podcast_url = graphene.String(
        required=True,
        description="The theme's podcast: an RSS feed of its module and microlesson audio, "
        "for a podcast app.",
    )

    def resolve_podcast_url(theme, info):
        return feed_url(info, theme.slug)


class PodcastQuery:
    podcast_url = graphene.String(
        required=True,
        description="The podcast of all the learning environment's audio: an RSS feed for a "
        "podcast app; each theme has its own (LearningTheme.podcastUrl).",
    )

    def resolve_podcast_url(root, info):
        return feed_url(info)
