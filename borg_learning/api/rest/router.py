"""Wagtail's REST API v2 endpoints, narrowed by the visibility policy that GraphQL uses.

Wagtail already leaves out drafts, restricted pages and private collections; the policy
also leaves out expired pages and private media files, so REST shows exactly what
GraphQL shows.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtailmedia.api.views import MediaAPIViewSet

from borg_learning.visibility import Visibility


class LearningPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        return Visibility.of(self.request).pages(super().get_base_queryset())


class LearningImagesAPIViewSet(ImagesAPIViewSet):
    def get_queryset(self):
        return Visibility.of(self.request).images(super().get_queryset())


class LearningDocumentsAPIViewSet(DocumentsAPIViewSet):
    def get_queryset(self):
        return Visibility.of(self.request).documents(super().get_queryset())


class LearningMediaAPIViewSet(MediaAPIViewSet):
    def get_queryset(self):
        return Visibility.of(self.request).media(super().get_queryset())


api_router = WagtailAPIRouter("borg_learning_api")
api_router.register_endpoint("pages", LearningPagesAPIViewSet)
api_router.register_endpoint("images", LearningImagesAPIViewSet)
api_router.register_endpoint("documents", LearningDocumentsAPIViewSet)
api_router.register_endpoint("media", LearningMediaAPIViewSet)
