"""The demo's images, audio, video, subtitles and worksheets, made here and now.

Nothing is downloaded: images are drawn with Pillow, sound is synthesised with the
standard library, and the ffmpeg binary of the ``imageio-ffmpeg`` wheel encodes MP3
and MP4. Each file is made once per process, so loading the demo again (as tests do)
costs no second encode.
"""

import array
import functools
import io
import math
import re
import subprocess
import tempfile
from pathlib import Path

from django.core.management.base import CommandError
from PIL import Image, ImageDraw, ImageFont

from borg_learning.conf import learning_settings

from .pdf import Document

SIZE = (1200, 675)
VIDEO_SIZE = (640, 360)
VIDEO_FPS = 15
SAMPLE_RATE = 22050
FONT_FILES = {
    False: ["DejaVuSans.ttf", "LiberationSans-Regular.ttf", "Arial.ttf"],
    True: ["DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "Arial Bold.ttf"],
}
FONT_DIRS = [
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "/Library/Fonts",
    "/System/Library/Fonts/Supplemental",
    "C:/Windows/Fonts",
]


def colour(slug, default="#5f6368"):
    return next(
        (hex_value for name, _label, hex_value in learning_settings.COLOURS if name == slug),
        default,
    )


@functools.cache
def _font_path(bold):
    for directory in FONT_DIRS:
        root = Path(directory)
        if not root.is_dir():
            continue
        for name in FONT_FILES[bold]:
            found = next(root.rglob(name), None)
            if found:
                return str(found)
    return None


@functools.cache
def font(size, bold=False):
    """A TrueType font from the system, or Pillow's built-in one (no accents there)."""
    path = _font_path(bold)
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size)


def _wrap(draw, text, fnt, width):
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=fnt) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return lines + [line] if line else lines


def _paragraph(draw, xy, text, fnt, width, fill, spacing=1.3):
    x, y = xy
    for line in _wrap(draw, text, fnt, width):
        draw.text((x, y), line, font=fnt, fill=fill)
        y += int(fnt.size * spacing)
    return y


def _png(image):
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _canvas(title, accent):
    image = Image.new("RGB", SIZE, "#f7f5f2")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, SIZE[0], 14], fill=accent)
    draw.text((60, 50), title, font=font(44, bold=True), fill="#222222")
    return image, draw


# Images -----------------------------------------------------------------------------------


@functools.cache
def flag_system_png():
    """The four colours of the flag system, from healthy to very severe."""
    flags = [
        ("#3f8f4f", "Groen", "gezond en passend"),
        ("#f2b632", "Geel", "licht grensoverschrijdend"),
        ("#b8323a", "Rood", "zwaar grensoverschrijdend"),
        ("#1b1b1b", "Zwart", "zeer zwaar grensoverschrijdend"),
    ]
    image, draw = _canvas("Het Vlaggensysteem", colour("purple"))
    left, step = 70, 275
    for index, (fill, name, meaning) in enumerate(flags):
        x = left + index * step
        draw.rectangle([x, 170, x + 10, 520], fill="#6b6b6b")
        wave = [
            (x + 10, 175),
            (x + 110, 160),
            (x + 210, 190),
            (x + 210, 330),
            (x + 110, 300),
            (x + 10, 315),
        ]
        draw.polygon(wave, fill=fill)
        draw.ellipse([x - 6, 160, x + 16, 182], fill="#6b6b6b")
        draw.text((x, 545), name, font=font(34, bold=True), fill="#222222")
        _paragraph(draw, (x, 590), meaning, font(24), 220, "#444444")
    return _png(image)


