"""The page form of a microlesson: drafts always save; publishing checks the format and
the length, with every problem in one round."""

from borg_learning.content.forms import TimedPageForm
from borg_learning.microlearning.formats import format_error


class MicrolessonPageForm(TimedPageForm):
    def clean(self):
        # The modules' checks first: media whose duration is unknown. Without a target
        # in minutes they check no budget; the length is checked here.
        cleaned_data = super().clean()
        if not self.is_publishing() or "body" in self.errors:
            return cleaned_data
        body = cleaned_data.get("body")
        format = cleaned_data.get("format")
        if format and "format" not in self.errors:
            error = format_error(format, body)
            if error is not None:
                self.add_error("body", error)
        length = cleaned_data.get("length")
        if length and "length" not in self.errors:
            for field, message in self.instance.over_budget_errors(body, length, None):
                self.add_error(field, message)
        return cleaned_data
