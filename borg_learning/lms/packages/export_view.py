"""The admin screen "Export as a package" (LMS links → Export a package): the editor picks
a published module or learning route and a format and downloads the zip.

Opened from a page's "more" menu it has that page chosen. What cannot be exported (a
draft, a page behind a view restriction, one that is not there) is said in the editor's
language, and no zip is made.
"""

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from borg_learning.lms import targets
from borg_learning.lms.models import TargetKind
from borg_learning.lms.packages import exporting


class ExportForm(forms.Form):
    target = forms.CharField(
        label=gettext_lazy("Module or learning route"),
        widget=forms.Select,
        help_text=gettext_lazy("Only what is published and public can be exported."),
    )
    format = forms.ChoiceField(
        label=gettext_lazy("Package format"),
        choices=[
            ("scorm12", gettext_lazy("SCORM 1.2 (for most learning systems)")),
            ("cmi5", gettext_lazy("cmi5 (for a learning system with its own LRS)")),
        ],
        initial="scorm12",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].widget.choices = [("", "---------"), *choices]


def choice_of(target: targets.Target) -> tuple[str, str]:
    if target.kind == TargetKind.ROUTE:
        return target.key, _("%(title)s (learning route)") % {"title": target.title}
    return target.key, target.title


class PackageExportView(WagtailAdminTemplateMixin, FormView):
    form_class = ExportForm
    template_name = "borg_learning_lms/packages/export.html"
    page_title = gettext_lazy("Export a package")
    header_icon = "download"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def chosen(self):
        """The target the page's "more" menu chose (``?target=page:12``), if any."""
        return self.request.GET.get("target", "")

    def get_initial(self):
        return {**super().get_initial(), "target": self.chosen()}

    def get_form_kwargs(self):
        found = [choice_of(target) for target in targets.selectable(self.request)]
        chosen = targets.by_key(self.request, self.chosen()) if self.chosen() else None
        if chosen is not None and chosen.key not in dict(found):  # a specialist module's part
            found.insert(0, choice_of(chosen))
        return {**super().get_form_kwargs(), "choices": found}

    def get(self, request, *args, **kwargs):
        if self.chosen():
            try:
                exporting.exportable(request, self.chosen())
            except exporting.ExportRefused as refused:
                messages.error(request, refused.message)
        return super().get(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            package = exporting.build(
                self.request, form.cleaned_data["target"], form.cleaned_data["format"]
            )
        except exporting.ExportRefused as refused:
            form.add_error("target", refused.message)
            return self.form_invalid(form)
        response = HttpResponse(package.content, content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="{package.filename}"'
        return response
