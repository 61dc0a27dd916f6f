"""The example site's password rules (example/settings/base.py): Django's four
validators, twelve characters at least."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_account():
    return get_user_model().objects.create_user(username="redacteur", is_staff=True)


@pytest.mark.parametrize(
    "password",
    [
        "kort-wacht1",  # 11 characters
        "384729105638",  # only digits
        "password1234",  # on the list of common passwords
        "redacteur2025!",  # like the user name
    ],
)
def test_weak_passwords_are_refused(password, editor_account):
    with pytest.raises(ValidationError):
        validate_password(password, user=editor_account)


def test_a_long_passphrase_is_accepted(editor_account):
    validate_password("fiets paraplu lantaarn", user=editor_account)
