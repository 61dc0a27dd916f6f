"""What an editor meets making a microlesson: where it goes, what each format needs, and
the fixed-duration rule with the unit's length as its budget, in Dutch."""

import pytest
from django.urls import reverse

from borg_learning.microlearning.models import MicrolessonPage
from borg_learning.models import BasicModulePage, SectionPage
from tests import factories
from tests.helpers.admin_forms import (
    add_url,
    audio_data,
    edit_url,
    exercise_data,
    field_errors,
    image_data,
    page_form_data,
    rich_text,
    stream_errors,
    streamfield,
    text_data,
    video_data,
)

pytestmark = pytest.mark.django_db


def lesson_data(title, format="text", length=60, body=(), publish=False, theme=None, **fields):
    fields.setdefault("summary", "Wat je leert in een minuut.")
    return page_form_data(
        title,
        publish=publish,
        format=format,
        length=str(length),
        theme=str(theme.pk) if theme else "",
        body=streamfield(list(body)),
        **fields,
    )


def words(count):
    return text_data(f"<p>{factories.words(count)}</p>")


def podcast_data(media, transcript=""):
    return (
        "audio",
        {"title": "Podcast", "audio": media.pk, "transcript": rich_text(transcript)},
    )


def non_block_errors(response):
    return [error["messages"] for error in [stream_errors(response)]][0]


def test_a_microlesson_goes_below_a_section_and_nowhere_else(section, environment):
    module = factories.basic_module(section)
    assert MicrolessonPage.can_exist_under(section)
    assert not MicrolessonPage.can_exist_under(environment)
    assert not MicrolessonPage.can_exist_under(module)
    # The section still takes the core's page types.
    assert BasicModulePage in SectionPage.allowed_subpage_models()
    assert MicrolessonPage in SectionPage.allowed_subpage_models()


def test_the_add_view_offers_the_lengths_and_formats_in_dutch(editor, section):
    html = editor.get(add_url(MicrolessonPage, section)).content.decode()
    for label in ("30 seconden", "60 seconden", "90 seconden", "120 seconden"):
        assert label in html
    for label in ("Korte video", "Infographic", "Quiz", "Podcast", "Tekstsamenvatting"):
        assert label in html
    assert "Een tekst van 60 seconden is ongeveer 200 woorden." in html


def test_publishing_over_the_length_is_refused_with_the_breakdown(editor, section, theme):
    data = lesson_data("Te lang", length=60, theme=theme, publish=True, body=[words(250)])
    response = editor.post(add_url(MicrolessonPage, section), data)
    assert field_errors(response, "length") == [
        "Deze microles duurt ongeveer 1 min 15 s, langer dan de lengte van 60 seconden, en kan "
        "daarom niet gepubliceerd worden. Maak de inhoud korter of kies een langere lengte "
        "(een tekst van 60 seconden is ongeveer 200 woorden). Opbouw: lezen van 250 woorden: "
        "1 min 15 s, audio: 0 s, video: 0 s, 0 oefeningen: 0 s, totaal: 1 min 15 s."
    ]
    assert not MicrolessonPage.objects.filter(title="Te lang").exists()


def test_the_same_microlesson_saves_as_a_draft(editor, section, theme):
    data = lesson_data("Te lang", length=60, theme=theme, body=[words(250)])
    assert editor.post(add_url(MicrolessonPage, section), data).status_code == 302
    lesson = MicrolessonPage.objects.get(title="Te lang")
    assert not lesson.live
    assert lesson.get_latest_revision_as_object().estimate_duration().total_seconds == 75


def test_a_text_of_200_words_fits_in_60_seconds_and_publishes(editor, section, theme):
    data = lesson_data("Precies", length=60, theme=theme, publish=True, body=[words(200)])
    assert editor.post(add_url(MicrolessonPage, section), data).status_code == 302
    lesson = MicrolessonPage.objects.get(title="Precies")
    assert lesson.live
    assert (lesson.estimated_duration_seconds, lesson.theme) == (60, theme)


def test_a_longer_length_makes_room(editor, section, theme):
    data = lesson_data("Langer", length=90, theme=theme, publish=True, body=[words(250)])
    assert editor.post(add_url(MicrolessonPage, section), data).status_code == 302
    assert MicrolessonPage.objects.get(title="Langer").live


def test_a_microlesson_is_published_with_a_theme(editor, section):
    data = lesson_data("Zonder thema", publish=True, body=[words(20)])
    response = editor.post(add_url(MicrolessonPage, section), data)
    assert field_errors(response, "theme") == ["Dit veld is vereist."]


@pytest.mark.parametrize(
    "format, message",
    [
        ("video", "Een korte video heeft een videoblok nodig."),
        ("infographic", "Een infographic heeft een afbeeldingsblok nodig."),
        ("quiz", "Een quiz heeft minstens één oefeningsblok nodig."),
        ("podcast", "Een podcast heeft een audioblok nodig."),
    ],
)
def test_each_format_needs_its_own_block_to_be_published(editor, section, theme, format, message):
    data = lesson_data("Alleen tekst", format=format, theme=theme, publish=True, body=[words(20)])
    response = editor.post(add_url(MicrolessonPage, section), data)
    assert stream_errors(response)["messages"] == [message]
    assert not MicrolessonPage.objects.filter(title="Alleen tekst").exists()


def test_a_text_summary_needs_a_text_block(editor, section, theme):
    data = lesson_data("Geen tekst", theme=theme, publish=True, body=[exercise_data()])
    response = editor.post(add_url(MicrolessonPage, section), data)
    assert stream_errors(response)["messages"] == [
        "Een tekstsamenvatting heeft een tekstblok nodig."
    ]


