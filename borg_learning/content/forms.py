"""The page form that refuses to publish a module that does not fit in its time."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm


def over_budget_message(estimate, target_minutes, what):
    return _(
        "%(what)s takes about %(minutes)s minutes, longer than its target duration of "
        "%(target)s minutes, so it cannot be published. Shorten the content or change the "
        "target. Breakdown: %(breakdown)s."
    ) % {
        "what": what,
        "minutes": estimate.total_minutes,
        "target": target_minutes,
        "breakdown": estimate.breakdown(),
    }


class TimedPageForm(WagtailAdminPageForm):
    """Saving a draft always works; publishing checks the estimate against the target."""

    def is_publishing(self):
        return "action-publish" in self.data

    def clean(self):
        cleaned_data = super().clean()
        target = cleaned_data.get("target_duration")
        if self.is_publishing() and target and not self.errors:
            for field, message in self.instance.over_budget_errors(
                cleaned_data.get("body"), target, self.parent_page
            ):
                self.add_error(field, message)
        return cleaned_data
