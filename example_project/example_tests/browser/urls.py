"""The example site's URLs for the browser tests: admin, API, media and the frontend."""

from django.conf import settings
from django.urls import include, path, re_path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from example.media import serve_media

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("borg_learning.urls")),
    # The test settings have DEBUG off, so serve the demo's images and media here, with
    # byte ranges as a production web server does.
    re_path(r"^media/(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT}),
    path("", include("frontend.urls")),
]
