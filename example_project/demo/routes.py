"""The demo's learning routes: an onboarding route for a new support worker
("begeleider") and one for a starting psychologist, made of the demo's modules and parts
(and, for the psychologist, a quiz microlesson), a catalogue offer and a workplace
assignment each, with one of the demo's images (by its
title). Looked up by slug and left alone when they exist; published through a revision,
as an editor would.
"""

from django.core.management.base import CommandError
from wagtail.images import get_image_model

from borg_learning.microlearning.models import MicrolessonPage
from borg_learning.models import BasicModulePage, ModulePartPage, Offering, SpecialistModulePage
from borg_learning.routes.models import Route, RouteStep

from .modules import BASIC_MODULE, SGG_MODULE, SGG_PARTS

SUPPORT_WORKER = {
    "title": "Inwerkroute begeleider",
    "slug": "inwerkroute-begeleider",
    "audience_roles": ["support-worker"],
    "image": "SGLVG: meer dan een LVB",
    "intro": "<p>Welkom bij De Borg! In je eerste weken leer je de doelgroep kennen en zie je "
    "hoe je collega's werken. Deze route zet op een rij wat je in welke volgorde doet: "
    "een paar korte modules online, een training van een andere aanbieder en een "
    "opdracht op je eigen groep.</p>"
    "<p>Doe de stappen in je eigen tempo, maar wel binnen de termijn die erbij staat. "
    "Bespreek wat je leert met je werkbegeleider.</p>",
    "steps": [
        {"module": BASIC_MODULE["slug"], "within_days": 7},
        {"part": SGG_PARTS[0]["slug"], "within_days": 14},
        {"part": SGG_PARTS[1]["slug"], "within_days": 21},
        {"offering": "Omgaan met probleemgedrag", "within_days": 60},
        {
            "title": "Loop een dienst mee met een ervaren collega",
            "description": "Spreek met je werkbegeleider een dienst af waarin je meeloopt. "
            "Let op hoe je collega grenzen stelt en bespreek na afloop wat je zag.",
            "duration_minutes": 480,
            "within_days": 14,
        },
    ],
}
STARTING_PSYCHOLOGIST = {
    "title": "Inwerkroute startend basispsycholoog",
    "slug": "inwerkroute-startend-basispsycholoog",
    "audience_roles": ["starting-psychologist"],
    "image": "Observeren of interpreteren?",
    "intro": "<p>Als startend basispsycholoog bij een Borg-instelling werk je met cliënten "
    "met een lichte verstandelijke beperking en ernstige gedragsproblemen. Deze route "
    "geeft je de basis: de doelgroep, seksueel grensoverschrijdend gedrag, een "
    "verdiepingsdag en je eerste casusbespreking.</p>",
    "steps": [
        {"module": BASIC_MODULE["slug"], "within_days": 7},
        {"microlesson": "observeren-of-interpreteren", "within_days": 7},
        {"module": SGG_MODULE["slug"], "within_days": 30},
        {"offering": "Verdiepingsdag: SGG bij cliënten met een LVB", "within_days": 90},
        {
            "title": "Breng een casus in bij het multidisciplinair overleg",
            "description": "Kies met je supervisor een cliënt, bereid de casus voor met de "
            "begeleiders van de groep en breng hem in bij het MDO.",
            "duration_minutes": 120,
            "within_days": 45,
        },
    ],
}
ROUTES = [SUPPORT_WORKER, STARTING_PSYCHOLOGIST]


def step_of(data):
    """A ``RouteStep`` from the demo's description: by slug or title, checked."""
    data = dict(data)
    if "module" in data:
        slug = data.pop("module")
        module = (
            BasicModulePage.objects.filter(slug=slug).first()
            or SpecialistModulePage.objects.filter(slug=slug).first()
        )
        step = RouteStep(kind="module", module=module, **data)
    elif "part" in data:
        step = RouteStep(
            kind="part", part=ModulePartPage.objects.filter(slug=data.pop("part")).first(), **data
        )
    elif "microlesson" in data:
        lesson = MicrolessonPage.objects.filter(slug=data.pop("microlesson")).first()
        step = RouteStep(kind="microlesson", page=lesson, **data)
    elif "offering" in data:
        offer = Offering.objects.filter(title=data.pop("offering")).first()
        step = RouteStep(kind="offer", offering=offer, **data)
    else:
        step = RouteStep(kind="assignment", **data)
    step.clean()
    return step


def load(report):
    """Make the demo's routes that are missing."""
    created = 0
    for data in ROUTES:
        if Route.objects.filter(slug=data["slug"]).exists():
            continue
        data = dict(data)
        steps = data.pop("steps")
        image = get_image_model().objects.filter(title=data.pop("image")).first()
        route = Route(**data, image=image, live=False)
        try:
            route.steps = [step_of(step) for step in steps]
        except Exception as error:
            raise CommandError(f"The route '{route.title}' has an invalid step: {error}") from error
        route.full_clean()
        route.save()
        route.save_revision().publish()
        created += 1
    report.count("Learning routes", created, len(ROUTES) - created)
