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


def pytest_report_header(config):
    from django.db import connection

    return f"database: {connection.vendor} ({settings.DATABASES['default']['NAME']})"
