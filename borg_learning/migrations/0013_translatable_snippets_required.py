"""Themes, providers, offers and questionnaires become translatable, step two: locale and
translation key required, names and slugs unique per locale."""

import uuid

import django.db.models.deletion
from django.db import migrations, models

MODELS = ("offering", "provider", "questionnaire", "theme")


class Migration(migrations.Migration):
    dependencies = [
        ("borg_learning", "0012_translatable_snippets"),
    ]

    operations = [
        *(
            operation
            for name in MODELS
            for operation in (
                migrations.AlterField(
                    model_name=name,
                    name="locale",
                    field=models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
                migrations.AlterField(
                    model_name=name,
                    name="translation_key",
                    field=models.UUIDField(default=uuid.uuid4, editable=False),
                ),
                migrations.AlterUniqueTogether(
                    name=name, unique_together={("translation_key", "locale")}
                ),
            )
        ),
        migrations.AlterField(
            model_name="provider",
            name="name",
            field=models.CharField(max_length=200, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="questionnaire",
            name="slug",
            field=models.SlugField(
                help_text="Names this questionnaire in the setting that picks the default.",
                max_length=100,
                verbose_name="slug",
            ),
        ),
        migrations.AlterField(
            model_name="theme",
            name="name",
            field=models.CharField(max_length=100, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="theme",
            name="slug",
            field=models.SlugField(max_length=100, verbose_name="slug"),
        ),
        migrations.AddConstraint(
            model_name="provider",
            constraint=models.UniqueConstraint(
                fields=("locale", "name"), name="borg_provider_name_per_locale"
            ),
        ),
        migrations.AddConstraint(
            model_name="questionnaire",
            constraint=models.UniqueConstraint(
                fields=("locale", "slug"), name="borg_questionnaire_slug_per_locale"
            ),
        ),
        migrations.AddConstraint(
            model_name="theme",
            constraint=models.UniqueConstraint(
                fields=("locale", "name"), name="borg_theme_name_per_locale"
            ),
        ),
        migrations.AddConstraint(
            model_name="theme",
            constraint=models.UniqueConstraint(
                fields=("locale", "slug"), name="borg_theme_slug_per_locale"
            ),
        ),
    ]