@functools.cache
def target_group_png():
    """SGLVG as the overlap of three circles."""
    circles = [
        ((470, 300), colour("green"), (300, 215), ["Lichte", "verstandelijke", "beperking"]),
        ((730, 300), colour("orange"), (750, 230), ["Ernstige", "gedragsproblemen"]),
        ((600, 470), colour("blue"), (510, 570), ["Psychiatrie, trauma,", "verslaving"]),
    ]
    radius = 200
    image = Image.new("RGBA", SIZE, "#f7f5f2")
    for (cx, cy), fill, _label_at, _lines in circles:
        layer = Image.new("RGBA", SIZE, (0, 0, 0, 0))
        rgb = tuple(int(fill[i : i + 2], 16) for i in (1, 3, 5))
        ImageDraw.Draw(layer).ellipse(
            [cx - radius, cy - radius, cx + radius, cy + radius], fill=rgb + (95,)
        )
        image = Image.alpha_composite(image, layer)
    image = image.convert("RGB")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, SIZE[0], 14], fill=colour("petrol"))
    draw.text((60, 40), "SGLVG: meer dan een LVB", font=font(44, bold=True), fill="#222222")
    for _centre, _fill, (x, y), lines in circles:
        for number, line in enumerate(lines):
            draw.text((x, y + 32 * number), line, font=font(24, bold=True), fill="#222222")
    draw.text(
        (553, 340),
        "SGLVG",
        font=font(30, bold=True),
        fill="#ffffff",
        stroke_width=2,
        stroke_fill="#222222",
    )
    return _png(image)


@functools.cache
def observation_png():
    """Two cards: what you saw and heard, next to what you think of it."""
    image, draw = _canvas("Observeren of interpreteren?", colour("purple"))
    cards = [
        (
            60,
            colour("green"),
            "Wat zie en hoor je?",
            "Kevin legt zijn hand op het been van Lisa. Lisa duwt zijn hand weg en zegt: "
            '"Blijf van me af." Kevin lacht en loopt naar zijn kamer.',
            "Feit: schrijf dit op",
        ),
        (
            630,
            colour("orange"),
            "Wat denk je ervan?",
            "Kevin valt Lisa lastig. Hij doet het expres om haar te pesten.",
            "Interpretatie: zet dit apart",
        ),
    ]
    for x, accent, heading, text, note in cards:
        draw.rounded_rectangle(
            [x, 140, x + 510, 600], radius=24, fill="#ffffff", outline=accent, width=6
        )
        draw.text((x + 35, 175), heading, font=font(34, bold=True), fill=accent)
        _paragraph(draw, (x + 35, 250), text, font(28), 440, "#222222")
        draw.text((x + 35, 540), note, font=font(24, bold=True), fill="#555555")
    return _png(image)


def _title_card(size, title, subtitle, accent):
    image = Image.new("RGB", size, accent)
    draw = ImageDraw.Draw(image)
    width, height = size
    scale = width / 640
    draw.text(
        (int(40 * scale), int(110 * scale)), title, font=font(int(34 * scale), True), fill="#ffffff"
    )
    draw.text(
        (int(40 * scale), int(160 * scale)), subtitle, font=font(int(24 * scale)), fill="#ffffff"
    )
    draw.text(
        (int(40 * scale), height - int(50 * scale)),
        "Leeromgeving De Borg",
        font=font(int(18 * scale)),
        fill="#ffffff",
    )
    return image


# Sound ------------------------------------------------------------------------------------


def _tone(samples, start, seconds, start_hz, end_hz=None, volume=0.3, fade=0.08):
    """Add a sine tone gliding from start_hz to end_hz, with soft edges, into samples."""
    end_hz = end_hz or start_hz
    first, count = int(start * SAMPLE_RATE), int(seconds * SAMPLE_RATE)
    fade_count = max(1, int(fade * SAMPLE_RATE))
    phase = 0.0
    for index in range(count):
        progress = index / count
        phase += 2 * math.pi * (start_hz + (end_hz - start_hz) * progress) / SAMPLE_RATE
        envelope = min(1.0, index / fade_count, (count - index) / fade_count)
        position = first + index
        value = samples[position] + int(32767 * volume * envelope * math.sin(phase))
        samples[position] = max(-32767, min(32767, value))


def _chime(samples, start, base_hz=660.0, volume=0.22):
    for overtone, weight in ((1, 1.0), (2, 0.35), (3, 0.15)):
        _tone(samples, start, 1.2, base_hz * overtone, volume=volume * weight, fade=0.6)


