"""The Borgbureau edits the points rules in the admin, in Dutch; what was paid stays."""

import pytest
from django.contrib.auth.models import Group

from borg_learning.gamification import points
from borg_learning.gamification.models import PointsAward, PointsRules, Rule
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/admin/settings/borg_learning_gamification/pointsrules/"
RULES = {
    "part_completed": "10",
    "module_completed": "50",
    "route_completed": "100",
    "microlesson_completed": "5",
    "review_recalled": "2",
    "streak_milestone": "25",
}


@pytest.fixture
def borgbureau(client):
    """A Borgbureau editor: the group's permission comes from the data migration."""
    client.force_login(factories.user("redacteur", groups=[Group.objects.get(name="Borgbureau")]))
    return client


def edit_url(client):
    """The form of the one row of rules (Wagtail makes it, with the defaults, on a first
    visit)."""
    return client.get(URL)["Location"]


def test_the_editor_sees_the_rules_in_dutch_with_their_defaults(borgbureau):
    response = borgbureau.get(URL, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Puntenregels" in page
    assert "Moduleonderdeel afgerond" in page or "moduleonderdeel afgerond" in page
    assert "punten die al zijn toegekend blijven zoals ze zijn" in page
    form = response.context["form"]
    assert {name: form[name].value() for name in RULES} == {
        name: int(value) for name, value in RULES.items()
    }


def test_an_edited_rule_pays_from_then_on(borgbureau):
    learner, _token = factories.learner()
    points.award(learner, Rule.PART_COMPLETED, "page:1")
    response = borgbureau.post(edit_url(borgbureau), RULES | {"part_completed": "30"})
    assert response.status_code == 302
    points.award(learner, Rule.PART_COMPLETED, "page:2")
    assert list(PointsAward.objects.order_by("pk").values_list("points", flat=True)) == [10, 30]


def test_a_wrong_value_is_refused_in_dutch_and_nothing_changes(borgbureau):
    response = borgbureau.post(
        edit_url(borgbureau), RULES | {"part_completed": "-3", "module_completed": ""}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["part_completed"] == ["Zorg ervoor dat deze waarde minstens 0 is."]
    assert errors["module_completed"] == ["Dit veld is vereist."]
    rules = PointsRules.objects.get()
    assert (rules.part_completed, rules.module_completed) == (10, 50)


def test_an_editor_outside_the_borgbureau_is_kept_out(client):
    client.force_login(factories.user("gast"))
    assert client.get(URL).status_code in (302, 403)
