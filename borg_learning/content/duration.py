"""The duration estimate of a module: reading time, listening and watching time, exercises.

A module has a fixed time budget decided before it is written; the estimate tells the
editor whether the content fits in it. Wagtail loads the audio and video files of a
body in one query per block type, so the estimate costs no query per block.
"""

import dataclasses
import math
import re
from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from borg_learning.conf import learning_settings

WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def count_words(text):
    """Words in plain or rich text. Rich text is counted in its stored form: expanding its
    links and embeds would cost queries and add no words."""
    source = getattr(text, "source", text)
    return len(WORD.findall(strip_tags(str(source or ""))))


def format_seconds(seconds):
    """A time as an editor says it: "4 min 44 s", "2 min", "54 s"."""
    minutes, seconds = divmod(int(round(seconds)), 60)
    values = {"minutes": minutes, "seconds": seconds}
    if minutes and seconds:
        return _("%(minutes)s min %(seconds)s s") % values
    if minutes:
        return _("%(minutes)s min") % values
    return _("%(seconds)s s") % values


def format_minutes(minutes):
    """ "1 minute", "15 minutes", in the editor's language."""
    return ngettext("%(count)s minute", "%(count)s minutes", minutes) % {"count": minutes}


@dataclass(frozen=True)
class DurationEstimate:
    words: int = 0
    reading_seconds: int = 0
    audio_seconds: int = 0
    video_seconds: int = 0
    exercises: int = 0
    exercise_seconds: int = 0
    # A specialist module adds its parts up in whole minutes, as learners see them; this is
    # what the rounding up of each part added.
    rounding_seconds: int = 0

    @property
    def total_seconds(self):
        return (
            self.reading_seconds
            + self.audio_seconds
            + self.video_seconds
            + self.exercise_seconds
            + self.rounding_seconds
        )

    @property
    def total_minutes(self):
        """Whole minutes, rounded up: a module of 10:01 does not fit in 10 minutes."""
        return math.ceil(self.total_seconds / 60)

    def in_whole_minutes(self):
        """This estimate rounded up to whole minutes, the way a part is shown: the parts of
        a specialist module then add up to the module."""
        rounding = self.total_minutes * 60 - self.total_seconds
        return dataclasses.replace(self, rounding_seconds=self.rounding_seconds + rounding)

    def __add__(self, other):
        return DurationEstimate(
            *(a + b for a, b in zip(self.as_tuple(), other.as_tuple(), strict=True))
        )

    def as_tuple(self):
        return (
            self.words,
            self.reading_seconds,
            self.audio_seconds,
            self.video_seconds,
            self.exercises,
            self.exercise_seconds,
            self.rounding_seconds,
        )

    def breakdown(self):
        """One line per kind of content, in Dutch for the editor."""
        return ", ".join(
            [
                ngettext(
                    "reading %(count)s word: %(time)s",
                    "reading %(count)s words: %(time)s",
                    self.words,
                )
                % {"count": self.words, "time": format_seconds(self.reading_seconds)},
                _("audio: %(time)s") % {"time": format_seconds(self.audio_seconds)},
                _("video: %(time)s") % {"time": format_seconds(self.video_seconds)},
                ngettext(
                    "%(count)s exercise: %(time)s", "%(count)s exercises: %(time)s", self.exercises
                )
                % {"count": self.exercises, "time": format_seconds(self.exercise_seconds)},
                *(
                    [
                        _("parts rounded up to whole minutes: %(time)s")
                        % {"time": format_seconds(self.rounding_seconds)}
                    ]
                    if self.rounding_seconds
                    else []
                ),
                _("total: %(time)s") % {"time": format_seconds(self.total_seconds)},
            ]
        )


def estimate_body(stream_value):
    """The estimate of one StreamField body of module parts."""
    words = exercises = 0
    audio = video = 0.0
    for block in stream_value:
        kind, value = block.block_type, block.value
        if kind == "text":
            words += count_words(value.get("text"))
        elif kind == "image":
            words += count_words(value.get("caption"))
        elif kind in ("download", "link"):
            words += count_words(value.get("description"))
        elif kind == "exercise":
            exercises += 1
        elif kind in ("audio", "video"):
            media = value.get(kind)
            seconds = (media.duration or 0) if media is not None else 0
            if kind == "video" and value.get("embed_url"):
                seconds = value.get("embed_duration") or 0
            if kind == "audio":
                audio += seconds
            else:
                video += seconds
    return DurationEstimate(
        words=words,
        reading_seconds=math.ceil(words * 60 / learning_settings.WORDS_PER_MINUTE),
        audio_seconds=math.ceil(audio),
        video_seconds=math.ceil(video),
        exercises=exercises,
        exercise_seconds=exercises * learning_settings.SECONDS_PER_EXERCISE,
    )
