"""Snippets a multilingual site translates: themes, providers, offers, questionnaires.

They follow Wagtail's i18n (``TranslatableMixin``): each row has a locale and a
translation key shared with its translations, so wagtail-localize and the admin's
"Translate" action work on them. What must be unique (a theme's slug, a provider's
name) is unique within a locale, so a translation may keep its original's slug.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, TranslatableMixin


class TranslatableSnippet(TranslatableMixin):
    """A ``TranslatableMixin`` whose ``unique_in_locale`` fields are checked in ``clean``,
    with a message, since the form leaves the locale out of Django's own check."""

    unique_in_locale: tuple[str, ...] = ()

    class Meta(TranslatableMixin.Meta):
        abstract = True

    def clean(self):
        super().clean()
        locale_id = self.locale_id or Locale.get_default().pk
        siblings = type(self)._default_manager.filter(locale_id=locale_id).exclude(pk=self.pk)
        errors = {}
        for name in self.unique_in_locale:
            value = getattr(self, name)
            if value and siblings.filter(**{name: value}).exists():
                field = self._meta.get_field(name)
                errors[name] = _("There already is a %(model)s with this %(field)s.") % {
                    "model": self._meta.verbose_name,
                    "field": capfirst(field.verbose_name).lower(),
                }
        if errors:
            raise ValidationError(errors)


def translating() -> bool:
    """Whether the site translates its content (Wagtail's ``WAGTAIL_I18N_ENABLED``). A
    site that does not has every row in one locale, read as it is."""
    return getattr(settings, "WAGTAIL_I18N_ENABLED", False)


def translation_in(instance, locale_id, queryset=None):
    """``instance``'s translation in the locale ``locale_id``, or ``instance`` itself when
    it has none there (or the site does not translate): a French module that refers to
    a Dutch questionnaire asks the French one. ``queryset``: where to look (with its
    prefetches), default the model's rows."""
    if instance is None or not translating() or instance.locale_id == locale_id:
        return instance
    queryset = type(instance)._default_manager.all() if queryset is None else queryset
    found = queryset.filter(translation_key=instance.translation_key, locale_id=locale_id)
    return found.first() or instance
