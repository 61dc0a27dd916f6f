"""A site administrator can give any group the reports: the group editor offers the
permission each report checks."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

pytestmark = pytest.mark.django_db

REPORT_PERMISSIONS = [
    "borg_learning.view_response",
    "borg_learning.view_pagevisitday",
    "borg_learning_learners.view_completion",
    "borg_learning_certificates.view_certificate",
    "borg_learning_gamification.view_pointsaward",
]


def offered_permissions(html):
    """The permission ids the group editor has a checkbox for."""
    return {
        int(value) for value in re.findall(r'<input[^>]*name="permissions"[^>]*value="(\d+)"', html)
    }


@pytest.mark.parametrize("permission", REPORT_PERMISSIONS)
def test_the_group_editor_offers_the_report_permission(editor, permission):
    app_label, codename = permission.split(".")
    pk = Permission.objects.get(content_type__app_label=app_label, codename=codename).pk
    html = editor.get(reverse("wagtailusers_groups:add")).content.decode()
    assert pk in offered_permissions(html)
