"""A module's review is due its review interval after its last review, or, when it was
never reviewed, after its first publication: a module published today is not due now."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from borg_learning.models import BasicModulePage
from borg_learning.reports.review import due_for_review
from tests import factories
from tests.helpers.admin_forms import add_url, module_data

pytestmark = pytest.mark.django_db

REPORT_URL = reverse("borg_learning_reports:review_due")


def test_a_module_just_published_is_not_due_for_review(editor, environment):
    data = module_data("Net gepubliceerd", publish=True, review_interval_months="12")
    assert editor.post(add_url(BasicModulePage, environment), data).status_code == 302
    module = BasicModulePage.objects.get(title="Net gepubliceerd")

    today = timezone.localdate()
    assert module.last_reviewed is None
    assert module.review_due_date == today.replace(year=today.year + 1)
    assert not module.is_review_due()
    assert list(editor.get(REPORT_URL).context["object_list"]) == []


def test_a_module_never_reviewed_is_due_its_interval_after_first_publication(environment):
    module = factories.basic_module(environment, review_interval_months=6)
    first = timezone.make_aware(datetime.datetime(2025, 8, 31, 23, 30))  # 31 August, local
    BasicModulePage.objects.filter(pk=module.pk).update(first_published_at=first)
    module.refresh_from_db()

    assert module.review_due_date == datetime.date(2026, 2, 28)
    pages = Page.objects.all()
    assert not due_for_review(pages, today=datetime.date(2026, 2, 27)).exists()
    (page,) = due_for_review(pages, today=datetime.date(2026, 2, 28))
    assert page.review_due_date == datetime.date(2026, 2, 28)


def test_a_draft_never_published_nor_reviewed_is_not_due(environment):
    factories.basic_module(environment, publish=False)
    assert not due_for_review(Page.objects.all(), today=datetime.date(2100, 1, 1)).exists()


def test_the_field_explains_where_the_interval_counts_from(editor, environment):
    html = editor.get(add_url(BasicModulePage, environment)).content.decode()
    assert "Leeg: de herzieningstermijn telt vanaf de eerste publicatie van de module." in html
