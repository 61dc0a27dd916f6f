"""The programme's prices (MGZ-leerprogramma, section 3) as the first price list, valid
from 1 January 2025, so quotes work from the start; the Borgbureau edits them or adds a
later list in the admin.

The tiers: 1-3 participants no discount (the programme says "< 3", leaving 3 out; 3 is
taken as no discount), 4-8 5 %, 9-12 10 %, 13-16 15 %, 17 and more 17 %. A track costs
EUR 995 per participant excluding VAT, literature EUR 50 per participant per track; a
practice teacher EUR 100 per teaching hour, or EUR 700 per learning unit and EUR 1,800
per learning module. VAT 21 %: education may be exempt, then the Borgbureau sets 0.
"""

import datetime
from decimal import Decimal

from django.db import migrations

VALID_FROM = datetime.date(2025, 1, 1)
TIERS = [(1, "0"), (4, "5"), (9, "10"), (13, "15"), (17, "17")]


def add(apps, schema_editor):
    PriceList = apps.get_model("borg_learning_quotes", "PriceList")
    DiscountTier = apps.get_model("borg_learning_quotes", "DiscountTier")
    if PriceList.objects.exists():
        return
    price_list = PriceList.objects.create(
        valid_from=VALID_FROM,
        track_price=Decimal("995.00"),
        literature_price=Decimal("50.00"),
        teaching_hour_rate=Decimal("100.00"),
        learning_unit_compensation=Decimal("700.00"),
        learning_module_compensation=Decimal("1800.00"),
        vat_rate=Decimal("21.00"),
        note="De prijzen van het MGZ-leerprogramma (paragraaf 3). Tot 3 deelnemers geen "
        "korting: het programma zegt '< 3' en noemt 3 niet.",
    )
    DiscountTier.objects.bulk_create(
        DiscountTier(price_list=price_list, min_participants=minimum, percentage=Decimal(rate))
        for minimum, rate in TIERS
    )


class Migration(migrations.Migration):
    dependencies = [("borg_learning_quotes", "0001_initial")]

    # Reversed, nothing to do: unapplying 0001 drops the table.
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
