"""The episodes of a podcast: every audio block of the live, public learning pages of the
request's site (basic modules, the parts of specialist modules, microlessons), newest
first, optionally of one theme.

What a page may show is the visibility policy's answer for an anonymous visitor: a podcast
app signs in to nothing. A part counts only below a module the policy shows. The audio
file must be outside private collections, too. The pages come in one query per page type
(the parts' query asks for the visible modules in a subquery) and their files in one
more, however many episodes there are: the blocks are read from the stored body, so no
block loads its file on its own.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from django.apps import apps
from django.core.cache import cache
from django.db.models.functions import Length, Substr
from wagtail.models import Page
from wagtailmedia.models import get_media_model

from borg_learning.models import BasicModulePage, ModulePartPage, SpecialistModulePage, Theme
from borg_learning.visibility import Visibility

#: A page's parent's tree path, in SQL: a part counts when its parent is a visible module,
#: found in one query however many modules the site has.
PARENT_PATH = Substr("path", 1, Length("path") - Page.steplen)


@dataclass(frozen=True)
class Episode:
    page: Page
    block_id: str
    title: str
    media: object
    has_transcript: bool
    size: int

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
    modules = _visible(visibility, SpecialistModulePage.objects.all(), theme)
    pages += visibility.pages(
        ModulePartPage.objects.alias(parent_path=PARENT_PATH).filter(
            parent_path__in=modules.values("path")
        )
    )
    if apps.is_installed("borg_learning.microlearning"):
        from borg_learning.microlearning.models import MicrolessonPage

        pages += _visible(visibility, MicrolessonPage.objects.all(), theme, "theme")
    return pages


class AudioBlock(NamedTuple):
    id: str
    title: str
    media_id: int
    has_transcript: bool


def _audio_blocks(page):
    """The page's audio blocks, read from the stored body (no block loads its file)."""
    for block in page.body.raw_data:
        value = block.get("value") or {}
        if block.get("type") == "audio" and value.get("audio"):
            transcript = (value.get("transcript") or "").strip()
            yield AudioBlock(
                block.get("id") or "",
                value.get("title") or page.title,
                int(value["audio"]),
                bool(transcript),
            )


def episodes(request, theme: Theme | None = None) -> list[Episode]:
    """The podcast's episodes for ``request``'s site, newest first."""
    visibility = Visibility.of(request, anonymous=True)
    found = [
        (page, block) for page in learning_pages(visibility, theme) for block in _audio_blocks(page)
    ]
    if not found:
        return []
    media_ids = {block.media_id for _page, block in found}
    media = visibility.media(get_media_model().objects.filter(pk__in=media_ids, type="audio"))
    files = {item.pk: item for item in media}
    sizes = file_sizes(files.values())
    made = [
        Episode(
            page,
            block.id,
            block.title,
            files[block.media_id],
            block.has_transcript,
            sizes[block.media_id],
        )
        for page, block in found
        if sizes.get(block.media_id) is not None
    ]
    return sorted(made, key=lambda episode: (episode.published, episode.page.path), reverse=True)


def file_sizes(media) -> dict[int, int | None]:
    """The audio files' sizes in bytes, by id, remembered per file in the cache (a file
    storage such as S3 asks over the network for each); None for a file that is gone."""
    keys = {f"borg_learning_podcasts:size:{item.pk}:{item.file.name}": item for item in media}
    known = cache.get_many(keys)
    missing = {}
    for key, item in keys.items():
        if key not in known:
            try:
                missing[key] = item.file.size
            except (OSError, ValueError):
                known[key] = None
    if missing:
        cache.set_many(missing, None)
    return {item.pk: {**known, **missing}[key] for key, item in keys.items()}
