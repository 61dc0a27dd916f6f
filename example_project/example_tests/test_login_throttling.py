"""Login throttling on the Wagtail admin (django-axes, as example/settings/base.py sets it
up): after five wrong passwords even the right one is refused, for a quarter of an hour,
for that user name from that address."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "de-juiste-zin-van-vandaag"


@pytest.fixture
def editor_account():
    return get_user_model().objects.create_user(
        username="redacteur", password=PASSWORD, is_staff=True, is_superuser=True
    )


def log_in(client, password, address="192.0.2.10", forwarded_for=None):
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return client.post(
        LOGIN, {"username": "redacteur", "password": password}, REMOTE_ADDR=address, headers=headers
    )


def logged_in(client):
    return "_auth_user_id" in client.session


def test_thirty_wrong_passwords_then_the_right_one_is_refused(client, editor_account):
    for attempt in range(30):
        response = log_in(client, f"geraden-{attempt}")
        assert not logged_in(client)
    assert response.status_code == 429

    response = log_in(client, PASSWORD)
    assert response.status_code == 429
    assert "Te veel mislukte inlogpogingen" in response.content.decode()
    assert not logged_in(client)
    assert client.get("/admin/").status_code == 302  # back to the login page


def test_the_lockout_starts_at_the_fifth_failure(client, editor_account):
    for attempt in range(4):
        assert log_in(client, f"geraden-{attempt}").status_code == 200  # the form again
    assert log_in(client, "geraden-4").status_code == 429


def test_a_few_typos_then_the_right_password_logs_in_and_starts_the_count_again(
    client, editor_account
):
    for attempt in range(4):
        log_in(client, f"typo-{attempt}")
    assert log_in(client, PASSWORD).status_code == 302
    assert logged_in(client)

    client.logout()
    for attempt in range(4):
        log_in(client, f"typo-{attempt}")
    assert log_in(client, PASSWORD).status_code == 302  # the earlier four no longer count


def test_a_lockout_holds_one_address_not_the_editor_everywhere(client, editor_account):
    for attempt in range(30):
        log_in(client, f"geraden-{attempt}", address="198.51.100.7")
    assert log_in(client, PASSWORD, address="198.51.100.7").status_code == 429

    assert log_in(client, PASSWORD, address="192.0.2.10").status_code == 302
    assert logged_in(client)


def test_a_lockout_ends_after_the_cool_off(client, editor_account, settings):
    from axes.models import AccessAttempt

    for attempt in range(5):
        log_in(client, f"geraden-{attempt}")
    assert log_in(client, PASSWORD).status_code == 429

    past = AccessAttempt.objects.get().attempt_time - settings.AXES_COOLOFF_TIME
    AccessAttempt.objects.update(attempt_time=past - timedelta(seconds=1))
    assert log_in(client, PASSWORD).status_code == 302


def test_behind_a_proxy_the_forwarded_address_is_the_one_locked_out(
    client, editor_account, settings
):
    """With CLIENT_ADDRESS_HEADER, every request comes from the proxy: the lockout holds
    the client's address the proxy forwarded, not the proxy and so everyone."""
    settings.BORG_LEARNING = {"CLIENT_ADDRESS_HEADER": "X-Forwarded-For"}
    proxy = "10.0.0.2"
    for attempt in range(30):
        log_in(client, f"geraden-{attempt}", address=proxy, forwarded_for="198.51.100.7")
    assert log_in(client, PASSWORD, address=proxy, forwarded_for="198.51.100.7").status_code == 429
    # A client cannot get round it by putting another address in front of the proxy's.
    assert (
        log_in(
            client, PASSWORD, address=proxy, forwarded_for="203.0.113.1, 198.51.100.7"
        ).status_code
        == 429
    )
    assert log_in(client, PASSWORD, address=proxy, forwarded_for="192.0.2.10").status_code == 302
