"""The catalogue in the snippet admin: offers need a link; listings search and filter."""

import pytest

from borg_learning.models import DevelopmentGroup, Offering, Provider, Theme
from tests import factories
from tests.helpers.admin_forms import field_errors, inline_formset, nested_form_data, snippet_url

pytestmark = pytest.mark.django_db

NO_LINK = (
    "Vul de link naar het aanbod in: de catalogus beschrijft het aanbod alleen, "
    "deelnemers volgen de link naar de aanbieder."
)


def offer_data(provider, url="", themes=(), target_groups=(), **fields):
    data = nested_form_data(
        {
            "title": "Omgaan met agressie",
            "provider": provider.pk,
            "summary": "Een e-learning over agressie bij LVB.",
            "url": url,
            "chapters": inline_formset(
                [
                    {"title": "Inleiding", "description": ""},
                    {"title": "Praktijk", "description": ""},
                ]
            ),
            "format": "e-learning",
            "language": "nl",
            "duration_minutes": "90",
            "cost": "",
            "accreditation_points": "",
            "accreditation_register": "",
            "active": "on",
            "last_checked": "",
            **fields,
        }
    )
    return {
        **data,
        "themes": tuple(theme.pk for theme in themes),
        "target_groups": tuple(target_groups),
    }


# --- an offer is a description and a link -------------------------------------------------


def test_an_offer_without_a_link_is_refused_on_the_link(editor):
    provider = factories.provider(name="GGZ Ecademy")
    response = editor.post(snippet_url(Offering, "add"), offer_data(provider))
    assert field_errors(response, "url") == [NO_LINK]
    assert NO_LINK in response.content.decode()
    assert not Offering.objects.exists()


def test_an_offer_with_a_link_is_stored_with_its_table_of_contents(editor):
    provider, theme = factories.provider(name="GGZ Ecademy"), factories.theme(name="SGG")
    response = editor.post(
        snippet_url(Offering, "add"),
        offer_data(
            provider,
            url="https://www.ggzecademy.nl/agressie",
            themes=[theme],
            target_groups=["lvb", "sglvg"],
        ),
    )
    assert response.status_code == 302
    offer = Offering.objects.get()
    assert offer.url == "https://www.ggzecademy.nl/agressie"
    assert [chapter.title for chapter in offer.chapters.all()] == ["Inleiding", "Praktijk"]
    assert list(offer.themes.all()) == [theme]
    assert offer.target_groups == ["lvb", "sglvg"]


def test_removing_the_link_of_an_offer_is_refused(editor):
    offer = factories.offering(url="https://vgn.example.org/training")
    response = editor.post(
        snippet_url(Offering, "edit", offer.pk), offer_data(offer.provider, title=offer.title)
    )
    assert field_errors(response, "url") == [NO_LINK]
    offer.refresh_from_db()
    assert offer.url == "https://vgn.example.org/training"


# --- the listing ----------------------------------------------------------------------------


@pytest.fixture
def catalogue():
    ggz, vgn = factories.provider(name="GGZ Ecademy"), factories.provider(name="VGN Academie")
    sgg, forensic = factories.theme(name="SGG"), factories.theme(name="Forensisch")
    return {
        "agressie": factories.offering(
            title="Agressie hanteren",
            summary="Omgaan met boosheid.",
            provider=ggz,
            themes=[forensic],
            target_groups=["lvb", "forensic"],
            format="e-learning",
        ),
        "seksualiteit": factories.offering(
            title="Seksualiteit en LVB",
            summary="Praten over grenzen.",
            provider=vgn,
            themes=[sgg],
            target_groups=["sglvg"],
            format="webinar",
        ),
        "leergang": factories.offering(
            title="Leergang SGLVG",
            summary="Grenzen stellen in de groep.",
            provider=vgn,
            themes=[sgg, forensic],
            target_groups=["sglvg", "lvb"],
            format="blended",
        ),
        "providers": {"ggz": ggz, "vgn": vgn},
        "themes": {"sgg": sgg, "forensic": forensic},
    }


def listed(client, model, **params):
    response = client.get(snippet_url(model), params)
    assert response.status_code == 200
    return sorted(str(item) for item in response.context["object_list"])


def test_the_offer_listing_is_searchable_by_title_and_summary(editor, catalogue):
    assert listed(editor, Offering, q="Agressie") == ["Agressie hanteren"]
    assert listed(editor, Offering, q="grenzen") == ["Leergang SGLVG", "Seksualiteit en LVB"]
    assert listed(editor, Offering, q="onbekend") == []


def test_the_offer_listing_filters_by_provider(editor, catalogue):
    vgn = catalogue["providers"]["vgn"]
    assert listed(editor, Offering, provider=vgn.pk) == ["Leergang SGLVG", "Seksualiteit en LVB"]


def test_the_offer_listing_filters_by_theme(editor, catalogue):
    forensic = catalogue["themes"]["forensic"]
    assert listed(editor, Offering, themes=forensic.pk) == ["Agressie hanteren", "Leergang SGLVG"]


def test_the_offer_listing_filters_by_target_group(editor, catalogue):
    assert listed(editor, Offering, target_groups="lvb") == ["Agressie hanteren", "Leergang SGLVG"]
    assert listed(editor, Offering, target_groups="sglvg") == [
        "Leergang SGLVG",
        "Seksualiteit en LVB",
    ]
    assert listed(editor, Offering, target_groups="ggz") == []


def test_the_offer_listing_filters_by_format(editor, catalogue):
    assert listed(editor, Offering, format="webinar") == ["Seksualiteit en LVB"]


def test_filters_and_search_combine(editor, catalogue):
    vgn, sgg = catalogue["providers"]["vgn"], catalogue["themes"]["sgg"]
    assert listed(
        editor,
        Offering,
        provider=vgn.pk,
        themes=sgg.pk,
        format="blended",
        target_groups="lvb",
        q="grenzen",
    ) == ["Leergang SGLVG"]


def test_the_filters_are_offered_in_dutch(editor, catalogue):
    response = editor.get(snippet_url(Offering))
    form = response.context["filters"].form
    assert {name: str(field.label) for name, field in form.fields.items()} == {
        "provider": "Aanbieder",
        "themes": "Thema",
        "target_groups": "Doelgroep",
        "format": "Leervorm",
        "active": "Actief",
    }
    assert [str(label) for _value, label in form.fields["target_groups"].choices][1:] == [
        "SGLVG",
        "LVB",
        "Forensisch",
        "GGZ",
    ]
    html = response.content.decode()
    assert 'name="target_groups"' in html and ">Forensisch<" in html


def test_the_other_catalogue_listings_are_searchable(editor, catalogue):
    factories.theme(name="Hechting", description="Gehechtheid en relaties")
    DevelopmentGroup.objects.create(name="Ontwikkelgroep SGG", description="Trajectum en Ipse")
    assert listed(editor, Provider, q="VGN") == ["VGN Academie"]
    assert listed(editor, Theme, q="Forensisch") == ["Forensisch"]
    assert listed(editor, Theme, q="relaties") == ["Hechting"]
    assert listed(editor, DevelopmentGroup, q="Trajectum") == ["Ontwikkelgroep SGG"]
