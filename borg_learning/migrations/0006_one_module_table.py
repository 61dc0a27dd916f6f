"""One module table: both module types become child tables of ``ModulePage``.

The metadata every module has (themes, summary, duration, credits, review,
questionnaire) moves from the two module tables into ``borg_learning_modulepage``,
keyed by the same page id, and the two tables keep only what is their own. Page ids
do not change, so revisions, visits and responses keep pointing at the same pages.

Unapplying it copies everything back.
"""

import django.core.validators
import django.db.models.deletion
import modelcluster.fields
import wagtail.fields
import wagtail_headless_preview.models
from django.conf import settings
from django.db import migrations, models

import borg_learning.content.fields
import borg_learning.models.modules

MODULE_TABLES = ("borg_learning_basicmodulepage", "borg_learning_specialistmodulepage")
SHARED_COLUMNS = (
    "target_duration", "estimated_duration_seconds", "summary", "learning_objectives",
    "audience_roles", "copyright_holder", "last_reviewed", "review_interval_months",
    "development_group_id", "image_id", "questionnaire_id",
)
SHARED_FIELDS = (
    "target_duration", "estimated_duration_seconds", "summary", "learning_objectives",
    "audience_roles", "copyright_holder", "last_reviewed", "review_interval_months",
    "development_group", "image", "questionnaire", "themes",
)


def copy_into_module_table(apps, schema_editor):
    """Each module's shared fields and themes, copied to the module table under its id."""
    quote = schema_editor.quote_name
    columns = ", ".join(quote(column) for column in SHARED_COLUMNS)
    for table in MODULE_TABLES:
        model_name = table.removeprefix("borg_learning_")
        schema_editor.execute(
            f"INSERT INTO {quote('borg_learning_modulepage')} ({quote('page_ptr_id')}, {columns}) "
            f"SELECT {quote('page_ptr_id')}, {columns} FROM {quote(table)}")
        schema_editor.execute(
            f"INSERT INTO {quote('borg_learning_modulepage_themes')} "
            f"({quote('modulepage_id')}, {quote('theme_id')}) "
            f"SELECT {quote(model_name + '_id')}, {quote('theme_id')} "
            f"FROM {quote(table + '_themes')}")


def copy_back_into_module_types(apps, schema_editor):
    """The reverse: each module type's shared fields and themes from the module table."""
    quote = schema_editor.quote_name
    for table in MODULE_TABLES:
        model_name = table.removeprefix("borg_learning_")
        for column in SHARED_COLUMNS:
            schema_editor.execute(
                f"UPDATE {quote(table)} SET {quote(column)} = (SELECT {quote(column)} FROM "
                f"{quote('borg_learning_modulepage')} WHERE {quote('page_ptr_id')} = "
                f"{quote(table)}.{quote('page_ptr_id')})")
        schema_editor.execute(
            f"INSERT INTO {quote(table + '_themes')} ({quote(model_name + '_id')}, "
            f"{quote('theme_id')}) SELECT {quote('modulepage_id')}, {quote('theme_id')} "
            f"FROM {quote('borg_learning_modulepage_themes')} WHERE {quote('modulepage_id')} "
            f"IN (SELECT {quote('page_ptr_id')} FROM {quote(table)})")


def placeholder_defaults(model_name):
    """Defaults for the two required fields without one, so that unapplying can add them
    back to tables that have rows; the copy back then fills in the real values."""
    return [
        migrations.AlterField(model_name=model_name, name="summary", field=models.TextField(
            default="", help_text="One or two sentences for overviews.",
            verbose_name="summary")),
        migrations.AlterField(
            model_name=model_name, name="target_duration",
            field=models.PositiveSmallIntegerField(default=1, validators=[
                django.core.validators.MinValueValidator(1),
                django.core.validators.MaxValueValidator(600)],
                verbose_name="target duration (minutes)")),
    ]


