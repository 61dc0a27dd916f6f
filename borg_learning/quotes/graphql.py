"""Group quotes over GraphQL: ``quote`` (computes, stores nothing), ``requestQuote``
(stored, with a PDF), ``quoteTracks`` and ``quotePrices``.

Amounts are ``Decimal`` strings in euros with two decimals ("1990.00"), exact as stored.
Problems come back in ``errors`` with a stable code, as in the learners' mutations;
nothing is stored then.
"""

import datetime

import graphene
from django.utils import timezone

from borg_learning.api.graphql.enums import enum_from_choices
from borg_learning.api.graphql.response_cache import never_cache
from borg_learning.conf import learning_settings
from borg_learning.learners.graphql import learner_error_type
from borg_learning.quotes import document, quoting
from borg_learning.quotes.models import MAX_PARTICIPANTS, ActivityKind, Settlement, Track
from borg_learning.quotes.pricing import PracticeTeaching
from borg_learning.throttling import allow
from borg_learning.visibility import Visibility

ActivityKindEnum = enum_from_choices(
    ActivityKind,
    "LearningQuoteActivityKind",
    "What an enrolment is for.",
    values={
        "OFFER": "A catalogue offer, at its cost per participant.",
        "ROUTE": "A learning route, at its price on the price list.",
        "TRACK": "A track (leertraject), at the track price plus literature.",
    },
)
SettlementEnum = enum_from_choices(
    Settlement,
    "LearningPracticeTeachingSettlement",
    "How a practice teacher from the organisation is compensated.",
    values={
        "NONE": "No practice teacher.",
        "EMPLOYEE": "Per teaching hour, paid to the employee (shown, outside the totals).",
        "DISCOUNT": "Per learning unit and module, as a discount on the total excluding VAT.",
        "PAYMENT": "Per learning unit and module, paid to the organisation (outside the totals).",
    },
)
QuoteError, QuoteErrorCode = learner_error_type(
    "LearningQuoteError",
    quoting.Code,
    "One problem with a quote; nothing of it was stored.",
    "Why a quote was refused.",
    "organisationCode, enrolments[n].offer/route/track/participants, practiceTeaching, date, "
    "requestedBy, email, reference",
    {
        "UNKNOWN_ORGANISATION": "No organisation has that quote code.",
        "NO_ORGANISATION": "requestQuote needs the organisation's quote code.",
        "NO_ENROLMENTS": "No enrolments: none asked for, and none earlier (requestQuote: "
        "none new).",
        "TOO_MANY_ENROLMENTS": f"More than {quoting.MAX_ENROLMENTS} enrolments at once.",
        "NO_ACTIVITY": "An enrolment names no activity, or more than one.",
        "UNKNOWN_ACTIVITY": "No active offer, published route or active track with that id "
        "or slug.",
        "INVALID_PARTICIPANTS": f"participants is below 1 or above {MAX_PARTICIPANTS}.",
        "NOT_PRICED": "The activity has no price on the price list of the date.",
        "NO_PRICE_LIST": "No price list applies on the date.",
        "INVALID_DATE": "The date is in the past.",
        "INVALID_PRACTICE_TEACHING": "The practice teaching does not fit its settlement, or "
        f"a count is below 0 or above {quoting.MAX_PRACTICE}.",
        "COMPENSATION_TOO_HIGH": "A compensation taken as a discount is more than the quote "
        "comes to: ask for a PAYMENT.",
        "INVALID_NAME": "requestedBy is empty, longer than 100 characters, or has control "
        "characters.",
        "INVALID_EMAIL": "email is not an email address.",
        "INVALID_REFERENCE": "reference is longer than 100 characters or has control characters.",
        "RATE_LIMITED": "Too many quote requests from this address this hour.",
    },
)


# --- Input -------------------------------------------------------------------------------------


class QuoteEnrolmentInput(graphene.InputObjectType):
    """Participants in one activity: name exactly one of offer, route and track."""

    class Meta:
        name = "LearningQuoteEnrolmentInput"

    offer = graphene.ID(description="A catalogue offer's id, as offering(id:) takes it.")
    route = graphene.String(description="A learning route's slug, as route(slug:) takes it.")
    track = graphene.String(description="A track's slug, as quoteTracks lists it.")
    participants = graphene.Int(required=True, description=f"1 to {MAX_PARTICIPANTS}.")


