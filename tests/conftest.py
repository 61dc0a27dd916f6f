import shutil

import pytest
from django.conf import settings


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture
def graphql(client):
    """POST a GraphQL query to the endpoint and return the decoded JSON answer."""

    def run(query, variables=None, **extra):
        response = client.post(
            "/graphql/",
            {"query": query, "variables": variables or {}},
            content_type="application/json",
            **extra,
        )
        return response.json()

    return run


@pytest.fixture
def send(graphql, django_capture_on_commit_callbacks):
    """The graphql fixture, running what a commit runs (the domain signals) as it would."""

    def run(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return graphql(*args, **kwargs)

    return run


def pytest_report_header(config):
    from django.db import connection

    cache = settings.CACHES["default"]
    return [
        f"database: {connection.vendor} ({settings.DATABASES['default']['NAME']})",
        f"cache: {cache['BACKEND'].rsplit('.', 1)[-1]} {cache.get('LOCATION', '')}".rstrip(),
    ]


@pytest.fixture(autouse=True)
def clear_caches():
    """Each test starts with empty caches (Wagtail caches site roots and renditions)."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture
def editor(client):
    """A client logged in to the Wagtail admin as a superuser."""
    from tests import factories

    client.force_login(factories.superuser())
    return client


@pytest.fixture
def environment(db):
    """A live learning environment to add pages under."""
    from tests import factories

    return factories.learning_environment()


@pytest.fixture
def unindexed(monkeypatch):
    """Pages and snippets saved in the test stay out of the search index: for tests that
    build many pages to count queries and never search them (indexing is a quarter of
    the cost of building a page)."""
    from modelsearch import signal_handlers

    class Skipped:
        @staticmethod
        def enqueue(*args, **kwargs):
            return None

    monkeypatch.setattr(signal_handlers, "insert_or_update_object_task", Skipped)
