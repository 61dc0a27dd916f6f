"""Deep linking: a teacher in the LMS picks modules or routes; the platform gets a signed
LtiDeepLinkingResponse with resource links that launch them."""

import re

import jwt
import pytest

from borg_learning.learners.models import Learner
from borg_learning.lms.models import PlatformLearner
from tests import factories

pytestmark = pytest.mark.django_db

DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"
LTI = "https://purl.imsglobal.org/spec/lti/claim/"


def settings_claim(**changes):
    return {
        DL + "deep_linking_settings": {
            "deep_link_return_url": "https://moodle.example/mod/lti/contentitem_return.php?course=3",
            "accept_types": ["ltiResourceLink"],
            "accept_presentation_document_targets": ["iframe", "window"],
            "accept_multiple": True,
            "data": "moodle-data-123",
            **changes,
        }
    }


def request_selection(lms, **changes):
    return lms.launch(message_type="LtiDeepLinkingRequest", **settings_claim(**changes))


def form_context(page):
    return re.search(r'name="context" value="([^"]+)"', page.content.decode()).group(1)


@pytest.fixture
def catalogue(module, environment):
    section = factories.section(environment, title="Thema's")
    draft = factories.basic_module(section, "Nog een concept", publish=False)
    hidden = factories.basic_module(section, "Alleen voor collega's")
    factories.restrict(hidden)
    route = factories.route(title="Inwerkroute psycholoog", slug="inwerkroute-psycholoog")
    draft_route = factories.route(title="Route in de maak", slug="route-in-de-maak", publish=False)
    return {
        "module": module,
        "draft": draft,
        "hidden": hidden,
        "route": route,
        "draft_route": draft_route,
    }


def test_the_teacher_picks_from_what_is_published(lms, registered, catalogue):
    page = request_selection(lms)

    assert page.status_code == 200
    text = page.content.decode()
    assert "Grenzen stellen" in text and "Inwerkroute psycholoog" in text
    for hidden in ("Nog een concept", "Alleen voor collega", "Route in de maak"):
        assert hidden not in text
    assert Learner.objects.count() == PlatformLearner.objects.count() == 0


def test_the_choice_goes_back_as_a_signed_response_the_platform_verifies(
    lms, registered, catalogue, client, platform
):
    context = form_context(request_selection(lms))
    module, route = catalogue["module"], catalogue["route"]

    answer = client.post(
        "/learning/lti/deep-linking/",
        {"context": context, "item": [f"page:{module.pk}", f"route:{route.slug}"]},
    )

    assert answer.status_code == 200
    html = answer.content.decode()
    assert 'action="https://moodle.example/mod/lti/contentitem_return.php?course=3"' in html
    token = re.search(r'name="JWT" value="([^"]+)"', html).group(1)
    keys = jwt.PyJWKSet.from_dict(client.get("/learning/lti/jwks.json").json())
    claims = jwt.decode(
        token,
        keys[jwt.get_unverified_header(token)["kid"]].key,
        algorithms=["RS256"],
        audience=platform.issuer,
    )
    assert claims["iss"] == platform.client_id
    assert claims[LTI + "message_type"] == "LtiDeepLinkingResponse"
    assert claims[LTI + "version"] == "1.3.0"
    assert claims[LTI + "deployment_id"] == platform.deployment_id
    assert claims[DL + "data"] == "moodle-data-123"
    assert claims[DL + "content_items"] == [
        {
            "type": "ltiResourceLink",
            "title": "Grenzen stellen",
            "url": "http://testserver/learning/lti/launch/",
            "custom": {"page_id": str(module.pk)},
            "lineItem": {
                "scoreMaximum": 1,
                "label": "Grenzen stellen",
                "resourceId": f"page:{module.pk}",
            },
        },
        {
            "type": "ltiResourceLink",
            "title": "Inwerkroute psycholoog",
            "url": "http://testserver/learning/lti/launch/",
            "custom": {"route": "inwerkroute-psycholoog"},
            "lineItem": {
                "scoreMaximum": 1,
                "label": "Inwerkroute psycholoog",
                "resourceId": "route:inwerkroute-psycholoog",
            },
        },
    ]


def test_a_link_from_deep_linking_launches_its_module(lms, registered, catalogue):
    module = catalogue["module"]
    response = lms.launch(custom={"page_id": str(module.pk)})
    assert response.status_code == 302
    assert response["Location"].startswith(module.get_full_url())


def test_a_draft_or_hidden_choice_is_not_linked(lms, registered, catalogue, client):
    context = form_context(request_selection(lms))

    answer = client.post(
        "/learning/lti/deep-linking/",
        {
            "context": context,
            "item": [f"page:{catalogue['draft'].pk}", f"page:{catalogue['hidden'].pk}"],
        },
    )

    assert answer.status_code == 400
    assert 'name="JWT"' not in answer.content.decode()


def test_one_choice_only_when_the_platform_takes_one(lms, registered, catalogue, client):
    context = form_context(request_selection(lms, accept_multiple=False))
    module, route = catalogue["module"], catalogue["route"]

    answer = client.post(
        "/learning/lti/deep-linking/",
        {"context": context, "item": [f"page:{module.pk}", f"route:{route.slug}"]},
    )

    assert answer.status_code == 400
    assert 'type="radio"' in answer.content.decode()


def test_a_forged_selection_is_refused(client, registered, catalogue):
    answer = client.post(
        "/learning/lti/deep-linking/",
        {"context": "forged", "item": [f"page:{catalogue['module'].pk}"]},
    )
    assert answer.status_code == 400
    assert "has expired or was not started by an LMS" in answer.content.decode()


def test_a_platform_that_takes_no_resource_links_is_refused(lms, registered, catalogue):
    page = request_selection(lms, accept_types=["file"])
    assert page.status_code == 400
    assert "does not accept resource links" in page.content.decode()
