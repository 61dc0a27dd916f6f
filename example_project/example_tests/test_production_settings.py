"""The production settings (example/settings/production.py), loaded in a process of their
own as a site would run them: the shared Redis cache, JSON logs on stdout, the proxy header.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[1]
REDIS_SERVER = shutil.which("redis-server")


def run(code, **environment):
    """Run ``code`` under the production settings; returns the finished process."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        # This checkout's example site and app, not an installed copy.
        "PYTHONPATH": os.pathsep.join([str(EXAMPLE), str(EXAMPLE.parent)]),
        "DJANGO_SETTINGS_MODULE": "example.settings.production",
        "SECRET_KEY": "production-settings-test-" + "x" * 40,
        "ALLOWED_HOSTS": "leren.example.org",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        **environment,
    }
    env = {name: value for name, value in env.items() if value is not None}
    setup = "import django; django.setup()\n"
    return subprocess.run(
        [sys.executable, "-c", setup + textwrap.dedent(code)],
        cwd=EXAMPLE,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_without_redis_url_production_refuses_to_start():
    result = run("", REDIS_URL=None)
    assert result.returncode != 0
    assert "ImproperlyConfigured: Set the REDIS_URL environment variable" in result.stderr


def test_the_default_cache_is_redis_from_redis_url():
    result = run(
        """
        from django.conf import settings
        print(settings.CACHES["default"]["BACKEND"], settings.CACHES["default"]["LOCATION"])
        """,
        REDIS_URL="redis://cache.internal:6380/2",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://cache.internal:6380/2",
    ]


def test_the_proxy_header_serves_the_evaluation_limit_and_the_login_lockout():
    result = run(
        """
        from django.test import RequestFactory
        from axes.helpers import get_client_ip_address
        from borg_learning.throttling import client_address

        request = RequestFactory().get(
            "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.1, 198.51.100.7"
        )
        print(client_address(request), get_client_ip_address(request))
        """,
        CLIENT_ADDRESS_HEADER="X-Forwarded-For",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["198.51.100.7", "198.51.100.7"]


def log_lines(stdout):
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_a_server_error_is_logged_as_a_json_line_on_stdout():
    result = run(
        """
        import logging
        from django.http import HttpResponse
        from django.test import RequestFactory
        from django.utils.log import log_response

        # As Django's request handler logs an exception in a view, and a missing page.
        request = RequestFactory().get("/modules/kapot/")
        try:
            raise RuntimeError("de database is weg")
        except RuntimeError:
            log_response(
                "Internal Server Error: %s", request.path, request=request,
                response=HttpResponse(status=500), exception=True,
            )
        log_response("Not Found: %s", "/gokje/", request=request, response=HttpResponse(status=404))
        logging.getLogger("borg_learning.api.graphql").error("Error while resolving %s", "page")
        logging.getLogger("borg_learning.api.graphql").debug("not shown at INFO")
        """
    )
    assert result.returncode == 0, result.stderr
    error, app_error = log_lines(result.stdout)  # not the 404, not the debug line
    assert error["level"] == "ERROR"
    assert error["logger"] == "django.request"
    assert error["message"] == "Internal Server Error: /modules/kapot/"
    assert error["status"] == 500
    assert error["method"] == "GET" and error["path"] == "/modules/kapot/"
    assert "RuntimeError: de database is weg" in error["exception"]
    assert error["time"].endswith("+00:00")
    assert app_error["logger"] == "borg_learning.api.graphql"
    assert app_error["message"] == "Error while resolving page"


def test_log_level_sets_the_apps_loggers():
    result = run(
        """
        import logging
        logging.getLogger("borg_learning.api.graphql").debug("resolving %s", "page")
        """,
        LOG_LEVEL="debug",
    )
    assert result.returncode == 0, result.stderr
    assert [line["message"] for line in log_lines(result.stdout)] == ["resolving page"]


@pytest.fixture
def redis_url(tmp_path):
    """A Redis server of this test's own, on a free port, without persistence."""
    if not REDIS_SERVER:
        pytest.skip("redis-server is not installed")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [
            REDIS_SERVER,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_two_workers_share_the_evaluation_limit_through_redis(redis_url):
    """The outside test's finding: two workers with their own caches let one client
    store twice the limit. With Redis the second worker goes on counting."""
    count_30 = """
        from django.test import RequestFactory
        from borg_learning.throttling import allow

        request = RequestFactory().post("/graphql/", REMOTE_ADDR="198.51.100.7")
        print(sum(allow(request, "evaluation", 30) for _ in range(30)))
        """
    first, second = run(count_30, REDIS_URL=redis_url), run(count_30, REDIS_URL=redis_url)
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    assert (first.stdout.strip(), second.stdout.strip()) == ("30", "0")
