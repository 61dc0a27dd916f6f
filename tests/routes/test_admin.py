"""The route editor in the admin, in Dutch: steps refused with what they miss, and the
total-duration panel."""

import pytest

from borg_learning.routes.models import Route
from tests import factories
from tests.helpers.admin_forms import inline_formset, nested_form_data, snippet_url

pytestmark = pytest.mark.django_db


def step(**fields):
    return {
        "kind": "module",
        "within_days": "",
        "module": "",
        "part": "",
        "page": "",
        "offering": "",
        "title": "",
        "description": "",
        "duration_minutes": "",
        **fields,
    }


def route_data(steps, publish=False, **fields):
    data = nested_form_data(
        {
            "title": "Inwerkroute begeleider",
            "slug": "inwerkroute-begeleider",
            "intro": '{"blocks": [], "entityMap": {}}',
            "image": "",
            "steps": inline_formset(steps),
            **fields,
        }
    )
    data["audience_roles"] = ("support-worker",)
    if publish:
        data["action-publish"] = "action-publish"
    return data


def step_errors(response, index):
    assert response.status_code == 200, response.status_code
    formset = response.context["form"].formsets["steps"]
    return {
        name: [str(message) for message in errors]
        for name, errors in formset.forms[index].errors.items()
    }


def test_the_menu_offers_the_learning_routes(editor):
    response = editor.get("/admin/")
    assert "Leerroutes" in response.content.decode()


def test_a_step_without_its_module_is_refused_in_dutch(editor):
    response = editor.post(
        snippet_url(Route, "add"),
        route_data([step(kind="module"), step(kind="assignment", title="Loop mee")]),
    )
    assert step_errors(response, 0) == {
        "module": ["Een stap van de soort 'Module' heeft dit nodig: vul module in."]
    }
    assert step_errors(response, 1) == {
        "duration_minutes": [
            "Een stap van de soort 'Opdracht op de werkplek' heeft dit nodig: vul duur (minuten) in."
        ]
    }
    assert not Route.objects.exists()


def test_a_route_is_published_with_its_steps_and_shows_its_total(editor, module, offering):
    response = editor.post(
        snippet_url(Route, "add"),
        route_data(
            [
                step(kind="module", module=str(module.pk), within_days="7"),
                step(kind="offer", offering=str(offering.pk)),
                step(kind="assignment", title="Loop een dienst mee", duration_minutes="240"),
            ],
            publish=True,
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    route = Route.objects.get()
    assert route.live and route.audience_roles == ["support-worker"]
    assert [item.kind for item in route.steps.all()] == ["module", "offer", "assignment"]
    module.refresh_from_db()
    total = -(-(module.estimated_duration_seconds + 330 * 60) // 60)

    page = editor.get(snippet_url(Route, "edit", route.pk)).content.decode()
    assert "Totale duur" in page
    assert f"De route duurt in totaal <strong>{total} minuten</strong>." in page
    assert "Aanbod uit de catalogus: Basiscursus LVB — 90 minuten" in page
    assert "binnen 7 dagen na de start" in page


def test_a_microlesson_step_takes_a_microlesson_and_nothing_else(editor, module, section):
    lesson = factories.microlesson(section, "Even ademhalen", theme=factories.ThemeFactory())
    refused = editor.post(
        snippet_url(Route, "add"), route_data([step(kind="microlesson", page=str(module.pk))])
    )
    assert step_errors(refused, 0) == {"page": ["Kies een microles."]}
    assert not Route.objects.exists()

    form = editor.get(snippet_url(Route, "add")).content.decode()
    assert "borg_learning_microlearning.microlessonpage" in form  # the chooser's page type
    saved = editor.post(
        snippet_url(Route, "add"), route_data([step(kind="microlesson", page=str(lesson.pk))])
    )
    assert saved.status_code == 302
    (made,) = Route.objects.get().steps.all()
    assert (made.kind, made.page_id, made.name) == ("microlesson", lesson.pk, "Even ademhalen")


def test_the_listing_counts_the_steps(editor, route):
    page = editor.get(snippet_url(Route, "list")).content.decode()
    assert "Inwerkroute begeleider" in page


def test_an_offer_without_a_duration_is_named_in_the_panel(editor, offering):
    offering.duration_minutes = None
    offering.save()
    made = factories.route([offering])
    page = editor.get(snippet_url(Route, "edit", made.pk)).content.decode()
    assert "duur onbekend" in page
    assert "Stappen zonder bekende duur tellen als 0 minuten" in page
