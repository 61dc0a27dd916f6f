"""The route editor's strings are shipped in Dutch, from the sub-app's own locale folder."""

from django.apps import apps
from django.utils import translation

from borg_learning.routes.kinds import StepKind
from borg_learning.routes.models import Route, RouteStep
from tests.helpers.translations import catalogue_path, entries, untranslated

CATALOGUE = catalogue_path("borg_learning_routes")


def test_the_route_editor_speaks_dutch():
    with translation.override("nl"):
        assert str(apps.get_app_config("borg_learning_routes").verbose_name) == "Leerroutes"
        assert str(Route._meta.verbose_name) == "leerroute"
        assert (
            str(RouteStep._meta.get_field("within_days").verbose_name) == "binnen dagen na de start"
        )
        assert [str(label) for _value, label in StepKind.choices] == [
            "Module",
            "Onderdeel van een module",
            "Microles",
            "Aanbod uit de catalogus",
            "Opdracht op de werkplek",
        ]


def test_every_string_of_the_catalogue_is_translated():
    assert len(entries(CATALOGUE)) > 30
    assert untranslated(CATALOGUE) == []
