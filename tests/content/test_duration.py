"""The duration estimate: reading, listening, watching and exercises together."""

import pytest
from django.test import override_settings
from django.urls import reverse

from borg_learning.content.duration import DurationEstimate, count_words, estimate_body
from borg_learning.models import BasicModulePage, SpecialistModulePage
from tests import factories
from tests.factories import audio_block, exercise_block, text_block, video_block

pytestmark = pytest.mark.django_db


def mixed_body():
    """300 words of text plus 40 in a caption and descriptions, media and three exercises."""
    image, document = factories.image(), factories.document()
    return [
        text_block(300),
        ("image", {"image": image, "alt_text": "Een gesprek", "caption": factories.words(10)}),
        audio_block(factories.media("audio", 95.5)),
        exercise_block(),
        video_block(factories.media("video", 120)),
        ("download", {"document": document, "title": "", "description": factories.words(20)}),
        audio_block(factories.media("audio", 30.2)),
        video_block(embed_url="https://vimeo.com/1", embed_duration=45),
        exercise_block(),
        (
            "link",
            {
                "label": "Lees meer",
                "description": factories.words(10),
                "kind": "other",
                "page": None,
                "url": "https://example.org",
                "document": None,
            },
        ),
        (
            "exercise",
            {
                "kind": "reflection",
                "question": "<p>Wat neem je mee?</p>",
                "options": [],
                "explanation": "",
            },
        ),
    ]


def test_text_media_and_exercises_add_up(environment):
    module = factories.basic_module(environment, body=mixed_body(), target_duration=15)
    estimate = module.estimate_duration()
    assert estimate == DurationEstimate(
        words=340,
        reading_seconds=102,  # 340 words at 200 words a minute
        audio_seconds=126,  # 95.5 + 30.2 seconds, rounded up
        video_seconds=165,  # a 120 second file and a 45 second embed
        exercises=3,
        exercise_seconds=180,  # 60 seconds each, the reflection included
    )
    assert estimate.total_seconds == 573
    assert estimate.total_minutes == 10  # 9:33 does not fit in 9 minutes
    assert estimate.breakdown() == (
        "lezen van 340 woorden: 1 min 42 s, audio: 2 min 6 s, video: 2 min 45 s, "
        "3 oefeningen: 3 min, totaal: 9 min 33 s"
    )
    # Saved with the page, so lists and the API read it without the body.
    assert BasicModulePage.objects.get(pk=module.pk).estimated_duration_seconds == 573
    assert module.estimated_duration_minutes == 10


@override_settings(BORG_LEARNING={"WORDS_PER_MINUTE": 100, "SECONDS_PER_EXERCISE": 90})
def test_reading_speed_and_exercise_time_come_from_the_settings(environment):
    module = factories.basic_module(environment, body=mixed_body(), target_duration=15)
    estimate = module.estimate_duration()
    assert (estimate.reading_seconds, estimate.exercise_seconds) == (204, 270)
    assert estimate.total_seconds == 204 + 126 + 165 + 270
    assert module.estimated_duration_seconds == estimate.total_seconds


def test_a_body_read_back_from_the_database_is_estimated_in_few_queries(
    environment, django_assert_max_num_queries
):
    body = mixed_body() * 5
    module = factories.basic_module(environment, body=body, target_duration=60)
    module = BasicModulePage.objects.get(pk=module.pk)
    # One query per chooser type (image, media, document), not one per block.
    with django_assert_max_num_queries(4):
        estimate = estimate_body(module.body)
    # Media seconds are added up before rounding: 5 x 125.7 s of audio is 629 s, not 630.
    assert estimate.total_seconds == 5 * 573 - 1


def test_media_without_a_known_duration_counts_as_nothing(environment):
    body = [audio_block(factories.media("audio", 0)), video_block(factories.media("video", 0))]
    module = factories.basic_module(environment, body=body)
    assert module.estimate_duration().total_seconds == 0


def test_words_are_counted_without_markup():
    assert count_words("<p>Een <b>lichte</b> verstandelijke beperking (LVB)</p>") == 5
    assert count_words("<p>zo'n ex-cliënt</p>") == 2
    assert count_words(None) == 0


# --- a specialist module takes as long as its parts --------------------------------------


def stored_estimate(module):
    return SpecialistModulePage.objects.get(pk=module.pk).estimated_duration_seconds


def test_a_specialist_module_is_the_sum_of_its_live_parts(environment):
    module = factories.specialist_module(environment, target_duration=60)
    first = factories.module_part(module, body=[text_block(400), exercise_block()])  # 180 s
    second = factories.module_part(module, body=[audio_block(factories.media("audio", 90))])
    factories.module_part(module, body=[text_block(2000)], publish=False)  # a draft: not yet
    assert first.estimated_duration_seconds == 180
    assert second.estimated_duration_seconds == 90
    estimate = module.estimate_duration()
    # The audio part shows as 2 minutes: the module adds up whole minutes, 3 + 2.
    assert estimate.total_seconds == 300
    assert (estimate.words, estimate.audio_seconds, estimate.exercises) == (400, 90, 1)
    assert estimate.rounding_seconds == 30
    assert stored_estimate(module) == 300


def test_the_parts_minutes_add_up_to_the_modules(environment):
    """Three parts of 3:56, 3:56 and 4:06 show as 4, 4 and 5 minutes: the module says 13,
    not the 12 that 11:58 would round to (1:02 of rounding), and its budget is checked on
    that."""
    module = factories.specialist_module(environment, target_duration=13)
    parts = [
        factories.module_part(module, body=[audio_block(factories.media("audio", seconds))])
        for seconds in (236, 236, 246)
    ]
    assert [part.estimated_duration_minutes for part in parts] == [4, 4, 5]
    module = SpecialistModulePage.objects.get(pk=module.pk)
    assert module.estimated_duration_minutes == 13
    assert module.estimate_duration().total_minutes == 13
    assert (
        "onderdelen afgerond op hele minuten: 1 min 2 s" in module.estimate_duration().breakdown()
    )
    # 11:58 of content, but 13 minutes as shown: publishing within 12 minutes is refused.
    assert module.over_budget_errors(None, 12, None)
    assert not module.over_budget_errors(None, 13, None)


def test_the_module_estimate_follows_its_parts_being_published_unpublished_and_deleted(
    environment, client
):
    client.force_login(factories.superuser())
    module = factories.specialist_module(environment, target_duration=60)
    part = factories.module_part(module, body=[text_block(200)])  # 60 s
    other = factories.module_part(module, body=[exercise_block()], publish=False)  # 60 s
    assert stored_estimate(module) == 60

    other.save_revision().publish()
    assert stored_estimate(module) == 120

    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[part.pk]))
    assert response.status_code == 302
    assert stored_estimate(module) == 60

    response = client.post(reverse("wagtailadmin_pages:delete", args=[other.pk]))
    assert response.status_code == 302
    assert stored_estimate(module) == 0


def test_moving_a_part_to_another_module_moves_its_time(environment, client):
    client.force_login(factories.superuser())
    source = factories.specialist_module(environment, target_duration=60)
    target = factories.specialist_module(environment, target_duration=60)
    part = factories.module_part(source, body=[text_block(200)])  # 60 s
    factories.module_part(target, body=[exercise_block()])  # 60 s
    response = client.post(reverse("wagtailadmin_pages:move_confirm", args=[part.pk, target.pk]))
    assert response.status_code == 302
    assert (stored_estimate(source), stored_estimate(target)) == (0, 120)
