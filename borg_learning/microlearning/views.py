"""The admin view behind the live length panel (``panels.LengthPanel``)."""

from django.http import Http404

from borg_learning.content.estimate_view import DurationEstimateView
from borg_learning.microlearning.panels import TEMPLATE, length_context


class LengthEstimateView(DurationEstimateView):
    """The core's estimate view, answering with the length panel."""

    template_name = TEMPLATE

    def post(self, request, app_label, model_name):
        from borg_learning.microlearning.models import MicrolessonPage

        if (app_label, model_name) != (
            MicrolessonPage._meta.app_label,
            MicrolessonPage._meta.model_name,
        ):
            raise Http404(model_name)
        return super().post(request, app_label, model_name)

    def panel_context(self, page, estimate, body):
        return length_context(estimate, self.length(), body)

    def length(self):
        try:
            value = int(self.request.POST.get("length", ""))
        except ValueError:
            return None
        return value if value > 0 else None
