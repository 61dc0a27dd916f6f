"""The LMS links in the admin ("LMS-koppelingen"): the platforms an administrator registers,
with this tool's addresses to copy, and the scores on their way to the LMSs; and the
tool's URLs on the site."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from borg_learning.lms.models import Platform, Score
from borg_learning.lms.packages import admin_hooks  # noqa: F401  (the package export's hooks)
from borg_learning.lms.panels import ToolUrlsPanel


class PlatformViewSet(SnippetViewSet):
    model = Platform
    icon = "link"
    menu_label = _("Platforms")
    menu_name = "lms_platforms"
    list_display = ["name", "issuer", "client_id", BooleanColumn("active", label=_("Active"))]
    list_filter = ["active"]
    search_fields = ["name", "issuer"]
    search_backend_name = None
    panels = [
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
    ]


class ScoreViewSet(SnippetViewSet):
    model = Score
    icon = "tasks"
    menu_label = _("Scores")
    menu_name = "lms_scores"
    list_display = [
        Column("launch", label=_("Launch")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        "attempts",
        Column("last_error", label=_("Last error")),
        DateColumn("created_at", label=_("Created at")),
        DateColumn("sent_at", label=_("Sent at")),
    ]
    list_filter = ["status"]
    search_backend_name = None
    panels = [
        FieldPanel(
            "status",
            help_text=_(
                "Set a failed score back to 'Waiting to be sent' to send it once more "
                "(send_lms_scores sends it on its next run)."
            ),
        ),
        FieldPanel("payload", read_only=True),
        FieldPanel("attempts", read_only=True),
        FieldPanel("last_error", read_only=True),
        FieldPanel("next_attempt_at", read_only=True),
        FieldPanel("sent_at", read_only=True),
    ]


class LmsViewSetGroup(SnippetViewSetGroup):
    items = (PlatformViewSet, ScoreViewSet)
    menu_icon = "link"
    menu_label = _("LMS links")
    menu_name = "lms"
    menu_order = 260
    #: Other parts of the LMS link add their screens to this menu with this hook.
    submenu_hook = "register_lms_menu_item"


register_snippet(LmsViewSetGroup)


@hooks.register("register_learning_urls")
def lms_urls():
    return [path("learning/lti/", include("borg_learning.lms.urls"))]
