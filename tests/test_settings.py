from django.core.checks import run_checks
from django.test import override_settings

from borg_learning.checks import check_learning_settings
from borg_learning.conf import DEFAULTS, learning_settings


def error_ids(errors):
    return [error.id for error in errors]


def test_defaults_apply_when_nothing_is_set():
    assert learning_settings.WORDS_PER_MINUTE == 200
    assert learning_settings.COPYRIGHT_HOLDER == "De Borg"
    assert learning_settings.GRAPHQL_MAX_PAGE_SIZE == 100


def test_a_set_key_overrides_its_default_and_is_reloaded_on_change():
    assert learning_settings.WORDS_PER_MINUTE == 200
    with override_settings(BORG_LEARNING={"WORDS_PER_MINUTE": 150}):
        assert learning_settings.WORDS_PER_MINUTE == 150
        assert learning_settings.SECONDS_PER_EXERCISE == DEFAULTS["SECONDS_PER_EXERCISE"]
    assert learning_settings.WORDS_PER_MINUTE == 200


def test_an_unknown_attribute_is_an_attribute_error():
    try:
        learning_settings.NOT_A_SETTING  # noqa: B018
    except AttributeError as error:
        assert "NOT_A_SETTING" in str(error)
    else:
        raise AssertionError("an unknown setting must not pass silently")


def test_choice_labels_come_from_the_setting():
    assert learning_settings.label("AUDIENCE_ROLES", "support-worker") == "Begeleider"  # Dutch
    assert learning_settings.label("AUDIENCE_ROLES", "unknown") == "unknown"


def test_the_default_settings_pass_the_checks():
    assert check_learning_settings() == []
    assert "borg_learning.E002" not in error_ids(run_checks())


@override_settings(BORG_LEARNING={"WORDS_PER_MINUT": 180})
def test_an_unknown_key_is_reported_with_a_suggestion():
    (error,) = check_learning_settings()
    assert error.id == "borg_learning.E002"
    assert "WORDS_PER_MINUT" in error.msg
    assert "WORDS_PER_MINUTE" in error.hint


@override_settings(BORG_LEARNING=["WORDS_PER_MINUTE"])
def test_a_non_dict_is_reported():
    assert error_ids(check_learning_settings()) == ["borg_learning.E001"]
    # The settings object falls back to the defaults rather than crashing.
    assert learning_settings.WORDS_PER_MINUTE == 200


@override_settings(
    BORG_LEARNING={
        "WORDS_PER_MINUTE": 0,
        "SECONDS_PER_EXERCISE": "60",
        "COLOURS": [("purple", "Paars", "purple")],
        "ICONS": [("Book", "Boek")],
        "AUDIENCE_ROLES": [],
        "IMAGE_RENDITIONS": ["width 800"],
        "GRAPHIQL": "yes",
        "COPYRIGHT_HOLDER": " ",
    }
)
def test_each_wrong_value_is_reported_with_its_key():
    errors = check_learning_settings()
    assert set(error_ids(errors)) == {"borg_learning.E003"}
    messages = " ".join(error.msg for error in errors)
    for key in ("WORDS_PER_MINUTE", "SECONDS_PER_EXERCISE", "COLOURS", "ICONS",
                "AUDIENCE_ROLES", "IMAGE_RENDITIONS", "GRAPHIQL", "COPYRIGHT_HOLDER"):
        assert f"'{key}'" in messages
    assert len(errors) == 8


@override_settings(BORG_LEARNING={"TARGET_GROUPS": [("lvb", "LVB"), ("lvb", "Licht")]})
def test_a_doubled_slug_is_reported():
    (error,) = check_learning_settings()
    assert "appears twice" in error.msg


@override_settings(BORG_LEARNING={"GRAPHQL_PAGE_SIZE": 200, "GRAPHQL_MAX_PAGE_SIZE": 100})
def test_a_page_size_above_the_maximum_is_reported():
    assert error_ids(check_learning_settings()) == ["borg_learning.E004"]
