"""The admin's "send again" action on the outboxes' lists: failed rows (dead letters)
back in the queue, due now, with their attempts counted from zero."""

from django.contrib.auth import get_permission_codename
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from borg_learning.lms import outbox
from borg_learning.lms.models import Score, Statement


class SendAgainBulkAction(SnippetBulkAction):
    display_name = _("Send again")
    action_type = "send_again"
    aria_label = _("Send the selected failed items again")
    template_name = "borg_learning_lms/bulk_actions/confirm_send_again.html"
    action_priority = 10
    models = [Statement, Score]

    def check_perm(self, obj):
        opts = obj._meta
        return self.request.user.has_perm(
            f"{opts.app_label}.{get_permission_codename('change', opts)}"
        )

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        model = kwargs["self"].model
        return outbox.send_again(model.objects.filter(pk__in=[obj.pk for obj in objects])), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d failed item will be sent again.",
            "%(count)d failed items will be sent again.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
