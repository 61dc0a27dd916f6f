"""The editors' group (the Borgbureau) edits questionnaires and reads the evaluation
and visit reports.

The reports are gated on the view permissions of responses and daily visit counts;
nobody edits those in the admin, so the group gets only "view" on them.
"""

from django.db import migrations

from borg_learning.group_permissions import grant_to_editors

GRANTS = {
    "questionnaire": ["add", "change", "delete", "view"],
    "response": ["view"],
    "pagevisitday": ["view"],
}


class Migration(migrations.Migration):
    dependencies = [("borg_learning", "0004_evaluation_and_visits")]

    operations = [
        grant_to_editors(
            "borg_learning",
            [f"{action}_{model}" for model, actions in GRANTS.items() for action in actions],
        )
    ]
