"""The microlesson: one unit of 30, 60, 90 or 120 seconds in one format.

A page type, not a snippet: a microlesson then has what every learning page has
without new code: drafts, previews in the frontend, revisions, scheduled publishing,
view restrictions and the visibility policy, Wagtail's REST API, search, links from a
module's body (a link block's page chooser) and the learners' progress, which is kept
per page. Themes are snippets, not pages, so a microlesson cannot sit below its theme;
it lives below a section (e.g. "Microlearning") and names its theme. The core's section
lists only the core's page types as children; it also accepts a page type that names it
as its parent (``borg_learning.models.pages.OpenToSubAppPages``), so the core does not
need to know this app.

The fixed-duration rule is the modules' (``TimedPage``), with the unit's length in
seconds as its budget instead of a target in minutes.
"""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from borg_learning.api.rest.serializers import ModuleBodyField
from borg_learning.content import blocks as content_blocks
from borg_learning.content.duration import format_seconds
from borg_learning.content.forms import media_without_duration, unknown_duration_message
from borg_learning.microlearning.formats import MicrolessonFormat, format_problems
from borg_learning.microlearning.forms import MicrolessonPageForm
from borg_learning.microlearning.lengths import format_length, length_choices, words_in
from borg_learning.microlearning.panels import LengthPanel
from borg_learning.models.frontend import LearningPageMixin
from borg_learning.models.modules import TimedPage


class MicrolessonBodyBlock(blocks.StreamBlock):
    """The body of a microlesson: the core's blocks that fit in a few minutes."""

    text = content_blocks.TextBlock()
    image = content_blocks.ImageBlock()
    audio = content_blocks.AudioBlock()
    video = content_blocks.VideoBlock()
    exercise = content_blocks.ExerciseBlock()
    link = content_blocks.LinkBlock()


class MicrolessonPage(LearningPageMixin, TimedPage, Page):
    """A microlesson; see the module's docstring."""

    # The budget is ``length``, in seconds, not a target in minutes.
    target_duration = None

    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One sentence for overviews: what you learn.")
    )
    format = models.CharField(
        _("format"),
        max_length=16,
        choices=MicrolessonFormat.choices,
        help_text=_(
            "Video: a video block. Infographic: an image block and a text block with its long "
            "description. Quiz: one or more exercise blocks. Podcast: an audio block with its "
            "transcript. Text summary: a text block."
        ),
    )
    length = models.PositiveSmallIntegerField(
        _("length"),
        choices=length_choices,
        default=60,
        help_text=_(
            "The unit's time budget, decided before writing. A text of 60 seconds is about "
            "200 words. Publishing fails when the estimate is longer."
        ),
    )
    theme = models.ForeignKey(
        "borg_learning.Theme",
        verbose_name=_("theme"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="microlessons",
    )
    body = StreamField(MicrolessonBodyBlock(), blank=True, verbose_name=_("content"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("format"), FieldPanel("length"), FieldPanel("theme")]),
        LengthPanel(),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("format"),
        index.FilterField("theme"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("format"),
        APIField("length"),
        APIField("estimated_duration_seconds"),
        APIField("body", serializer=ModuleBodyField()),
    ]
    parent_page_types = ["borg_learning.SectionPage"]
    subpage_types = []

    base_form_class = MicrolessonPageForm
    budget_subject = _("This microlesson")

    class Meta:
        verbose_name = _("microlesson")
        verbose_name_plural = _("microlessons")

    def over_budget_errors(self, body, length, parent_page):
        """(field, message) when the estimate of ``body`` is longer than ``length``."""
        estimate = self.estimate_duration(body)
        if estimate.total_seconds <= length:
            return []
        return [("length", over_length_message(estimate, length))]

    def latest_revision_budget_errors(self):
        """What publishing the latest revision would be refused for: unknown media
        durations, what its format lacks, and a length it does not fit in."""
        draft = self.get_latest_revision_as_object()
        body = draft.body
        return [
            *(unknown_duration_message(media) for _i, _n, media in media_without_duration(body)),
            *(message for _i, _n, message in format_problems(draft.format, body)),
            *(message for _f, message in draft.over_budget_errors(body, draft.length, None)),
        ]


def over_length_message(estimate, length):
    return gettext(
        "This microlesson takes about %(duration)s, longer than its length of %(length)s, so "
        "it cannot be published. Shorten the content or choose a longer length (a text of "
        "%(length)s is about %(words)s words). Breakdown: %(breakdown)s."
    ) % {
        "duration": format_seconds(estimate.total_seconds),
        "length": format_length(length),
        "words": words_in(length),
        "breakdown": estimate.breakdown(),
    }
