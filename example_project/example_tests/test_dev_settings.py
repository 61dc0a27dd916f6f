"""The development settings (example/settings/dev.py, `make demo`) sign exported badges
with a key of the checkout's own, made on the first start; production never does."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1]


def run(settings, code, **environment):
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": os.pathsep.join([str(EXAMPLE), str(EXAMPLE.parent)]),
        "DJANGO_SETTINGS_MODULE": settings,
        **environment,
    }
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + textwrap.dedent(code)],
        cwd=EXAMPLE,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_development_key_is_made_once_and_signs(tmp_path):
    from example.dev_keys import development_signing_key

    key = development_signing_key(tmp_path / "var" / "badge-signing-key.pem")
    first = key.read_bytes()
    assert first.startswith(b"-----BEGIN PRIVATE KEY-----")
    assert key.stat().st_mode & 0o777 == 0o600
    # A second start keeps it: credentials exported before still verify.
    assert development_signing_key(key).read_bytes() == first

    from borg_learning.badges.signing import load

    signing = load(str(key))
    assert signing.algorithm == "RS256"
    assert signing.public_members["kty"] == "RSA" and "d" not in signing.public_members


def test_the_dev_settings_point_at_the_key_in_var_and_the_check_is_silent():
    result = run(
        "example.settings.dev",
        """
        from django.conf import settings
        from django.core.checks import run_checks
        from borg_learning.badges.signing import signing_key

        print(settings.BORG_LEARNING["BADGE_SIGNING_KEY"])
        print(signing_key().algorithm)
        print(*(message.id for message in run_checks() if "badges" in message.id))
        """,
    )
    assert result.returncode == 0, result.stderr
    # The key in the ignored folder, signing; no word of the badges' check about it.
    assert result.stdout.split() == [str(EXAMPLE / "var" / "badge-signing-key.pem"), "RS256"]


def test_production_takes_the_key_from_the_environment_only(tmp_path):
    from example.dev_keys import development_signing_key

    production = {
        "SECRET_KEY": "dev-settings-test-" + "x" * 40,
        "ALLOWED_HOSTS": "leren.example.org",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
    }
    code = """
        from django.conf import settings
        print(settings.BORG_LEARNING["BADGE_SIGNING_KEY"])
        """
    result = run("example.settings.production", code, **production)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["None"]  # not the development key

    key = development_signing_key(tmp_path / "site-key.pem")
    result = run("example.settings.production", code, BADGE_SIGNING_KEY=str(key), **production)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(key)]
