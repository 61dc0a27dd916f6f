"""Uploaded files served with byte ranges, for the development server and the tests'
live site.

Django's ``static.serve`` always sends a whole file. A podcast app, and Safari's audio
player, ask for a part of an audio file (``Range: bytes=0-1``) and need ``206 Partial
Content`` to seek, and Apple Podcasts refuses a feed whose files do not answer so. This
view answers one range with 206, a range outside the file with 416, and anything else
(no range, several ranges) with the whole file, as RFC 9110 allows. ``If-Range`` is
ignored: a range is answered from the file as it is now (uploads are not changed in
place; a new file gets a new name). In production the
web server or the file storage serves ``MEDIA_URL`` (nginx, Apache, S3 and CDNs answer
ranges themselves): see docs/podcasts.md.
"""

import re

from django.http import HttpResponse, StreamingHttpResponse
from django.views.static import serve

ONE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 64 * 1024


def serve_media(request, path, document_root=None):
    response = serve(request, path, document_root=document_root)
    if response.status_code != 200:
        return response
    response["Accept-Ranges"] = "bytes"
    asked = ONE_RANGE.match(request.headers.get("Range", "").strip())
    if request.method != "GET" or asked is None or asked.groups() == ("", ""):
        return response
    size = int(response["Content-Length"])
    first, last = asked.groups()
    if first:
        start, end = int(first), min(int(last), size - 1) if last else size - 1
    else:  # the last N bytes
        start, end = max(size - int(last), 0), size - 1
    if start >= size or start > end:
        response.close()
        refused = HttpResponse(status=416)
        refused["Content-Range"] = f"bytes */{size}"
        return refused
    partial = StreamingHttpResponse(
        FilePart(response.file_to_stream, start, end - start + 1), status=206
    )
    for header in ("Content-Type", "Last-Modified", "Accept-Ranges"):
        if header in response:
            partial[header] = response[header]
    partial["Content-Range"] = f"bytes {start}-{end}/{size}"
    partial["Content-Length"] = str(end - start + 1)
    return partial


class FilePart:
    """``length`` bytes of ``file`` from ``start``, in chunks. The response closes it when it
    is done, which closes the file, also when the client left before the first chunk (a
    generator's ``finally`` runs only once it started)."""

    def __init__(self, file, start, length):
        self.file, self.start, self.length = file, start, length

    def __iter__(self):
        self.file.seek(self.start)
        length = self.length
        while length > 0:
            chunk = self.file.read(min(CHUNK, length))
            if not chunk:
                break
            length -= len(chunk)
            yield chunk

    def close(self):
        self.file.close()
