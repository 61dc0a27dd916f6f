"""Themes, providers, offers and questionnaires become translatable (Wagtail's
``TranslatableMixin``), step one: existing rows get the default locale and a translation
key of their own (0013 then makes both required). Two migrations, as PostgreSQL cannot
alter a table with rows updated in the same transaction."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODELS = ("offering", "provider", "questionnaire", "theme")


def default_locale(apps):
    """The locale of the site's default language, made if a site has none yet."""
    from wagtail.coreutils import get_supported_content_language_variant

    Locale = apps.get_model("wagtailcore", "Locale")
    code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return Locale.objects.get_or_create(language_code=code)[0]


def give_locales(apps, schema_editor):
    locale = None
    for name in MODELS:
        model = apps.get_model("borg_learning", name)
        rows = list(model.objects.filter(translation_key__isnull=True).only("pk"))
        if not rows:
            continue
        locale = locale or default_locale(apps)
        for row in rows:
            row.translation_key = uuid.uuid4()
            row.locale = locale
        model.objects.bulk_update(rows, ["translation_key", "locale"])


def locale_field(**options):
    return models.ForeignKey(
        editable=False,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="wagtailcore.locale",
        verbose_name="locale",
        **options,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("borg_learning", "0011_vocabulary_of_the_site"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        *(
            operation
            for name in MODELS
            for operation in (
                migrations.AddField(model_name=name, name="locale", field=locale_field(null=True)),
                migrations.AddField(
                    model_name=name,
                    name="translation_key",
                    field=models.UUIDField(editable=False, null=True),
                ),
            )
        ),
        migrations.RunPython(give_locales, migrations.RunPython.noop),
    ]