class ReparentToModulePage(migrations.AlterField):
    """Turns a module type's ``page_ptr`` (renamed ``modulepage_ptr`` before) into the
    parent link to ``ModulePage``, and makes ``ModulePage`` its base in the migration
    state, in one step: a parent link and bases that disagree cannot be rendered."""

    def __init__(self, model_name):
        super().__init__(
            model_name=model_name, name="modulepage_ptr",
            field=models.OneToOneField(
                auto_created=True, on_delete=django.db.models.deletion.CASCADE,
                parent_link=True, primary_key=True, serialize=False,
                to="borg_learning.modulepage"))

    def deconstruct(self):
        return self.__class__.__name__, [], {"model_name": self.model_name}

    def state_forwards(self, app_label, state):
        state.models[app_label, self.model_name_lower].bases = ("borg_learning.modulepage",)
        super().state_forwards(app_label, state)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        # Alter through the model of the state moved to: SQLite rebuilds the table from
        # the model it is given, and only the new one has a parent that matches the link.
        from_model = from_state.apps.get_model(app_label, self.model_name)
        to_model = to_state.apps.get_model(app_label, self.model_name)
        schema_editor.alter_field(to_model, from_model._meta.get_field(self.name),
                                  to_model._meta.get_field(self.name))

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        self.database_forwards(app_label, schema_editor, from_state, to_state)


    def describe(self):
        return f"Make ModulePage the parent of {self.model_name}"


# Wagtail 8 lets a site swap the page model; Wagtail 7 has no such setting.
PAGE_MODEL = getattr(settings, "WAGTAIL_PAGE_MODEL", "wagtailcore.Page")


class Migration(migrations.Migration):

    dependencies = [
        ("borg_learning", "0005_borgbureau_evaluation"),
    ]

    operations = [
        migrations.CreateModel(
            name="ModulePage",
            fields=[
                ("page_ptr", models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=PAGE_MODEL)),
                ("target_duration", models.PositiveSmallIntegerField(help_text="Decided before writing: the time a learner has for this. Publishing fails when the estimate is longer.", validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(600)], verbose_name="target duration (minutes)")),
                ("estimated_duration_seconds", models.PositiveIntegerField(default=0, editable=False, verbose_name="estimated duration (seconds)")),
                ("summary", models.TextField(help_text="One or two sentences for overviews.", verbose_name="summary")),
                ("learning_objectives", wagtail.fields.StreamField([("objective", 0)], blank=True, block_lookup={0: ("wagtail.blocks.CharBlock", (), {"icon": "tick", "label": "Learning objective", "max_length": 300})}, verbose_name="learning objectives")),
                ("audience_roles", borg_learning.content.fields.ChoiceListField(blank=True, default=list, help_text="Who this module is written for.", setting="AUDIENCE_ROLES", verbose_name="roles")),
                ("copyright_holder", models.CharField(default=borg_learning.models.modules.default_copyright_holder, max_length=200, verbose_name="copyright holder")),
                ("last_reviewed", models.DateField(blank=True, null=True, verbose_name="last reviewed")),
                ("review_interval_months", models.PositiveSmallIntegerField(default=borg_learning.models.modules.default_review_interval, validators=[django.core.validators.MinValueValidator(1)], verbose_name="review interval (months)")),
                ("development_group", models.ForeignKey(blank=True, help_text="The expert group that wrote this module; credited on the module.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="modules", to="borg_learning.developmentgroup", verbose_name="development group")),
                ("image", models.ForeignKey(blank=True, help_text="Shown with the module in overviews.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="wagtailimages.image", verbose_name="image")),
                ("questionnaire", models.ForeignKey(blank=True, help_text="Asked at the end of the module. Empty: the default questionnaire.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="borg_learning.questionnaire", verbose_name="evaluation questionnaire")),
                ("themes", modelcluster.fields.ParentalManyToManyField(blank=True, related_name="modules", to="borg_learning.theme", verbose_name="themes")),
            ],
            options={
                "verbose_name": "module",
                "verbose_name_plural": "modules",
            },
            bases=(wagtail_headless_preview.models.HeadlessMixin, "wagtailcore.page", models.Model),
        ),
        migrations.RunPython(copy_into_module_table, copy_back_into_module_types),
        *placeholder_defaults("basicmodulepage"),
        *placeholder_defaults("specialistmodulepage"),
        *[
            migrations.RemoveField(model_name=model_name, name=field)
            for model_name in ("basicmodulepage", "specialistmodulepage")
            for field in SHARED_FIELDS
        ],
        migrations.RenameField("basicmodulepage", "page_ptr", "modulepage_ptr"),
        migrations.RenameField("specialistmodulepage", "page_ptr", "modulepage_ptr"),
        ReparentToModulePage("basicmodulepage"),
        ReparentToModulePage("specialistmodulepage"),
        migrations.AlterField(
            model_name="response",
            name="module",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="borg_learning.modulepage", verbose_name="module"),
        ),
    ]
