"""Migration 0006 carries modules made before it into the one module table."""

import datetime
import json

import pytest
from django.apps import apps as django_apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from borg_learning import models

BEFORE = [("borg_learning", "0005_borgbureau_evaluation")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor.loader.project_state(targets).apps if targets else None


def make_page(apps, model_name, path, **fields):
    app_label = "wagtailcore" if model_name == "page" else "borg_learning"
    model = apps.get_model(app_label, model_name)
    content_type, _ = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label=app_label, model=model_name
    )
    locale, _ = apps.get_model("wagtailcore", "Locale").objects.get_or_create(language_code="nl")
    slug = fields.pop("slug")
    return model.objects.create(
        path=path,
        depth=len(path) // 4,
        numchild=0,
        slug=slug,
        url_path=f"/{slug}/",
        draft_title=fields["title"],
        live=True,
        content_type=content_type,
        locale=locale,
        **fields,
    )


# serialized_rollback: the database is emptied afterwards without recreating content types,
# so a later test that restores the serialized database (the load tests) finds no clash.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_modules_made_before_the_module_table_keep_their_metadata_themes_and_drafts():
    old = migrate(BEFORE)
    try:
        theme = old.get_model("borg_learning", "Theme").objects.create(
            name="SGG", slug="sgg", colour="purple", icon="shield"
        )
        group = old.get_model("borg_learning", "DevelopmentGroup").objects.create(
            name="Ontwikkelgroep SGG"
        )
        make_page(old, "page", "0099", title="Leeromgeving", slug="leeromgeving")
        basic = make_page(
            old,
            "basicmodulepage",
            "00990001",
            title="Basis",
            slug="basis",
            target_duration=5,
            estimated_duration_seconds=250,
            summary="Vijf minuten.",
            audience_roles=["support-worker"],
            copyright_holder="De Borg",
            last_reviewed=datetime.date(2025, 1, 31),
            review_interval_months=6,
            development_group=group,
            learning_objectives=json.dumps(
                [{"type": "objective", "value": "Herkennen", "id": "a1"}]
            ),
            body=json.dumps([{"type": "text", "value": {"text": "<p>Tekst</p>"}, "id": "b1"}]),
        )
        basic.themes.through.objects.create(basicmodulepage_id=basic.pk, theme_id=theme.pk)
        specialist = make_page(
            old,
            "specialistmodulepage",
            "00990002",
            title="SGG",
            slug="sgg",
            target_duration=15,
            summary="Over SGG.",
            icon="shield",
            explanation="<p>Uitleg</p>",
        )
        specialist.themes.through.objects.create(
            specialistmodulepage_id=specialist.pk, theme_id=theme.pk
        )
        revision_content = {
            "pk": basic.pk,
            "title": "Basis (concept)",
            "slug": "basis",
            "summary": "Nieuwe samenvatting.",
            "target_duration": 5,
            "content_type": basic.content_type_id,
            "path": "00990001",
            "depth": 2,
            "page_ptr": basic.pk,
            "live": True,
            "body": "[]",
            "themes": [theme.pk],
        }
        content_type = old.get_model("contenttypes", "ContentType").objects.get(
            app_label="borg_learning", model="basicmodulepage"
        )
        page_type = old.get_model("contenttypes", "ContentType").objects.get(
            app_label="wagtailcore", model="page"
        )
        revision = old.get_model("wagtailcore", "Revision").objects.create(
            content_type=content_type,
            base_content_type=page_type,
            object_id=str(basic.pk),
            object_str="Basis (concept)",
            content=revision_content,
            created_at=datetime.datetime.now(datetime.UTC),
        )
        old.get_model("wagtailcore", "Page").objects.filter(pk=basic.pk).update(
            latest_revision=revision, has_unpublished_changes=True
        )
        old.get_model("borg_learning", "Response").objects.create(
            submission_id="6f1d8c3e-0d7a-4d7e-9a53-2b1f3c1a9e01",
            digest="x",
            questionnaire_title="Evaluatie",
            module_id=basic.pk,
            module_title="Basis",
            submitted_at=datetime.datetime.now(datetime.UTC),
        )
    finally:
        migrate(None)
        # The historical models' content types out of the cache, the current ones in it,
        # as any other test leaves it: a later test that restores the serialized database
        # (serialized_rollback) saves objects whose signal handlers look content types up,
        # and with an empty cache they would be made anew, before the restored rows clash.
        ContentType.objects.clear_cache()
        ContentType.objects.get_for_models(*django_apps.get_models())

    module = models.ModulePage.objects.get(pk=basic.pk)
    assert module.specific_class is models.BasicModulePage
    assert (module.summary, module.target_duration, module.estimated_duration_seconds) == (
        "Vijf minuten.",
        5,
        250,
    )
    assert module.audience_roles == ["support-worker"]
    assert module.development_group.name == "Ontwikkelgroep SGG"
    assert module.review_due_date == datetime.date(2025, 7, 31)
    assert [block.value for block in module.learning_objectives] == ["Herkennen"]
    assert [theme.slug for theme in module.themes.all()] == ["sgg"]

    basic_page = models.BasicModulePage.objects.get(pk=basic.pk)
    assert basic_page.body.raw_data[0]["value"]["text"] == "<p>Tekst</p>"
    assert basic_page.summary == "Vijf minuten."
    specialist_page = models.SpecialistModulePage.objects.get(pk=specialist.pk)
    assert (specialist_page.icon, specialist_page.target_duration) == ("shield", 15)

    assert sorted(
        models.Theme.objects.get(slug="sgg").modules.values_list("pk", flat=True)
    ) == sorted([basic.pk, specialist.pk])
    assert models.Response.objects.get().module.specific == basic_page

    draft = basic_page.get_latest_revision_as_object()
    assert (draft.title, draft.summary) == ("Basis (concept)", "Nieuwe samenvatting.")
