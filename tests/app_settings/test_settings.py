import json
import re
from pathlib import Path

import pytest
from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from borg_learning import conf
from borg_learning.checks import check_learning_settings
from borg_learning.conf import SETTINGS, Setting, import_path, learning_settings, register_setting

CONFIGURATION_DOCS = Path(__file__).resolve().parents[2] / "docs" / "configuration.md"


def error_ids(errors):
    return [error.id for error in errors]


def test_defaults_apply_when_nothing_is_set():
    assert learning_settings.WORDS_PER_MINUTE == 200
    assert learning_settings.COPYRIGHT_HOLDER == "De Borg"  # WAGTAIL_SITE_NAME
    assert learning_settings.GRAPHQL_MAX_PAGE_SIZE == 100


def test_a_set_key_overrides_its_default_and_is_reloaded_on_change():
    assert learning_settings.WORDS_PER_MINUTE == 200
    with override_settings(BORG_LEARNING={"WORDS_PER_MINUTE": 150}):
        assert learning_settings.WORDS_PER_MINUTE == 150
        assert SETTINGS["SECONDS_PER_EXERCISE"].default == learning_settings.SECONDS_PER_EXERCISE
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
    for key in (
        "WORDS_PER_MINUTE",
        "SECONDS_PER_EXERCISE",
        "COLOURS",
        "ICONS",
        "AUDIENCE_ROLES",
        "IMAGE_RENDITIONS",
        "GRAPHIQL",
        "COPYRIGHT_HOLDER",
    ):
        assert f"'{key}'" in messages
    assert len(errors) == 8


@override_settings(
    BORG_LEARNING={
        "CERTIFICATE_ISSUER": " ",
        "BADGE_ISSUER": 7,
        "QUOTE_ISSUER": "B" * 201,
    }
)
def test_a_name_printed_on_a_document_is_a_short_text():
    messages = {error.msg.split("]")[0]: error.msg for error in check_learning_settings()}
    assert len(messages) == 3
    assert "must be a non-empty string, got ' '" in messages["BORG_LEARNING['CERTIFICATE_ISSUER'"]
    assert "must be a non-empty string, got 7" in messages["BORG_LEARNING['BADGE_ISSUER'"]
    assert "must be at most 200 characters, got 201" in messages["BORG_LEARNING['QUOTE_ISSUER'"]
    assert conf.text(5)("Borg") is None


@override_settings(BORG_LEARNING={"TARGET_GROUPS": [("lvb", "LVB"), ("lvb", "Licht")]})
def test_a_doubled_slug_is_reported():
    (error,) = check_learning_settings()
    assert "appears twice" in error.msg


@override_settings(BORG_LEARNING={"GRAPHQL_PAGE_SIZE": 200, "GRAPHQL_MAX_PAGE_SIZE": 100})
def test_a_page_size_above_the_maximum_is_reported():
    assert error_ids(check_learning_settings()) == ["borg_learning.E004"]


def test_every_default_passes_its_own_validator():
    for key, spec in SETTINGS.items():
        assert spec.validate(spec.default) is None, key


def test_every_key_has_a_line_of_documentation():
    for key, spec in SETTINGS.items():
        assert spec.doc.strip() and "\n" not in spec.doc, key


def test_the_configuration_docs_list_every_key_and_no_other():
    documented = re.findall(r"^\| `([A-Z][A-Z0-9_]*)` \|", CONFIGURATION_DOCS.read_text(), re.M)
    assert sorted(documented) == sorted(SETTINGS)


@pytest.fixture
def backend_key():
    """An import-string key registered the way a sub-app would, removed after the test."""
    register_setting(
        "TEST_BACKEND",
        Setting(doc="The backend the test imports.", validate=import_path, default="json.dumps"),
    )
    yield "TEST_BACKEND"
    del SETTINGS["TEST_BACKEND"]
    learning_settings.reload()