def _silence(seconds):
    return array.array("h", bytes(2 * int(seconds * SAMPLE_RATE)))


BREATH_IN, BREATH_HOLD, BREATH_OUT, BREATH_CYCLES = 4, 2, 6, 4


def breathing_samples():
    """A minute of guided breathing without words: rising tone in, falling tone out."""
    intro, outro = _silence(3), _silence(3)
    _chime(intro, 0.3)
    cycle = _silence(BREATH_IN + BREATH_HOLD + BREATH_OUT)
    _tone(cycle, 0, BREATH_IN, 196, 294, volume=0.25, fade=0.8)
    _tone(cycle, BREATH_IN + BREATH_HOLD, BREATH_OUT, 294, 196, volume=0.25, fade=1.2)
    _chime(outro, 0.2)
    _chime(outro, 0.9, base_hz=880)
    return intro + cycle * BREATH_CYCLES + outro


# Encoding ---------------------------------------------------------------------------------


def ffmpeg_exe():
    try:
        import imageio_ffmpeg
    except ImportError as error:
        raise CommandError(
            "The demo encodes its audio and video with imageio-ffmpeg. Install the example "
            "extras: pip install -e '.[example]'"
        ) from error
    return imageio_ffmpeg.get_ffmpeg_exe()


def _run_ffmpeg(args, stdin_data=None, frames=None):
    command = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", *args]
    process = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        if stdin_data is not None:
            process.stdin.write(stdin_data)
        for frame in frames or ():
            process.stdin.write(frame)
        process.stdin.close()
    except BrokenPipeError:
        pass
    errors = process.stderr.read()
    if process.wait() != 0:
        raise CommandError(f"ffmpeg failed: {errors.decode(errors='replace')[-2000:]}")


def probe_duration(path):
    """The duration ffmpeg reads from a file's header, in seconds."""
    result = subprocess.run(
        [ffmpeg_exe(), "-hide_banner", "-i", str(path)], capture_output=True, text=True
    )
    match = re.search(r"Duration: (\d+):(\d+):(\d+(?:\.\d+)?)", result.stderr)
    if not match:
        raise CommandError(f"Could not read the duration of {path}")
    hours, minutes, seconds = match.groups()
    return round(int(hours) * 3600 + int(minutes) * 60 + float(seconds), 2)


@functools.cache
def breathing_mp3():
    """The breathing exercise: MP3 ``data`` and its ``duration`` in seconds."""
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "ademhaling.mp3"
        _run_ffmpeg(
            [
                "-f",
                "s16le",
                "-ar",
                str(SAMPLE_RATE),
                "-ac",
                "1",
                "-i",
                "pipe:0",
                "-c:a",
                "libmp3lame",
                "-b:a",
                "48k",
                "-metadata",
                "title=Even rustig ademen",
                "-metadata",
                "artist=De Borg",
                str(target),
            ],
            stdin_data=breathing_samples().tobytes(),
        )
        return {"data": target.read_bytes(), "duration": probe_duration(target)}


VIDEO_TITLE = ("Reageren op SGG", "in vier stappen")
VIDEO_STEPS = [
    ("Stop het gedrag", 'Rustig en duidelijk: "Stop. Dit mag niet."', "red"),
    ("Zorg voor de ander", "Breng de ander in veiligheid en blijf erbij.", "orange"),
    ("Bied een alternatief", "Zeg wat wel kan, en waar.", "green"),
    ("Meld en overleg", "Schrijf op wat je zag. Bespreek het met de gedragsdeskundige.", "blue"),
]
TITLE_SECONDS, STEP_SECONDS = 2, 4


def video_cues():
    """(start, end, text) of each subtitle: the same text the video shows."""
    cues = [(0, TITLE_SECONDS, "Reageren op seksueel grensoverschrijdend gedrag, in vier stappen.")]
    for number, (heading, line, _colour) in enumerate(VIDEO_STEPS, start=1):
        start = TITLE_SECONDS + (number - 1) * STEP_SECONDS
        cues.append((start, start + STEP_SECONDS, f"Stap {number}. {heading}. {line}"))
    return cues


