"""An audio or video file counts for its length: the duration is read from the file on
upload, and a module with a media item whose duration is unknown is not published (it
would count as 0:00 and could go over its target unnoticed)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtailmedia.models import get_media_model

from borg_learning.models import BasicModulePage
from tests import factories
from tests.helpers.admin_forms import (
    add_url,
    audio_data,
    block_errors,
    edit_url,
    module_data,
    video_data,
)
from tests.helpers.media_files import wav, webm

pytestmark = pytest.mark.django_db

Media = get_media_model()


def upload(editor, kind, name, data, duration=""):
    response = editor.post(
        reverse("wagtailmedia:add", args=[kind]),
        {
            "title": name,
            "file": SimpleUploadedFile(name, data),
            "collection": "1",
            "duration": duration,
            "tags": "",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    return Media.objects.get(title=name)


def test_the_duration_of_uploaded_audio_is_read_from_the_file(editor):
    media = upload(editor, "audio", "stilte.wav", wav(seconds=1.5))
    assert media.duration == pytest.approx(1.5, abs=0.05)


def test_the_duration_of_an_uploaded_video_is_read_by_ffmpeg(editor):
    media = upload(editor, "video", "clip.webm", webm(seconds=2))
    assert media.duration == pytest.approx(2, abs=0.2)


def test_a_file_nothing_can_read_keeps_an_empty_duration(editor):
    media = upload(editor, "audio", "kapot.mp3", b"not really audio")
    assert media.duration == 0


def test_a_new_file_gets_its_duration_unless_the_editor_changed_it_too(editor):
    media = upload(editor, "audio", "stilte.wav", wav(seconds=1.5))
    media.file = SimpleUploadedFile("langer.wav", wav(seconds=3))
    media.save()
    assert media.duration == pytest.approx(3, abs=0.05)

    media.file = SimpleUploadedFile("kort.wav", wav(seconds=1))
    media.duration = 50
    media.save()
    assert media.duration == 50


def test_a_duration_given_with_the_upload_is_kept(editor):
    media = upload(editor, "audio", "stilte.wav", wav(seconds=1.5), duration="42")
    assert media.duration == 42


def test_a_duration_the_editor_filled_in_stays_when_the_file_stays(editor):
    media = upload(editor, "audio", "stilte.wav", wav(seconds=1.5))
    media.duration = 90
    media.save()
    media.refresh_from_db()
    assert media.duration == 90


UNKNOWN = (
    "De duur van '{}' is onbekend, dus die telt als 0:00 en deze pagina kan niet "
    "gepubliceerd worden. Vul de duur in bij Media, of upload het bestand opnieuw zodat "
    "de duur eruit gelezen wordt."
)


def test_publishing_a_module_with_audio_of_unknown_duration_is_refused(editor, environment):
    audio = factories.media("audio", duration=0, title="Podcast zonder duur")
    video = factories.media("video", duration=0, title="Film zonder duur")
    data = module_data("Met media", publish=True, body=[audio_data(audio), video_data(video)])

    response = editor.post(add_url(BasicModulePage, environment), data)

    assert block_errors(response, 0) == {"audio": [UNKNOWN.format("Podcast zonder duur")]}
    assert block_errors(response, 1) == {"video": [UNKNOWN.format("Film zonder duur")]}
    assert not BasicModulePage.objects.filter(title="Met media").exists()


def test_the_same_module_saves_as_a_draft_and_publishes_once_the_duration_is_known(
    editor, environment
):
    audio = factories.media("audio", duration=0)
    data = module_data("Met media", body=[audio_data(audio)])
    assert editor.post(add_url(BasicModulePage, environment), data).status_code == 302
    module = BasicModulePage.objects.get(title="Met media")

    audio.duration = 30
    audio.save()
    data = module_data("Met media", slug=module.slug, publish=True, body=[audio_data(audio)])
    assert editor.post(edit_url(module), data).status_code == 302
    module.refresh_from_db()
    assert module.live
    assert module.estimated_duration_seconds == 30


def test_an_embedded_video_needs_no_media_duration(editor, environment):
    data = module_data(
        "Met embed",
        publish=True,
        body=[video_data(embed_url="https://vimeo.com/1", embed_duration="60")],
    )
    assert editor.post(add_url(BasicModulePage, environment), data).status_code == 302


def test_bulk_publishing_refuses_unknown_durations_too(environment):
    audio = factories.media("audio", duration=0, title="Podcast zonder duur")
    module = factories.basic_module(environment, publish=False, body=[factories.audio_block(audio)])
    assert module.latest_revision_budget_errors() == [UNKNOWN.format("Podcast zonder duur")]
