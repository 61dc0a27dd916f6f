"""Small SVG charts for the admin reports, drawn on the server.

No scripts and no files from elsewhere: each function returns the markup of one
``<svg role="img">`` with a ``<title>`` and an ``aria-label``, ready to put in a
template. The charts are pictures of figures the report also shows in a table, so a
screen reader user reads the table and the chart only says what it shows.

Values may be ``None`` (no data): a bar is left out, a line is broken there.
"""

import math

from django.utils.formats import number_format
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

#: Series colours, chosen to stay apart for the common kinds of colour blindness.
PALETTE = ["#1f5fa8", "#e5732a", "#3f8f4f", "#5b2a86", "#b8323a", "#1d6f7a", "#f2b632", "#5f6368"]
TEXT = "#333"
GRID = "#d9d9d9"
FONT = 'font-family="sans-serif" font-size="12"'


def colour(index):
    return PALETTE[index % len(PALETTE)]


def number(value):
    """A figure as the chart labels it: whole numbers plain, others to one decimal."""
    if value is None:
        return "–"
    if float(value).is_integer():
        return f"{value:.0f}"
    return number_format(round(value, 1), 1)  # a decimal comma in Dutch


class Chart(SafeString):
    """The markup of one chart, with its ``title`` (the report shows it as a visible
    heading) and its ``legend``: ``[(name, colour)]`` of the series, which the report
    writes out in full under the chart instead of cutting names to fit a picture."""

    title = ""
    legend = ()


def chart(markup, title, legend=()):
    made = Chart(markup)
    made.title, made.legend = str(title), list(legend)
    return made


def _svg(title, width, height, body, legend=()):
    # FONT is a constant; body is made of format_html() parts, escaped already.
    font, markup = mark_safe(FONT), mark_safe(body)  # noqa: S308
    return chart(_svg_markup(title, width, height, font, markup), title, legend)


def _svg_markup(title, width, height, font, markup):
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{}" '
        'viewBox="0 0 {} {}" width="100%" style="max-width:{}px" class="borg-chart" {}>'
        "<title>{}</title>{}</svg>",
        title,
        width,
        height,
        width,
        font,
        title,
        markup,
    )


def _text(x, y, label, anchor="start", extra=""):
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{TEXT}" {extra}>'
        f"{escape(label)}</text>"
    )


#: The steps an axis may take between its five lines, times a power of ten.
NICE_STEPS = (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)


def _scale_max(values, max_value):
    """The top of the value axis: ``max_value``, else the largest value rounded up so the
    axis lines fall on round numbers (575 visits: 0, 150, 300, 450, 600), whole numbers
    for counts."""
    if max_value:
        return max_value
    present = [value for value in values if value is not None]
    largest = max(present, default=0)
    if largest <= 0:
        return 1
    quarter = largest / 4
    power = 10 ** math.floor(math.log10(quarter))
    step = next(nice * power for nice in NICE_STEPS if nice * power >= quarter)
    if all(float(value).is_integer() for value in present):
        step = max(math.ceil(step), 1)
    return step * 4


def _wrap(label, length, lines=3):
    """``label`` in lines of about ``length`` characters, broken between words; only a
    label longer than ``lines`` lines is cut."""
    words, found, line = str(label).split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > length:
            found.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    found.append(line)
    if len(found) > lines:
        found = found[: lines - 1] + [_shorten(" ".join(found[lines - 1 :]), length)]
    return found


def bar_chart(title, bars, max_value=None, label_width=260):
    """Horizontal bars, one per ``(label, value)``; a long label wraps onto more lines."""
    width, line_height, gap = 720, 14, 10
    wrapped = [_wrap(label, 36) for label, _value in bars]
    heights = [max(18, len(lines) * line_height + 4) for lines in wrapped]
    height = sum(heights) + gap * (len(bars) + 1) if bars else 18 + 2 * gap
    top = _scale_max([value for _label, value in bars], max_value)
    room = width - label_width - 60
    body = []
    y = gap
    for (_label, value), lines, bar_height in zip(bars, wrapped, heights, strict=True):
        first = y + bar_height / 2 - (len(lines) - 1) * line_height / 2 + 4
        for number_, line in enumerate(lines):
            body.append(_text(label_width - 8, first + number_ * line_height, line, anchor="end"))
        length = room * (value or 0) / top
        if value is not None:
            body.append(
                f'<rect x="{label_width}" y="{y + (bar_height - 18) / 2:.1f}" '
                f'width="{length:.1f}" height="18" fill="{colour(0)}"/>'
            )
        body.append(_text(label_width + length + 6, y + bar_height / 2 + 4, number(value)))
        y += bar_height + gap
    return _svg(title, width, height, "".join(body))


