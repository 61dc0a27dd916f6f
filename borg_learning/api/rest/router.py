"""The router ``borg_learning.urls`` mounts at ``/api/v2/``, for a site without a
router of its own. A site with one registers the endpoints on it instead
(``views.register_learning_endpoints``)."""

from wagtail.api.v2.router import WagtailAPIRouter

from borg_learning.api.rest.views import (  # noqa: F401  (their import path before views.py)
    LearningDocumentsAPIViewSet,
    LearningImagesAPIViewSet,
    LearningMediaAPIViewSet,
    LearningPagesAPIViewSet,
    register_learning_endpoints,
)

api_router = WagtailAPIRouter("borg_learning_api")
register_learning_endpoints(api_router)
