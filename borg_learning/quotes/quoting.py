"""A quote drafted from what an organisation asks, and stored when it requests one.

``draft()`` prices the organisation's active enrolments and the new ones it asks for at
the price list in force on the date, with the tier all of them reach together: earlier
enrolments are priced again, at the new tier. It stores nothing. ``request()`` drafts the
same inside a transaction that locks the organisation, then stores the new enrolments
and the quote with everything it used copied (a later change of prices or enrolments
leaves it as it is).

Bad input is refused with every problem at once (``QuoteRefused``, a list of
``Problem``s with an input field, a stable ``Code`` and an English message); nothing is
stored then. A hidden activity (an inactive offer, a route not published, an inactive
track) is refused as unknown, as one that does not exist.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from borg_learning.conf import learning_settings
from borg_learning.models import Offering
from borg_learning.quotes import conf  # noqa: F401  (settings)
from borg_learning.quotes.models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    MAX_PARTICIPANTS,
    ActivityKind,
    Enrolment,
    Organisation,
    PriceList,
    Quote,
    QuoteLine,
    Settlement,
    Track,
)
from borg_learning.quotes.pricing import (
    Calculation,
    CompensationTooHigh,
    Line,
    PracticeTeaching,
    Prices,
    calculate,
    with_bounds,
)
from borg_learning.routes.models import Route
from borg_learning.visibility import Visibility

#: The most enrolments one quote may ask for.
MAX_ENROLMENTS = 20
#: The most teaching hours, learning units or learning modules of a practice teacher.
MAX_PRACTICE = 1000
TEXT_LIMIT = 100
#: The prices a price list gives and a quote copies, by the same names on both.
PRICE_FIELDS = (
    "vat_rate",
    "track_price",
    "literature_price",
    "teaching_hour_rate",
    "learning_unit_compensation",
    "learning_module_compensation",
)


class Code(StrEnum):
    UNKNOWN_ORGANISATION = "UNKNOWN_ORGANISATION"
    NO_ORGANISATION = "NO_ORGANISATION"
    NO_ENROLMENTS = "NO_ENROLMENTS"
    TOO_MANY_ENROLMENTS = "TOO_MANY_ENROLMENTS"
    NO_ACTIVITY = "NO_ACTIVITY"
    UNKNOWN_ACTIVITY = "UNKNOWN_ACTIVITY"
    INVALID_PARTICIPANTS = "INVALID_PARTICIPANTS"
    NOT_PRICED = "NOT_PRICED"
    NO_PRICE_LIST = "NO_PRICE_LIST"
    INVALID_DATE = "INVALID_DATE"
    INVALID_PRACTICE_TEACHING = "INVALID_PRACTICE_TEACHING"
    COMPENSATION_TOO_HIGH = "COMPENSATION_TOO_HIGH"
    INVALID_NAME = "INVALID_NAME"
    INVALID_EMAIL = "INVALID_EMAIL"
    INVALID_REFERENCE = "INVALID_REFERENCE"
    RATE_LIMITED = "RATE_LIMITED"


@dataclass(frozen=True)
class Problem:
    field: str | None
    code: Code
    message: str


class QuoteRefused(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(problem.message for problem in problems))
        self.problems = problems

    @classmethod
    def one(cls, field, code, message):
        return cls([Problem(field, code, message)])


@dataclass(frozen=True)
class Wanted:
    """One enrolment asked for: the activity by kind and key, and its participants."""

    field: str
    participants: int
    offer: str | None = None
    route: str | None = None
    track: str | None = None

    def activity(self) -> tuple[ActivityKind, str] | None:
        """(kind, key) of the one activity named; None for none or more than one."""
        named = [
            (kind, key)
            for kind, key in (
                (ActivityKind.OFFER, self.offer),
                (ActivityKind.ROUTE, self.route),
                (ActivityKind.TRACK, self.track),
            )
            if key is not None
        ]
        return named[0] if len(named) == 1 else None


@dataclass(frozen=True)
class Ask:
    """What a quote is asked for."""

    enrolments: list[Wanted]
    organisation_code: str | None = None
    practice: PracticeTeaching = field(default_factory=PracticeTeaching)
    date: datetime.date | None = None


@dataclass(frozen=True)
class Contact:
    """Who requests a stored quote."""

    requested_by: str
    email: str = ""
    reference: str = ""


@dataclass(frozen=True)
class Draft:
    organisation: Organisation | None
    price_list: PriceList
    calculation: Calculation


# --- Price lists ----------------------------------------------------------------------------


def price_list_in_force(date: datetime.date) -> PriceList | None:
    return PriceList.objects.prefetch_related("tiers", "route_prices").in_force(date)


def prices_of(price_list: PriceList) -> Prices:
    return Prices(
        valid_from=price_list.valid_from,
        **{name: getattr(price_list, name) for name in PRICE_FIELDS},
        tiers=with_bounds(
            [(tier.min_participants, tier.percentage) for tier in price_list.tiers.all()]
        ),
        route_prices={row.route_id: row.price for row in price_list.route_prices.all()},
    )


def priced(kind, activity, prices: Prices) -> tuple[Decimal, Decimal] | None:
    """(price, literature) per participant of ``activity``; None when it has no price."""
    if kind == ActivityKind.TRACK:
        return prices.track_price, prices.literature_price
    price = prices.route_prices.get(activity.pk) if kind == ActivityKind.ROUTE else activity.cost
    return None if price is None else (price, Decimal("0.00"))


def activity_key(kind, activity) -> str:
    return str(activity.pk) if kind == ActivityKind.OFFER else activity.slug


def activity_title(kind, activity) -> str:
    return activity.name if kind == ActivityKind.TRACK else activity.title


# --- Drafting ---------------------------------------------------------------------------------


def normalized_code(code: str) -> str | None:
    """A quote code as typed ("k7qm 3xpd 9wht", with hyphens or spaces) in its stored form;
    None when it cannot be one."""
    cleaned = re.sub(r"[\s-]", "", code or "").upper() if isinstance(code, str) else ""
    if len(cleaned) != CODE_LENGTH or any(letter not in CODE_ALPHABET for letter in cleaned):
        return None
    return cleaned


def find_organisation(code: str | None, *, lock: bool = False) -> Organisation | None:
    normalized = normalized_code(code)
    if normalized is None:
        return None
    organisations = Organisation.objects.select_for_update() if lock else Organisation.objects
    return organisations.filter(code=normalized).first()


def draft(
    ask: Ask,
    visibility: Visibility,
    *,
    organisation: Organisation | None = None,
    today: datetime.date | None = None,
) -> Draft:
    """The quote ``ask`` comes to; raises ``QuoteRefused``. ``organisation`` is the one
    the code names, when the caller looked it up already (locked)."""
    today = today or timezone.localdate()
    date = ask.date or today
    problems = []
    if date < today:
        problems.append(
            Problem(
                "date", Code.INVALID_DATE, f"The date {date} is in the past; quote today or later."
            )
        )
    if ask.organisation_code is not None and organisation is None:
        organisation = find_organisation(ask.organisation_code)
        if organisation is None:
            problems.append(
                Problem(
                    "organisationCode",
                    Code.UNKNOWN_ORGANISATION,
                    "No organisation has this quote code; the site's editors give it out.",
                )
            )
    if len(ask.enrolments) > MAX_ENROLMENTS:
        problems.append(
            Problem(
                "enrolments",
                Code.TOO_MANY_ENROLMENTS,
                f"A quote asks for at most {MAX_ENROLMENTS} enrolments at once.",
            )
        )
        raise QuoteRefused(problems)
    problems += practice_problems(ask.practice)
    price_list = price_list_in_force(date)
    if price_list is None:
        problems.append(
            Problem("date", Code.NO_PRICE_LIST, f"No price list applies on {date}: no prices yet.")
        )
    prices = prices_of(price_list) if price_list is not None else None
    earlier = earlier_lines(organisation, prices, problems)
    new = new_lines(ask.enrolments, visibility, prices, problems)
    if not problems and not earlier and not new:
        problems.append(
            Problem("enrolments", Code.NO_ENROLMENTS, "Ask for at least one enrolment.")
        )
    if problems:
        raise QuoteRefused(problems)
    try:
        calculation = calculate(date, prices, earlier + new, ask.practice)
    except CompensationTooHigh as error:
        raise QuoteRefused.one("practiceTeaching", Code.COMPENSATION_TOO_HIGH, str(error)) from None
    return Draft(organisation, price_list, calculation)


def practice_problems(practice: PracticeTeaching) -> list[Problem]:
    problems = []
    counts = {
        "teachingHours": practice.teaching_hours,
        "learningUnits": practice.learning_units,
        "learningModules": practice.learning_modules,
    }
    for name, count in counts.items():
        if not 0 <= count <= MAX_PRACTICE:
            problems.append(
                Problem(
                    f"practiceTeaching.{name}",
                    Code.INVALID_PRACTICE_TEACHING,
                    f"{name} must be between 0 and {MAX_PRACTICE}; got {count}.",
                )
            )
    if problems:
        return problems
    per_hour = practice.settlement == Settlement.EMPLOYEE
    per_unit = practice.settlement in (Settlement.DISCOUNT, Settlement.PAYMENT)
    units = practice.learning_units or practice.learning_modules
    message = None
    if per_hour and (units or not practice.teaching_hours):
        message = "EMPLOYEE is compensated per teaching hour: give teachingHours only."
    elif per_unit and (practice.teaching_hours or not units):
        message = (
            "DISCOUNT and PAYMENT compensate learning units and modules: give learningUnits "
            "or learningModules, not teachingHours."
        )
    elif not per_hour and not per_unit and (units or practice.teaching_hours):
        message = "Choose how the practice teacher is compensated (settlement)."
    if message:
        problems.append(Problem("practiceTeaching", Code.INVALID_PRACTICE_TEACHING, message))
    return problems


def earlier_lines(organisation, prices, problems) -> list[Line]:
    """The organisation's active enrolments, priced again at ``prices``."""
    if organisation is None:
        return []
    enrolments = Enrolment.objects.filter(organisation=organisation, active=True).select_related(
        "offering", "route", "track"
    )
    lines = []
    for enrolment in enrolments:
        kind, activity = enrolment.kind, enrolment.activity
        price = priced(kind, activity, prices) if prices is not None else None
        if prices is not None and price is None:
            title = activity_title(kind, activity)
            problems.append(not_priced(None, f"The earlier enrolment in '{title}'", prices))
        if price is not None:
            lines.append(
                line_of(
                    kind, activity, enrolment.participants, price, is_new=False, enrolment=enrolment
                )
            )
    return lines


