"""The fixed duration, enforced where editors publish: drafts always save, publishing must fit."""

import pytest
from django.urls import reverse

from borg_learning.models import BasicModulePage, ModulePartPage, SpecialistModulePage
from tests import factories
from tests.factories import exercise_block, text_block
from tests.helpers.admin_forms import (
    add_url,
    edit_url,
    exercise_data,
    field_errors,
    module_data,
    part_data,
    text_data,
)

pytestmark = pytest.mark.django_db


def words(count):
    return text_data(f"<p>{factories.words(count)}</p>")


def refused(what, minutes, target, breakdown):
    return (
        f"{what} duurt ongeveer {minutes} minuten, langer dan de doelduur van {target} "
        f"{'minuut' if target == 1 else 'minuten'}, en kan daarom niet gepubliceerd worden. "
        f"Maak de inhoud korter of pas de "
        f"doelduur aan. Opbouw: {breakdown}."
    )


def spoken(mmss):
    """ "2:30" as the breakdown says it: "2 min 30 s"."""
    minutes, seconds = (int(part) for part in mmss.split(":"))
    if minutes and seconds:
        return f"{minutes} min {seconds} s"
    return f"{minutes} min" if minutes else f"{seconds} s"


def breakdown(words=0, reading="0:00", exercises=0, exercise="0:00", total="0:00", rounding=None):
    noun = "oefening" if exercises == 1 else "oefeningen"
    rounded = f"onderdelen afgerond op hele minuten: {spoken(rounding)}, " if rounding else ""
    return (
        f"lezen van {words} woorden: {spoken(reading)}, audio: 0 s, video: 0 s, {exercises} "
        f"{noun}: {spoken(exercise)}, {rounded}totaal: {spoken(total)}"
    )


# --- basic modules ------------------------------------------------------------------------


def test_publishing_a_new_module_over_its_target_is_refused_with_the_breakdown(editor, environment):
    data = module_data(
        "Te lang", target_duration=2, publish=True, body=[words(500), exercise_data()]
    )  # 2:30 reading + 1:00 exercise
    response = editor.post(add_url(BasicModulePage, environment), data)
    assert field_errors(response, "target_duration") == [
        refused("Deze module", 4, 2, breakdown(500, "2:30", 1, "1:00", "3:30"))
    ]
    assert "Opbouw: lezen van 500 woorden: 2 min 30 s" in response.content.decode()
    assert not BasicModulePage.objects.filter(title="Te lang").exists()


def test_the_same_module_saves_as_a_draft(editor, environment):
    data = module_data("Te lang", target_duration=2, body=[words(500), exercise_data()])
    response = editor.post(add_url(BasicModulePage, environment), data)
    assert response.status_code == 302
    module = BasicModulePage.objects.get(title="Te lang")
    assert not module.live
    assert module.get_latest_revision_as_object().estimate_duration().total_seconds == 210


def test_a_module_exactly_on_its_target_publishes(editor, environment):
    data = module_data("Precies", target_duration=2, publish=True, body=[words(400)])
    response = editor.post(add_url(BasicModulePage, environment), data)
    assert response.status_code == 302
    assert BasicModulePage.objects.get(title="Precies").live


def test_publishing_a_longer_version_of_a_live_module_keeps_the_live_version(editor, environment):
    module = factories.basic_module(environment, target_duration=2, body=[text_block(100)])
    live_revision = module.live_revision_id
    data = module_data(
        module.title, slug=module.slug, target_duration=2, publish=True, body=[words(600)]
    )
    response = editor.post(edit_url(module), data)
    assert field_errors(response, "target_duration") == [
        refused("Deze module", 3, 2, breakdown(600, "3:00", total="3:00"))
    ]
    module.refresh_from_db()
    assert (module.live_revision_id, module.latest_revision_id) == (live_revision, live_revision)
    assert module.estimate_duration().words == 100
    assert module.estimated_duration_seconds == 30


