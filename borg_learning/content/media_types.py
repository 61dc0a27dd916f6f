"""The MIME type of an uploaded audio or video file, for the APIs and the podcast feeds."""

import mimetypes
import os


def mime_type(media) -> str:
    """Guessed from the file name ("audio/mpeg" for .mp3), else the kind and extension."""
    guessed, _encoding = mimetypes.guess_type(media.file.name)
    if guessed:
        return guessed
    extension = os.path.splitext(media.file.name)[1].lstrip(".") or "octet-stream"
    return f"{media.type}/{extension}"
