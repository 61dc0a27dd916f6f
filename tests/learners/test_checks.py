"""The system check that the frontend may send the learner token across origins."""

from django.test import override_settings

from borg_learning.learners.checks import check_cors_allows_learner_token


def test_the_test_settings_allow_the_header():
    assert check_cors_allows_learner_token() == []


@override_settings(CORS_ALLOW_HEADERS=("content-type", "accept"))
def test_a_cors_setting_without_the_header_is_reported():
    (warning,) = check_cors_allows_learner_token()
    assert warning.id == "borg_learning_learners.W001"
    assert "x-learner-token" in warning.hint


@override_settings(
    CORS_ALLOW_HEADERS=("content-type",), CORS_ALLOWED_ORIGINS=[], CORS_ALLOWED_ORIGIN_REGEXES=[]
)
def test_a_site_without_other_origins_needs_no_header():
    assert check_cors_allows_learner_token() == []
