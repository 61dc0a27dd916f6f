"""What an editor is told when a step does not name what its kind needs, and the total
duration a route is given."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from borg_learning.routes.models import Route, RouteStep
from tests import factories

pytestmark = pytest.mark.django_db


def messages(step):
    with translation.override("nl"), pytest.raises(ValidationError) as raised:
        step.clean()
    return {
        name: [str(message) for message in errors]
        for name, errors in raised.value.message_dict.items()
    }


def test_a_module_step_needs_its_module(module):
    assert messages(RouteStep(kind="module")) == {
        "module": ["Een stap van de soort 'Module' heeft dit nodig: vul module in."]
    }
    RouteStep(kind="module", module=module).clean()


def test_a_step_names_nothing_its_kind_does_not_use(module, offering):
    found = messages(RouteStep(kind="offer", offering=offering, module=module, title="Extra"))
    assert found == {
        "module": [
            "Een stap van de soort 'Aanbod uit de catalogus' gebruikt module niet: laat het "
            "leeg, of kies een andere soort."
        ],
        "title": [
            "Een stap van de soort 'Aanbod uit de catalogus' gebruikt opdracht niet: laat het "
            "leeg, of kies een andere soort."
        ],
    }


def test_an_assignment_needs_a_title_and_a_duration():
    assert set(messages(RouteStep(kind="assignment", description="Met je begeleider."))) == {
        "title",
        "duration_minutes",
    }
    RouteStep(kind="assignment", title="Loop mee", duration_minutes=60).clean()


def test_an_unknown_kind_is_refused():
    assert messages(RouteStep(kind="podcast")) == {"kind": ["Kies wat voor stap dit is."]}


def test_a_microlesson_step_needs_a_microlesson(module, section):
    assert messages(RouteStep(kind="microlesson", page=module)) == {"page": ["Kies een microles."]}
    lesson = factories.microlesson(section, "Even ademhalen", theme=factories.ThemeFactory())
    RouteStep(kind="microlesson", page=lesson).clean()
    assert RouteStep(kind="microlesson", page=lesson).name == "Even ademhalen"


def test_the_route_takes_what_its_steps_take_together(route, module, part, offering):
    module.refresh_from_db()
    part.refresh_from_db()
    expected = (
        module.estimated_duration_seconds + part.estimated_duration_seconds + 90 * 60 + 240 * 60
    )
    assert module.estimated_duration_seconds > 0
    assert route.duration_seconds() == expected


def test_an_offer_without_a_duration_counts_as_nothing(offering):
    offering.duration_minutes = None
    offering.save()
    made = factories.route([offering, {"title": "Loop mee", "duration_minutes": 30}])
    assert made.duration_seconds() == 30 * 60
    assert [step.duration_seconds() for step in made.steps.all()] == [None, 1800]


def test_only_published_routes_are_live(module):
    draft = factories.route([module], publish=False)
    assert not Route.objects.get(pk=draft.pk).live
    assert draft.steps.count() == 1


def test_a_microlesson_step_counts_the_lesson_s_length(section):
    """The step's page is stored as a plain Page; its length comes from the microlesson."""
    lesson = factories.microlesson(section, "Even ademhalen", theme=factories.ThemeFactory())
    route = factories.route([{"title": "Loop mee", "duration_minutes": 30}])
    RouteStep.objects.create(route=route, kind="microlesson", page_id=lesson.pk, sort_order=1)
    route = Route.objects.get(pk=route.pk)
    assert lesson.estimated_duration_seconds > 0
    assert route.duration_seconds() == 30 * 60 + lesson.estimated_duration_seconds


def test_steps_without_a_sort_order_come_in_the_order_of_their_keys(module, offering):
    """Steps made outside the admin (in code, by a data migration) may have no sort order.
    The database returns such rows in any order (PostgreSQL: as it stored them), and the
    admin's next save would keep that order: the key breaks the tie."""
    made = factories.route([])
    first = (RouteStep.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 10
    # Stored in the opposite order of their keys.
    RouteStep.objects.create(pk=first + 1, route=made, kind="offer", offering=offering)
    RouteStep.objects.create(pk=first, route=made, kind="module", module=module)
    steps = Route.objects.get(pk=made.pk).steps.all()
    assert [(step.pk, step.kind) for step in steps] == [(first, "module"), (first + 1, "offer")]
