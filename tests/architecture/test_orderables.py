"""Every row an editor puts in order breaks a tie of sort orders by its primary key."""

from django.apps import apps
from wagtail.models import Orderable

from borg_learning.models.ordered import Ordered


def test_every_orderable_of_the_app_keeps_the_order_its_rows_were_made_in():
    orderables = [
        model
        for model in apps.get_models()
        if issubclass(model, Orderable) and model.__module__.startswith("borg_learning.")
    ]
    assert len(orderables) >= 5
    for model in orderables:
        assert issubclass(model, Ordered), model
        assert model._meta.ordering == ["sort_order", "pk"], model
