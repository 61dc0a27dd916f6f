"""Badges are earned at once when the learner meets their criterion, and never twice."""

import pytest
from django.db import IntegrityError, transaction

from borg_learning import signals
from borg_learning.badges.models import BadgeAward
from borg_learning.badges.signals import badge_awarded
from tests import factories
from tests.helpers.badges import BadgeFrontend, badge, module
from tests.helpers.learners import complete_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    """The badge_awarded events, as (learner id, badge id)."""
    events = []

    def listen(sender, learner, badge_id, **kwargs):
        events.append((learner.pk, badge_id))

    badge_awarded.connect(listen)
    yield events
    badge_awarded.disconnect(listen)


def test_a_number_of_modules_earns_the_badge_at_the_last_one_and_only_once(browser, section, heard):
    two = badge("Twee modules", count=2)
    first, second = module(section, "Grenzen stellen"), module(section, "Observeren")

    complete_page(browser, first)
    entry = browser.my_badges()["Twee modules"]
    assert (entry["earned"], entry["progress"]) == (False, {"done": 1, "target": 2})

    complete_page(browser, second)
    entry = browser.my_badges()["Twee modules"]
    assert entry["earned"] is True and entry["progress"] is None
    assert entry["award"]["name"] == "Twee modules"
    assert entry["award"]["criterionText"] == "Rond 2 modules af."

    complete_page(browser, second)  # again: completes nothing new
    assert BadgeAward.objects.filter(badge=two).count() == 1
    assert heard == [(BadgeAward.objects.get().learner_id, two.pk)]


def test_all_modules_of_a_theme_are_its_live_modules_when_the_last_is_completed(
    browser, browsers, section
):
    theme = factories.ThemeFactory(name="SGG", slug="sgg")
    badge("Alle modules van SGG", criterion="theme", theme=theme)
    first = module(section, "SGG 1", themes=[theme])
    second = module(section, "SGG 2", themes=[theme])
    module(section, "SGG concept", themes=[theme], publish=False)  # a draft does not count
    module(section, "Ander thema")

    complete_page(browser, first)
    assert browser.my_badges()["Alle modules van SGG"]["progress"] == {"done": 1, "target": 2}
    complete_page(browser, second)
    entry = browser.my_badges()["Alle modules van SGG"]
    assert entry["earned"] is True
    assert entry["award"]["criterionText"] == "Rond alle modules van het thema SGG af."

    # A module published in the theme later: the badge stays earned, others need it too.
    third = module(section, "SGG 3", themes=[theme])
    assert browser.my_badges()["Alle modules van SGG"]["earned"] is True
    other = browsers()
    complete_page(other, first)
    complete_page(other, second)
    assert other.my_badges()["Alle modules van SGG"]["progress"] == {"done": 2, "target": 3}
    complete_page(other, third)
    assert other.my_badges()["Alle modules van SGG"]["earned"] is True


def test_a_theme_without_live_modules_earns_nothing(browser, section):
    empty = factories.ThemeFactory(name="Leeg", slug="leeg")
    badge("Leeg thema", criterion="theme", theme=empty)
    complete_page(browser, module(section, "Iets anders"))
    entry = browser.my_badges()["Leeg thema"]
    assert (entry["earned"], entry["progress"]) == (False, {"done": 0, "target": 0})


def test_a_route_completed_earns_the_badges_of_that_route_and_of_any_route(browser, section):
    from tests.helpers.routes import RouteFrontend

    first = module(section, "Eerste stap")
    route = factories.route([first], title="Inwerkroute begeleider")
    other = factories.route([module(section, "Andere stap")], title="Inwerkroute psycholoog")
    badge("Route afgerond", criterion="route")
    badge("Begeleider ingewerkt", criterion="route", route=route)
    badge("Psycholoog ingewerkt", criterion="route", route=other)

    routes = RouteFrontend(browser.graphql)
    complete_page(browser, first)
    routes.token = browser.token
    routes.start(route.slug)
    assert browser.earned() == ["Begeleider ingewerkt", "Route afgerond"]
    award = browser.my_badges()["Begeleider ingewerkt"]["award"]
    assert award["criterionText"] == "Rond de leerroute Inwerkroute begeleider af."
    assert browser.my_badges()["Psycholoog ingewerkt"]["progress"] == {"done": 0, "target": 1}


