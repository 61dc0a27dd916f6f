"""Completing a page checks the learner's open routes in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.helpers.learners import complete_block

pytestmark = pytest.mark.django_db


def cost_of_completing(browser, section, routes):
    """Queries of the event that completes a fresh module, with ``routes`` open routes
    that each have it as a step (plus an assignment, so none completes)."""
    module = factories.basic_module(
        section, body=factories.body_blocks(1, section, kinds=("text",))
    )
    for _number in range(routes):
        route = factories.route([module, {"title": "Loop mee", "duration_minutes": 60}])
        browser.start(route)
    ((kind, block),) = factories.blocks_of(module)
    with CaptureQueriesContext(connection) as queries:
        payload = complete_block(browser, module, kind, block)
    assert payload["ok"], payload
    return len(queries)


def test_completing_a_page_costs_the_same_with_1_and_8_open_routes(browser, section):
    # The learner's first learning day of today (borg_learning.gamification) costs more
    # than the next completion: it is behind us before counting.
    cost_of_completing(browser, section, 0)
    assert cost_of_completing(browser, section, 1) == cost_of_completing(browser, section, 8)
