"""Load tests: many clients at once against a live server on PostgreSQL.

Each client keeps its HTTP connection, and the server thread serving it keeps its
database connection, as in production (``CONN_MAX_AGE`` or a pool behind a keep-alive
proxy). A test module takes ``POSTGRES_ONLY`` as its ``pytestmark`` and imports
``persistent_database_connections`` (an autouse fixture).
"""

import http.client
import json
import threading
import time
from urllib.parse import urlsplit

import pytest
from django.db import connection, connections

POSTGRES_ONLY = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: scripts/with-postgres .venv/bin/pytest",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def record(client, fields, token=None):
    """recordProgress over ``client`` (a ``KeepAliveClient``), which must store the event;
    its payload."""
    from tests.helpers.learners import RECORD

    headers = {"X-Learner-Token": token} if token else {}
    payload = client.graphql(RECORD, {"input": fields}, headers)["recordProgress"]
    assert payload["ok"] is True, payload
    return payload


class KeepAliveClient:
    """One client: a keep-alive HTTP connection to the live server."""

    def __init__(self, base_url):
        url = urlsplit(base_url)
        self.connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)

    def post(self, path, body, headers):
        """POST ``body`` (text); the status and the body of the response."""
        self.connection.request("POST", path, body=body.encode(), headers=headers)
        response = self.connection.getresponse()
        return response.status, response.read()

    def graphql(self, query, variables, headers=None):
        """The ``data`` of a GraphQL POST, which must be answered 200 without errors."""
        body = json.dumps({"query": query, "variables": variables})
        headers = {"Content-Type": "application/json", **(headers or {})}
        status, answer = self.post("/graphql/", body, headers)
        data = json.loads(answer)
        assert status == 200 and "errors" not in data, answer
        return data["data"]

    def close(self):
        self.connection.close()


def run_threads(count, work):
    """Run ``work(thread number)`` in ``count`` threads that start together; the seconds
    they took. The first failure of a thread is raised here, in the test."""
    failures, start = [], threading.Barrier(count)

    def target(number):
        try:
            start.wait()
            work(number)
        except BaseException as error:  # reported in the test thread
            failures.append(error)

    threads = [threading.Thread(target=target, args=(n,)) for n in range(count)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]
    return time.perf_counter() - began


@pytest.fixture(autouse=True)
def persistent_database_connections():
    """Server threads keep their database connection while their client stays connected
    (Django closes it when the HTTP connection ends)."""
    database = connections.settings["default"]
    before = database.get("CONN_MAX_AGE", 0)
    database["CONN_MAX_AGE"] = 60
    yield
    database["CONN_MAX_AGE"] = before