def test_a_streak_earns_the_badge_on_the_day_it_reaches_the_number(browser, section):
    badge("7 dagen op rij", criterion="streak", count=7)
    complete_page(browser, module(section, "Iets"))
    learner = BadgeAward.learner.field.related_model.objects.get()

    signals.streak_extended.send(sender=None, learner=learner, days=6)
    entry = browser.my_badges()["7 dagen op rij"]
    assert (entry["earned"], entry["progress"]) == (False, None)  # the streak's own to show
    signals.streak_extended.send(sender=None, learner=learner, days=7)
    signals.streak_extended.send(sender=None, learner=learner, days=8)
    assert browser.earned() == ["7 dagen op rij"]
    assert BadgeAward.objects.get().criterion == "Leer 7 dagen op rij."


def test_cards_recalled_in_the_daily_review_earn_the_badge_a_first_answer_does_not(
    send, section, clock
):
    from tests.helpers.reviews import exercise_page, single_choice

    badge("Goed onthouden", criterion="reviews", count=1)
    page = exercise_page(section, exercises=[single_choice()])
    learner = BadgeFrontend(send)
    (block,) = [block for _kind, block in factories.blocks_of(page)]
    learner.answer(page, block, answer=["luisteren"])  # right, but no review yet
    assert learner.my_badges()["Goed onthouden"]["progress"] == {"done": 0, "target": 1}

    clock.forward(days=30)
    (card,) = learner.due()["dueReviews"]
    assert learner.answer_review(card["id"], ["praten"])["result"]["correct"] is False
    assert learner.earned() == []
    clock.forward(days=30)
    (card,) = learner.due()["dueReviews"]
    assert learner.answer_review(card["id"], ["luisteren"])["result"]["correct"] is True
    assert learner.earned() == ["Goed onthouden"]


def test_the_first_microlesson_completed_earns_the_badge(browser, environment):
    badge("Eerste microles", criterion="first_microlesson")
    lessons = factories.section(environment, title="Microlearning")
    lesson = factories.microlesson(lessons, "Kort", theme=factories.ThemeFactory())
    assert browser.my_badges() == {}  # no learner yet
    assert [item["criterionText"] for item in browser.badges()] == ["Rond je eerste microles af."]
    complete_page(browser, lesson)
    assert browser.earned() == ["Eerste microles"]
    assert BadgeAward.objects.get().criterion == "Rond je eerste microles af."


def test_an_inactive_badge_is_neither_shown_nor_earned(browser, section):
    badge("Uit", count=1, active=False)
    badge("Aan", count=1)
    complete_page(browser, module(section, "Een"))
    assert [item["name"] for item in browser.badges()] == ["Aan"]
    assert list(browser.my_badges()) == ["Aan"]


def test_editing_a_badge_later_changes_no_earlier_award(browser, section):
    one = badge("Eén module", count=1, description="Een goed begin.")
    complete_page(browser, module(section, "Een"))
    one.name, one.count, one.description, one.active = "Vijf modules", 5, "Veel werk.", False
    one.save()

    (entry,) = browser.my_badges().values()  # inactive now, but earned: still shown
    assert entry["earned"] is True and entry["badge"]["name"] == "Vijf modules"
    assert (entry["award"]["name"], entry["award"]["description"]) == (
        "Eén module",
        "Een goed begin.",
    )
    assert entry["award"]["criterionText"] == "Rond 1 module af."


def test_the_database_refuses_a_second_award_of_a_badge(browser, section):
    one = badge("Eén module", count=1)
    complete_page(browser, module(section, "Een"))
    award = BadgeAward.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        BadgeAward.objects.create(badge=one, learner=award.learner, name="x", description="x")