def test_a_longer_draft_of_a_live_module_saves_and_cannot_be_published_until_it_fits(
    editor, environment
):
    module = factories.basic_module(environment, target_duration=2, body=[text_block(100)])
    live_revision = module.live_revision_id
    draft = module_data(module.title, slug=module.slug, target_duration=2, body=[words(600)])

    assert editor.post(edit_url(module), draft).status_code == 302
    module.refresh_from_db()
    assert module.live_revision_id == live_revision
    assert module.latest_revision_id != live_revision
    assert module.get_latest_revision_as_object().estimate_duration().words == 600
    assert module.estimate_duration().words == 100  # what learners get

    response = editor.post(edit_url(module), {**draft, "action-publish": "action-publish"})
    assert field_errors(response, "target_duration")
    module.refresh_from_db()
    assert module.live_revision_id == live_revision

    # Raising the target makes it fit.
    fitting = {**draft, "target_duration": "3", "action-publish": "action-publish"}
    assert editor.post(edit_url(module), fitting).status_code == 302
    module.refresh_from_db()
    assert module.live_revision_id != live_revision
    assert module.estimated_duration_seconds == 180


def bulk_publish(editor, parent, *pages, include_descendants=False):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    explorer = reverse("wagtailadmin_explore", args=[parent.pk])
    ids = "&".join(f"id={page.pk}" for page in pages)
    data = {"include_descendants": "on"} if include_descendants else {}
    response = editor.post(f"{url}?{ids}&next={explorer}", data, follow=True)
    assert response.redirect_chain == [(explorer, 302)]
    return [str(message) for message in response.context["messages"]]


def test_bulk_publishing_an_over_long_draft_is_refused(editor, environment):
    module = factories.basic_module(environment, target_duration=1, body=[text_block(100)])
    live_revision = module.live_revision_id
    module.body = [text_block(600)]
    module.save_revision()
    fitting = factories.basic_module(
        environment, target_duration=1, body=[text_block(100)], publish=False
    )

    messages = bulk_publish(editor, environment, module, fitting)
    assert messages == [
        f"{module.title}: " + refused("Deze module", 3, 1, breakdown(600, "3:00", total="3:00"))
    ]
    module.refresh_from_db()
    assert module.live_revision_id == live_revision
    assert module.has_unpublished_changes
    fitting.refresh_from_db()
    assert not fitting.live  # the whole action is refused, nothing half done

    bulk_publish(editor, environment, fitting)
    fitting.refresh_from_db()
    assert fitting.live


def test_bulk_publishing_a_module_with_its_draft_parts_checks_the_parts(editor, environment):
    module = factories.specialist_module(environment, target_duration=10, publish=False)
    part = factories.module_part(module, target_duration=1, body=[text_block(400)], publish=False)
    messages = bulk_publish(editor, environment, module, include_descendants=True)
    assert messages == [
        f"{part.title}: " + refused("Dit onderdeel", 2, 1, breakdown(400, "2:00", total="2:00"))
    ]
    module.refresh_from_db()
    part.refresh_from_db()
    assert not module.live and not part.live


# --- specialist modules and their parts ------------------------------------------------------


@pytest.fixture
def sgg(environment):
    """A specialist module of 10 minutes with two live parts of 6 and 3 minutes."""
    module = factories.specialist_module(environment, title="SGG", target_duration=10)
    factories.module_part(module, target_duration=6, body=[text_block(1200)])
    factories.module_part(module, target_duration=3, body=[text_block(400), exercise_block()])
    return SpecialistModulePage.objects.get(pk=module.pk)


def test_a_part_over_its_own_target_is_refused(editor, sgg):
    data = part_data("Lang deel", target_duration=1, publish=True, body=[words(400)])
    response = editor.post(add_url(ModulePartPage, sgg), data)
    assert field_errors(response, "target_duration") == [
        refused("Dit onderdeel", 2, 1, breakdown(400, "2:00", total="2:00"))
    ]
    assert not ModulePartPage.objects.filter(title="Lang deel").exists()


