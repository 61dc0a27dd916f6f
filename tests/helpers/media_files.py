"""Tiny real audio and video files, made on the spot (no network, no fixtures on disk)."""

import io
import subprocess
import tempfile
import wave
from pathlib import Path


def wav(seconds=1.5, rate=8000):
    """A silent mono WAV file of ``seconds``, from the standard library."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(rate)
        out.writeframes(b"\x80" * int(seconds * rate))
    return buffer.getvalue()


def webm(seconds=2):
    """A tiny WebM video of ``seconds``, encoded by imageio-ffmpeg's ffmpeg (a container
    mutagen cannot read, so the duration comes from ffmpeg)."""
    import imageio_ffmpeg

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "clip.webm"
        subprocess.run(
            [
                imageio_ffmpeg.get_ffmpeg_exe(),
                "-hide_banner",
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                f"color=c=blue:s=32x32:d={seconds}:r=5",
                "-c:v",
                "libvpx",
                "-b:v",
                "50k",
                str(target),
            ],
            check=True,
            capture_output=True,
        )
        return target.read_bytes()
