"""The LMS links in the admin ("LMS-koppelingen"): the platforms an administrator registers,
with this tool's addresses to copy and the institution's LRS, the scores on their way to
the LMSs and the xAPI statements on their way to the LRSs (failed ones sent again with a
bulk action); and the tool's URLs on the site."""

from django import forms
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from borg_learning.lms.bulk_actions import SendAgainBulkAction
from borg_learning.lms.forms import PlatformForm
from borg_learning.lms.models import Platform, Score, Statement
from borg_learning.lms.packages import admin_hooks  # noqa: F401  (the package export's hooks)
from borg_learning.lms.panels import ToolUrlsPanel
from borg_learning.permission_policies import RefusedActionsMixin


class PlatformViewSet(SnippetViewSet):
    model = Platform
    icon = "link"
    menu_label = _("Platforms")
    menu_name = "lms_platforms"
    list_display = ["name", "issuer", "client_id", BooleanColumn("active", label=_("Active"))]
    list_filter = ["active"]
    search_fields = ["name", "issuer"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            ToolUrlsPanel(),
            FieldPanel("name"),
            MultiFieldPanel(
                [
                    FieldPanel("issuer"),
                    FieldPanel("client_id"),
                    FieldPanel("deployment_ids"),
                    FieldPanel("keyset_url"),
                    FieldPanel("auth_login_url"),
                    FieldPanel("access_token_url"),
                ],
                heading=_("What the LMS shows for this tool"),
            ),
            FieldPanel("active"),
            MultiFieldPanel(
                [
                    FieldPanel("xapi_enabled"),
                    FieldPanel("lrs_endpoint"),
                    FieldPanel("lrs_key"),
                    FieldPanel(
                        "lrs_secret",
                        widget=forms.PasswordInput(render_value=False),
                        help_text=_(
                            "The password (secret) of the LRS's basic authentication. It is "
                            "not shown again: leave it empty to keep the stored one."
                        ),
                    ),
                ],
                heading=_("xAPI: the institution's learning record store (LRS)"),
            ),
        ],
        base_form_class=PlatformForm,
    )


def outbox_columns(*before, after=()):
    """The columns of an outbox's list: what a row is (``before``), how its sending goes."""
    return [
        *before,
        Column("status", label=_("Status"), accessor="get_status_display"),
        "attempts",
        Column("last_error", label=_("Last error")),
        DateColumn("created_at", label=_("Created at")),
        *after,
    ]


def outbox_edit_handler(status_help, *panels):
    """An outbox row's screen: its status to change, the rest to read."""
    return ObjectList(
        [
            FieldPanel("status", help_text=status_help),
            *panels,
            *[
                FieldPanel(name, read_only=True)
                for name in ("payload", "attempts", "last_error", "next_attempt_at", "sent_at")
            ],
        ],
    )


class ScoreViewSet(RefusedActionsMixin, SnippetViewSet):
    model = Score
    refused_actions = ("add",)  # made by a completion, for its launch
    icon = "tasks"
    menu_label = _("Scores")
    menu_name = "lms_scores"
    list_display = outbox_columns(
        Column("launch", label=_("Launch")), after=[DateColumn("sent_at", label=_("Sent at"))]
    )
    list_filter = ["status"]
    search_backend_name = None

    def get_queryset(self, request):
        # The launch column names the platform: one join instead of a query per row.
        return Score.objects.select_related("launch__link__platform")

    edit_handler = outbox_edit_handler(
        _(
            "Set a failed score back to 'Waiting to be sent' to send it once more "
            "(send_lms_scores sends it on its next run)."
        )
    )


class StatementViewSet(RefusedActionsMixin, SnippetViewSet):
    model = Statement
    refused_actions = ("add",)  # made by what a learner does
    icon = "history"
    menu_label = _("xAPI statements")
    menu_name = "lms_statements"
    list_display = outbox_columns(
        Column("verb", label=_("Verb")),
        Column("activity", label=_("Activity"), accessor="activity_name"),
        Column("link", label=_("Learner from an LMS")),
        after=[DateColumn("next_attempt_at", label=_("Next attempt"))],
    )
    list_filter = ["status", "verb"]
    search_backend_name = None

    def get_queryset(self, request):
        # The learner column names the platform: one join instead of a query per row.
        return Statement.objects.select_related("link__platform")

    edit_handler = outbox_edit_handler(
        _(
            "Failed: the LRS did not take the statement after the last attempt. Send it "
            "again with the list's action (or set it back to 'Waiting to be sent' here); "
            "send_xapi_statements sends it on its next run."
        ),
        FieldPanel("statement_id", read_only=True),
    )


class LmsViewSetGroup(SnippetViewSetGroup):
    items = (PlatformViewSet, ScoreViewSet, StatementViewSet)
    menu_icon = "link"
    menu_label = _("LMS links")
    menu_name = "lms"
    menu_order = 260
    #: Other parts of the LMS link add their screens to this menu with this hook.
    submenu_hook = "register_lms_menu_item"


register_snippet(LmsViewSetGroup)
hooks.register("register_bulk_action", SendAgainBulkAction)


@hooks.register("register_learning_urls")
def lms_urls():
    return [path("learning/lti/", include("borg_learning.lms.urls"))]
