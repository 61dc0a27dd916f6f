"""The permissions that open the reports, offered in the admin's group editor.

A report is gated on a model's view permission (answers to questionnaires, visit counts,
completions, ...). Wagtail's group editor shows only the permissions an app registers,
so without this a site administrator could give a report to no group but the one the
migrations set up.
"""

from django.contrib.auth.models import Permission
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy


def register_report_permission(permission: str) -> str:
    """Offer ``permission`` ("app_label.codename") in the group editor; call it from a
    ``wagtail_hooks`` module. Returns the permission, for the report's menu item."""
    app_label, codename = permission.split(".")

    @hooks.register("register_permissions")
    def report_permission():
        return Permission.objects.filter(content_type__app_label=app_label, codename=codename)

    return permission


class ModelPermissionRequired:
    """A report view readable with its ``permission_required`` on its ``model``. Wagtail 8
    derives that policy from ``model`` itself; Wagtail 7 checks nothing unless a view
    names one."""

    @cached_property
    def permission_policy(self):
        return ModelPermissionPolicy(self.model)
