"""The catalogue's links as they are when the app is installed, "not checked yet"; and the
Borgbureau group reads the report and marks links checked by hand."""

from django.db import migrations

from borg_learning.group_permissions import grant_to_editors


def existing_links(apps, schema_editor):
    Offering = apps.get_model("borg_learning", "Offering")
    OfferingChapter = apps.get_model("borg_learning", "OfferingChapter")
    CheckedLink = apps.get_model("borg_learning_linkcheck", "CheckedLink")
    rows = [CheckedLink(offering_id=pk, url=url) for pk, url in Offering.objects.exclude(url="").values_list("pk", "url")]
    rows += [
        CheckedLink(offering_id=offering, chapter_id=pk, url=url)
        for pk, offering, url in OfferingChapter.objects.exclude(url="").values_list(
            "pk", "offering_id", "url"
        )
    ]
    CheckedLink.objects.bulk_create(rows)


class Migration(migrations.Migration):
    dependencies = [
        ("borg_learning_linkcheck", "0001_initial"),
        ("borg_learning", "0002_borgbureau_group"),
    ]

    operations = [
        migrations.RunPython(existing_links, migrations.RunPython.noop),
        grant_to_editors(
            "borg_learning_linkcheck", ["view_checkedlink", "change_checkedlink"]
        ),
    ]
