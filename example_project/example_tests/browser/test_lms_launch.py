"""A launch from an LMS opens the demo frontend with the learner token in the URL's
fragment: the frontend keeps it as its own token and takes it out of the address bar."""

import pytest

from .conftest import DESKTOP, new_screen, path
from .test_progress import TOKEN_KEY

pytestmark = pytest.mark.browser


def test_the_frontend_keeps_the_token_a_launch_hands_over(browser, site, committed_db):
    # The learner is committed: on PostgreSQL the server does not see the test's own
    # transaction, answers `me: null` for an unknown learner, and the frontend forgets
    # the token (it did, once the answer came before the check).
    from borg_learning.learners.identity import issue_token
    from borg_learning.learners.models import Learner

    token = issue_token(Learner.objects.create())
    tab = new_screen(browser, site, DESKTOP)
    try:
        page = tab.open(path(site.basic_module) + "#learner-token=" + token)

        assert page.evaluate(f"localStorage.getItem('{TOKEN_KEY}')") == token
        assert page.evaluate("location.hash") == ""
        assert page.url == site.url + path(site.basic_module)
        assert page.locator("h1").inner_text() == site.basic_module.title
        assert not tab.errors, tab.errors
    finally:
        tab.page.context.close()
