"""The badges page over GraphQL, its cost, and a learner's badges in their export, when
they are forgotten and when they sign in."""

import itertools

import pytest

from borg_learning.api.graphql.response_cache import bump_generation
from borg_learning.badges.models import BadgeAward
from borg_learning.learners.models import Learner
from tests import factories
from tests.helpers.badges import BADGES, MY_BADGES, badge, module
from tests.helpers.learners import (
    EXPORT,
    FORGET_ME,
    complete_page,
    to_the_millisecond,
    token_header,
)

pytestmark = pytest.mark.django_db

#: badges: the badges with their theme and route, the images, their renditions.
BADGES_QUERIES = 3
#: me { badges }: the learner by its token, the awards, the badges, the microlessons
#: completed, the themes' live modules, the modules completed, the routes completed, the
#: reviews recalled, the images, their renditions.
MY_BADGES_QUERIES = 10

CRITERIA = ["modules", "first_microlesson", "theme", "route", "reviews", "streak"]


def badges(count, section):
    """``count`` badges of every criterion in turn, with their own images and themes."""
    themes = [factories.ThemeFactory() for _ in range(2)]
    routes = [None, factories.route([module(section, "Stap")])]
    made = []
    for number, criterion in zip(range(count), itertools.cycle(CRITERIA)):
        fields = {}
        if criterion == "theme":
            fields["theme"] = themes[number % 2]
        if criterion == "route":
            fields["route"] = routes[number % 2]
        made.append(badge(f"Badge {number:02}", criterion, **fields))
    return made


def test_the_badges_are_the_active_ones_by_name_with_their_image_and_criterion(browser, section):
    theme = factories.ThemeFactory(name="SGG", slug="sgg")
    badge("Zeven dagen", "streak", count=7, image_description="Een vlam")
    badge("Alle SGG-modules", "theme", theme=theme)
    badge("Oud", active=False)
    answer = browser.badges()
    assert [item["name"] for item in answer] == ["Alle SGG-modules", "Zeven dagen"]
    sgg, streak = answer
    assert (sgg["criterion"], sgg["criterionText"], sgg["count"]) == (
        "THEME",
        "Rond alle modules van het thema SGG af.",
        None,
    )
    assert (streak["criterion"], streak["criterionText"], streak["count"]) == (
        "STREAK",
        "Leer 7 dagen op rij.",
        7,
    )
    assert streak["imageDescription"] == "Een vlam"
    rendition = streak["image"]["rendition"]
    assert rendition["url"].startswith("http://testserver/") and rendition["width"] <= 400


def test_an_image_in_a_private_collection_is_not_shown(browser, section):
    from wagtail.models import Collection, CollectionViewRestriction

    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    badge("Geheim", image=factories.image(collection=private))
    (item,) = browser.badges()
    assert item["image"] is None and item["imageDescription"]


@pytest.mark.parametrize("count", [5, 50])
def test_the_badges_page_costs_the_same_queries_for_5_badges_as_for_50(
    graphql, section, django_assert_num_queries, count
):
    badges(count, section)
    graphql(BADGES)  # warm: renditions, site roots
    bump_generation()  # drop the kept answer: measure executing it
    with django_assert_num_queries(BADGES_QUERIES):
        answer = graphql(BADGES)
    assert len(answer["data"]["badges"]) == count


@pytest.mark.parametrize("count", [5, 50])
def test_the_learners_badges_cost_the_same_queries_for_5_badges_as_for_50(
    graphql, browser, section, django_assert_num_queries, count
):
    made = badges(count, section)
    complete_page(browser, module(section, "Eerste"))  # earns the first "modules" badge?
    made[0].count = 1
    made[0].save()
    complete_page(browser, module(section, "Tweede"))
    graphql(MY_BADGES, {}, **token_header(browser.token))
    with django_assert_num_queries(MY_BADGES_QUERIES):
        answer = graphql(MY_BADGES, {}, **token_header(browser.token))
    entries = answer["data"]["me"]["badges"]
    assert len(entries) == count
    assert [entry["badge"]["name"] for entry in entries if entry["earned"]] == ["Badge 00"]


def test_the_export_holds_the_awards_and_forget_me_deletes_them(browser, section):
    badge("Eén module", count=1)
    complete_page(browser, module(section, "Een"))
    award = BadgeAward.objects.get()
    export = browser.send(EXPORT)["exportMyData"]
    (exported,) = to_the_millisecond(export["data"]["badgeAwards"])
    assert exported == {
        "award": str(award.uuid),
        "badge": str(award.badge_id),
        "name": "Eén module",
        "description": award.description,
        "criterion": "Rond 1 module af.",
        "awardedAt": award.awarded_at.replace(
            microsecond=award.awarded_at.microsecond // 1000 * 1000
        ),
    }
    assert '"criterion": "Rond 1 module af."' in export["json"]
    assert browser.send(FORGET_ME)["forgetMe"]["ok"] is True
    assert not BadgeAward.objects.exists()


def test_signing_in_keeps_one_award_per_badge_the_earliest(client, browsers, section):
    first, second, third = (module(section, title) for title in ("Een", "Twee", "Drie"))
    one = badge("Eén module", count=1)
    three = badge("Drie modules", count=3)
    user = factories.user("leerling")
    account, account_token = factories.learner(user=user)
    at_home = browsers(account_token)
    complete_page(at_home, first)  # the account earns "Eén module"

    anonymous = browsers()
    complete_page(anonymous, second)
    complete_page(anonymous, third)  # earns "Eén module" too, later
    earlier = BadgeAward.objects.get(badge=one, learner=account)
    assert BadgeAward.objects.filter(badge=one).count() == 2

    client.force_login(user)
    merged = anonymous.my_badges()  # the first signed-in request with the token merges it
    assert Learner.objects.count() == 1
    (kept,) = BadgeAward.objects.filter(badge=one)
    assert (kept.pk, kept.learner_id) == (earlier.pk, account.pk)
    # Together they completed three modules: the merge earns what the two did together.
    assert BadgeAward.objects.filter(badge=three, learner=account).exists()
    assert merged["Eén module"]["earned"] is True


def test_signing_in_takes_an_earlier_anonymous_award_along(client, browsers, section):
    one = badge("Eén module", count=1)
    anonymous = browsers()
    complete_page(anonymous, module(section, "Een"))
    earlier = BadgeAward.objects.get()
    user = factories.user("leerling")
    account, token = factories.learner(user=user)
    complete_page(browsers(token), module(section, "Twee"))
    assert BadgeAward.objects.filter(badge=one).count() == 2

    client.force_login(user)
    anonymous.my_badges()
    (kept,) = BadgeAward.objects.all()
    assert (kept.pk, kept.learner_id) == (earlier.pk, account.pk)
