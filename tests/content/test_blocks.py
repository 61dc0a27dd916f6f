"""Each module block refuses what an editor can get wrong, in Dutch, on the field to fix."""

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError

from borg_learning.content.blocks import ExerciseBlock, ImageBlock, LinkBlock, VideoBlock
from borg_learning.models import BasicModulePage
from tests import factories
from tests.helpers.admin_forms import (
    add_url,
    block_errors,
    edit_url,
    exercise_data,
    image_data,
    link_data,
    module_data,
    text_data,
    video_data,
)

pytestmark = pytest.mark.django_db

ALT_TEXT = "Vul een alternatieve tekst in: beschrijf wat er op de afbeelding staat."
NO_CORRECT = "Vink bij minstens één antwoord 'Juist' aan."


def errors(block, raw):
    """``{child: [messages]}`` of cleaning ``raw``; ``{}`` when it is valid."""
    try:
        block.clean(block.to_python(raw))
    except StructBlockValidationError as error:
        return {name: list(child.messages) for name, child in error.block_errors.items()}
    return {}


def options(*correct):
    return [
        {"text": f"Antwoord {index}", "correct": flag, "feedback": ""}
        for index, flag in enumerate(correct)
    ]


def exercise(kind, *correct):
    return {
        "kind": kind,
        "question": "<p>Vraag?</p>",
        "options": options(*correct),
        "explanation": "",
    }


# --- image ------------------------------------------------------------------------


@pytest.mark.parametrize("alt_text", ["", "   "])
def test_an_image_without_alt_text_is_refused_on_the_alt_text(alt_text):
    image = factories.image()
    assert errors(ImageBlock(), {"image": image.pk, "alt_text": alt_text}) == {
        "alt_text": [ALT_TEXT]
    }


def test_an_image_with_alt_text_is_fine():
    image = factories.image()
    assert errors(ImageBlock(), {"image": image.pk, "alt_text": "Twee collega's"}) == {}


# --- video ------------------------------------------------------------------------


def video(**value):
    return {
        "title": "Video",
        "video": None,
        "embed_url": "",
        "embed_duration": None,
        "transcript": "",
        "subtitles": None,
        **value,
    }


def test_a_video_needs_a_file_or_an_embed_url():
    assert errors(VideoBlock(), video()) == {
        "video": ["Kies een videobestand of vul een embed-URL in."]
    }


def test_a_video_cannot_have_both_a_file_and_an_embed_url():
    media = factories.media("video", 30)
    assert errors(
        VideoBlock(), video(video=media.pk, embed_url="https://vimeo.com/1", embed_duration=30)
    ) == {"embed_url": ["Kies een videobestand of een embed-URL, niet allebei."]}


def test_an_embedded_video_needs_its_duration():
    assert errors(VideoBlock(), video(embed_url="https://vimeo.com/1")) == {
        "embed_duration": [
            "Vul in hoe lang de ingesloten video duurt, zodat die meetelt in de duur."
        ]
    }


def test_a_video_file_or_an_embed_with_duration_is_fine():
    media = factories.media("video", 30)
    assert errors(VideoBlock(), video(video=media.pk)) == {}
    assert errors(VideoBlock(), video(embed_url="https://vimeo.com/1", embed_duration=90)) == {}


# --- exercise ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["single", "multiple", "true_false"])
def test_an_exercise_without_a_correct_answer_is_refused_on_the_answers(kind):
    assert errors(ExerciseBlock(), exercise(kind, False, False)) == {"options": [NO_CORRECT]}


@pytest.mark.parametrize("kind", ["single", "true_false"])
def test_one_correct_answer_only_unless_multiple_choice(kind):
    assert errors(ExerciseBlock(), exercise(kind, True, True)) == {
        "options": [
            "Hier kan maar één antwoord juist zijn; kies 'Meerkeuze' als meer antwoorden "
            "juist zijn."
        ]
    }
    assert errors(ExerciseBlock(), exercise("multiple", True, True)) == {}


