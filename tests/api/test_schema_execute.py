"""``schema.execute()`` from a site's own code, a shell or a test, without a request:
answered as an anonymous visitor of the default site is answered over HTTP."""

import pytest

from borg_learning.api.graphql import schema
from tests import factories

pytestmark = pytest.mark.django_db

MODULES = "{ modules { items { title } } }"


@pytest.mark.parametrize("context", [None, {}, {"source": "a shell"}])
def test_without_a_request_it_answers_as_to_an_anonymous_visitor(environment, context):
    factories.basic_module(environment, "Grenzen stellen")
    factories.basic_module(environment, "Een concept", publish=False)
    result = schema.execute(MODULES, context_value=context)
    assert result.errors is None
    assert result.data == {"modules": {"items": [{"title": "Grenzen stellen"}]}}


def test_without_a_request_a_learner_s_own_data_is_nobody_s(environment):
    result = schema.execute("{ me { signedIn completedPageIds } }")
    assert result.errors is None
    assert result.data == {"me": None}
