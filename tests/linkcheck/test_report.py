"""The admin report "Aanbod met gebroken links": the links of active offers that are
broken, redirected or not checked lately, with filters and a Dutch CSV; an editor marks
a link "checked by hand" from it."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from borg_learning.linkcheck.models import CheckedLink, LinkProblem, LinkState
from borg_learning.models import OfferingChapter
from tests import factories
from tests.helpers.reports import count_queries, csv_rows, menu_item_names

pytestmark = pytest.mark.django_db

URL = "/admin/reports/catalogue-links/"


def offer(title, url="https://aanbieder.example/cursus", **fields):
    return factories.OfferingFactory(title=title, url=url, chapters=[], **fields)


def found(offering, state, *, days_ago=1, chapter=None, **fields):
    """Store a check result for ``offering``'s link (or ``chapter``'s), ``days_ago``."""
    rows = CheckedLink.objects.filter(offering=offering, chapter=chapter)
    rows.update(
        state=state, checked_at=timezone.now() - datetime.timedelta(days=days_ago), **fields
    )
    return rows.get()


@pytest.fixture
def catalogue():
    theme = factories.ThemeFactory(name="Agressie", slug="agressie")
    ggz = factories.ProviderFactory(name="GGZ Ecademy")
    vgn = factories.ProviderFactory(name="VGN Academie")
    broken = offer("Grenzen stellen", provider=ggz, themes=[theme])
    chapter = OfferingChapter.objects.create(
        offering=broken, title="Deel 1", sort_order=0, url="https://aanbieder.example/deel-1"
    )
    found(broken, LinkState.BROKEN, status_code=404, problem=LinkProblem.HTTP_ERROR)
    found(broken, LinkState.OK, chapter=chapter, status_code=200)
    moved = offer("Traumasensitief werken", provider=vgn)
    found(
        moved,
        LinkState.REDIRECTED,
        status_code=200,
        final_url="https://nieuw.example/cursus",
        redirects=[{"status": 301, "url": "https://aanbieder.example/cursus"}],
    )
    stale = offer("LVB+ scholing", provider=vgn)
    found(stale, LinkState.OK, days_ago=45, status_code=200)
    fine = offer("Motiverende gespreksvoering", url="http://oud.example/mgv", provider=ggz)
    found(fine, LinkState.OK, status_code=200, final_url="http://oud.example/mgv")
    never = offer("Nooit gecontroleerd", provider=ggz)
    gone = offer("Niet meer actief", provider=ggz, active=False)
    found(gone, LinkState.BROKEN, status_code=500)
    return {
        "broken": broken,
        "moved": moved,
        "stale": stale,
        "fine": fine,
        "never": never,
        "theme": theme,
        "vgn": vgn,
    }


def listed(response):
    return [(link.offering.title, link.chapter_title) for link in response.context["object_list"]]


def test_the_report_lists_the_links_that_need_attention_in_dutch(editor, catalogue):
    response = editor.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Aanbod met gebroken links" in html
    assert listed(response) == [
        ("Grenzen stellen", ""),
        ("LVB+ scholing", ""),
        ("Nooit gecontroleerd", ""),
        ("Traumasensitief werken", ""),
    ]
    assert "Gebroken" in html and "Doorverwezen" in html and "Nog niet gecontroleerd" in html
    assert "https://nieuw.example/cursus" in html
    assert "Handmatig gecontroleerd" in html


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"kind": "broken"}, ["Grenzen stellen"]),
        ({"kind": "redirected"}, ["Traumasensitief werken"]),
        ({"kind": "stale"}, ["LVB+ scholing", "Nooit gecontroleerd"]),
        ({"kind": "http"}, ["Motiverende gespreksvoering"]),
        ({"provider": "vgn"}, ["LVB+ scholing", "Traumasensitief werken"]),
        ({"theme": "theme"}, ["Grenzen stellen"]),
        (
            {"kind": "all", "theme": "theme"},
            ["Grenzen stellen", "Grenzen stellen"],  # the offer and its chapter
        ),
    ],
)
def test_the_filters_narrow_the_list(editor, catalogue, params, titles):
    params = {
        name: catalogue[value].pk if name in ("provider", "theme") else value
        for name, value in params.items()
    }

    response = editor.get(URL, params)

    assert [title for title, _chapter in listed(response)] == titles


def test_a_wrong_filter_value_lists_nothing_wrongly_and_says_so(editor, catalogue):
    response = editor.get(URL, {"kind": "kapot", "provider": "999"})

    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_the_csv_has_a_row_per_link_with_what_was_found(editor, catalogue):
    rows = csv_rows(editor.get(URL, {"export": "csv"}))

    assert rows[0][:6] == ["Aanbod", "Aanbieder", "Hoofdstuk", "Link", "Status", "HTTP-status"]
    by_title = {row[0]: row for row in rows[1:]}
    assert set(by_title) == {
        "Grenzen stellen",
        "LVB+ scholing",
        "Nooit gecontroleerd",
        "Traumasensitief werken",
    }
    moved = by_title["Traumasensitief werken"]
    assert moved[4:8] == [
        "Doorverwezen",
        "200",
        "https://nieuw.example/cursus",
        "301 https://aanbieder.example/cursus",
    ]
    assert by_title["Grenzen stellen"][8] == "De site antwoordt met een fout"


def test_an_editor_marks_a_link_checked_by_hand_and_can_take_the_mark_away(editor, catalogue):
    link = CheckedLink.objects.get(offering=catalogue["broken"], chapter=None)
    action = reverse("borg_learning_linkcheck:hand_check", args=[link.pk])

    response = editor.post(action, {"next": f"{URL}?kind=broken"}, follow=True)

    assert response.redirect_chain[-1][0] == f"{URL}?kind=broken"
    assert "is gemarkeerd als handmatig gecontroleerd" in response.content.decode()
    link.refresh_from_db()
    assert link.hand_checked_at is not None
    assert link.hand_checked_by.username == "admin"
    assert "Grenzen stellen" not in [title for title, _c in listed(editor.get(URL))]
    assert [title for title, _c in listed(editor.get(URL, {"kind": "by-hand"}))] == [
        "Grenzen stellen"
    ]
    assert "Door admin op" in editor.get(URL, {"kind": "by-hand"}).content.decode()

    editor.post(action, {"undo": "1", "next": "https://elders.example/"})
    link.refresh_from_db()
    assert link.hand_checked_at is None


def test_a_next_address_elsewhere_goes_back_to_the_report(editor, catalogue):
    link = CheckedLink.objects.get(offering=catalogue["broken"], chapter=None)
    action = reverse("borg_learning_linkcheck:hand_check", args=[link.pk])

    response = editor.post(action, {"next": "https://elders.example/"})

    assert response["Location"] == URL
    assert editor.get(action).status_code == 405


def test_the_borgbureau_reads_the_report_and_marks_links_others_do_not(client, catalogue):
    link = CheckedLink.objects.get(offering=catalogue["broken"], chapter=None)
    action = reverse("borg_learning_linkcheck:hand_check", args=[link.pk])
    editor = factories.user("redacteur", groups=[Group.objects.get(name="Borgbureau")])
    assert "catalogue-links" in menu_item_names(editor)
    client.force_login(editor)
    assert client.get(URL).status_code == 200
    assert client.post(action).status_code == 302
    client.post(action, {"undo": "1"})

    group = Group.objects.create(name="Alleen lezen")
    group.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_checkedlink"])
    )
    reader = factories.user("lezer", groups=[group])
    client.force_login(reader)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Handmatig gecontroleerd</button>" not in response.content.decode()
    client.post(action)  # refused: Wagtail sends the reader back to the dashboard
    link.refresh_from_db()
    assert link.hand_checked_at is None

    other = Group.objects.create(name="Alleen bezoek")
    other.permissions.add(*Permission.objects.filter(codename__in=["access_admin"]))
    outsider = factories.user("buitenstaander", groups=[other])
    assert "catalogue-links" not in menu_item_names(outsider)
    client.force_login(outsider)
    for params in ({}, {"export": "csv"}):
        assert client.get(URL, params).status_code == 302


def test_the_report_costs_the_same_queries_for_4_and_24_links(editor, catalogue):
    small = count_queries(editor, URL, {})
    for number in range(20):
        made = offer(f"Extra {number}", provider=catalogue["vgn"])
        found(made, LinkState.BROKEN, status_code=404, hand_checked_by=factories.user(f"r{number}"))
    large = count_queries(editor, URL, {"kind": "all"})
    assert small == large