class PracticeTeachingInput(graphene.InputObjectType):
    """A practice teacher from the organisation: teaching hours (EMPLOYEE), or learning
    units and modules (DISCOUNT, PAYMENT)."""

    class Meta:
        name = "LearningPracticeTeachingInput"

    settlement = graphene.Field(SettlementEnum, required=True)
    teaching_hours = graphene.Int(default_value=0)
    learning_units = graphene.Int(default_value=0)
    learning_modules = graphene.Int(default_value=0)


class QuoteFields:
    organisation_code = graphene.String(
        description="The organisation's quote code (from the site's editors): its earlier "
        "enrolments count for the tier and are priced again."
    )
    enrolments = graphene.List(
        graphene.NonNull(QuoteEnrolmentInput),
        required=True,
        description=f"The new enrolments, at most {quoting.MAX_ENROLMENTS}.",
    )
    practice_teaching = graphene.Field(PracticeTeachingInput)


class QuoteInput(QuoteFields, graphene.InputObjectType):
    class Meta:
        name = "LearningQuoteInput"

    date = graphene.Date(description="The quote's date (today or later); default today.")


class RequestQuoteInput(QuoteFields, graphene.InputObjectType):
    class Meta:
        name = "LearningRequestQuoteInput"

    organisation_code = graphene.String(required=True, description="The organisation's quote code.")
    requested_by = graphene.String(required=True, description="Who asks, as printed.")
    email = graphene.String(description="Where the site's editors answer.")
    reference = graphene.String(description="The organisation's own reference, as printed.")


def ask_of(input, date=None) -> quoting.Ask:
    practice = input.get("practice_teaching")
    return quoting.Ask(
        enrolments=[
            quoting.Wanted(
                field=f"enrolments[{number}]",
                participants=item.participants,
                offer=item.get("offer"),
                route=item.get("route"),
                track=item.get("track"),
            )
            for number, item in enumerate(input.enrolments)
        ],
        organisation_code=input.get("organisation_code"),
        practice=PracticeTeaching(
            Settlement(practice.settlement),
            practice.get("teaching_hours") or 0,
            practice.get("learning_units") or 0,
            practice.get("learning_modules") or 0,
        )
        if practice
        else PracticeTeaching(),
        date=date,
    )


# --- Output ------------------------------------------------------------------------------------


class QuoteTier(graphene.ObjectType):
    """A discount tier: from minParticipants to maxParticipants (null: and more)."""

    class Meta:
        name = "LearningQuoteTier"

    min_participants = graphene.Int(required=True)
    max_participants = graphene.Int()
    percentage = graphene.Decimal(required=True, description="The discount, in percent.")


class QuoteLine(graphene.ObjectType):
    """One enrolment on a quote."""

    class Meta:
        name = "LearningQuoteLine"

    kind = graphene.Field(ActivityKindEnum, required=True)
    activity = graphene.String(
        required=True, description="The offer's id, or the route's or track's slug."
    )
    title = graphene.String(required=True)
    participants = graphene.Int(required=True)
    price = graphene.Decimal(required=True, description="Per participant, excluding VAT.")
    literature_price = graphene.Decimal(required=True, description="Per participant.")
    amount = graphene.Decimal(required=True, description="participants × price.")
    literature_amount = graphene.Decimal(required=True)
    new = graphene.Boolean(
        required=True,
        description="Asked for in this quote; false for an earlier enrolment of the "
        "organisation, priced again at the tier reached now.",
    )

    def resolve_activity(line, info):
        return line.key

    def resolve_new(line, info):
        return line.is_new


