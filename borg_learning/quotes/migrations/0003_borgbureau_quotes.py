"""The Borgbureau group keeps the organisations, tracks and price lists, and reads and
deletes the quotes (nobody edits one: it is frozen)."""

from django.db import migrations

from borg_learning.group_permissions import grant_to_editors

EDITED = ["organisation", "enrolment", "track", "pricelist", "discounttier", "routeprice"]


class Migration(migrations.Migration):
    dependencies = [
        ("borg_learning_quotes", "0002_first_price_list"),
        ("borg_learning", "0002_borgbureau_group"),
    ]

    operations = [
        grant_to_editors(
            "borg_learning_quotes",
            [f"{action}_{model}" for model in EDITED for action in ("add", "change", "delete", "view")]
            + ["view_quote", "delete_quote"],
        )
    ]
