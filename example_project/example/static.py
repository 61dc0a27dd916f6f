"""How the example site serves its static files and compresses its answers.

WhiteNoise serves the files `collectstatic` writes, each also precompressed (gzip and,
with the brotli package, Brotli), under a name with a hash of its content and with a
far-future `Cache-Control` (WhiteNoise gives such names a year, `immutable`).
"""

from django.contrib.staticfiles.storage import ManifestStaticFilesStorage
from django.middleware.gzip import GZipMiddleware
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Hashed and compressed names, also inside the demo frontend's JavaScript modules:
    `import ... from "./dom.js";` and `import("./screens/start.js")` point at the hashed
    names, so a module is loaded under one name only, and a new version under a new one."""

    support_js_module_import_aggregation = True
    # The frontend's modules import each other up to this many levels deep.
    max_post_process_passes = max(ManifestStaticFilesStorage.max_post_process_passes, 10)


# Answers of these paths are not compressed: the admins' pages carry CSRF tokens next to
# what the user typed, which compression could leak (BREACH); documents and media are
# compressed files already, and static files come compressed from WhiteNoise.
UNCOMPRESSED = ("/admin/", "/django-admin/", "/documents/", "/media/", "/static/")


class CompressMiddleware(GZipMiddleware):
    """gzip for the frontend's shell and queries and the API's JSON answers."""

    def process_response(self, request, response):
        if request.path_info.startswith(UNCOMPRESSED):
            return response
        return super().process_response(request, response)
