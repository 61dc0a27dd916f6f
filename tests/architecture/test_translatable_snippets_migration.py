"""Migrations 0012 and 0013 make the snippets a site translates translatable: rows made
before them get the site's default locale and a translation key of their own."""

import pytest

from borg_learning import models
from tests.architecture.test_module_table_migration import migrate

BEFORE = [("borg_learning", "0011_vocabulary_of_the_site")]


# As the module table's migration test: serialized_rollback restores the database after.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_snippets_made_before_keep_their_fields_and_get_the_default_locale():
    old = migrate(BEFORE)
    try:
        theme_model = old.get_model("borg_learning", "Theme")
        for name in ("SGG", "Agressie"):
            theme_model.objects.create(name=name, slug=name.lower(), colour="purple", icon="shield")
        provider = old.get_model("borg_learning", "Provider").objects.create(name="Academie")
        old.get_model("borg_learning", "Offering").objects.create(
            title="Training", provider=provider, summary="Over de training."
        )
        old.get_model("borg_learning", "Questionnaire").objects.create(
            title="Evaluatie", slug="evaluatie"
        )
    finally:
        migrate(None)

    themes = list(models.Theme.objects.order_by("name"))
    rows = [*themes, *models.Provider.objects.all(), *models.Offering.objects.all()]
    rows += list(models.Questionnaire.objects.all())
    assert [(theme.name, theme.slug) for theme in themes] == [
        ("Agressie", "agressie"),
        ("SGG", "sgg"),
    ]
    assert {row.locale.language_code for row in rows} == {"nl"}
    assert len({row.translation_key for row in rows}) == len(rows) == 5
    assert models.Offering.objects.get().provider.name == "Academie"