def subtitles_vtt():
    def stamp(seconds):
        return f"00:{seconds // 60:02d}:{seconds % 60:02d}.000"

    lines = ["WEBVTT", "", "NOTE Ondertitels bij de video 'Reageren in vier stappen'.", ""]
    for number, (start, end, text) in enumerate(video_cues(), start=1):
        lines += [str(number), f"{stamp(start)} --> {stamp(end)}", text, ""]
    return "\n".join(lines).encode("utf-8")


def _step_slide(number, heading, line, accent):
    image = Image.new("RGB", VIDEO_SIZE, "#f7f5f2")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, VIDEO_SIZE[0], 40], fill=colour("purple"))
    draw.text((20, 9), "Reageren op SGG in vier stappen", font=font(18, True), fill="#ffffff")
    draw.ellipse([40, 110, 140, 210], fill=accent)
    number_font = font(56, True)
    width = draw.textlength(str(number), font=number_font)
    draw.text((90 - width / 2, 124), str(number), font=number_font, fill="#ffffff")
    draw.text((170, 120), heading, font=font(34, True), fill="#222222")
    _paragraph(draw, (170, 175), line, font(22), 430, "#333333")
    return image


def _video_frames():
    """Raw RGB frames: a title card, then one slide per step with a progress bar."""
    title = _title_card(VIDEO_SIZE, *VIDEO_TITLE, colour("purple"))
    slides = [(title, TITLE_SECONDS, None)]
    for number, (heading, line, accent) in enumerate(VIDEO_STEPS, start=1):
        slides.append(
            (_step_slide(number, heading, line, colour(accent)), STEP_SECONDS, colour(accent))
        )
    for slide, seconds, accent in slides:
        count = seconds * VIDEO_FPS
        if accent is None:
            still = slide.tobytes()
            for _frame in range(count):
                yield still
            continue
        for frame in range(count):
            image = slide.copy()
            draw = ImageDraw.Draw(image)
            bar = int((frame + 1) / count * (VIDEO_SIZE[0] - 80))
            draw.rectangle([40, 310, VIDEO_SIZE[0] - 40, 318], fill="#dddddd")
            draw.rectangle([40, 310, 40 + bar, 318], fill=accent)
            yield image.tobytes()


def video_seconds():
    return TITLE_SECONDS + STEP_SECONDS * len(VIDEO_STEPS)


def _video_soundtrack():
    samples = _silence(video_seconds())
    for start, _end, _text in video_cues():
        _chime(samples, start + 0.05, base_hz=523.25, volume=0.18)
    return samples


@functools.cache
def steps_mp4():
    """The steps video: MP4 ``data``, a JPEG ``thumbnail``, ``duration`` and size."""
    width, height = VIDEO_SIZE
    with tempfile.TemporaryDirectory() as folder:
        sound, target = Path(folder) / "sound.raw", Path(folder) / "stappen.mp4"
        sound.write_bytes(_video_soundtrack().tobytes())
        _run_ffmpeg(
            [
                "-f",
                "rawvideo",
                "-pix_fmt",
                "rgb24",
                "-s",
                f"{width}x{height}",
                "-r",
                str(VIDEO_FPS),
                "-i",
                "pipe:0",
                "-f",
                "s16le",
                "-ar",
                str(SAMPLE_RATE),
                "-ac",
                "1",
                "-i",
                str(sound),
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-tune",
                "stillimage",
                "-crf",
                "26",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-b:a",
                "64k",
                "-shortest",
                "-movflags",
                "+faststart",
                "-metadata",
                "title=Reageren in vier stappen",
                str(target),
            ],
            frames=_video_frames(),
        )
        video, duration = target.read_bytes(), probe_duration(target)
    thumbnail = io.BytesIO()
    _title_card((1280, 720), *VIDEO_TITLE, colour("purple")).save(thumbnail, "JPEG", quality=85)
    return {
        "data": video,
        "thumbnail": thumbnail.getvalue(),
        "duration": duration,
        "width": width,
        "height": height,
    }


