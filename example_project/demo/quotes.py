"""The demo's group quotes: the programme's two tracks, a price for the support worker's
onboarding route, and Trajectum with two quotes that show a tier crossed.

Trajectum first asks for 3 participants in Train-de-Trainer (no discount), then for 2 in
the SGG day and 4 in the onboarding route: 9 participants together reach 10 %, and the
second quote prices the first enrolment again at that tier while the first quote keeps
its own. Made through ``quoting.request``, as the API stores them. Made once: a second
load finds the quotes and leaves everything as it is.
"""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from borg_learning.models import Offering
from borg_learning.quotes import quoting
from borg_learning.quotes.models import Organisation, PriceList, Quote, RoutePrice, Track
from borg_learning.routes.models import Route
from borg_learning.visibility import Visibility

TRACKS = [
    (
        "Train-de-Trainer",
        "train-de-trainer",
        "Het leertraject tot praktijkdocent: e-learning, microlearning en gamification, met "
        "toegang tot het leer- en kennisplatform en de learning app.",
    ),
    (
        "Begeleidingsschil",
        "begeleidingsschil",
        "Het leertraject tot praktijkbegeleider, met dezelfde toegang tot het platform.",
    ),
]
ROUTE_SLUG = "inwerkroute-begeleider"
ROUTE_PRICE = Decimal("350.00")
OFFER_TITLE = "Verdiepingsdag: SGG bij cliënten met een LVB"
ORGANISATION = {
    "name": "Trajectum",
    "kind": "member",
    "contact_name": "M. Bakker",
    "contact_email": "opleidingen@trajectum.example",
    "address": "Postbus 40002\n8004 DA Zwolle",
}


def load(report):
    created = sum(
        Track.objects.get_or_create(slug=slug, defaults={"name": name, "description": text})[1]
        for name, slug, text in TRACKS
    )
    report.count("Tracks", created, len(TRACKS) - created)
    price_list = PriceList.objects.in_force(timezone.localdate())
    route = Route.objects.filter(slug=ROUTE_SLUG, live=True).first()
    if price_list is None or route is None:
        report.add("Quotes left out: no price list or no onboarding route")
        return
    RoutePrice.objects.get_or_create(
        price_list=price_list, route=route, defaults={"price": ROUTE_PRICE}
    )
    organisation, _ = Organisation.objects.get_or_create(
        name=ORGANISATION["name"], defaults=ORGANISATION
    )
    if Quote.objects.filter(organisation=organisation).exists():
        report.add(f"Quotes exist, left as they are: {organisation.name}")
        return
    offer = Offering.objects.filter(title=OFFER_TITLE).first()
    if offer is None:
        report.add(f"Quotes left out: no offer {OFFER_TITLE!r}")
        return
    asks = [
        [quoting.Wanted("enrolments[0]", 3, track="train-de-trainer")],
        [
            quoting.Wanted("enrolments[0]", 2, offer=str(offer.pk)),
            quoting.Wanted("enrolments[1]", 4, route=ROUTE_SLUG),
        ],
    ]
    contact = quoting.Contact(ORGANISATION["contact_name"], ORGANISATION["contact_email"])
    made = []
    try:
        with transaction.atomic():  # both quotes or neither
            for wanted in asks:
                quote, _draft = quoting.request(
                    quoting.Ask(wanted, organisation.code), contact, Visibility()
                )
                made.append(quote)
    except quoting.QuoteRefused as refused:
        report.add(f"Quotes left out: {refused}")
        return
    for quote in made:
        report.add(
            f"Quote {quote.number} for {organisation.name}: {quote.total_participants} "
            f"participants, {quote.discount_percentage.normalize():f} % discount"
        )
