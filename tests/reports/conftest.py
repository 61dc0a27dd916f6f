"""The report data the evaluation and visit report tests share."""

import datetime

import pytest

from tests import factories
from tests.factories import respond, visits


@pytest.fixture
def content(environment):
    """Two modules on two themes; three responses in 2025 and one just before."""
    sgg, aggression = factories.theme(name="SGG"), factories.theme(name="Agressie")
    basic = factories.basic_module(environment, title="Basis SGLVG")
    basic.themes.set([sgg])
    basic.save()
    specialist = factories.specialist_module(environment, title="Omgaan met agressie")
    specialist.themes.set([aggression])
    specialist.save()
    part = factories.module_part(specialist, title="De-escaleren")
    respond(
        basic,
        datetime.date(2025, 3, 10),
        {
            101: 5,
            102: 10,
            201: ["Veel"],
            202: ["Tekst", "Video"],
            203: 4,
            301: 4,
            302: "Ik vraag eerder door.",
        },
    )
    respond(
        basic, datetime.date(2025, 3, 20), {101: 3, 102: 7, 201: ["Iets"], 202: ["Video"], 203: 2}
    )
    respond(
        specialist,
        datetime.date(2025, 5, 5),
        {101: 1, 102: 1, 201: ["Veel"], 301: 2, 302: "Meer rust op de groep."},
    )
    respond(basic, datetime.date(2024, 12, 31), {101: 5}, hour=23)
    for page, day, count in (
        (basic, datetime.date(2025, 3, 1), 40),
        (part, datetime.date(2025, 5, 2), 7),
        (specialist, datetime.date(2025, 5, 3), 3),
        (environment, datetime.date(2025, 3, 5), 100),
    ):
        visits(page, day, count)
    return {
        "sgg": sgg,
        "aggression": aggression,
        "basic": basic,
        "specialist": specialist,
        "part": part,
    }
