"""The duration of an audio or video file, read from the file when it is uploaded.

A media item without a duration would count as 0:00 in a module's estimate, so the app
fills in wagtailmedia's ``duration`` from the file itself: mutagen reads the header of
MP3, M4A/MP4, OGG, FLAC, WAV and AIFF files; other containers (WebM, MKV, AVI, …) are
read by ffmpeg, from ``ffprobe`` on the ``PATH`` or the binary of the ``imageio-ffmpeg``
package (``pip install borg-learning[video]``). A file neither can read keeps an empty
duration, and a module with it cannot be published until an editor fills it in.
"""

import logging
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

logger = logging.getLogger(__name__)

FFMPEG_DURATION = re.compile(r"Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)")


def read_duration(path):
    """The duration in seconds of the media file at ``path``, or None when unknown."""
    return _mutagen_duration(path) or _ffmpeg_duration(path)


def _mutagen_duration(path):
    try:
        import mutagen
    except ImportError:  # pragma: no cover - a dependency of the app
        return None
    try:
        found = mutagen.File(path)
    except Exception:
        logger.debug("mutagen cannot read %s", path, exc_info=True)
        return None
    length = getattr(getattr(found, "info", None), "length", None)
    return round(float(length), 2) if length and length > 0 else None


def ffmpeg_command(path):
    """The command that prints the file's duration: ffprobe, else imageio-ffmpeg's ffmpeg."""
    ffprobe = shutil.which("ffprobe")
    if ffprobe:
        return [ffprobe, "-hide_banner", str(path)]
    try:
        import imageio_ffmpeg
    except ImportError:
        return None
    return [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-i", str(path)]


def _ffmpeg_duration(path):
    command = ffmpeg_command(path)
    if command is None:
        return None
    try:
        result = subprocess.run(  # noqa: S603 - a fixed binary and a file path
            command, capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        logger.warning("Could not run %s to read the duration of %s", command[0], path)
        return None
    match = FFMPEG_DURATION.search(result.stderr)
    if not match:
        return None
    hours, minutes, seconds = match.groups()
    duration = int(hours) * 3600 + int(minutes) * 60 + float(seconds)
    return round(duration, 2) if duration > 0 else None


def duration_of_field_file(field_file):
    """The duration of a model's FileField value: a new upload or a stored file."""
    if not field_file:
        return None
    upload = getattr(field_file, "file", None)
    temporary_path = getattr(upload, "temporary_file_path", None)
    if callable(temporary_path):  # a large upload Django already wrote to disk
        return read_duration(temporary_path())
    suffix = Path(field_file.name or "").suffix
    with tempfile.NamedTemporaryFile(suffix=suffix) as copy:
        try:
            field_file.open("rb")
            field_file.seek(0)
            shutil.copyfileobj(field_file, copy)
            field_file.seek(0)
        except (OSError, ValueError):
            return None
        copy.flush()
        return read_duration(copy.name)


def fill_in_duration(sender, instance, raw=False, **kwargs):
    """``pre_save`` of the media model: read the duration from the file when it is empty,
    or when a new file replaces the old one and the duration was left as it was. A
    duration given with the file (by an editor or in code) is kept."""
    if raw or not instance.file:
        return
    if instance.duration:
        new_file = not getattr(instance.file, "_committed", True)
        if not (new_file and instance.pk):
            return
        stored = sender.objects.filter(pk=instance.pk).values_list("duration", flat=True).first()
        if stored != instance.duration:
            return  # the editor changed it together with the file
    duration = duration_of_field_file(instance.file)
    if duration:
        instance.duration = duration