@override_settings(BORG_LEARNING={"TEST_BACKEND": "json.loads"})
def test_a_key_is_unknown_until_a_sub_app_registers_it():
    assert error_ids(check_learning_settings()) == ["borg_learning.E002"]
    register_setting(
        "TEST_BACKEND", Setting(doc="A backend.", validate=import_path, default="json.dumps")
    )
    try:
        assert check_learning_settings() == []
        assert learning_settings.TEST_BACKEND == "json.loads"
    finally:
        del SETTINGS["TEST_BACKEND"]
        learning_settings.reload()


def test_a_registered_key_falls_back_to_its_default(backend_key):
    assert learning_settings.TEST_BACKEND == "json.dumps"


def test_a_key_cannot_be_registered_twice_or_in_lower_case():
    spec = Setting(doc="Twice.", validate=import_path, default="json.dumps")
    with pytest.raises(ValueError, match="already registered"):
        register_setting("WORDS_PER_MINUTE", spec)
    with pytest.raises(ValueError, match="upper case"):
        register_setting("reload", spec)  # would shadow learning_settings.reload
    assert SETTINGS["WORDS_PER_MINUTE"].default == 200


def test_import_object_imports_what_the_setting_names_and_follows_changes(backend_key):
    assert learning_settings.import_object(backend_key) is json.dumps
    with override_settings(BORG_LEARNING={backend_key: "json.loads"}):
        assert learning_settings.import_object(backend_key) is json.loads
    assert learning_settings.import_object(backend_key) is json.dumps


def test_import_object_imports_once_until_reloaded(backend_key, monkeypatch):
    imported = []
    monkeypatch.setattr(conf, "import_string", lambda path: imported.append(path) or json.dumps)
    learning_settings.import_object(backend_key)
    learning_settings.import_object(backend_key)
    assert imported == ["json.dumps"]
    learning_settings.reload()
    learning_settings.import_object(backend_key)
    assert imported == ["json.dumps", "json.dumps"]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("json.no_such_function", "no_such_function"),
        ("no_such_package.Backend", "No module named 'no_such_package'"),
        ("json", "doesn't look like a module path"),
    ],
)
def test_an_import_string_that_does_not_import_is_an_error_naming_the_key(
    backend_key, value, reason
):
    with override_settings(BORG_LEARNING={backend_key: value}):
        with pytest.raises(ImproperlyConfigured, match=backend_key) as raised:
            learning_settings.import_object(backend_key)
        assert reason in str(raised.value)

        (error,) = check_learning_settings()
        assert error.id == "borg_learning.E003"
        assert f"'{backend_key}'" in error.msg and reason in error.msg
        assert "The backend the test imports." in error.hint


@override_settings(BORG_LEARNING={"TEST_BACKEND": 42})
def test_an_import_string_that_is_no_string_is_an_error_naming_the_key(backend_key):
    with pytest.raises(ImproperlyConfigured, match="'TEST_BACKEND'.*got 42"):
        learning_settings.import_object(backend_key)
    (error,) = check_learning_settings()
    assert "must be an import string" in error.msg


@pytest.mark.parametrize(
    "value",
    [
        "https://www.example.org",
        ["https://www.example.org/"],
        ["www.example.org"],
        ["https://www.example.org/leren"],
        ["*"],
        [None],
    ],
)
def test_visit_allowed_origins_must_be_origins(value):
    with override_settings(BORG_LEARNING={"VISIT_ALLOWED_ORIGINS": value}):
        (error,) = check_learning_settings()
    assert error.id == "borg_learning.E003" and "'VISIT_ALLOWED_ORIGINS'" in error.msg


@pytest.mark.parametrize(
    "value", [None, [], ["https://leren.example.org", "http://localhost:5173"]]
)
def test_visit_allowed_origins_takes_none_or_a_list_of_origins(value):
    with override_settings(BORG_LEARNING={"VISIT_ALLOWED_ORIGINS": value}):
        assert check_learning_settings() == []