def test_a_choice_needs_two_answers():
    assert errors(ExerciseBlock(), exercise("single", True)) == {
        "options": ["Voeg minstens twee antwoorden toe om uit te kiezen."]
    }


def test_true_or_false_has_exactly_two_answers():
    assert errors(ExerciseBlock(), exercise("true_false", True, False, False)) == {
        "options": [
            "Een waar-of-niet-waarvraag heeft precies twee antwoorden nodig, "
            "bijvoorbeeld 'Waar' en 'Niet waar'."
        ]
    }
    assert errors(ExerciseBlock(), exercise("true_false", False, True)) == {}


def test_a_reflection_has_no_answers():
    assert errors(ExerciseBlock(), exercise("reflection", False, False)) == {
        "options": [
            "Een open reflectie heeft geen antwoorden om uit te kiezen: verwijder de antwoorden."
        ]
    }
    assert errors(ExerciseBlock(), exercise("reflection")) == {}


def test_a_single_choice_with_one_correct_answer_is_fine():
    assert errors(ExerciseBlock(), exercise("single", False, True, False)) == {}


# --- link -------------------------------------------------------------------------


def link(**value):
    return {
        "label": "Meer lezen",
        "description": "",
        "kind": "other",
        "page": None,
        "url": "",
        "document": None,
        **value,
    }


def test_a_link_needs_a_target():
    assert errors(LinkBlock(), link()) == {
        "page": ["Kies waar de link naartoe gaat: een pagina, een externe URL of een document."]
    }


def test_a_link_goes_to_one_place_and_the_second_target_is_marked():
    document = factories.document()
    assert errors(LinkBlock(), link(url="https://example.org", document=document.pk)) == {
        "document": [
            "Een link gaat naar één plek: kies een pagina, een externe URL of een "
            "document, niet meer dan één."
        ]
    }


def test_a_link_to_one_place_is_fine():
    assert errors(LinkBlock(), link(url="https://example.org")) == {}
    assert errors(LinkBlock(), link(document=factories.document().pk)) == {}


# --- through the admin: the message is on the block's field and nothing goes live ------


def test_publishing_a_new_module_with_an_image_without_alt_text_stores_nothing(editor, environment):
    data = module_data(
        "Beelden",
        publish=True,
        body=[text_data("<p>Kijk goed.</p>"), image_data(factories.image(), alt_text="")],
    )
    response = editor.post(add_url(BasicModulePage, environment), data)
    assert block_errors(response, index=1) == {"alt_text": [ALT_TEXT]}
    assert ALT_TEXT in response.content.decode()  # handed to the block's widget
    assert not BasicModulePage.objects.filter(title="Beelden").exists()


def test_publishing_an_exercise_without_a_correct_answer_keeps_the_live_module(editor, environment):
    module = factories.basic_module(environment, body=[factories.exercise_block()])
    live_revision = module.live_revision_id
    data = module_data(
        module.title,
        slug=module.slug,
        publish=True,
        body=[exercise_data(options=[("Ja", False), ("Nee", False)])],
    )
    response = editor.post(edit_url(module), data)
    assert block_errors(response) == {"options": [NO_CORRECT]}
    module.refresh_from_db()
    assert module.live_revision_id == live_revision
    assert module.latest_revision_id == live_revision  # not even stored as a draft
    assert [option["correct"] for option in module.body[0].value["options"]] == [True, False]


@pytest.mark.parametrize(
    "block, field",
    [
        (video_data(), "video"),
        (link_data(), "page"),
    ],
)
def test_other_block_errors_reach_the_editor_on_their_field(editor, environment, block, field):
    response = editor.post(
        add_url(BasicModulePage, environment), module_data("Fout", publish=True, body=[block])
    )
    assert list(block_errors(response)) == [field]
    assert not BasicModulePage.objects.filter(title="Fout").exists()
