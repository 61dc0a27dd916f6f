"""De Borg's words are settings, not the app's: the editors' group, the link kinds'
labels, the copyright holder and the issuers (tests/settings.py sets De Borg's group)."""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from borg_learning.checks import check_learning_settings
from borg_learning.conf import learning_settings
from borg_learning.group_permissions import grant_to_editors
from borg_learning.models import BasicModulePage
from tests import factories
from tests.helpers.admin_forms import add_url

group_migration = import_module("borg_learning.migrations.0002_borgbureau_group")


def test_without_a_setting_the_site_s_name_is_the_copyright_holder_and_the_issuer(settings):
    settings.WAGTAIL_SITE_NAME = "Zorggroep Noord"
    settings.BORG_LEARNING = {"CERTIFICATE_ISSUER": "Academie Noord"}

    assert learning_settings.COPYRIGHT_HOLDER == "Zorggroep Noord"
    assert learning_settings.BADGE_ISSUER == "Zorggroep Noord"
    assert learning_settings.QUOTE_ISSUER == "Zorggroep Noord"
    assert learning_settings.CERTIFICATE_ISSUER == "Academie Noord"
    assert learning_settings.EDITOR_GROUP == "Learning editors"
    assert check_learning_settings() == []


@pytest.mark.django_db
def test_a_new_module_s_copyright_holder_is_the_site_s_name(settings):
    settings.WAGTAIL_SITE_NAME = "Zorggroep Noord"
    assert BasicModulePage(title="Nieuw").copyright_holder == "Zorggroep Noord"


@pytest.mark.django_db
def test_the_migrations_make_and_grant_to_the_group_the_setting_names(settings):
    settings.BORG_LEARNING = {"EDITOR_GROUP": "Leerredactie"}

    group_migration.create_group(apps, None)
    grant_to_editors("borg_learning", ["view_response"]).code(apps, None)

    group = Group.objects.get(name="Leerredactie")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "change_theme", "view_response"} <= codenames
    assert GroupCollectionPermission.objects.filter(group=group).exists()
    environment = factories.learning_environment()  # given to the group, not the Borgbureau
    assert GroupPagePermission.objects.filter(group=group, page=environment).count() == 5
    assert not GroupPagePermission.objects.filter(group__name="Borgbureau").exists()


@pytest.mark.django_db
def test_with_no_group_nothing_is_made_or_given(settings):
    settings.BORG_LEARNING = {"EDITOR_GROUP": None}
    groups = Group.objects.count()

    group_migration.create_group(apps, None)
    grant_to_editors("borg_learning", ["view_response"]).code(apps, None)
    environment = factories.learning_environment()

    assert Group.objects.count() == groups
    assert not GroupPagePermission.objects.filter(page=environment).exists()


@pytest.mark.django_db
def test_the_editor_chooses_link_kinds_in_the_site_s_words(editor, environment, settings):
    html = editor.get(add_url(BasicModulePage, environment)).content.decode()
    assert "Eigen website" in html and "Website De Borg" not in html  # the app's label

    settings.BORG_LEARNING = {"LINK_KIND_LABELS": {"borg_website": "Website De Borg"}}
    html = editor.get(add_url(BasicModulePage, environment)).content.decode()
    assert "Website De Borg" in html and "Eigen website" not in html
    assert "Kennisvindplaats" in html or "Kennis vindplaats" in html  # not named: its label


def test_wrong_vocabulary_is_reported_with_its_key(settings):
    settings.BORG_LEARNING = {
        "LINK_KIND_LABELS": {"website": "Website"},
        "EDITOR_GROUP": " ",
        "COPYRIGHT_HOLDER": "",
    }
    errors = check_learning_settings()
    messages = {error.msg.split("]")[0]: error.msg for error in errors}
    assert "unknown link kind 'website'" in messages["BORG_LEARNING['LINK_KIND_LABELS'"]
    assert "borg_website, knowledge_site" in " ".join(error.hint for error in errors)
    assert "non-empty string" in messages["BORG_LEARNING['EDITOR_GROUP'"]
    assert "non-empty string" in messages["BORG_LEARNING['COPYRIGHT_HOLDER'"]
