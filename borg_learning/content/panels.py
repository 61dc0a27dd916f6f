"""An edit-view panel that shows the duration estimate next to the target, and follows the
editor's typing: the admin JS (``static/borg_learning/admin/duration.js``) sends the form
to ``DurationEstimateView`` whenever it changes, which estimates the content as it is in
the form with the one rule of ``content.duration`` and answers with the panel again."""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.panels import Panel
from wagtail.models import Page

from borg_learning.content.duration import DurationEstimate
from borg_learning.content.forms import media_without_duration

TEMPLATE = "borg_learning/panels/duration_panel.html"


def panel_context(instance, estimate, target, body=None):
    return {
        "estimate": estimate,
        "target": target,
        "fits": target is None or estimate.total_seconds <= target * 60,
        "unknown": [media.title for _index, _name, media in media_without_duration(body)],
    }


class DurationPanel(Panel):
    """Shows the estimate of the content and what it is made of, live."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Estimated duration"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return "duration_estimate"

    class BoundPanel(Panel.BoundPanel):
        template_name = TEMPLATE

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            body = getattr(self.instance, "body", None)
            context.update(
                panel_context(
                    self.instance,
                    self.instance.estimate_duration(),
                    self.instance.target_duration,
                    body,
                )
            )
            opts = type(self.instance)._meta
            context["estimate_url"] = reverse(
                "borg_learning_duration_estimate", args=[opts.app_label, opts.model_name]
            )
            context["page_id"] = self.instance.pk or ""
            context["live"] = True
            return context


class DurationEstimateView(View):
    """POST the page form as it is: the duration panel for that content, as HTML.

    Nothing is saved. The body is read from the form data the way the StreamField's own
    form field reads it, without its validation (a block being typed may be incomplete),
    so the estimate follows every word, block and chosen file.
    """

    def post(self, request, app_label, model_name):
        from borg_learning.models.modules import TimedPage

        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            raise Http404(model_name) from None
        if not issubclass(model, TimedPage):
            raise Http404(model_name)
        page_id = request.POST.get("borg_page_id")
        if page_id:
            page = get_object_or_404(Page, pk=page_id).specific
            if (
                not isinstance(page, model)
                or not page.permissions_for_user(request.user).can_edit()
            ):
                raise PermissionDenied
        else:
            page = model()
        body = self.body_of(model, request)
        if body is not None or page.pk:
            estimate = (
                page.estimate_duration(body) if body is not None else page.estimate_duration()
            )
        else:
            estimate = DurationEstimate()
        context = panel_context(page, estimate, self.target(request), body)
        return HttpResponse(render_to_string(TEMPLATE, context, request=request))

    @staticmethod
    def body_of(model, request):
        try:
            field = model._meta.get_field("body")
        except Exception:
            return None
        widget = field.formfield().widget
        try:
            return widget.value_from_datadict(request.POST, request.FILES, "body")
        except (ValueError, TypeError, KeyError):
            return None

    @staticmethod
    def target(request):
        try:
            value = int(request.POST.get("target_duration", ""))
        except ValueError:
            return None
        return value if value > 0 else None
