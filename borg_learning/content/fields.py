"""A list of slugs chosen from a ``BORG_LEARNING`` choice setting, stored as JSON.

Roles and target groups are configured per site, so they are not rows in a table;
editors tick them as checkboxes and the database keeps the list of slugs.
"""

from django import forms
from django.db import models
from django.utils.text import capfirst

from borg_learning.conf import learning_settings


class ChoiceListField(models.JSONField):
    def __init__(self, *args, setting=None, **kwargs):
        self.setting = setting
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["setting"] = self.setting
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=lambda: learning_settings.choices(self.setting),
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def labels(self, values):
        return [learning_settings.label(self.setting, slug) for slug in values or []]


# Choices for CharFields, read from the settings each time a form is built. Named
# functions, so migrations refer to them instead of copying a site's palette.
def colour_choices():
    return learning_settings.choices("COLOURS")


def icon_choices():
    return learning_settings.choices("ICONS")
