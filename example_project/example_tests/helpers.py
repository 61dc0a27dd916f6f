"""Helpers of the example site's tests: an admin account and a preview token.

The app's builders (tests/factories.py) root pages at the test app's home page, which this
suite does not install; the report helpers come from tests/helpers/reports.py.
"""

from django.contrib.auth import get_user_model


def superuser(username="admin"):
    return get_user_model().objects.create_superuser(
        username=username, email=f"{username}@example.org", password="password"
    )


def preview_token(page):
    """The token of a headless preview of the page's latest draft, as the admin makes it."""
    draft = type(page).objects.get(pk=page.pk).get_latest_revision_as_object()
    return draft.create_page_preview().token