class PracticeTeachingFigures(graphene.ObjectType):
    class Meta:
        name = "LearningPracticeTeaching"

    settlement = graphene.Field(SettlementEnum, required=True)
    teaching_hours = graphene.Int(required=True)
    learning_units = graphene.Int(required=True)
    learning_modules = graphene.Int(required=True)
    compensation = graphene.Decimal(required=True, description="What it comes to.")
    as_discount = graphene.Decimal(
        required=True, description="Taken off the total excluding VAT (DISCOUNT)."
    )
    as_payment = graphene.Decimal(
        required=True, description="Paid to the organisation, outside the totals (PAYMENT)."
    )
    to_employee = graphene.Decimal(
        required=True, description="Paid to the employee, outside the totals (EMPLOYEE)."
    )

    def resolve_settlement(figures, info):
        return figures.practice.settlement

    def resolve_teaching_hours(figures, info):
        return figures.practice.teaching_hours

    def resolve_learning_units(figures, info):
        return figures.practice.learning_units

    def resolve_learning_modules(figures, info):
        return figures.practice.learning_modules

    def resolve_as_discount(figures, info):
        return figures.compensation_discount

    def resolve_as_payment(figures, info):
        return figures.compensation_payment

    def resolve_to_employee(figures, info):
        return figures.employee_compensation


class QuoteView:
    """A calculation, and the stored quote it became (requestQuote)."""

    def __init__(self, calculation, organisation=None, stored=None):
        self.calculation, self.organisation, self.stored = calculation, organisation, stored


class QuoteType(graphene.ObjectType):
    """A quote's lines and figures; number and pdfUrl once stored (requestQuote)."""

    class Meta:
        name = "LearningQuote"

    number = graphene.String(description="Null: not stored (the quote query).")
    pdf_url = graphene.String(description="The stored quote as a PDF; null when not stored.")
    date = graphene.Date(required=True)
    valid_until = graphene.Date(required=True)
    organisation = graphene.String(description="The organisation's name; null without a code.")
    prices_valid_from = graphene.Date(
        required=True, description="The price list used: the one in force on the date."
    )
    lines = graphene.List(graphene.NonNull(QuoteLine), required=True)
    total_participants = graphene.Int(
        required=True, description="Of all lines: what sets the tier."
    )
    tier = graphene.Field(QuoteTier, required=True)
    next_tier = graphene.Field(QuoteTier, description="Null at the highest tier.")
    participants_to_next_tier = graphene.Int()
    tuition = graphene.Decimal(required=True, description="The participant fees of all lines.")
    tier_discount = graphene.Decimal(
        required=True, description="The tier's percentage of the fees, rounded once to cents."
    )
    literature = graphene.Decimal(required=True, description="Not discounted.")
    practice_teaching = graphene.Field(PracticeTeachingFigures, required=True)
    total_excl_vat = graphene.Decimal(required=True)
    vat_rate = graphene.Decimal(required=True, description="In percent.")
    vat = graphene.Decimal(required=True, description="Rounded once to cents.")
    total_incl_vat = graphene.Decimal(required=True)

    def resolve_number(view, info):
        return view.stored.number if view.stored else None

    def resolve_pdf_url(view, info):
        return document.pdf_url(info.context, view.stored) if view.stored else None

    def resolve_date(view, info):
        return view.calculation.date

    def resolve_valid_until(view, info):
        if view.stored:
            return view.stored.valid_until
        days = learning_settings.QUOTE_VALID_DAYS
        return view.calculation.date + datetime.timedelta(days=days)

    def resolve_organisation(view, info):
        return view.organisation.name if view.organisation else None

    def resolve_prices_valid_from(view, info):
        return view.calculation.prices.valid_from

    def resolve_practice_teaching(view, info):
        return view.calculation

    def resolve_vat_rate(view, info):
        return view.calculation.prices.vat_rate

    @staticmethod
    def figure(name):
        return lambda view, info: getattr(view.calculation, name)


for _name in (
    "lines",
    "total_participants",
    "tier",
    "next_tier",
    "participants_to_next_tier",
    "tuition",
    "tier_discount",
    "literature",
    "total_excl_vat",
    "vat",
    "total_incl_vat",
):
    setattr(QuoteType, f"resolve_{_name}", QuoteType.figure(_name))


class QuoteAnswer(graphene.ObjectType):
    class Meta:
        name = "LearningQuoteAnswer"

    quote = graphene.Field(QuoteType, description="Null when errors says why.")
    errors = graphene.List(graphene.NonNull(QuoteError), required=True)


