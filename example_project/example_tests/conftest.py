"""Fixtures of the example site's tests: the demo content, loaded for one test or a module.

The fixtures and hooks every suite has (GraphQL client, empty caches, the media folder
removed at the end, the database in the report header) are the app suite's.
"""

import pytest

from tests.conftest import (  # noqa: F401 (shared fixtures and hooks)
    clear_caches,
    graphql,
    pytest_report_header,
    pytest_sessionfinish,
)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The browser tests first and together, in their own order.

    pytest-django moves tests that commit to the database after all others, which would
    split ``example_tests/browser`` in two: its live site would be set up twice, the second time
    after a transactional test has flushed the database (on PostgreSQL). The browser
    package's ``site`` fixture puts the database back as it found it, so the rest runs
    on a clean database afterwards.
    """
    browser = [item for item in items if item.nodeid.startswith("example_tests/browser/")]
    others = [item for item in items if not item.nodeid.startswith("example_tests/browser/")]
    items[:] = browser + others


@pytest.fixture
def demo_content(db):
    """The example site's demo content, loaded into the test database for one test.

    Returns a namespace of its main objects: ``home``, ``environment``,
    ``basic_section``, ``specialist_section``, ``catalogue``, ``basic_module``, ``sgg``,
    ``sgg_parts``, ``themes`` (by slug), ``providers`` (by name),
    ``development_group`` and ``questionnaire``; a year of evaluation responses and
    visits comes with it. Loading takes a few seconds (the media files are generated
    once per run); a module of read-only tests can share one load with
    ``shared_demo_content`` instead.
    """
    from demo import content

    content.load()
    yield content.find()
    _forget_cached_sites()


@pytest.fixture(scope="module")
def shared_demo_content(django_db_setup, django_db_blocker):
    """The demo content loaded once per test module, rolled back after its last test.

    Tests that use it also need the ``db`` fixture (or the ``django_db`` mark), which
    rolls back what each test changes; not for ``transactional_db`` tests.
    """
    from django.db import transaction

    from demo import content

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            content.load()
            yield content.find()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            _forget_cached_sites()


def _forget_cached_sites():
    """Wagtail caches the site root paths; a rolled-back site must not linger there."""
    from wagtail.models import Site

    Site.clear_site_root_paths_cache()


@pytest.fixture
def editor(client):
    """A client logged in to the Wagtail admin as a superuser."""
    from example_tests.helpers import superuser

    client.force_login(superuser())
    return client