def line_of(kind, activity, participants, price, **extra) -> Line:
    return Line(
        kind=kind,
        key=activity_key(kind, activity),
        title=activity_title(kind, activity),
        participants=participants,
        price=price[0],
        literature_price=price[1],
        activity=activity,
        **extra,
    )


def not_priced(field, what, prices) -> Problem:
    return Problem(
        field,
        Code.NOT_PRICED,
        f"{what} has no price on the price list from {prices.valid_from}; ask the site's editors.",
    )


def new_lines(wanted: list[Wanted], visibility, prices, problems) -> list[Line]:
    """The enrolments asked for, each with its activity and price, in the order asked."""
    found = shown_activities(wanted, visibility)
    lines = []
    for item in wanted:
        named = item.activity()
        if not 1 <= item.participants <= MAX_PARTICIPANTS:
            problems.append(
                Problem(
                    f"{item.field}.participants",
                    Code.INVALID_PARTICIPANTS,
                    f"participants must be between 1 and {MAX_PARTICIPANTS}; "
                    f"got {item.participants}.",
                )
            )
        if named is None:
            problems.append(
                Problem(
                    item.field,
                    Code.NO_ACTIVITY,
                    "Name one activity per enrolment: offer, route or track.",
                )
            )
            continue
        kind, key = named
        activity = found[kind].get(key)
        if activity is None:
            what = {"offer": "active offer with id", "route": "published route with slug"}
            problems.append(
                Problem(
                    f"{item.field}.{kind}",
                    Code.UNKNOWN_ACTIVITY,
                    f"There is no {what.get(kind, 'active track with slug')} '{key}'.",
                )
            )
            continue
        price = priced(kind, activity, prices) if prices is not None else None
        if prices is not None and price is None:
            title = activity_title(kind, activity)
            problems.append(not_priced(f"{item.field}.{kind}", f"'{title}'", prices))
        if price is not None and 1 <= item.participants <= MAX_PARTICIPANTS:
            lines.append(line_of(kind, activity, item.participants, price))
    return lines


