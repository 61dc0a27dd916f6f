"""Where the frontend shows a page: the URL Wagtail's "View live", the admin's links,
REST's ``html_url`` and GraphQL's ``url`` give.

A headless site does not route Wagtail's serve view, so Wagtail cannot reverse a page's
URL and the admin offers no "View live" link. The frontend shows a page at its path
below the site's root page (``/leeromgeving/sgg/``), so that path is the page's URL, on
``BORG_LEARNING['FRONTEND_URL']`` when the frontend has an address of its own, else on
the Wagtail site's root URL.
"""

from wagtail_headless_preview.models import HeadlessMixin

from borg_learning.conf import learning_settings
from borg_learning.frontend_urls import frontend_root_url


class LearningPageMixin(HeadlessMixin):
    """Previews in the frontend (wagtail-headless-preview) and page URLs in the frontend."""

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request=request)
        if parts is None:
            return None
        site_id, root_url, page_path = parts
        if page_path is None:  # Wagtail's serve view is not routed: a headless site
            for root in self._get_relevant_site_root_paths(request):
                if root.site_id == site_id:
                    root_url = root.root_url
                    page_path = self.url_path[len(root.root_path) - 1 :]
                    break
            else:
                return parts
        return site_id, frontend_root_url(root_url), page_path

    def get_url(self, request=None, current_site=None):
        if learning_settings.FRONTEND_URL:  # another address than the admin's
            return self.get_full_url(request=request)
        return super().get_url(request=request, current_site=current_site)