# Worksheets -------------------------------------------------------------------------------

FOOTER = "Leeromgeving De Borg – module SGG – © De Borg"


@functools.cache
def worksheet_pdf():
    pdf = Document("Werkblad: observeren en beschrijven", colour("purple"), FOOTER)
    pdf.title_bar("Bij de module SGG, onderdeel 3: Na een incident")
    pdf.paragraph(
        "Gebruik dit werkblad na een situatie waarin je seksueel grensoverschrijdend gedrag "
        "zag of vermoedde. Schrijf op wat je zag en hoorde, niet wat je ervan denkt. Neem het "
        "werkblad mee naar het overleg met de gedragsdeskundige. Vul het in dezelfde dienst "
        "in: dan weet je het nog precies."
    )
    questions = [
        ("1. Wanneer en waar?", "Datum, tijd, plek. Wie waren erbij?", 1),
        (
            "2. Wat zag en hoorde je?",
            "Alleen feiten: wie deed of zei wat? Gebruik letterlijke "
            "woorden tussen aanhalingstekens.",
            4,
        ),
        (
            "3. Wat gebeurde er vlak ervoor?",
            "Was er spanning, een conflict, een verandering in de planning?",
            2,
        ),
        (
            "4. Wat deed jij, en wat gebeurde er daarna?",
            "Hoe reageerde de cliënt, en hoe reageerde de ander?",
            3,
        ),
        (
            "5. Welke kleur uit het Vlaggensysteem past hierbij?",
            "Groen, geel, rood of zwart. Welke criteria wegen mee?",
            1,
        ),
        ("6. Wat is er nu nodig?", "Voor de ander, voor de cliënt, voor jezelf en je team.", 2),
    ]
    for heading, hint, lines in questions:
        pdf.heading(heading, size=11)
        pdf.paragraph(hint, size=9, colour="#5f6368", gap=0)
        pdf.answer_lines(lines, spacing=21)
    pdf.paragraph(
        "Dit werkblad vervangt de incidentmelding van je instelling niet. Meld "
        "altijd volgens de procedure van je eigen instelling.",
        size=9,
        font="bold",
    )
    return pdf.render()


@functools.cache
def pocket_card_pdf():
    pdf = Document("Zakkaart: reageren op SGG", colour("purple"), FOOTER)
    pdf.title_bar("Seksueel grensoverschrijdend gedrag, in vier stappen")
    steps = [
        (
            "1. Stop het gedrag",
            [
                "Direct, ook bij geel gedrag.",
                "Rustige stem, korte zinnen, de naam van de cliënt.",
                "Niet lachen, niet preken, niet dreigen.",
            ],
        ),
        (
            "2. Zorg voor de ander",
            [
                "De ander gaat voor: breng die in veiligheid.",
                "Vraag een collega erbij en blijf bij de ander.",
                "Rood of zwart: volg meteen de procedure van je instelling.",
            ],
        ),
        (
            "3. Bied een alternatief",
            ["Zeg concreet wat wel kan, en waar.", "Begrens het gedrag, niet de persoon."],
        ),
        (
            "4. Meld en overleg",
            [
                "Rapporteer dezelfde dienst, feitelijk.",
                "Bespreek het met de gedragsdeskundige.",
                "Je hoeft niet zelf uit te zoeken wat er precies gebeurde.",
            ],
        ),
    ]
    for heading, items in steps:
        pdf.heading(heading)
        pdf.bullets(items)
    pdf.heading("En daarna")
    pdf.bullets(
        [
            "Vraag de ander wat die nodig heeft; beloof geen geheimhouding.",
            "Blijf in contact met de cliënt: bespreek het gedrag op een rustig moment.",
            "Praat erover met een collega. Een incident kan je meer raken dan je denkt.",
        ]
    )
    return pdf.render()
