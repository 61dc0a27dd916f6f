"""The admin home page panel: the last 30 days of the learning environment."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from borg_learning.reports.home_panel import LastDaysPanel
from tests import factories
from tests.factories import respond, respond_many, visits
from tests.helpers.reports import count_queries

pytestmark = pytest.mark.django_db

HOME = "/admin/"


@pytest.fixture
def recent(environment):
    today = timezone.localdate()
    theme = factories.theme(name="SGG")
    busy = factories.specialist_module(environment, title="SGG")
    busy.themes.set([theme])
    busy.save()
    part = factories.module_part(busy, title="Signaleren")
    quiet = factories.basic_module(environment, title="Basis SGLVG")
    for page, days_ago, count in (
        (busy, 0, 5),
        (busy, 1, 3),
        (part, 0, 2),
        (quiet, 29, 1),
        (busy, 30, 100),
        (environment, 2, 4),
    ):
        visits(page, today - datetime.timedelta(days=days_ago), count)
    respond(busy, today, {101: 5, 301: 1})
    respond(quiet, today - datetime.timedelta(days=45), {101: 1})
    return {"busy": busy, "quiet": quiet, "today": today}


def panel(response):
    assert response.status_code == 200
    html = response.content.decode()
    title = gettext("Learning environment: the last %(days)s days").replace("%(days)s", "30")
    return html, title in html


def counted(singular, plural, count):
    """A count on the panel as the template words it, in the active language."""
    # The msgid the template makes, with the word in it: an f-string on purpose.
    return ngettext(
        f"<strong>%(counter)s</strong> {singular}",  # noqa: INT001
        f"<strong>%(counter)s</strong> {plural}",
        count,
    ) % {"counter": count}


def test_the_panel_shows_the_last_30_days_at_a_glance(editor, recent):
    response = editor.get(HOME)
    html, shown = panel(response)
    assert shown
    assert counted("visit", "visits", 15) in html
    assert counted("response", "responses", 1) in html  # one, not "1 responses"
    assert 'class="borg-chart"' in html and 'role="img"' in html
    assert "/admin/reports/evaluation/" in html and "/admin/reports/visits/" in html
    (context,) = [
        item for item in response.context["panels"] if item.name == "borg_learning_last_days"
    ]
    data = context.get_context_data({})
    assert [level.score for level in data["levels"]] == [100.0, None, 0.0, 50.0]
    assert [(title, count) for title, count, _url in data["top_modules"]] == [
        ("SGG", 10),
        ("Basis SGLVG", 1),
    ]


def test_modules_visited_as_often_come_in_the_order_they_were_made(editor, environment):
    """A module's visits are its own and its parts': a part made after another module
    is counted later, and still its module, made first, comes first."""
    today = timezone.localdate()
    first = factories.specialist_module(environment, title="Eerste")
    second = factories.basic_module(environment, title="Tweede")
    visits(factories.module_part(first, title="Deel van de eerste"), today, 2)
    visits(second, today, 2)
    (context,) = [
        item
        for item in editor.get(HOME).context["panels"]
        if item.name == "borg_learning_last_days"
    ]
    shown = context.get_context_data({})["top_modules"]
    assert [(title, count) for title, count, _url in shown] == [("Eerste", 2), ("Tweede", 2)]


def test_a_user_who_may_read_only_the_responses_sees_no_visits(client, recent):
    group = Group.objects.create(name="Evaluatie")
    group.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_response"])
    )
    client.force_login(factories.user("lezer", groups=[group]))
    html, shown = panel(client.get(HOME))
    assert shown
    assert "/admin/reports/evaluation/" in html
    assert "/admin/reports/visits/" not in html


def test_a_user_without_the_permissions_gets_no_panel(client, recent):
    group = Group.objects.create(name="Alleen beheer")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(factories.user("kijker", groups=[group]))
    _html, shown = panel(client.get(HOME))
    assert not shown


def test_the_panel_costs_the_same_queries_for_few_and_many_responses(client, recent):
    client.force_login(factories.user("redacteur", groups=[Group.objects.get(name="Borgbureau")]))
    small = count_queries(client, HOME, {})
    respond_many(recent["quiet"], recent["today"], 300)
    for days_ago in range(30):
        visits(recent["quiet"], recent["today"] - datetime.timedelta(days=days_ago + 100), 1)
    assert count_queries(client, HOME, {}) == small


def test_the_panel_counts_in_seven_queries(rf, recent):
    # The daily visits, the page tree, the visits per page, the top modules' titles, the
    # scores per level (after reading which questions are limited to themes) and the number
    # of responses.
    request = rf.get(HOME)
    request.user = factories.superuser()
    with CaptureQueriesContext(connection) as captured:
        LastDaysPanel(request).get_context_data({})
    assert len(captured) == 7
