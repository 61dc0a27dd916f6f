"""The Borgbureau group: made by a migration, and given every new learning environment."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from borg_learning.models import BasicModulePage, LearningEnvironmentPage, Offering
from tests import factories
from tests.helpers.admin_forms import (
    add_url,
    edit_url,
    inline_formset,
    module_data,
    nested_form_data,
    page_form_data,
    rich_text,
    snippet_url,
    text_data,
)

pytestmark = pytest.mark.django_db

MANAGED_MODELS = ["theme", "developmentgroup", "provider", "offering", "questionnaire"]
PAGE_PERMISSIONS = {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}


@pytest.fixture
def borgbureau():
    return Group.objects.get(name="Borgbureau")


@pytest.fixture
def editor(client, borgbureau):
    client.force_login(factories.user("redacteur", groups=[borgbureau]))
    return client


def test_the_migration_creates_the_group_with_its_permissions(borgbureau):
    codenames = set(borgbureau.permissions.values_list("content_type__app_label", "codename"))
    expected = (
        {("wagtailadmin", "access_admin")}
        | {
            ("borg_learning", f"{action}_{model}")
            for model in MANAGED_MODELS
            for action in ("add", "change", "delete", "view")
        }
        | {("borg_learning", "view_response"), ("borg_learning", "view_pagevisitday")}
        | {("borg_learning_learners", "view_completion")}  # the report "Voortgang"
        | {("borg_learning_certificates", "view_certificate")}  # "Bewijzen van deelname"
        | {  # "Uitdagingen", made by the Borgbureau
            ("borg_learning_challenges", f"{action}_challenge")
            for action in ("add", "change", "delete", "view")
        }
        | {
            ("borg_learning_badges", f"{action}_badge")
            for action in ("add", "change", "delete", "view")
        }
        | {("borg_learning_gamification", "change_pointsrules")}  # "Puntenregels"
        | {("borg_learning_gamification", "view_pointsaward")}  # "Punten, badges en herhaling"
        | {  # "Organisaties" of the leaderboards
            ("borg_learning_leaderboards", f"{action}_organisation")
            for action in ("add", "change", "delete", "view")
        }
        | {  # "Aanbod met gebroken links", and marking a link checked by hand
            ("borg_learning_linkcheck", "view_checkedlink"),
            ("borg_learning_linkcheck", "change_checkedlink"),
        }
        | {("borg_learning_podcasts", "change_podcastsettings")}  # "Podcast"
        | {  # "Offertes": organisations, enrolments, tracks and price lists
            ("borg_learning_quotes", f"{action}_{model}")
            for model in (
                "organisation",
                "enrolment",
                "track",
                "pricelist",
                "discounttier",
                "routeprice",
            )
            for action in ("add", "change", "delete", "view")
        }
        | {("borg_learning_quotes", "view_quote"), ("borg_learning_quotes", "delete_quote")}
    )
    assert codenames == expected


def test_the_group_manages_images_documents_and_media_in_the_root_collection(borgbureau):
    granted = set(
        GroupCollectionPermission.objects.filter(group=borgbureau).values_list(
            "collection", "permission__content_type__app_label", "permission__codename"
        )
    )
    root = Collection.get_first_root_node().pk
    assert granted == {
        (root, "wagtailimages", "add_image"),
        (root, "wagtailimages", "change_image"),
        (root, "wagtailimages", "choose_image"),
        (root, "wagtaildocs", "add_document"),
        (root, "wagtaildocs", "change_document"),
        (root, "wagtaildocs", "choose_document"),
        (root, "wagtailmedia", "add_media"),
        (root, "wagtailmedia", "change_media"),
    }


def granted_on(page, group):
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


def test_a_new_learning_environment_is_given_to_the_group(borgbureau, environment):
    assert granted_on(environment, borgbureau) == PAGE_PERMISSIONS
    environment.save_revision().publish()  # saving again adds nothing twice
    assert GroupPagePermission.objects.filter(group=borgbureau).count() == len(PAGE_PERMISSIONS)


def test_an_environment_made_in_the_admin_is_given_to_the_group_too(client, borgbureau):
    client.force_login(factories.superuser())
    home = factories.home_page()
    response = client.post(
        add_url(LearningEnvironmentPage, home),
        page_form_data(
            "Leeromgeving",
            publish=True,
            intro=rich_text("<p>Welkom</p>"),
            buttons=inline_formset([]),
        ),
    )
    assert response.status_code == 302
    assert granted_on(LearningEnvironmentPage.objects.get(), borgbureau) == PAGE_PERMISSIONS
    assert granted_on(home, borgbureau) == set()


def test_an_editor_can_add_and_publish_a_module_in_the_environment(editor, environment):
    assert editor.get(reverse("wagtailadmin_home")).status_code == 200
    response = editor.post(
        add_url(BasicModulePage, environment),
        module_data("Nieuwe module", publish=True, body=[text_data("<p>Welkom.</p>")]),
    )
    assert response.status_code == 302
    assert BasicModulePage.objects.get(title="Nieuwe module").live


def test_an_editor_can_edit_and_publish_deeper_in_the_environment(editor, environment):
    section = factories.section(environment)
    module = factories.basic_module(section, body=[factories.text_block(10)])
    response = editor.post(
        edit_url(module),
        module_data(
            "Herschreven", slug=module.slug, publish=True, body=[text_data("<p>Nieuw.</p>")]
        ),
    )
    assert response.status_code == 302
    module.refresh_from_db()
    assert (module.title, module.live, module.has_unpublished_changes) == (
        "Herschreven",
        True,
        False,
    )


def test_an_editor_cannot_edit_the_rest_of_the_site(editor, environment):
    home = factories.home_page()
    response = editor.get(edit_url(home))
    assert response.status_code in (302, 403)
    response = editor.post(edit_url(home), page_form_data("Gekaapt", slug=home.slug, publish=True))
    home.refresh_from_db()
    assert home.title == "De Borg"


def test_an_editor_can_add_catalogue_offers(editor):
    provider = factories.provider(name="Trajectum")
    response = editor.post(
        snippet_url(Offering, "add"),
        nested_form_data(
            {
                "title": "LVB+ training",
                "provider": provider.pk,
                "summary": "Voor begeleiders.",
                "url": "https://trajectum.example.org/lvb-plus",
                "chapters": inline_formset([]),
                "format": "classroom",
                "language": "nl",
                "active": "on",
            }
        ),
    )
    assert response.status_code == 302
    assert Offering.objects.get().title == "LVB+ training"
