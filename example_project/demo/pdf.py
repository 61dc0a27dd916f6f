"""A tiny PDF writer for the demo's worksheets: text, headings and lines to write on.

Only what the worksheets need: A4 pages, Helvetica (WinAnsi, so Dutch accents work),
word wrap by an estimated text width, a coloured title bar and ruled answer lines.
"""

import textwrap

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 56
FONTS = {"regular": "F1", "bold": "F2"}
# Average glyph width of Helvetica in ems, a little generous so lines never overflow.
AVERAGE_WIDTH = 0.5


def _escape(text):
    data = text.encode("cp1252")
    return data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _rgb(hex_value):
    hex_value = hex_value.lstrip("#")
    return " ".join(f"{int(hex_value[i : i + 2], 16) / 255:.3f}" for i in (0, 2, 4))


class Document:
    """Lay out blocks top to bottom; a new page starts when one is full."""

    def __init__(self, title, accent="#5b2a86", footer=""):
        self.title, self.accent, self.footer = title, accent, footer
        self.pages = []
        self._new_page()

    def _new_page(self):
        self.ops = []
        self.pages.append(self.ops)
        self.y = PAGE_HEIGHT - MARGIN
        if self.footer:
            self._text(self.footer, MARGIN, 30, 8, "regular", "#5f6368")
            self._text(str(len(self.pages)), PAGE_WIDTH - MARGIN - 8, 30, 8, "regular", "#5f6368")

    def _ensure(self, height):
        if self.y - height < MARGIN:
            self._new_page()

    def _text(self, text, x, y, size, font, colour="#000000"):
        self.ops.append(
            b"BT %s rg /%s %d Tf %d %d Td (%s) Tj ET"
            % (_rgb(colour).encode(), FONTS[font].encode(), size, x, y, _escape(text))
        )

    def title_bar(self, subtitle=""):
        height = 64 if subtitle else 48
        top = PAGE_HEIGHT - 28
        self.ops.append(
            b"%s rg 0 %d %d %d re f"
            % (_rgb(self.accent).encode(), top - height, PAGE_WIDTH, height)
        )
        self._text(self.title, MARGIN, top - 32, 18, "bold", "#ffffff")
        if subtitle:
            self._text(subtitle, MARGIN, top - 52, 10, "regular", "#ffffff")
        self.y = top - height - 28

    def paragraph(self, text, size=10, font="regular", gap=6, indent=0, colour="#000000"):
        width = PAGE_WIDTH - 2 * MARGIN - indent
        lines = textwrap.wrap(text, width=int(width / (size * AVERAGE_WIDTH)))
        leading = size * 1.35
        for line in lines:
            self._ensure(leading)
            self.y -= leading
            self._text(line, MARGIN + indent, self.y, size, font, colour)
        self.y -= gap

    def heading(self, text, size=12):
        self._ensure(size * 4)
        self.y -= 6
        self.paragraph(text, size=size, font="bold", gap=4, colour=self.accent)

    def bullets(self, items, size=10):
        for item in items:
            self._ensure(size * 1.4)
            self._text("-", MARGIN + 4, self.y - size * 1.35, size, "bold", self.accent)
            self.paragraph(item, size=size, gap=2, indent=16)
        self.y -= 4

    def answer_lines(self, count, spacing=22):
        for _line in range(count):
            self._ensure(spacing)
            self.y -= spacing
            self.ops.append(
                b"0.75 0.75 0.75 RG 0.6 w %d %d m %d %d l S"
                % (MARGIN, self.y, PAGE_WIDTH - MARGIN, self.y)
            )
        self.y -= 8

    def render(self):
        objects = [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            None,  # the page tree, filled in below
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
            b"/Encoding /WinAnsiEncoding >>",
            b"<< /Title (%s) /Author (De Borg) /Producer (borg_learning demo) >>"
            % _escape(self.title),
        ]
        kids = []
        for ops in self.pages:
            stream = b"\n".join(ops)
            objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
            objects.append(
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>"
                % (PAGE_WIDTH, PAGE_HEIGHT, len(objects))
            )
            kids.append(b"%d 0 R" % len(objects))
        objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))

        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(objects, start=1):
            offsets.append(len(out))
            out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
        out += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
            len(objects) + 1,
            xref,
        )
        return bytes(out)
