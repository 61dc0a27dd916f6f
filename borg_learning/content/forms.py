"""The page form that refuses to publish a module that does not fit in its time."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from borg_learning.content.duration import format_minutes


def over_budget_message(estimate, target_minutes, what):
    return _(
        "%(what)s takes about %(duration)s, longer than its target duration of %(target)s, "
        "so it cannot be published. Shorten the content or change the target. "
        "Breakdown: %(breakdown)s."
    ) % {
        "what": what,
        "duration": format_minutes(estimate.total_minutes),
        "target": format_minutes(target_minutes),
        "breakdown": estimate.breakdown(),
    }


def media_without_duration(body):
    """(index, child block name, media item) of the audio and video blocks in ``body``
    whose file has no duration: they would count as 0:00 in the estimate."""
    for index, block in enumerate(body or []):
        value = block.value
        if block.block_type == "audio":
            name = "audio"
        elif block.block_type == "video" and not value.get("embed_url"):
            name = "video"
        else:
            continue
        media = value.get(name)
        if media is not None and not media.duration:
            yield index, name, media


def unknown_duration_message(media):
    return _(
        "The duration of '%(title)s' is unknown, so it would count as 0:00 and this page "
        "cannot be published. Fill in its duration under Media, or upload the file again "
        "so that the duration is read from it."
    ) % {"title": media.title}


def unknown_duration_error(body):
    """A StreamField error on each audio or video block whose duration is unknown."""
    block_errors = {
        index: StructBlockValidationError(
            block_errors={name: ValidationError(unknown_duration_message(media))}
        )
        for index, name, media in media_without_duration(body)
    }
    return StreamBlockValidationError(block_errors=block_errors) if block_errors else None


class TimedPageForm(WagtailAdminPageForm):
    """Saving a draft always works; publishing checks the estimate against the target
    and refuses media whose duration is unknown."""

    def is_publishing(self):
        return "action-publish" in self.data

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_publishing():
            return cleaned_data
        body = cleaned_data.get("body")
        if "body" not in self.errors:
            error = unknown_duration_error(body)
            if error is not None:
                self.add_error("body", error)
        # Checked with the other fields' errors, not after them: the editor sees every
        # problem in one round. Only a target or body that is wrong itself is skipped.
        target = cleaned_data.get("target_duration")
        if target and "target_duration" not in self.errors and "body" not in self.errors:
            for field, message in self.instance.over_budget_errors(body, target, self.parent_page):
                self.add_error(field, message)
        return cleaned_data
