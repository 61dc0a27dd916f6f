"""Image renditions come from one bulk lookup per request, and a request's objects are
freed when its answer is sent, not by the cyclic garbage collector later."""

import gc
import json

import pytest
from wagtail.images.models import AbstractImage, Rendition

from borg_learning import models
from tests import factories
from tests.helpers.graphql import count_queries, screen_query

pytestmark = pytest.mark.django_db

#: The renditions the modules document shows of each image: its tile and its srcset.
LIST_RENDITIONS = {"fill-400x300", "width-400", "width-800", "width-1200"}


@pytest.fixture
def section():
    env = factories.learning_environment()
    return env.add_child(instance=models.SectionPage(title="Modules"))


def make_modules(section, count):
    for number in range(count):
        factories.basic_module(
            section, f"Module {number}", image=factories.image(title=f"Tegel {number}")
        )


def modules(client):
    response = client.post(
        "/graphql/",
        {"query": screen_query("modules"), "variables": {"limit": 100}},
        content_type="application/json",
    )
    # Not response.json(): the test client keeps that in a cycle with the response.
    return json.loads(response.content)["data"]["modules"]["items"]


def test_a_list_of_100_with_its_renditions_made_asks_no_query_per_image(
    client, section, unindexed, monkeypatch
):
    make_modules(section, 100)
    modules(client)  # the renditions are made
    per_image = []
    monkeypatch.setattr(AbstractImage, "get_rendition", lambda image, spec: per_image.append(spec))
    count, payload = count_queries(client, screen_query("modules"), {"limit": 100})
    items = payload["data"]["modules"]["items"]
    assert len(items) == 100
    assert all(item["image"]["rendition"]["url"].endswith(".fill-400x300.png") for item in items)
    assert all(item["image"]["srcset"].count("w, ") == 2 for item in items)
    assert count == 7
    assert per_image == []


def test_missing_renditions_are_made_once_and_then_reused(client, section, unindexed):
    make_modules(section, 3)
    assert not Rendition.objects.exists()
    first = modules(client)
    made = set(Rendition.objects.values_list("image_id", "filter_spec"))
    images = {module.image_id for module in models.BasicModulePage.objects.all()}
    assert made == {(image, spec) for image in images for spec in LIST_RENDITIONS}
    count, payload = count_queries(client, screen_query("modules"), {"limit": 100})
    assert payload["data"]["modules"]["items"] == first
    assert Rendition.objects.count() == len(made)
    assert count == 7


def test_a_list_of_100_leaves_no_cycles_for_the_garbage_collector(client, section, unindexed):
    """Pages, images, renditions and stream values of an answer are let go when it is
    sent; before, one list of 100 left about 5,600 objects in reference cycles. What is
    left is the test client's request (about 60 objects for any view)."""
    make_modules(section, 100)
    modules(client)
    gc.collect()
    gc.disable()
    try:
        assert len(modules(client)) == 100
        left = gc.collect()
    finally:
        gc.enable()
    assert left < 200
