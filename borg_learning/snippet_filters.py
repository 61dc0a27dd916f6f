"""Filters for the admin listings of catalogue offers."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from borg_learning.conf import learning_settings
from borg_learning.models import Offering, OfferingFormat, Provider, Theme


def filter_choice_list(queryset, name, value):
    """Rows whose JSON list of slugs holds ``value`` (works on SQLite and PostgreSQL)."""
    if not value:
        return queryset
    return queryset.filter(**{f"{name}__icontains": f'"{value}"'})


class OfferingFilterSet(WagtailFilterSet):
    provider = django_filters.ModelChoiceFilter(
        queryset=Provider.objects.all(), label=_("Provider")
    )
    themes = django_filters.ModelChoiceFilter(queryset=Theme.objects.all(), label=_("Theme"))
    target_groups = django_filters.ChoiceFilter(
        choices=lambda: learning_settings.choices("TARGET_GROUPS"),
        label=_("Target group"),
        method=lambda queryset, name, value: filter_choice_list(queryset, name, value),
    )
    format = django_filters.ChoiceFilter(choices=OfferingFormat.choices, label=_("Format"))
    active = django_filters.BooleanFilter(label=_("Active"))

    class Meta:
        model = Offering
        fields = ["provider", "themes", "target_groups", "format", "active"]
