"""The podcast feeds: RSS 2.0 with Apple's iTunes tags, built on Django's syndication
framework. One feed for all the audio of the learning environment, one per theme.

``PodcastFeed`` says what is in a feed (the channel from ``PodcastSettings``, the items
from ``episodes``); ``PodcastFeedGenerator`` writes the tags plain RSS has no room for:
``itunes:image``, ``itunes:category``, ``itunes:explicit``, ``itunes:author``,
``itunes:owner`` on the channel and ``itunes:duration`` on each item. Apple requires the
channel's title, description, image, language, category and explicit flag, and of each
item the title and an enclosure with its length and type.
"""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.translation import gettext
from wagtail.models import Site

from borg_learning.conf import learning_settings
from borg_learning.content.media_types import mime_type
from borg_learning.frontend_urls import frontend_root_url
from borg_learning.models import Theme
from borg_learning.podcasts.episodes import episodes
from borg_learning.podcasts.models import PodcastSettings
from borg_learning.visibility import Visibility

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
#: The size of the cover a rendition is made at: Apple asks for 1400 to 3000 pixels.
COVER_FILTER = "fill-1400x1400|format-jpeg"
DEFAULT_COVER = "borg_learning_podcasts/cover.png"


class PodcastFeedGenerator(Rss201rev2Feed):
    """RSS 2.0 with the iTunes namespace."""

    content_type = "application/rss+xml; charset=utf-8"

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:itunes": ITUNES}

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        feed = self.feed
        handler.startElement("image", {})
        handler.addQuickElement("url", feed["image_url"])
        handler.addQuickElement("title", feed["title"])
        handler.addQuickElement("link", feed["link"])
        handler.endElement("image")
        handler.addQuickElement("itunes:image", attrs={"href": feed["image_url"]})
        handler.addQuickElement("itunes:author", feed["itunes_author"])
        handler.startElement("itunes:owner", {})
        handler.addQuickElement("itunes:name", feed["owner_name"])
        if feed["owner_email"]:
            handler.addQuickElement("itunes:email", feed["owner_email"])
        handler.endElement("itunes:owner")
        category, *subcategory = feed["itunes_category"].split(" > ")
        handler.startElement("itunes:category", {"text": category})
        for text in subcategory:
            handler.addQuickElement("itunes:category", attrs={"text": text})
        handler.endElement("itunes:category")
        handler.addQuickElement("itunes:explicit", "false")
        handler.addQuickElement("itunes:type", "episodic")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("itunes:title", item["title"])
        handler.addQuickElement("itunes:duration", str(item["duration"]))
        handler.addQuickElement("itunes:explicit", "false")
        handler.addQuickElement("itunes:episodeType", "full")


class PodcastFeed(Feed):
    """The feed of a theme (``theme`` is its slug) or, without one, of everything.

    An instance serves one request: it keeps the request and its site's settings. The
    URLs route to ``podcast_feed``, which makes one per request, as Django's threads
    would otherwise share one instance and mix the sites' settings and hosts.
    """

    feed_type = PodcastFeedGenerator

    def __call__(self, request, *args, **kwargs):
        # The feed's <language> is the active language, and so are the texts it writes.
        with translation.override(learning_settings.PODCAST_LANGUAGE):
            response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = f"public, max-age={learning_settings.PODCAST_CACHE_SECONDS}"
        return response

    def get_object(self, request, theme=None):
        self.request = request
        self.settings = PodcastSettings.for_request(request)
        if theme is None:
            return None
        found = Visibility.of(request, anonymous=True).in_locale(Theme.objects.filter(slug=theme))
        found = found.first()
        if found is None:
            raise Http404("No such theme.")
        return found

    # The channel ---------------------------------------------------------------------

    def title(self, theme):
        return f"{self.settings.title} – {theme.name}" if theme else self.settings.title

    def description(self, theme):
        return (theme.description if theme else "") or self.settings.description

    def link(self, theme):
        """The learning environment's start in the frontend."""
        site = Site.find_for_request(self.request)
        return frontend_root_url(site.root_url if site else "") + "/"

    def feed_url(self, theme):
        return self.request.build_absolute_uri(podcast_path(theme))

    def feed_copyright(self, theme):
        return self.settings.author

    def feed_extra_kwargs(self, theme):
        return {
            "image_url": self.image_url(),
            "itunes_author": self.settings.author,
            "owner_name": self.settings.owner_name,
            "owner_email": self.settings.owner_email,
            "itunes_category": self.settings.category,
        }

    def image_url(self):
        if self.settings.image is not None:
            url = self.settings.image.get_rendition(COVER_FILTER).url
        else:
            url = static(DEFAULT_COVER)
        return self.request.build_absolute_uri(url)

    # The items -----------------------------------------------------------------------

    def items(self, theme):
        return episodes(self.request, theme)

    def item_title(self, episode):
        page_title = episode.page.title
        return episode.title if episode.title == page_title else f"{page_title}: {episode.title}"

    def item_link(self, episode):
        return episode.page.get_full_url(self.request)

    def item_description(self, episode):
        summary = getattr(episode.page, "summary", "") or ""
        if not episode.has_transcript:
            return summary
        transcript = gettext("Transcript: %(url)s") % {"url": self.item_link(episode)}
        return f"{summary}\n\n{transcript}".strip()

    def item_guid(self, episode):
        return f"borg-learning-audio:{episode.page.pk}:{episode.block_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, episode):
        return episode.published

    def item_enclosures(self, episode):
        media = episode.media
        url = self.request.build_absolute_uri(media.file.url)
        return [Enclosure(url, str(episode.size), mime_type(media))]

    def item_extra_kwargs(self, episode):
        return {"duration": round(episode.media.duration or 0)}


def podcast_feed(request, theme=None):
    """The view: a feed of its own for each request."""
    return PodcastFeed()(request, theme=theme)


def podcast_path(theme=None):
    if theme is None:
        return reverse("borg_learning_podcasts:feed")
    return reverse("borg_learning_podcasts:theme_feed", args=[theme.slug])
