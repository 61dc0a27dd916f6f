from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .filters import OfferingFilterSet
from .models import DevelopmentGroup, Offering, Provider, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "colour", "icon"]
    search_fields = ["name", "description"]
    ordering = ["sort_order", "name"]


class DevelopmentGroupViewSet(SnippetViewSet):
    model = DevelopmentGroup
    icon = "group"
    list_display = ["name"]
    search_fields = ["name", "description"]


class ProviderViewSet(SnippetViewSet):
    model = Provider
    icon = "site"
    list_display = ["name", "access", "is_borg_institution"]
    list_filter = ["access", "is_borg_institution"]
    search_fields = ["name", "description"]


class OfferingViewSet(SnippetViewSet):
    model = Offering
    icon = "list-ul"
    list_display = ["title", "provider", "format", "active", "last_checked"]
    filterset_class = OfferingFilterSet
    search_fields = ["title", "summary"]


class LearningViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Learning environment")
    menu_icon = "clipboard-list"
    menu_order = 250
    items = (ThemeViewSet, DevelopmentGroupViewSet, ProviderViewSet, OfferingViewSet)


register_snippet(LearningViewSetGroup)
