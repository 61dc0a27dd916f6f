"""The one rule for a page's URL in the frontend, for the page models and both APIs."""

from borg_learning.conf import learning_settings


def frontend_root_url(site_root_url):
    """The URL the frontend shows a site's root page at, without a trailing slash:
    ``BORG_LEARNING['FRONTEND_URL']``, else the Wagtail site's root URL."""
    return (learning_settings.FRONTEND_URL or site_root_url or "").rstrip("/")
