"""Editors keep the organisations, in Dutch; no admin view shows who is behind a
pseudonym, nor anyone's points."""

import pytest
from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, reverse
from wagtail.snippets.models import get_snippet_models

from borg_learning.leaderboards.models import LeaderboardMembership, Organisation
from tests import factories
from tests.helpers.leaderboards import member

pytestmark = pytest.mark.django_db

URL = "/admin/snippets/borg_learning_leaderboards/organisation/"


@pytest.fixture
def borgbureau(client):
    """A Borgbureau editor: the group's permissions come from the data migration."""
    client.force_login(factories.user("redacteur", groups=[Group.objects.get(name="Borgbureau")]))
    return client


def test_the_borgbureau_adds_an_organisation_in_dutch(borgbureau):
    page = borgbureau.get(URL + "add/").content.decode()
    assert "Organisatie" in page and "bijvoorbeeld de-borg-noord" in page
    response = borgbureau.post(URL + "add/", {"name": "De Borg Noord", "slug": "de-borg-noord"})
    assert response.status_code == 302
    assert list(Organisation.objects.values_list("name", "slug")) == [
        ("De Borg Noord", "de-borg-noord")
    ]


def test_a_second_organisation_of_the_same_slug_is_refused(borgbureau, noord):
    response = borgbureau.post(URL + "add/", {"name": "Noord", "slug": "de-borg-noord"})
    assert response.status_code == 200
    assert "bestaat al" in response.content.decode()
    assert Organisation.objects.count() == 1


def test_the_listing_counts_members_and_names_none(borgbureau, noord):
    for number, name in enumerate(["Kalme Otter", "Blije Das", "Wijze Uil"]):
        member(name, 4817 + number, organisation=noord)
    page = borgbureau.get(URL).content.decode()
    assert "Deelnemers aan de ranglijst" in page
    assert ">3<" in page.replace(" ", "").replace("\n", "")
    for hidden in ("Kalme Otter", "Blije Das", "Wijze Uil", "4817", "4818", "4819"):
        assert hidden not in page


def test_no_view_puts_a_pseudonym_next_to_a_learner(client, noord):
    """Even a superuser finds memberships nowhere: not a snippet, no admin URL, not on the
    learners' pages of the admin."""
    membership, _token = member("Kalme Otter", 40, organisation=noord)
    client.force_login(factories.superuser())
    assert LeaderboardMembership not in get_snippet_models()
    with pytest.raises(NoReverseMatch):
        reverse("wagtailsnippets_borg_learning_leaderboards_leaderboardmembership:list")
    response = client.get("/admin/snippets/borg_learning_leaderboards/leaderboardmembership/")
    assert response.status_code == 404
    pages = ("/admin/", URL, URL + f"edit/{noord.pk}/", "/admin/reports/progress/")
    for url in (*pages, "/admin/snippets/", "/admin/users/"):
        page = client.get(url, follow=True)
        assert page.status_code == 200, url
        assert "Kalme Otter" not in page.content.decode(), url
