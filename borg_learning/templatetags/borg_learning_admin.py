"""Template filters of the app's admin panels."""

from django import template

register = template.Library()


@register.filter
def title_of(form, field_name):
    """The current value of ``field_name`` in ``form`` (as typed, or as saved), or ''."""
    if not field_name or field_name not in getattr(form, "fields", {}):
        return ""
    return str(form[field_name].value() or "").strip()