class _Frame:
    """What the charts over labels share: a grid with a value axis, the labels under
    it and a legend when there is more than one series."""

    width, height, left, bottom, top_margin = 760, 280, 80, 70, 10

    def __init__(self, labels, series, max_value):
        self.labels, self.series = labels, series
        self.plot_width = self.width - self.left - 10
        self.plot_height = self.height - self.bottom - self.top_margin
        self.top = _scale_max([value for _name, values in series for value in values], max_value)
        self.body = [_axis(self.left, self.top_margin, self.plot_width, self.plot_height, self.top)]

    def y(self, value):
        return self.top_margin + self.plot_height * (1 - value / self.top)

    def label(self, x, index):
        count = len(self.labels)
        every = -(-count // 24)  # at most 24 labels; days get every n-th
        if index % every == 0:
            y = self.height - self.bottom + 14
            # Turned, so a year of month names fits under the chart.
            self.body.append(
                _text(
                    x,
                    y,
                    self.labels[index],
                    anchor="end",
                    extra=f'transform="rotate(-35 {x:.1f} {y:.1f})"',
                )
            )

    def svg(self, title):
        legend = (
            [(name, colour(index)) for index, (name, _values) in enumerate(self.series)]
            if len(self.series) > 1
            else []
        )
        return _svg(title, self.width, self.height, "".join(self.body), legend)


def column_chart(title, labels, series, max_value=None):
    """Vertical bars per label, one bar per series side by side (grouped)."""
    frame = _Frame(labels, series, max_value)
    group = frame.plot_width / max(len(labels), 1)
    bar = min(40, (group - 6) / max(len(series), 1))
    for index in range(len(labels)):
        x0 = frame.left + index * group + (group - bar * len(series)) / 2
        for number_, (_name, values) in enumerate(series):
            value = values[index]
            if value is None:
                continue
            y = frame.y(value)
            frame.body.append(
                f'<rect x="{x0 + number_ * bar:.1f}" y="{y:.1f}" width="{bar:.1f}" '
                f'height="{frame.y(0) - y:.1f}" fill="{colour(number_)}"/>'
            )
        frame.label(frame.left + index * group + group / 2, index)
    return frame.svg(title)


def line_chart(title, labels, series, max_value=None):
    """One line per ``(name, values)`` over the labels (time buckets)."""
    frame = _Frame(labels, series, max_value)
    step = frame.plot_width / max(len(labels) - 1, 1)
    for number_, (_name, values) in enumerate(series):
        points, segments = [], []
        for index, value in enumerate(values):
            if value is None:
                segments.append(points)
                points = []
                continue
            points.append((frame.left + index * step, frame.y(value)))
        segments.append(points)
        for segment in segments:
            if len(segment) > 1:
                path = " ".join(f"{x:.1f},{y:.1f}" for x, y in segment)
                frame.body.append(
                    f'<polyline points="{path}" fill="none" '
                    f'stroke="{colour(number_)}" stroke-width="2"/>'
                )
            for x, y in segment:
                frame.body.append(
                    f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{colour(number_)}"/>'
                )
    for index in range(len(labels)):
        frame.label(frame.left + index * step, index)
    return frame.svg(title)


def distribution_bars(title, parts):
    """How the answers are spread, as HTML that wraps in a table cell: one line per
    ``(label, count)`` with the label in full, a bar as long as its share and the count.
    The bars keep their height at any column width (an SVG picture shrinks with it)."""
    total = sum(count for _label, count in parts) or 1
    rows = format_html_join(
        "",
        '<li class="borg-distribution__item"><span class="borg-distribution__label">{}'
        '</span><span class="borg-distribution__bar" style="width:{}%;background:{}">'
        '</span><span class="borg-distribution__count">{}</span></li>',
        (
            (label, f"{max(100 * count / total, 1 if count else 0):.0f}", colour(index), count)
            for index, (label, count) in enumerate(parts)
        ),
    )
    return format_html('<ul class="borg-distribution" aria-label="{}">{}</ul>', title, rows)


def sparkline(title, values, width=240, height=40):
    """A small line without axes: the shape of a daily series."""
    top = _scale_max(values, None)
    step = width / max(len(values) - 1, 1)
    path = " ".join(
        f"{index * step:.1f},{height - 2 - (height - 4) * (value or 0) / top:.1f}"
        for index, value in enumerate(values)
    )
    body = f'<polyline points="{path}" fill="none" stroke="{colour(0)}" stroke-width="2"/>'
    return _svg(title, width, height, body)


def _axis(left, top_margin, plot_width, plot_height, top):
    lines = []
    for step in range(5):
        value = top * step / 4
        y = top_margin + plot_height * (1 - step / 4)
        lines.append(
            f'<line x1="{left}" x2="{left + plot_width}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{GRID}"/>'
        )
        lines.append(_text(left - 4, y + 4, number(round(value, 1)), anchor="end"))
    return "".join(lines)


def _shorten(label, length):
    label = str(label)
    return label if len(label) <= length else label[: max(length - 1, 1)] + "…"
