"""Editors see the admin in Dutch: wagtailmedia's screens (which ship no Dutch of their
own), the counts of the duration estimate, yes/no columns and the names of downloads."""

import io

import openpyxl
import pytest
from django.urls import reverse

from borg_learning.content.duration import DurationEstimate
from borg_learning.content.forms import over_budget_message
from borg_learning.models import BasicModulePage, Offering, Provider
from tests import factories
from tests.helpers.admin_forms import add_url, snippet_url

pytestmark = pytest.mark.django_db


def english_left(html, *phrases):
    return [phrase for phrase in phrases if phrase in html]


def test_the_media_screens_are_dutch(editor):
    factories.media("audio", title="Podcast")
    index = editor.get(reverse("wagtailmedia:index")).content.decode()
    add_audio = editor.get(reverse("wagtailmedia:add", args=["audio"])).content.decode()

    assert english_left(index, "Search media", "Add audio", "Add video", "Uploaded") == []
    assert "Audio toevoegen" in index
    assert "Zoek media" in index
    assert english_left(add_audio, ">File<", "Thumbnail", "Duration in seconds") == []
    assert "Bestand" in add_audio
    assert "Miniatuur" in add_audio
    assert "de duur wordt bij het opslaan uit het bestand gelezen" in add_audio


def test_the_dashboard_counts_media_files_in_dutch(editor):
    factories.media("audio")
    factories.media("video")
    html = editor.get(reverse("wagtailadmin_home")).content.decode()
    assert "Media files" not in html
    assert "mediabestanden" in html


def test_the_video_chooser_is_dutch(editor, environment):
    html = editor.get(add_url(BasicModulePage, environment)).content.decode()
    assert english_left(html, "Choose video", "Choose audio", "Choose another video") == []
    assert "Kies video" in html


def test_yes_no_columns_show_icons_not_true_or_false(editor):
    offering = factories.OfferingFactory(active=True)
    factories.ProviderFactory(is_member_institution=False)
    for model in (Provider, Offering):
        html = editor.get(snippet_url(model)).content.decode()
        assert english_left(html, ">True<", ">False<") == [], model
        assert "icon-success" in html or "icon-error" in html, model
    assert offering.provider.name


def test_counts_in_the_estimate_agree_with_their_number():
    one = DurationEstimate(words=1, reading_seconds=1, exercises=1, exercise_seconds=60)
    assert one.breakdown() == (
        "lezen van 1 woord: 1 s, audio: 0 s, video: 0 s, 1 oefening: 1 min, totaal: 1 min 1 s"
    )
    assert over_budget_message(one, 1, "Deze module").startswith(
        "Deze module duurt ongeveer 2 minuten, langer dan de doelduur van 1 minuut,"
    )
    assert "(mm:ss)" not in over_budget_message(one, 1, "Deze module")


def test_the_duration_panel_says_minute_for_one(editor, environment):
    module = factories.basic_module(environment, target_duration=1, body=[])
    html = editor.get(reverse("wagtailadmin_pages:edit", args=[module.pk])).content.decode()
    assert "doelduur van 1 minuut" in html
    assert "1 minuten" not in html


def test_downloads_are_named_in_dutch(editor):
    response = editor.get(reverse("borg_learning_reports:evaluation") + "?export=xlsx")
    assert response.status_code == 200
    assert 'filename="evaluatie-per-vraag-' in response["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook.sheetnames == ["Evaluatie per vraag"]

    response = editor.get(reverse("borg_learning_reports:review_due") + "?export=csv")
    assert 'filename="modules-aan-herziening-toe-' in response["Content-Disposition"]
