"""The installable app's icons, drawn from the favicon (static/frontend/icon.svg): an open
book in white on the site's purple.

The PNGs are committed; run this again after a change of the design:

    cd example_project && ../.venv/bin/python -m frontend.app_icons

Each icon is drawn four times as large and scaled down, so its edges are smooth.
``icon-192.png`` and ``icon-512.png`` have the favicon's rounded corners (``purpose: any``);
``icon-maskable-512.png`` fills the square, for launchers that cut their own shape out of
it (the book stays within the middle 80 %, the part every shape keeps), and
``apple-touch-icon.png`` (180 px) likewise, as iOS rounds it itself.
"""

import math
from pathlib import Path

from PIL import Image, ImageDraw

FOLDER = Path(__file__).resolve().parent / "static" / "frontend" / "icons"
PURPLE = (0x5B, 0x2A, 0x86, 255)
WHITE = (255, 255, 255, 255)
OVERSAMPLE = 4
# The favicon's grid: a 32-unit square with corners of radius 6, a stroke of 1.8.
GRID = 32
CORNER = 6
STROKE = 1.8

ICONS = {
    "icon-192.png": (192, True),
    "icon-512.png": (512, True),
    "icon-maskable-512.png": (512, False),
    "apple-touch-icon.png": (180, False),
}


def arc(centre, radius, start, end, steps=12):
    """Points on a circle's arc from angle ``start`` to ``end`` (degrees, y downwards)."""
    return [
        (
            centre[0] + radius * math.cos(math.radians(start + (end - start) * i / steps)),
            centre[1] + radius * math.sin(math.radians(start + (end - start) * i / steps)),
        )
        for i in range(steps + 1)
    ]


def left_page():
    """The book's left page, as the favicon's path ``M8 9h6a2 2 0 0 1 2 2v13a2 2 0 0
    0-2-2H8z`` draws it."""
    return [
        (8, 9),
        *arc((14, 11), 2, -90, 0),
        *arc((14, 24), 2, 0, -90),
        (8, 22),
        (8, 9),
    ]


def book():
    """Both pages: the right one is the left one mirrored."""
    left = left_page()
    return [left, [(GRID - x, y) for x, y in left]]


def draw(size, rounded):
    scale = size * OVERSAMPLE / GRID
    image = Image.new("RGBA", (size * OVERSAMPLE, size * OVERSAMPLE), (0, 0, 0, 0))
    canvas = ImageDraw.Draw(image)
    box = (0, 0, image.width - 1, image.height - 1)
    if rounded:
        canvas.rounded_rectangle(box, radius=round(CORNER * scale), fill=PURPLE)
    else:
        canvas.rectangle(box, fill=PURPLE)
    width = round(STROKE * scale)
    for page in book():
        points = [(x * scale, y * scale) for x, y in page]
        canvas.line(points, fill=WHITE, width=width)
        # Round joins, as the favicon's stroke-linejoin: a dot on every corner.
        for x, y in points:
            canvas.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=WHITE)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main():
    FOLDER.mkdir(parents=True, exist_ok=True)
    for name, (size, rounded) in ICONS.items():
        draw(size, rounded).save(FOLDER / name, optimize=True)
        print(FOLDER / name)


if __name__ == "__main__":
    main()
