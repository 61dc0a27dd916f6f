"""The arithmetic of a quote, in exact ``Decimal``s.

Prices are whole cents and participants whole numbers, so each line's amount is exact.
Two figures are not: the tier discount (a percentage of the participant fees) and the
VAT (a percentage of the total excluding VAT). Each is rounded once, half up, to cents,
over the whole quote, never per line: nothing is rounded twice and the figures add up
exactly (total excluding VAT + VAT = total including VAT).

What is discounted: the participant fees of every line, at the tier the organisation's
participants reach together. Literature is passed on at cost, without discount. A
practice teacher's compensation for learning units and modules is, as the organisation
chooses, a discount on the total excluding VAT or a payment to it (outside the totals);
the compensation per teaching hour goes to the employee and is only shown.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from borg_learning.quotes.models import Settlement

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
ZERO = Decimal("0.00")


def cents(amount: Decimal) -> Decimal:
    """``amount`` rounded half up to whole cents: the one rounding of a figure."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Tier:
    min_participants: int
    percentage: Decimal
    #: The last number of participants of the tier; None for the highest.
    max_participants: int | None = None


@dataclass(frozen=True)
class Prices:
    """A price list as the arithmetic needs it (``models.PriceList``, or a quote's copy)."""

    valid_from: datetime.date
    vat_rate: Decimal
    track_price: Decimal
    literature_price: Decimal
    teaching_hour_rate: Decimal
    learning_unit_compensation: Decimal
    learning_module_compensation: Decimal
    #: By ``min_participants``; the first starts at 1.
    tiers: tuple[Tier, ...]
    #: A learning route's price per participant, by the route's id.
    route_prices: dict[int, Decimal] = field(default_factory=dict)

    def tier_for(self, participants: int) -> Tier:
        """The tier ``participants`` reach: the highest that starts at or below it (no
        discount when no tier starts that low)."""
        reached = [tier for tier in self.tiers if tier.min_participants <= participants]
        return reached[-1] if reached else Tier(1, ZERO)

    def next_tier(self, participants: int) -> Tier | None:
        """The first tier above the one ``participants`` reach, if any."""
        return next((tier for tier in self.tiers if tier.min_participants > participants), None)


def with_bounds(tiers: list[tuple[int, Decimal]]) -> tuple[Tier, ...]:
    """Tiers from (minimum, percentage) pairs, each with the last number it covers."""
    ordered = sorted(tiers)
    return tuple(
        Tier(minimum, percentage, ordered[number + 1][0] - 1 if number + 1 < len(ordered) else None)
        for number, (minimum, percentage) in enumerate(ordered)
    )


@dataclass(frozen=True)
class PracticeTeaching:
    """A practice teacher from the organisation and how they are compensated."""

    settlement: str = Settlement.NONE
    teaching_hours: int = 0
    learning_units: int = 0
    learning_modules: int = 0

    def compensation(self, prices: Prices) -> Decimal:
        """What the compensation comes to, whoever gets it."""
        if self.settlement == Settlement.EMPLOYEE:
            return self.teaching_hours * prices.teaching_hour_rate
        if self.settlement in (Settlement.DISCOUNT, Settlement.PAYMENT):
            return (
                self.learning_units * prices.learning_unit_compensation
                + self.learning_modules * prices.learning_module_compensation
            )
        return ZERO


@dataclass(frozen=True)
class Line:
    """Participants in one activity, at the price per participant of the quote's date."""

    kind: str
    #: The offer's id or the route's or track's slug, as the API names it.
    key: str
    title: str
    participants: int
    price: Decimal
    literature_price: Decimal = ZERO
    #: New in this quote, or an earlier enrolment of the organisation priced again.
    is_new: bool = True
    #: The offer, route or track; the enrolment (earlier lines only).
    activity: Any = None
    enrolment: Any = None

    @property
    def amount(self) -> Decimal:
        return self.participants * self.price

    @property
    def literature_amount(self) -> Decimal:
        return self.participants * self.literature_price


class CompensationTooHigh(ValueError):
    """The compensation taken as a discount is more than what the quote comes to."""


@dataclass(frozen=True)
class Calculation:
    """A quote's figures; see the module's docstring for what each is."""

    date: datetime.date
    prices: Prices
    lines: tuple[Line, ...]
    practice: PracticeTeaching
    total_participants: int
    tier: Tier
    next_tier: Tier | None
    tuition: Decimal
    literature: Decimal
    tier_discount: Decimal
    compensation: Decimal
    total_excl_vat: Decimal
    vat: Decimal
    total_incl_vat: Decimal

    @property
    def compensation_discount(self) -> Decimal:
        return self.compensation if self.practice.settlement == Settlement.DISCOUNT else ZERO

    @property
    def compensation_payment(self) -> Decimal:
        return self.compensation if self.practice.settlement == Settlement.PAYMENT else ZERO

    @property
    def employee_compensation(self) -> Decimal:
        return self.compensation if self.practice.settlement == Settlement.EMPLOYEE else ZERO

    @property
    def participants_to_next_tier(self) -> int | None:
        if self.next_tier is None:
            return None
        return self.next_tier.min_participants - self.total_participants


def calculate(
    date: datetime.date,
    prices: Prices,
    lines: list[Line] | tuple[Line, ...],
    practice: PracticeTeaching | None = None,
) -> Calculation:
    """The figures of a quote of ``lines`` at ``prices``. Raises ``CompensationTooHigh``
    when a compensation taken as a discount is more than the quote comes to."""
    practice = practice or PracticeTeaching()
    total_participants = sum(line.participants for line in lines)
    tier = prices.tier_for(total_participants)
    tuition = sum((line.amount for line in lines), ZERO)
    literature = sum((line.literature_amount for line in lines), ZERO)
    tier_discount = cents(tuition * tier.percentage / HUNDRED)
    compensation = practice.compensation(prices)
    total_excl_vat = tuition - tier_discount + literature
    if practice.settlement == Settlement.DISCOUNT:
        if compensation > total_excl_vat:
            raise CompensationTooHigh(
                f"The compensation of EUR {compensation} is more than the EUR {total_excl_vat} "
                "the quote comes to; ask for it as a payment."
            )
        total_excl_vat -= compensation
    vat = cents(total_excl_vat * prices.vat_rate / HUNDRED)
    return Calculation(
        date=date,
        prices=prices,
        lines=tuple(lines),
        practice=practice,
        total_participants=total_participants,
        tier=tier,
        next_tier=prices.next_tier(total_participants),
        tuition=tuition,
        literature=literature,
        tier_discount=tier_discount,
        compensation=compensation,
        total_excl_vat=total_excl_vat,
        vat=vat,
        total_incl_vat=total_excl_vat + vat,
    )
