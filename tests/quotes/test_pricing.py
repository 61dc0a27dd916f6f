"""The arithmetic: exact Decimals, each rounded figure rounded once (half up) over the
whole quote, figures that add up, and the practice teacher's compensation."""

import datetime
from decimal import Decimal

import pytest

from borg_learning.quotes.models import Settlement
from borg_learning.quotes.pricing import (
    CompensationTooHigh,
    Line,
    PracticeTeaching,
    Prices,
    calculate,
    with_bounds,
)

D = Decimal
TODAY = datetime.date(2026, 12, 1)


def prices(vat_rate="21"):
    return Prices(
        valid_from=TODAY,
        vat_rate=D(vat_rate),
        track_price=D("995.00"),
        literature_price=D("50.00"),
        teaching_hour_rate=D("100.00"),
        learning_unit_compensation=D("700.00"),
        learning_module_compensation=D("1800.00"),
        tiers=with_bounds([(1, D("0")), (4, D("5")), (9, D("10")), (13, D("15")), (17, D("17"))]),
    )


def line(participants, price, literature="0.00"):
    return Line("offer", "1", "Aanbod", participants, D(price), D(literature))


def test_the_discount_is_rounded_once_over_the_quote_not_per_line():
    # Two lines of EUR 0.10 at 5 %: EUR 0.005 each. Rounded per line that would be 2 cents.
    figures = calculate(TODAY, prices(), [line(2, "0.05"), line(2, "0.05")])
    assert figures.tier_discount == D("0.01")
    assert figures.total_excl_vat == D("0.19")
    assert figures.vat == D("0.04")  # 0.0399
    assert figures.total_incl_vat == D("0.23")


def test_half_a_cent_is_rounded_up():
    figures = calculate(TODAY, prices(), [line(4, "0.25")])  # 5 % of 1.00
    assert figures.tier_discount == D("0.05")
    figures = calculate(TODAY, prices(), [line(4, "0.30")])  # 5 % of 1.20 = 0.06
    assert figures.vat == D("0.24")  # 21 % of 1.14 = 0.2394
    figures = calculate(TODAY, prices(), [line(9, "0.55")])  # 10 % of 4.95 = 0.495
    assert figures.tier_discount == D("0.50")


def test_the_figures_add_up_exactly():
    figures = calculate(TODAY, prices(), [line(7, "123.45", "50.00"), line(6, "0.99")])
    assert figures.total_excl_vat == (figures.tuition - figures.tier_discount + figures.literature)
    assert figures.total_incl_vat == figures.total_excl_vat + figures.vat
    assert all(
        value == value.quantize(D("0.01"))
        for value in (figures.tier_discount, figures.vat, figures.total_incl_vat)
    )


def test_literature_is_not_discounted():
    figures = calculate(TODAY, prices(), [line(9, "995.00", "50.00")])
    assert figures.tier_discount == D("895.50")  # 10 % of the fees only
    assert figures.literature == D("450.00")


def test_a_vat_rate_of_0_for_exempt_education():
    figures = calculate(TODAY, prices(vat_rate="0"), [line(2, "995.00", "50.00")])
    assert (figures.vat, figures.total_incl_vat) == (D("0.00"), D("2090.00"))


def test_compensation_as_a_discount_lowers_the_total_before_vat():
    practice = PracticeTeaching(Settlement.DISCOUNT, learning_units=1, learning_modules=1)
    figures = calculate(TODAY, prices(), [line(4, "995.00")], practice)
    assert figures.compensation == D("2500.00")
    assert figures.total_excl_vat == D("3980.00") - D("199.00") - D("2500.00")
    assert figures.compensation_payment == D("0.00")


def test_compensation_as_a_payment_or_to_the_employee_leaves_the_totals_alone():
    plain = calculate(TODAY, prices(), [line(4, "995.00")])
    paid = calculate(
        TODAY, prices(), [line(4, "995.00")], PracticeTeaching(Settlement.PAYMENT, learning_units=2)
    )
    hours = calculate(
        TODAY,
        prices(),
        [line(4, "995.00")],
        PracticeTeaching(Settlement.EMPLOYEE, teaching_hours=12),
    )
    assert paid.total_incl_vat == hours.total_incl_vat == plain.total_incl_vat
    assert paid.compensation_payment == D("1400.00")
    assert hours.employee_compensation == D("1200.00")


def test_a_compensation_over_the_amount_is_refused():
    with pytest.raises(CompensationTooHigh):
        calculate(
            TODAY,
            prices(),
            [line(1, "995.00")],
            PracticeTeaching(Settlement.DISCOUNT, learning_modules=1),
        )


def test_tiers_know_their_range():
    tiers = prices().tiers
    assert [(tier.min_participants, tier.max_participants) for tier in tiers] == [
        (1, 3),
        (4, 8),
        (9, 12),
        (13, 16),
        (17, None),
    ]