def test_a_format_is_checked_on_publishing_only(editor, section, theme):
    data = lesson_data("Nog leeg", format="quiz", theme=theme, body=[])
    assert editor.post(add_url(MicrolessonPage, section), data).status_code == 302


def test_an_infographic_needs_its_long_description(editor, section, theme):
    image = factories.ImageFactory()
    data = lesson_data(
        "Infographic", format="infographic", theme=theme, publish=True, body=[image_data(image)]
    )
    response = editor.post(add_url(MicrolessonPage, section), data)
    assert stream_errors(response)["messages"] == [
        "Een infographic heeft een lange beschrijving nodig: voeg een tekstblok toe dat in "
        "woorden zegt wat de afbeelding laat zien, voor wie de afbeelding niet kan zien."
    ]
    data = lesson_data(
        "Infographic",
        format="infographic",
        theme=theme,
        publish=True,
        body=[image_data(image), words(100)],
    )
    assert editor.post(add_url(MicrolessonPage, section), data).status_code == 302
    assert MicrolessonPage.objects.get(title="Infographic").live


def test_a_podcast_needs_the_transcript_of_its_audio(editor, section, theme):
    audio = factories.media("audio", duration=50)
    data = lesson_data(
        "Podcast", format="podcast", theme=theme, publish=True, body=[audio_data(audio)]
    )
    response = editor.post(add_url(MicrolessonPage, section), data)
    errors = stream_errors(response)["blockErrors"][0]["blockErrors"]
    assert errors["transcript"]["messages"] == [
        "Een podcast heeft een transcriptie nodig: de gesproken tekst, voor wie niet kan luisteren."
    ]
    data = lesson_data(
        "Podcast",
        format="podcast",
        theme=theme,
        publish=True,
        body=[podcast_data(audio, "<p>Welkom bij deze podcast.</p>")],
    )
    assert editor.post(add_url(MicrolessonPage, section), data).status_code == 302
    lesson = MicrolessonPage.objects.get(title="Podcast")
    # The audio counts; its transcript is not read on top of it.
    assert lesson.live and lesson.estimated_duration_seconds == 50


def test_a_quiz_and_a_video_publish_with_their_blocks(editor, section, theme):
    video = factories.media("video", duration=45)
    data = lesson_data("Video", format="video", theme=theme, publish=True, body=[video_data(video)])
    assert editor.post(add_url(MicrolessonPage, section), data).status_code == 302
    data = lesson_data(
        "Quiz", format="quiz", length=60, theme=theme, publish=True, body=[exercise_data()]
    )
    assert editor.post(add_url(MicrolessonPage, section), data).status_code == 302
    assert set(MicrolessonPage.objects.live().values_list("title", flat=True)) == {"Video", "Quiz"}


def test_publishing_from_the_page_listing_keeps_to_the_rules(section, theme):
    lesson = factories.microlesson(section, "Wordt te lang", theme=theme)
    factories.save_draft(lesson, body=[("text", {"text": factories.paragraph(250)})], format="quiz")
    lesson.refresh_from_db()
    assert lesson.latest_revision_budget_errors() == [
        "Een quiz heeft minstens één oefeningsblok nodig.",
        "Deze microles duurt ongeveer 1 min 15 s, langer dan de lengte van 60 seconden, en kan "
        "daarom niet gepubliceerd worden. Maak de inhoud korter of kies een langere lengte "
        "(een tekst van 60 seconden is ongeveer 200 woorden). Opbouw: lezen van 250 woorden: "
        "1 min 15 s, audio: 0 s, video: 0 s, 0 oefeningen: 0 s, totaal: 1 min 15 s.",
    ]


# --- the live estimate ------------------------------------------------------------------


def estimate_url():
    return reverse(
        "borg_learning_microlearning_estimate",
        args=["borg_learning_microlearning", "microlessonpage"],
    )


def test_the_edit_view_shows_the_live_estimate_against_the_length(editor, section, theme):
    lesson = factories.microlesson(section, theme=theme, length=30)
    html = editor.get(edit_url(lesson)).content.decode()
    assert f'data-borg-duration-url-value="{estimate_url()}"' in html
    assert "Geschatte duur van de inhoud: <strong>12 seconden</strong>." in html
    assert "Dat past in de lengte van 30 seconden." in html
    assert "Een tekst van deze lengte is ongeveer 100 woorden." in html


def test_the_estimate_follows_the_unsaved_form(editor, section, theme):
    lesson = factories.microlesson(section, theme=theme)
    data = lesson_data(lesson.title, length=60, theme=theme, body=[words(250), exercise_data()])
    data["borg_page_id"] = str(lesson.pk)
    html = editor.post(estimate_url(), data).content.decode()
    assert "Geschatte duur van de inhoud: <strong>135 seconden</strong>." in html
    assert "Dat is langer dan de lengte van 60 seconden: publiceren lukt pas als het past." in html
    assert "lezen van 250 woorden: 1 min 15 s, audio: 0 s, video: 0 s, 1 oefening: 1 min" in html
    lesson.refresh_from_db()
    assert lesson.estimated_duration_seconds == 12  # nothing saved


def test_the_estimate_view_serves_microlessons_only(editor, section):
    url = reverse("borg_learning_microlearning_estimate", args=["borg_learning", "basicmodulepage"])
    assert editor.post(url, {}).status_code == 404