def test_a_part_that_pushes_its_module_over_budget_is_refused(editor, sgg):
    assert sgg.estimated_duration_seconds == 9 * 60
    data = part_data("Nog een deel", target_duration=5, publish=True, body=[words(400)])
    response = editor.post(add_url(ModulePartPage, sgg), data)
    assert field_errors(response, "target_duration") == [
        refused(
            "De module 'SGG' met dit onderdeel",
            11,
            10,
            breakdown(2000, "10:00", 1, "1:00", "11:00"),
        )
    ]
    assert not ModulePartPage.objects.filter(title="Nog een deel").exists()
    assert SpecialistModulePage.objects.get(pk=sgg.pk).estimated_duration_seconds == 9 * 60

    # As a draft it is kept, and the module's estimate still counts live parts only.
    data.pop("action-publish")
    assert editor.post(add_url(ModulePartPage, sgg), data).status_code == 302
    assert not ModulePartPage.objects.get(title="Nog een deel").live
    assert SpecialistModulePage.objects.get(pk=sgg.pk).estimated_duration_seconds == 9 * 60


def test_editing_a_live_part_counts_its_new_version_instead_of_its_old_one(editor, sgg):
    part = ModulePartPage.objects.child_of(sgg).last()  # the 3 minute part
    same_length = part_data(
        part.title,
        slug=part.slug,
        target_duration=4,
        publish=True,
        body=[words(300), exercise_data()],
    )  # 2:30, shown as 3 minutes: the module stays at 6 + 3
    assert editor.post(edit_url(part), same_length).status_code == 302
    assert SpecialistModulePage.objects.get(pk=sgg.pk).estimated_duration_seconds == 540

    longer = part_data(
        part.title, slug=part.slug, target_duration=5, publish=True, body=[words(900)]
    )  # 4:30 fits the part; shown as 5 minutes, the module would take 6 + 5
    response = editor.post(edit_url(part), longer)
    assert field_errors(response, "target_duration") == [
        refused(
            "De module 'SGG' met dit onderdeel",
            11,
            10,
            breakdown(2100, "10:30", total="11:00", rounding="0:30"),
        )
    ]
    part.refresh_from_db()
    assert part.estimated_duration_seconds == 150
    assert SpecialistModulePage.objects.get(pk=sgg.pk).estimated_duration_seconds == 540


def test_a_specialist_module_cannot_be_published_with_a_target_below_its_parts(editor, sgg):
    data = module_data(sgg.title, slug=sgg.slug, target_duration=8, icon="shield", publish=True)
    response = editor.post(edit_url(sgg), data)
    assert field_errors(response, "target_duration") == [
        refused("Deze module", 9, 8, breakdown(1600, "8:00", 1, "1:00", "9:00"))
    ]
    sgg.refresh_from_db()
    assert sgg.target_duration == 10

    data.pop("action-publish")
    assert editor.post(edit_url(sgg), data).status_code == 302  # a draft is fine


# --- the editor sees the estimate while editing -------------------------------------------


def test_the_edit_view_shows_the_estimate_and_its_breakdown(editor, environment):
    module = factories.basic_module(
        environment, target_duration=5, body=[text_block(400), exercise_block()]
    )
    html = editor.get(edit_url(module)).content.decode()
    assert "data-duration-estimate" in html
    assert "Geschatte duur van de inhoud: <strong>3 minuten</strong>." in html
    assert "Dat past binnen de doelduur van 5 minuten." in html
    assert breakdown(400, "2:00", 1, "1:00", "3:00") in html


def test_the_edit_view_warns_about_a_draft_over_its_target(editor, environment):
    module = factories.basic_module(environment, target_duration=2, body=[text_block(100)])
    module.body = [text_block(700)]
    module.save_revision()
    html = editor.get(edit_url(module)).content.decode()
    assert "Geschatte duur van de inhoud: <strong>4 minuten</strong>." in html
    assert (
        "Dat is langer dan de doelduur van 2 minuten: publiceren lukt pas als de inhoud erin past."
    ) in html


def test_the_edit_view_of_a_specialist_module_shows_the_sum_of_its_parts(editor, sgg):
    html = editor.get(edit_url(sgg)).content.decode()
    assert "Geschatte duur van de inhoud: <strong>9 minuten</strong>." in html
    assert breakdown(1600, "8:00", 1, "1:00", "9:00") in html
