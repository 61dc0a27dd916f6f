"""The learning environment's REST endpoints: Wagtail's API v2 viewsets, limited to the
learning environment (``scope.py``) and to what the request may see (``Visibility``).

A site registers them on its own ``WagtailAPIRouter`` (``register_learning_endpoints``),
or includes ``borg_learning.urls``, which mounts them at ``/api/v2/``.
"""

from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from wagtail.api.v2.filters import FieldsFilter, LocaleFilter, SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, Site
from wagtailmedia.api.views import MediaAPIViewSet

from borg_learning.api.rest.filters import (
    BoundedPagination,
    CheckedFieldsFilter,
    CheckedLocaleFilter,
    VisibleSearchFilter,
)
from borg_learning.api.rest.scope import learning_page_models, used_by
from borg_learning.api.rest.serializers import (
    PageURLField,
    VisibleReferenceField,
    http_request,
    request_references,
)
from borg_learning.locales import LocaleError, use_locale
from borg_learning.models import LearningEnvironmentPage, StartButton
from borg_learning.visibility import Visibility

CHECKED_FILTERS = {
    FieldsFilter: CheckedFieldsFilter,
    LocaleFilter: CheckedLocaleFilter,
    SearchFilter: VisibleSearchFilter,
}


def checked(filter_backends):
    """Wagtail's filters of a viewset, each replaced by its checked counterpart."""
    return [CHECKED_FILTERS.get(backend, backend) for backend in filter_backends]


class LearningPageSerializer(PageSerializer):
    """Wagtail's page serializer with a page URL that needs no serve route, and the
    original of an alias only when the request may see it."""

    html_url = PageURLField()
    alias_of = VisibleReferenceField("page", source="alias_of_id")


class LearningEndpoint:
    """What the learning endpoints add to Wagtail's: the learning page types and the
    visibility policy, and a 400 with a message for a parameter they cannot use."""

    pagination_class = BoundedPagination

    def __init_subclass__(cls, **kwargs):
        # Wagtail 7 knows no ``rich_text_format``; it gets the same 400 as on Wagtail 8.
        super().__init_subclass__(**kwargs)
        if hasattr(cls, "known_query_parameters"):  # a viewset, not a mixin
            cls.known_query_parameters = cls.known_query_parameters | {"rich_text_format"}

    def get_serializer_context(self):
        self.resolve_rich_text_format()
        return super().get_serializer_context()

    #: The page types served, and whose files are served; empty: the learning page types.
    page_types: tuple[type[Page], ...] = ()

    @classmethod
    def get_page_types(cls) -> tuple[type[Page], ...]:
        return cls.page_types or learning_page_models()

    def visibility(self) -> Visibility:
        return Visibility.of(http_request(self.request))

    def search_base(self, model):
        """What the search backend looks in; the hits are then narrowed to the endpoint's
        queryset (``VisibleSearchFilter``)."""
        return model.objects.all()

    def find_object(self, queryset, request):
        pk = request.GET.get("id")
        if pk is not None and not (pk.isascii() and pk.isdigit()):
            raise BadRequestError("id must be a positive integer")
        return super().find_object(queryset, request)

    def resolve_rich_text_format(self):
        """Rich text is HTML with links resolved; the stored formats would name pages and
        documents the request may not see."""
        requested = self.request.GET.get("rich_text_format", "html")
        if requested != "html":
            raise BadRequestError(
                f"rich_text_format '{requested}' is not offered: rich text comes as HTML "
                "with its links resolved"
            )
        return requested


class LearningPagesAPIViewSet(LearningEndpoint, PagesAPIViewSet):
    """Pages of the learning page types on the request's site that the request may see:
    live, unexpired and not restricted for its user."""

    base_serializer_class = LearningPageSerializer
    filter_backends = checked(PagesAPIViewSet.filter_backends)

    def get_base_queryset(self):
        self.read_in_locale()
        try:
            pages = super().get_base_queryset()
        except (Http404, Site.DoesNotExist):  # Wagtail 8 says 404, Wagtail 7 fails
            raise BadRequestError(
                f"site '{self.request.GET.get('site')}' is not a site of this server"
            ) from None
        return self.visibility().pages(pages.type(*self.get_page_types()))

    def search_base(self, model):
        return model.objects.live().type(*self.get_page_types())

    def read_in_locale(self):
        """``?locale=fr`` reads the French tree: the site's root page's translation, as
        GraphQL's ``locale`` argument does (``borg_learning.locales``)."""
        code = self.request.GET.get("locale")
        try:
            use_locale(http_request(self.request), code)
        except LocaleError:
            raise BadRequestError(f"locale '{code}' is not a language of this site") from None

    def detail_view(self, request, pk):
        self.announce_references([self.get_object()])
        return super().detail_view(request, pk)

    def paginate_queryset(self, queryset):
        return self.announce_references(list(super().paginate_queryset(queryset)))

    def announce_references(self, pages):
        """Tell the request's references what these pages show, so each kind loads in
        one query however many links there are; start buttons come with their themes."""
        starts = [page for page in pages if isinstance(page, LearningEnvironmentPage)]
        buttons = StartButton.objects.select_related("target_theme")
        prefetch_related_objects(starts, Prefetch("buttons", queryset=buttons))
        references = request_references({"request": self.request})
        references.want_pages(pages)
        for page in starts:
            for button in page.buttons.all():
                references.want("page", button.target_page_id)
        return pages


class LearningFilesEndpoint(LearningEndpoint):
    """Images, documents or media files that a learning page the request may see uses,
    outside the collections it may not see."""

    def get_queryset(self):
        pages = self.visibility().pages(Page.objects.type(*self.get_page_types()))
        return self.visibility().files(used_by(super().get_queryset(), pages))


class LearningImagesAPIViewSet(LearningFilesEndpoint, ImagesAPIViewSet):
    filter_backends = checked(ImagesAPIViewSet.filter_backends)


class LearningDocumentsAPIViewSet(LearningFilesEndpoint, DocumentsAPIViewSet):
    filter_backends = checked(DocumentsAPIViewSet.filter_backends)


class LearningMediaAPIViewSet(LearningFilesEndpoint, MediaAPIViewSet):
    filter_backends = checked(MediaAPIViewSet.filter_backends)


LEARNING_ENDPOINTS = {
    "pages": LearningPagesAPIViewSet,
    "images": LearningImagesAPIViewSet,
    "documents": LearningDocumentsAPIViewSet,
    "media": LearningMediaAPIViewSet,
}


def register_learning_endpoints(router: WagtailAPIRouter, prefix: str = "") -> None:
    """Register the four endpoints on a site's router, as ``pages``, ``images``,
    ``documents`` and ``media`` after ``prefix`` (e.g. ``"learning-"``)."""
    for name, viewset in LEARNING_ENDPOINTS.items():
        router.register_endpoint(prefix + name, viewset)