def shown_activities(wanted: list[Wanted], visibility) -> dict[str, dict[str, object]]:
    """The activities named that the public may see, by kind and key: a query per kind."""
    keys = {kind: set() for kind in ActivityKind}
    for item in wanted:
        named = item.activity()
        if named is not None:
            keys[named[0]].add(named[1])
    offer_ids = [int(key) for key in keys[ActivityKind.OFFER] if re.fullmatch(r"[0-9]{1,18}", key)]
    route_slugs = [key for key in keys[ActivityKind.ROUTE] if is_slug(key)]
    track_slugs = [key for key in keys[ActivityKind.TRACK] if is_slug(key)]
    found = {kind: {} for kind in ActivityKind}
    if offer_ids:
        offers = visibility.offerings(Offering.objects.filter(pk__in=offer_ids))
        found[ActivityKind.OFFER] = {str(offer.pk): offer for offer in offers}
    if route_slugs:
        routes = Route.objects.filter(live=True, slug__in=route_slugs)
        found[ActivityKind.ROUTE] = {route.slug: route for route in routes}
    if track_slugs:
        tracks = Track.objects.filter(active=True, slug__in=track_slugs)
        found[ActivityKind.TRACK] = {track.slug: track for track in tracks}
    return found


def is_slug(text: str) -> bool:
    return bool(re.fullmatch(r"[-a-zA-Z0-9_]{1,100}", text))


# --- Requesting --------------------------------------------------------------------------------


