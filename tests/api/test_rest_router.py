"""A site with a router of its own registers the learning endpoints on it."""

import pytest
from django.test import override_settings
from django.urls import include, path
from wagtail.api.v2.router import WagtailAPIRouter

from borg_learning import models
from borg_learning.api.rest.views import register_learning_endpoints
from tests import factories

pytestmark = pytest.mark.django_db

site_api = WagtailAPIRouter("site_api")
register_learning_endpoints(site_api, prefix="learning-")

urlpatterns = [
    path("documents/", include("wagtail.documents.urls")),
    path("api/", site_api.urls),
]


@override_settings(ROOT_URLCONF=__name__)
def test_the_endpoints_serve_from_a_sites_own_router(client, environment):
    section = factories.section(environment, title="Basismodules")
    image = factories.image()
    module = factories.basic_module(section, "Grenzen", image=image)
    models.StartButton.objects.create(
        page=environment, label="Basis", target_page=section, colour="green", icon="book"
    )
    data = client.get(f"/api/learning-pages/{environment.pk}/").json()
    target = data["buttons"][0]["target_page"]
    assert target["meta"]["detail_url"].endswith(f"/api/learning-pages/{section.pk}/")
    assert client.get(f"/api/learning-pages/{module.pk}/").json()["title"] == "Grenzen"
    assert client.get(f"/api/learning-images/{image.pk}/").status_code == 200
    assert client.get(f"/api/learning-pages/{factories.site_root().pk}/").status_code == 404
    assert client.get("/api/v2/pages/").status_code == 404  # borg_learning.urls not included