class RequestQuotePayload(graphene.ObjectType):
    class Meta:
        name = "LearningRequestQuotePayload"

    ok = graphene.Boolean(required=True, description="True when the quote is stored.")
    quote = graphene.Field(QuoteType, description="The stored quote; null when refused.")
    errors = graphene.List(graphene.NonNull(QuoteError), required=True)


class TrackType(graphene.ObjectType):
    """A track (leertraject) an organisation can enrol participants in."""

    class Meta:
        name = "LearningQuoteTrack"

    slug = graphene.String(required=True, description="As enrolments { track } takes it.")
    name = graphene.String(required=True)
    description = graphene.String(required=True)


class PricesType(graphene.ObjectType):
    """The price list in force on a date."""

    class Meta:
        name = "LearningQuotePrices"

    valid_from = graphene.Date(required=True)
    tiers = graphene.List(graphene.NonNull(QuoteTier), required=True)
    track_price = graphene.Decimal(required=True, description="Per participant per track.")
    literature_price = graphene.Decimal(required=True, description="Per participant per track.")
    teaching_hour_rate = graphene.Decimal(required=True)
    learning_unit_compensation = graphene.Decimal(required=True)
    learning_module_compensation = graphene.Decimal(required=True)
    vat_rate = graphene.Decimal(required=True, description="In percent.")


# --- Root fields -------------------------------------------------------------------------------


class QuoteQuery:
    quote = graphene.Field(
        QuoteAnswer,
        required=True,
        input=QuoteInput(required=True),
        description="What enrolments come to, with the organisation's earlier ones (by its "
        "quote code) priced again at the tier all of them reach. Stores nothing.",
    )
    quote_tracks = graphene.List(
        graphene.NonNull(TrackType), required=True, description="The active tracks, by name."
    )
    quote_prices = graphene.Field(
        PricesType,
        date=graphene.Date(description="Default today."),
        description="The price list in force on the date; null when none is.",
    )

    def resolve_quote(root, info, input):
        never_cache(info.context)  # an organisation's own, and prices change
        visibility = Visibility.of(info.context, anonymous=True)
        try:
            made = quoting.draft(ask_of(input, input.get("date")), visibility)
        except quoting.QuoteRefused as refused:
            return QuoteAnswer(quote=None, errors=refused.problems)
        return QuoteAnswer(quote=QuoteView(made.calculation, made.organisation), errors=[])

    def resolve_quote_tracks(root, info):
        return Track.objects.filter(active=True).order_by("name", "pk")

    def resolve_quote_prices(root, info, date=None):
        never_cache(info.context)  # by today's date
        price_list = quoting.price_list_in_force(date or timezone.localdate())
        return quoting.prices_of(price_list) if price_list else None


class RequestQuote(graphene.Mutation):
    """Store a quote for an organisation and its new enrolments."""

    class Arguments:
        input = RequestQuoteInput(required=True)

    Output = RequestQuotePayload

    def mutate(root, info, input):
        limit = learning_settings.QUOTE_REQUEST_RATE_LIMIT
        if not allow(info.context, "quote-request", limit):
            problem = quoting.Problem(
                None,
                quoting.Code.RATE_LIMITED,
                "Too many quote requests from this address; try again in an hour "
                "(BORG_LEARNING['QUOTE_REQUEST_RATE_LIMIT']).",
            )
            return RequestQuotePayload(ok=False, quote=None, errors=[problem])
        contact = quoting.Contact(
            input.requested_by, input.get("email") or "", input.get("reference") or ""
        )
        visibility = Visibility.of(info.context, anonymous=True)
        try:
            stored, made = quoting.request(ask_of(input), contact, visibility)
        except quoting.QuoteRefused as refused:
            return RequestQuotePayload(ok=False, quote=None, errors=refused.problems)
        view = QuoteView(made.calculation, made.organisation, stored)
        return RequestQuotePayload(ok=True, quote=view, errors=[])


class QuoteMutation:
    request_quote = RequestQuote.Field(
        description="Store a quote for an organisation (by its quote code) with new "
        "enrolments, priced as quote prices them, rate-limited per address "
        "(QUOTE_REQUEST_RATE_LIMIT per hour). Problems come back in errors, and nothing is "
        "stored."
    )
