"""The admin view behind the live duration panel (``content.panels.DurationPanel``)."""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.views import View
from wagtail.models import Page

from borg_learning.content.duration import DurationEstimate
from borg_learning.content.panels import TEMPLATE, panel_context
from borg_learning.models.modules import TimedPage


class DurationEstimateView(View):
    """POST the page form as it is: the duration panel for that content, as HTML.

    Nothing is saved. The body is read from the form data the way the StreamField's own
    form field reads it, without its validation (a block being typed may be incomplete),
    so the estimate follows every word, block and chosen file. A page type with a panel
    of its own (a microlesson's length in seconds) subclasses it with its own
    ``template_name`` and ``panel_context()``.
    """

    template_name = TEMPLATE

    def post(self, request, app_label, model_name):
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
        context = self.panel_context(page, estimate, body)
        return HttpResponse(render_to_string(self.template_name, context, request=request))

    def panel_context(self, page, estimate, body):
        return panel_context(page, estimate, self.target(self.request), body)

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
