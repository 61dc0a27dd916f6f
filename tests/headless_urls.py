"""The test site's URLs without Wagtail's page serving, as a headless site routes them
(the example site does): a page has no URL Wagtail can reverse."""

from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("borg_learning.urls")),
]
