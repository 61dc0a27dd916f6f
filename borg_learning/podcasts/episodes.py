"""The episodes of a podcast: every audio block of the live, public learning pages of the
request's site (basic modules, the parts of specialist modules, microlessons), newest
first, optionally of one theme.

What a page may show is the visibility policy's answer for an anonymous visitor: a podcast
app signs in to nothing. A part counts only below a module the policy shows. The audio
file must be outside private collections, too. The pages come in one query per page type
and their files in one more, however many episodes there are: the blocks are read from the
stored body, so no block loads its file on its own.
"""

from dataclasses import dataclass
from datetime import datetime
from functools import reduce
from operator import or_

from django.apps import apps
from django.core.cache import cache
from django.db.models import Q
from wagtail.models import Page
from wagtailmedia.models import get_media_model

from borg_learning.models import BasicModulePage, ModulePartPage, SpecialistModulePage, Theme
from borg_learning.visibility import Visibility


@dataclass(frozen=True)
class Episode:
    page: Page
    block_id: str
    title: str
    media: object
    has_transcript: bool

    @property
    def published(self) -> datetime:
        """When the audio went public: the page's first publication, or the upload when
        the audio came later."""
        return max(filter(None, [self.page.first_published_at, self.media.created_at]))


def _visible(visibility, queryset, theme=None, theme_field="themes"):
    if theme is not None:
        queryset = queryset.filter(**{theme_field: theme})
    return visibility.pages(queryset)


def learning_pages(visibility: Visibility, theme: Theme | None = None) -> list[Page]:
    """The pages whose audio is in the podcast: one query per page type."""
    pages = list(_visible(visibility, BasicModulePage.objects.all(), theme))
    module_paths = list(
        _visible(visibility, SpecialistModulePage.objects.all(), theme).values_list(
            "path", flat=True
        )
    )
    if module_paths:
        below = reduce(or_, (Q(path__startswith=path) for path in module_paths))
        parts = visibility.pages(ModulePartPage.objects.filter(below))
        pages += parts
    if apps.is_installed("borg_learning.microlearning"):
        from borg_learning.microlearning.models import MicrolessonPage

        pages += _visible(visibility, MicrolessonPage.objects.all(), theme, "theme")
    return pages


def _audio_blocks(page):
    """(block id, title, media id, has a transcript) of the page's audio blocks, from the
    stored body."""
    for block in page.body.raw_data:
        value = block.get("value") or {}
        if block.get("type") == "audio" and value.get("audio"):
            transcript = (value.get("transcript") or "").strip()
            yield (
                block.get("id") or "",
                value.get("title") or page.title,
                value["audio"],
                bool(transcript),
            )


def episodes(request, theme: Theme | None = None) -> list[Episode]:
    """The podcast's episodes for ``request``'s site, newest first."""
    visibility = Visibility.of(request, anonymous=True)
    found = [
        (page, *block)
        for page in learning_pages(visibility, theme)
        for block in _audio_blocks(page)
    ]
    media_ids = {media_id for *_rest, media_id, _t in found}
    media = visibility.media(get_media_model().objects.filter(pk__in=media_ids, type="audio"))
    files = {item.pk: item for item in media} if media_ids else {}
    made = [
        Episode(page, block_id, title, files[media_id], transcript)
        for page, block_id, title, media_id, transcript in found
        if media_id in files and file_size(files[media_id]) is not None
    ]
    return sorted(made, key=lambda episode: (episode.published, episode.page.path), reverse=True)


def file_size(media) -> int | None:
    """The audio file's size in bytes, remembered per file (a file storage such as S3 asks
    over the network); None when the file is gone."""
    key = f"borg_learning_podcasts:size:{media.pk}:{media.file.name}"
    size = cache.get(key)
    if size is None:
        try:
            size = media.file.size
        except (OSError, ValueError):
            return None
        cache.set(key, size, None)
    return size
