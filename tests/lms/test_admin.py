"""The institution's administrator registers their LMS in the admin (in Dutch) and copies
our addresses from the platform's screen; the scores on their way are listed with errors."""

import pytest
from django.utils import translation

from borg_learning.lms.models import Platform, Score, ScoreStatus
from tests.helpers.admin_forms import snippet_url
from tests.helpers.translations import assert_fully_translated

pytestmark = pytest.mark.django_db


def test_the_administrator_registers_an_lms_and_sees_our_addresses(editor, platform):
    add_form = editor.get(snippet_url(Platform, "add")).content.decode()
    assert "http://testserver/learning/lti/launch/" in add_form
    assert "http://testserver/learning/lti/login/" in add_form
    assert "http://testserver/learning/lti/jwks.json" in add_form
    assert "Vul deze in in uw LMS" in add_form

    fields = platform.registration()
    response = editor.post(snippet_url(Platform, "add"), {**fields, "active": "on"})

    assert response.status_code == 302
    made = Platform.objects.get()
    assert (made.issuer, made.client_id) == (platform.issuer, platform.client_id)
    assert made.deployments() == {"other-deployment", platform.deployment_id}


def test_a_platform_registered_twice_is_refused_in_dutch(editor, registered, platform):
    response = editor.post(
        snippet_url(Platform, "add"), {**platform.registration(), "active": "on"}
    )

    assert response.status_code == 200
    assert Platform.objects.count() == 1
    assert "bestaat al" in response.content.decode()


def test_the_scores_list_shows_what_failed_and_why(editor, lms, registered, module):
    from tests.lms.test_launch import fragment_token  # a launch makes the rows the list shows

    fragment_token(lms.launch(custom={"page_id": str(module.pk)}))
    from borg_learning.lms.models import Launch

    Score.objects.create(
        launch=Launch.objects.get(),
        payload={"scoreGiven": 1, "scoreMaximum": 1},
        status=ScoreStatus.FAILED,
        attempts=8,
        last_error="http://lms/token answered HTTP 401: invalid_client",
    )

    listing = editor.get(snippet_url(Score, "list")).content.decode()

    assert "Mislukt" in listing
    assert "answered HTTP 401: invalid_client" in listing


def test_the_lms_link_speaks_dutch_in_the_admin():
    from django.apps import apps

    with translation.override("nl"):
        assert str(apps.get_app_config("borg_learning_lms").verbose_name) == "LMS-koppelingen"
        assert (
            str(Platform._meta.get_field("keyset_url").verbose_name)
            == "URL van de publieke sleutelset"
        )


def test_every_string_of_the_catalogue_is_translated():
    assert_fully_translated("borg_learning_lms")


def test_our_key_set_publishes_public_keys_only_and_keeps_the_previous_after_a_rotation(client):
    from django.core.management import call_command

    first = client.get("/learning/lti/jwks.json").json()["keys"]
    assert [set(key) for key in first] == [{"kty", "n", "e", "kid", "alg", "use"}]

    call_command("rotate_lms_key", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("rotate_lms_key", stdout=open("/dev/null", "w"))  # noqa: SIM115

    kids = [key["kid"] for key in client.get("/learning/lti/jwks.json").json()["keys"]]
    assert len(kids) == 2 and first[0]["kid"] not in kids


def test_the_scores_list_costs_the_same_for_five_scores_as_for_one(editor, lms, registered, module):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from borg_learning.lms.models import Launch
    from tests.lms.test_launch import fragment_token

    fragment_token(lms.launch(custom={"page_id": str(module.pk)}))
    launch = Launch.objects.get()

    def queries_for_listing():
        with CaptureQueriesContext(connection) as queries:
            assert editor.get(snippet_url(Score, "list")).status_code == 200
        return len(queries)

    def score(resource_link_id):
        launch.pk, launch.resource_link_id = None, resource_link_id
        launch.save()
        Score.objects.create(launch=launch, payload={"scoreGiven": 1, "scoreMaximum": 1})

    score("first")
    one = queries_for_listing()
    for number in range(4):
        score(f"more-{number}")

    assert queries_for_listing() == one
