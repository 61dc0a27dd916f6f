import re
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from example.media import serve_media

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("borg_learning.urls")),
]

if settings.DEBUG and not urlsplit(settings.MEDIA_URL).netloc:
    # Uploads with byte ranges, so audio players and podcast apps can seek (example/media.py).
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve_media,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# The demo frontend renders every other path from the GraphQL API.
urlpatterns += [path("", include("frontend.urls"))]
