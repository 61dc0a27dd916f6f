"""Microlearning at phone size: the section from the start page, the filter by format,
a quiz answered and judged by the server until the microlesson is done, an infographic
with its long description and a podcast with its transcript."""

import re

import pytest
from playwright.sync_api import expect

from borg_learning.microlearning.models import MicrolessonPage

from .conftest import microlearning_section, path
from .test_progress import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def lessons():
    return list(
        MicrolessonPage.objects.live().descendant_of(microlearning_section()).order_by("path")
    )


def test_the_start_page_leads_to_the_microlessons_and_the_filter_narrows_them(phone, site):
    page = phone.open("/")
    page.get_by_role("navigation", name="Kies een onderwerp").get_by_role(
        "link", name="Microlearning"
    ).click()
    phone.ready()
    expect(page.locator("h1")).to_have_text("Microlearning")
    every = lessons()
    tiles = page.locator(".tile--micro")
    expect(tiles.locator(".tile__title")).to_have_text([lesson.title for lesson in every])
    podcast = next(lesson for lesson in every if lesson.format == "podcast")
    tile = tiles.filter(has_text=podcast.title)
    expect(tile).to_contain_text(f"Podcast · {podcast.length} seconden")
    expect(tile).to_contain_text(f"Thema: {podcast.theme.name}")
    screenshot(page, "microlearning")

    page.get_by_label("Soort microles").select_option(label="Quiz")
    quizzes = [lesson.title for lesson in every if lesson.format == "quiz"]
    expect(tiles.locator(".tile__title")).to_have_text(quizzes)
    expect(page.get_by_role("status").filter(has_text="microlessen")).to_have_text(
        f"{len(quizzes)} microlessen: Quiz"
    )
    expect(page).to_have_url(re.compile(r"\?soort=quiz$"))
    # Back undoes the choice; the URL keeps it, so a reload shows the same list.
    page.reload()
    phone.ready()
    expect(tiles).to_have_count(len(quizzes))
    expect(page.get_by_label("Soort microles")).to_have_value("quiz")
    page.go_back()
    expect(tiles).to_have_count(len(every))


def test_a_quiz_answered_is_judged_and_done(phone, site):
    quiz = next(lesson for lesson in lessons() if lesson.title == "Observeren of interpreteren?")
    page = phone.open(f"{path(microlearning_section())}?soort=quiz")
    page.get_by_role("link", name=quiz.title).click()
    phone.ready()
    expect(page.locator("h1")).to_have_text(quiz.title)
    expect(page.locator(".microlesson__format")).to_have_text(f"Quiz · {quiz.length} seconden")
    expect(page.locator(".facts")).to_contain_text(quiz.theme.name)
    # Nothing on the page says which option is right: the server judges the answer.
    assert "correct" not in page.locator(".blocks").inner_html()

    first, second = page.locator(".exercise").all()
    first.get_by_label("Ja", exact=True).check()
    first.get_by_role("button", name="Controleer").click()
    expect(first.locator(".exercise__result")).to_have_text("Nee: 'boos' is jouw interpretatie.")
    expect(page.locator(".page-done")).to_be_hidden()
    first.get_by_label("Nee", exact=True).check()
    first.get_by_role("button", name="Controleer").click()
    expect(first.locator(".exercise__result")).to_have_text(
        "Klopt: beschrijf wat je zag en hoorde."
    )
    second.get_by_label("Ja", exact=True).check()
    second.get_by_role("button", name="Controleer").click()
    expect(second.locator(".exercise__result")).to_have_text(
        "Klopt: feitelijk, met tijd en plaats."
    )
    expect(page.locator(".page-done")).to_have_text("Afgerond")
    expect(page.locator("#status")).to_have_text("Je hebt deze microles afgerond.")
    screenshot(page, "microlesson-quiz")

    # Shown again: the answers and the done mark come back; its tile is marked done.
    page.reload()
    phone.ready()
    expect(page.locator(".page-done")).to_have_text("Afgerond")
    expect(second.locator(".exercise__result")).to_have_text(
        "Klopt: feitelijk, met tijd en plaats."
    )
    page.get_by_role("link", name="Terug naar alle microlessen").click()
    phone.ready()
    expect(page.locator("h1")).to_have_text("Microlearning")
    expect(page.locator(".tile--micro").filter(has_text=quiz.title)).to_contain_text("Afgerond")
    expect(page.locator(".tile--micro.is-done")).to_have_count(1)


def test_an_infographic_shows_its_long_description(phone, site):
    infographic = next(lesson for lesson in lessons() if lesson.format == "infographic")
    page = phone.open(path(infographic))
    expect(page.locator(".microlesson__format")).to_have_text(
        f"Infographic · {infographic.length} seconden"
    )
    image = page.locator(".blocks img")
    expect(image).to_have_attribute("alt", re.compile("Vlaggensysteem"))
    description = page.locator(f"#{image.get_attribute('aria-describedby')}")
    expect(description).to_be_visible()
    expect(description).to_contain_text("Wat de infographic laat zien")
    expect(description).to_contain_text("Groene vlag:")
    screenshot(page, "microlesson-infographic")


def test_a_podcast_comes_with_its_transcript(phone, site):
    podcast = next(lesson for lesson in lessons() if lesson.format == "podcast")
    page = phone.open(path(podcast))
    expect(page.locator(".microlesson__format")).to_have_text(
        f"Podcast · {podcast.length} seconden"
    )
    expect(page.get_by_label("Audio: Even rustig ademen")).to_be_visible()
    transcript = page.locator(".transcript")
    expect(transcript.get_by_text("Een stijgende toon")).to_be_hidden()
    transcript.get_by_text("Uitgeschreven tekst van ‘Even rustig ademen’").click()
    expect(transcript.get_by_text("Een stijgende toon", exact=False)).to_be_visible()
    screenshot(page, "microlesson-podcast")
