"""A learner's progress on a challenge counts only what they did inside its dates (and
theme), and reaching the target is stored once, when it happens."""

import datetime

import pytest
from django.utils import timezone

from borg_learning import signals
from borg_learning.challenges.models import Challenge, ChallengeCompletion
from borg_learning.challenges.progress import complete_reached
from borg_learning.learners.models import BlockProgress, Learner
from borg_learning.reviews.models import ReviewCard, ReviewLog
from tests import factories
from tests.helpers.challenges import completed
from tests.helpers.learners import complete_page, parts

pytestmark = pytest.mark.django_db


def at(day, hour=12):
    """A moment on ``day`` in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def progress_of(browser):
    return {
        item["challenge"]["title"]: (item["done"], item["target"], item["completedAt"])
        for item in browser.my_challenges()
    }


def test_reaching_the_target_is_stored_once_and_announced_after_the_commit(
    browser, challenge, lessons, completed_challenges
):
    for lesson in lessons[:2]:
        complete_page(browser, lesson)
    assert progress_of(browser) == {"Deze maand: 3 microlessen": (2, 3, None)}
    assert ChallengeCompletion.objects.count() == 0 and completed_challenges == []

    complete_page(browser, lessons[2])
    stored = ChallengeCompletion.objects.get()
    learner = Learner.objects.get()
    assert (stored.challenge, stored.learner) == (challenge, learner)
    assert completed_challenges == [{"learner": learner, "challenge_id": challenge.pk}]
    third = learner.completions.get(page=lessons[2])
    assert stored.completed_at == third.completed_at  # the moment the target was reached
    assert progress_of(browser) == {
        "Deze maand: 3 microlessen": (3, 3, stored.completed_at.isoformat())
    }

    complete_page(browser, lessons[3])  # more than the target: nothing new
    assert ChallengeCompletion.objects.count() == 1 and len(completed_challenges) == 1
    assert progress_of(browser)["Deze maand: 3 microlessen"][0] == 4


def test_only_what_was_done_between_the_dates_counts(browser, challenge, lessons, this_month):
    first, last = this_month
    complete_page(browser, lessons[0])
    learner = Learner.objects.get()
    completed(learner, lessons[1], at(first - datetime.timedelta(days=1), 23))  # the day before
    completed(learner, lessons[2], at(last + datetime.timedelta(days=1), 0))  # the day after
    completed(learner, lessons[3], at(first, 0))  # the first minute counts
    assert progress_of(browser)["Deze maand: 3 microlessen"][:2] == (2, 3)


def test_a_theme_counts_only_its_own_microlessons(browser, challenge, lessons, agressie, sgg):
    Challenge.objects.filter(pk=challenge.pk).update(theme=sgg, title="SGG: 2 microlessen")
    for lesson in lessons[:3]:  # Agressie
        complete_page(browser, lesson)
    assert progress_of(browser) == {"SGG: 2 microlessen": (0, 3, None)}
    complete_page(browser, lessons[4])  # SGG
    assert progress_of(browser) == {"SGG: 2 microlessen": (1, 3, None)}
    assert ChallengeCompletion.objects.count() == 0


def test_parts_and_modules_count_with_their_modules_theme(browser, this_month, environment, sgg):
    first, last = this_month
    section = factories.section(environment, title="Modules")
    specialist = factories.specialist_module(
        section, "SGG", themes=[sgg], parts=2, blocks_per_part=1, kinds=("text",)
    )
    other = factories.basic_module(section, "Grenzen", body=factories.body_blocks(1, section))
    dates = {"starts_on": first, "ends_on": last}
    Challenge.objects.create(title="Delen SGG", goal="parts", target=2, theme=sgg, **dates)
    Challenge.objects.create(title="Modules", goal="modules", target=2, **dates)
    Challenge.objects.create(title="Modules SGG", goal="modules", target=1, theme=sgg, **dates)

    complete_page(browser, other)
    assert progress_of(browser) == {
        "Delen SGG": (0, 2, None),
        "Modules": (1, 2, None),
        "Modules SGG": (0, 1, None),
    }
    for part in parts(specialist):
        complete_page(browser, part)
    found = progress_of(browser)
    assert {title: done for title, (done, _target, _at) in found.items()} == {
        "Delen SGG": 2,
        "Modules": 2,
        "Modules SGG": 1,
    }
    assert all(completed_at for _done, _target, completed_at in found.values())
    assert ChallengeCompletion.objects.count() == 3


def test_reviews_count_the_daily_review_and_recalled_only_the_right_answers(
    browser, this_month, lessons
):
    first, last = this_month
    dates = {"starts_on": first, "ends_on": last}
    Challenge.objects.create(title="Herhalen", goal="reviews", target=2, **dates)
    Challenge.objects.create(title="Onthouden", goal="recalled", target=2, **dates)
    complete_page(browser, lessons[0])
    learner = Learner.objects.get()
    card = ReviewCard.objects.create(learner=learner, page=lessons[0], block_id="x", due=at(first))
    for source, correct, day in [
        ("exercise", True, first),  # a first answer is no review
        ("review", True, first),
        ("review", False, first + datetime.timedelta(days=1)),
        ("review", True, first - datetime.timedelta(days=1)),  # before the dates
    ]:
        ReviewLog.objects.create(
            card=card, source=source, rating=3, correct=correct, reviewed_at=at(day), scheduler="x"
        )
    second_review = at(first + datetime.timedelta(days=1))
    assert progress_of(browser) == {
        "Herhalen": (2, 2, second_review.astimezone(datetime.UTC).isoformat()),  # the second
        "Onthouden": (1, 2, None),
    }


def test_learning_days_are_the_days_of_the_streak_s_events(browser, this_month, lessons):
    """Answers, completions and reviews make a learning day, as for the streak; a text
    seen does not."""
    first, last = this_month
    Challenge.objects.create(
        title="Drie dagen leren", goal="learning_days", target=3, starts_on=first, ends_on=last
    )
    complete_page(browser, lessons[0])  # today
    learner = Learner.objects.get()
    for day, hour, kind in [
        (first, 9, "exercise"),
        (first, 20, "exercise"),  # the same day again
        (first - datetime.timedelta(days=1), 12, "exercise"),  # before the challenge
        (first + datetime.timedelta(days=1), 12, "text"),  # only seen
    ]:
        BlockProgress.objects.create(
            learner=learner,
            page=lessons[1],
            block_id=f"{day}{hour}",
            kind=kind,
            completed_at=at(day, hour),
            updated_at=at(day, hour),
        )
    done = progress_of(browser)["Drie dagen leren"]
    today_is_first = timezone.localdate() == first
    assert done[:2] == (1 if today_is_first else 2, 3)


def test_a_challenge_outside_its_dates_is_not_active_and_is_not_completed(
    browser, challenge, lessons, this_month
):
    first, _last = this_month
    ended = Challenge.objects.create(
        title="Vorige maand",
        goal="microlessons",
        target=1,
        starts_on=first - datetime.timedelta(days=30),
        ends_on=first - datetime.timedelta(days=1),
    )
    upcoming = Challenge.objects.create(
        title="Volgende week",
        goal="microlessons",
        target=1,
        starts_on=timezone.localdate() + datetime.timedelta(days=7),
        ends_on=timezone.localdate() + datetime.timedelta(days=13),
    )
    assert [item["title"] for item in browser.challenges()] == ["Deze maand: 3 microlessen"]
    assert [item["title"] for item in browser.challenges(active=False)] == [
        "Vorige maand",
        "Volgende week",
    ]
    assert len(browser.challenges(active=None)) == 3
    by_title = {item["title"]: item for item in browser.challenges(active=None)}
    assert (by_title["Vorige maand"]["daysLeft"], by_title["Vorige maand"]["active"]) == (0, False)
    assert by_title["Volgende week"]["daysLeft"] == 7
    assert (
        by_title["Deze maand: 3 microlessen"]["daysLeft"]
        == (challenge.ends_on - timezone.localdate()).days + 1
    )

    complete_page(browser, lessons[0])
    assert ChallengeCompletion.objects.filter(challenge__in=[ended, upcoming]).count() == 0
    assert [item["challenge"]["title"] for item in browser.my_challenges()] == [
        "Deze maand: 3 microlessen"
    ]


def test_the_challenges_as_the_frontend_shows_them(browser, challenge, sgg):
    Challenge.objects.filter(pk=challenge.pk).update(
        theme=sgg, description="Drie korte lessen, wanneer het jou uitkomt."
    )
    (shown,) = browser.challenges()
    assert shown == {
        "id": str(challenge.pk),
        "title": "Deze maand: 3 microlessen",
        "description": "Drie korte lessen, wanneer het jou uitkomt.",
        "goal": "MICROLESSONS",
        "target": 3,
        "theme": {"slug": "sgg", "name": "SGG", "colour": shown["theme"]["colour"]},
        "startsOn": challenge.starts_on.isoformat(),
        "endsOn": challenge.ends_on.isoformat(),
        "daysLeft": (challenge.ends_on - timezone.localdate()).days + 1,
        "active": True,
    }


def test_a_learner_who_did_nothing_yet_sees_the_target_and_nothing_done(browsers, challenge):
    _learner, token = factories.learner()
    (item,) = browsers(token).my_challenges()
    assert (item["challenge"]["title"], item["done"], item["target"]) == (
        "Deze maand: 3 microlessen",
        0,
        3,
    )
    assert (item["completed"], item["completedAt"]) == (False, None)


def test_reached_before_the_challenge_was_made_it_is_stored_at_the_next_event(
    browser, lessons, this_month, completed_challenges
):
    first, last = this_month
    for lesson in lessons[:3]:
        complete_page(browser, lesson)
    challenge = Challenge.objects.create(
        title="Twee microlessen", goal="microlessons", target=2, starts_on=first, ends_on=last
    )
    learner = Learner.objects.get()
    second = learner.completions.order_by("completed_at", "pk")[1].completed_at
    (item,) = browser.my_challenges()
    assert (item["done"], item["completed"], item["completedAt"]) == (3, True, second.isoformat())
    assert not ChallengeCompletion.objects.exists()  # a query stores nothing

    complete_page(browser, lessons[3])
    assert ChallengeCompletion.objects.get().completed_at == second
    assert completed_challenges == [{"learner": learner, "challenge_id": challenge.pk}]


def test_the_signal_is_sent_only_once_the_completion_is_committed(
    challenge, lessons, django_capture_on_commit_callbacks, completed_challenges
):
    learner, _token = factories.learner()
    for lesson in lessons[:3]:
        completed(learner, lesson, timezone.now())
    with django_capture_on_commit_callbacks() as callbacks:
        assert complete_reached(learner.pk) == [challenge.pk]
        assert ChallengeCompletion.objects.filter(learner=learner).exists()
    assert completed_challenges == []
    for callback in callbacks:
        callback()
    assert completed_challenges == [{"learner": learner, "challenge_id": challenge.pk}]
    assert complete_reached(learner.pk) == []  # never twice


def test_a_streak_event_completes_a_challenge_of_learning_days(
    this_month, lessons, completed_challenges
):
    first, last = this_month
    challenge = Challenge.objects.create(
        title="Een leerdag", goal="learning_days", target=1, starts_on=first, ends_on=last
    )
    learner, _token = factories.learner()
    BlockProgress.objects.create(
        learner=learner,
        page=lessons[0],
        block_id="b1",
        kind="exercise",
        completed_at=timezone.now(),
    )
    signals.streak_extended.send(sender=Learner, learner=learner, days=1)
    assert ChallengeCompletion.objects.get().challenge == challenge