def clean_text(text, field_name, code, *, required=False) -> tuple[str, list[Problem]]:
    """``text`` trimmed, or the problem with it: empty when required, too long, or with
    line breaks, tabs or control characters."""
    text = text or ""
    if any(unicodedata.category(character) in ("Cc", "Cs", "Zl", "Zp") for character in text):
        return "", [Problem(field_name, code, f"{field_name} may not contain control characters.")]
    cleaned = " ".join(text.split())
    if required and not cleaned:
        return "", [Problem(field_name, code, f"Fill in {field_name}.")]
    if len(cleaned) > TEXT_LIMIT:
        return "", [
            Problem(field_name, code, f"{field_name} is longer than {TEXT_LIMIT} characters.")
        ]
    return cleaned, []


def clean_contact(contact: Contact) -> Contact:
    """The contact as stored; raises ``QuoteRefused``."""
    name, problems = clean_text(
        contact.requested_by, "requestedBy", Code.INVALID_NAME, required=True
    )
    reference, reference_problems = clean_text(
        contact.reference, "reference", Code.INVALID_REFERENCE
    )
    problems += reference_problems
    email = (contact.email or "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            problems.append(Problem("email", Code.INVALID_EMAIL, "email is not an email address."))
    if problems:
        raise QuoteRefused(problems)
    return Contact(name, email, reference)


def request(ask: Ask, contact: Contact, visibility: Visibility) -> tuple[Quote, Draft]:
    """Store the quote ``ask`` comes to on today's date, and its new enrolments; raises
    ``QuoteRefused`` (and stores nothing). The stored quote, and the draft it was made
    of (its calculation knows the tiers around the one reached, which a quote does not
    copy)."""
    problems = []
    if ask.organisation_code is None:
        problems.append(
            Problem(
                "organisationCode",
                Code.NO_ORGANISATION,
                "A stored quote is for an organisation: send its quote code.",
            )
        )
    if not ask.enrolments:
        problems.append(
            Problem("enrolments", Code.NO_ENROLMENTS, "Ask for at least one new enrolment.")
        )
    try:
        contact = clean_contact(contact)
    except QuoteRefused as refused:
        problems += refused.problems
    if problems:
        raise QuoteRefused(problems)
    today = timezone.localdate()
    with transaction.atomic():
        # Locked: two requests of one organisation at once count each other's enrolments.
        organisation = find_organisation(ask.organisation_code, lock=True)
        made = draft(
            Ask(ask.enrolments, ask.organisation_code, ask.practice, today),
            visibility,
            organisation=organisation,
            today=today,
        )
        return store(made, contact), made


def store(made: Draft, contact: Contact) -> Quote:
    calculation, prices = made.calculation, made.calculation.prices
    practice = calculation.practice
    quote = Quote.objects.create(
        organisation=made.organisation,
        quote_date=calculation.date,
        valid_until=calculation.date + datetime.timedelta(days=learning_settings.QUOTE_VALID_DAYS),
        requested_by=contact.requested_by,
        email=contact.email,
        reference=contact.reference,
        price_list=made.price_list,
        prices_valid_from=prices.valid_from,
        total_participants=calculation.total_participants,
        tier_min_participants=calculation.tier.min_participants,
        discount_percentage=calculation.tier.percentage,
        settlement=practice.settlement,
        teaching_hours=practice.teaching_hours,
        learning_units=practice.learning_units,
        learning_modules=practice.learning_modules,
        **{name: getattr(prices, name) for name in PRICE_FIELDS},
        tuition=calculation.tuition,
        literature=calculation.literature,
        tier_discount=calculation.tier_discount,
        compensation=calculation.compensation,
        total_excl_vat=calculation.total_excl_vat,
        vat=calculation.vat,
        total_incl_vat=calculation.total_incl_vat,
    )
    quote.number = f"OFF-{quote.quote_date.year}-{quote.pk:05d}"
    quote.save(update_fields=["number"])
    new = [line for line in calculation.lines if line.is_new]
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(
            organisation=made.organisation,
            participants=line.participants,
            quote=quote,
            **{enrolment_field(line.kind): line.activity},
        )
        for line in new
    )
    enrolment_of = dict(zip(map(id, new), enrolments, strict=True))
    QuoteLine.objects.bulk_create(
        QuoteLine(
            quote=quote,
            position=position,
            enrolment=line.enrolment or enrolment_of[id(line)],
            kind=line.kind,
            activity_key=line.key,
            title=line.title,
            participants=line.participants,
            price=line.price,
            literature_price=line.literature_price,
            is_new=line.is_new,
        )
        for position, line in enumerate(calculation.lines, start=1)
    )
    return quote


def enrolment_field(kind) -> str:
    return {ActivityKind.OFFER: "offering", ActivityKind.ROUTE: "route"}.get(kind, "track")
