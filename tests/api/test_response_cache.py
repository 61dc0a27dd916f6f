"""The response cache: a public answer is served again without SQL, every kind of change
drops it, and an answer of one learner, signed-in user or preview is never kept or shared."""

import datetime
import json

import pytest
from django.core.cache import cache
from django.test import override_settings
from wagtail.models import Collection, CollectionViewRestriction, Site

from borg_learning.api.graphql.response_cache import GENERATION_KEY
from borg_learning.models import Offering, Provider, Question, Theme
from tests import factories

pytestmark = pytest.mark.django_db

PAGE = "query Page($id: ID) { page(id: $id) { id title url } }"
BODY = """query Body($id: ID) { page(id: $id) { ... on LearningBasicModulePage {
  body {
    ... on LearningImageBlock { image { title } }
    ... on LearningAudioBlock { audio { title } }
    ... on LearningDownloadBlock { document { title } }
  }
} } }"""


def get(client, query, variables=None, **headers):
    params = {"query": query}
    if variables is not None:
        params["variables"] = json.dumps(variables)
    return client.get("/graphql/", params, **headers)


def data(response):
    assert response.status_code == 200, response.content
    return json.loads(response.content)["data"]


@pytest.fixture
def module(environment):
    section = factories.section(environment, title="Modules")
    return factories.basic_module(section, "Grenzen stellen")


def cached(client, query, variables=None):
    """Ask until the answer is served from the cache; returns the answer's data."""
    assert get(client, query, variables)["X-Cache"] in ("MISS", "HIT")
    second = get(client, query, variables)
    assert second["X-Cache"] == "HIT"
    return data(second)


def fresh(client, query, variables=None):
    """The next answer, which must not be a kept one."""
    response = get(client, query, variables)
    assert response["X-Cache"] == "MISS", "a kept answer was served after a change"
    return data(response)


# --- Served from the cache ------------------------------------------------------------------


def test_a_repeated_get_is_served_from_the_cache_without_sql(
    client, module, django_assert_num_queries
):
    first = get(client, PAGE, {"id": module.pk})
    assert first["X-Cache"] == "MISS"
    assert data(first)["page"]["title"] == "Grenzen stellen"
    with django_assert_num_queries(0):
        second = get(client, PAGE, {"id": module.pk})
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Content-Type"] == first["Content-Type"]
    for response in (first, second):
        assert response["Cache-Control"] == "public, max-age=60"
        assert "accept" in response["Vary"].lower()


def test_a_repeated_get_is_served_by_its_query_string_before_it_is_read(
    client, module, monkeypatch
):
    from borg_learning.api.graphql.views import GraphQLHTTPView

    first = get(client, PAGE, {"id": module.pk})
    monkeypatch.setattr(GraphQLHTTPView, "read_params", None)  # would fail if called
    second = get(client, PAGE, {"id": module.pk})
    monkeypatch.undo()
    # The same query with its variables written differently (other whitespace): read,
    # and served by its canonical key.
    params = f"query={PAGE}&variables=" + json.dumps({"id": module.pk}, indent=1)
    reordered = client.get("/graphql/?" + params.replace("\n", ""))

    assert (first["X-Cache"], second["X-Cache"], reordered["X-Cache"]) == ("MISS", "HIT", "HIT")
    assert second.content == reordered.content == first.content
    module.title = "Nieuw"
    module.save_revision().publish()
    assert fresh(client, PAGE, {"id": module.pk})["page"]["title"] == "Nieuw"


def test_a_post_of_the_same_query_is_served_from_the_cache_without_http_caching(
    client, module, django_assert_num_queries
):
    def post():
        return client.post(
            "/graphql/",
            {"query": PAGE, "variables": {"id": module.pk}},
            content_type="application/json",
        )

    first = post()
    with django_assert_num_queries(0):
        second = post()
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert second.content == first.content
    assert "Cache-Control" not in second  # no HTTP cache keeps a POST


def test_variables_media_type_and_language_are_part_of_the_key(client, module, environment):
    cached(client, PAGE, {"id": module.pk})
    other = get(client, PAGE, {"id": environment.pk})
    assert other["X-Cache"] == "MISS"
    assert data(other)["page"]["title"] == "Leeromgeving"
    assert (
        get(client, PAGE, {"id": module.pk}, HTTP_ACCEPT="application/graphql-response+json")[
            "X-Cache"
        ]
        == "MISS"
    )
    english = get(client, "{ audienceRoles { label } }", HTTP_ACCEPT_LANGUAGE="en")
    dutch = get(client, "{ audienceRoles { label } }", HTTP_ACCEPT_LANGUAGE="nl")
    assert dutch["X-Cache"] == "MISS"
    assert data(english) != data(dutch)


def test_if_none_match_gets_304_without_a_body(client, module):
    first = get(client, PAGE, {"id": module.pk})
    for _ in range(2):  # answered by executing (the first) and from the cache
        again = get(client, PAGE, {"id": module.pk}, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304
        assert again.content == b""
        assert again["ETag"] == first["ETag"]
        assert again["Cache-Control"] == "public, max-age=60"
        assert "accept" in again["Vary"].lower()
    changed = get(client, PAGE, {"id": module.pk}, HTTP_IF_NONE_MATCH='"something-else"')
    assert changed.status_code == 200
    assert changed.content == first.content


def test_a_changed_answer_has_another_etag(client, module):
    before = get(client, PAGE, {"id": module.pk})
    module.title = "Nee zeggen"
    module.save_revision().publish()
    after = get(client, PAGE, {"id": module.pk}, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert data(after)["page"]["title"] == "Nee zeggen"


def test_an_emptied_cache_starts_a_new_generation(client, module):
    cached(client, PAGE, {"id": module.pk})
    cache.delete(GENERATION_KEY)  # evicted, say: no kept answer may match again
    assert fresh(client, PAGE, {"id": module.pk})["page"]["title"] == "Grenzen stellen"


# --- Every kind of change drops kept answers ------------------------------------------------


def test_publishing_a_new_revision(client, module):
    assert cached(client, PAGE, {"id": module.pk})["page"]["title"] == "Grenzen stellen"
    module.title = "Nee zeggen"
    module.save_revision().publish()
    assert fresh(client, PAGE, {"id": module.pk})["page"]["title"] == "Nee zeggen"


def test_a_draft_does_not_show_but_a_page_saved_live_does(client, module):
    cached(client, PAGE, {"id": module.pk})
    factories.save_draft(module, title="Concept")
    kept = get(client, PAGE, {"id": module.pk})
    assert kept["X-Cache"] == "HIT", "an editor's draft dropped every kept answer"
    assert data(kept)["page"]["title"] == "Grenzen stellen"
    module.title = "Rechtstreeks opgeslagen"
    module.save()
    assert fresh(client, PAGE, {"id": module.pk})["page"]["title"] == "Rechtstreeks opgeslagen"


def test_a_new_page(client, environment):
    query = "{ modules { totalCount } }"
    assert cached(client, query)["modules"]["totalCount"] == 0
    factories.basic_module(factories.section(environment))
    assert fresh(client, query)["modules"]["totalCount"] == 1


def test_unpublishing(client, module):
    cached(client, PAGE, {"id": module.pk})
    factories.unpublish(module)
    assert fresh(client, PAGE, {"id": module.pk})["page"] is None


def test_moving(client, module, environment):
    before = cached(client, PAGE, {"id": module.pk})["page"]["url"]
    other = factories.section(environment, title="Elders")
    cached(client, PAGE, {"id": module.pk})
    module.move(other, pos="last-child")
    after = fresh(client, PAGE, {"id": module.pk})["page"]["url"]
    assert after != before
    assert "/elders/" in after


def test_deleting(client, module):
    cached(client, PAGE, {"id": module.pk})
    module.delete()
    assert fresh(client, PAGE, {"id": module.pk})["page"] is None


def test_a_view_restriction(client, module):
    cached(client, PAGE, {"id": module.pk})
    restriction = factories.restrict(module, "login")
    assert fresh(client, PAGE, {"id": module.pk})["page"] is None
    cached(client, PAGE, {"id": module.pk})
    restriction.delete()
    assert fresh(client, PAGE, {"id": module.pk})["page"]["title"] == "Grenzen stellen"


def test_the_site(client, module, environment):
    query = '{ page(path: "/leeromgeving/") { title } }'
    assert cached(client, query)["page"]["title"] == "Leeromgeving"
    site = Site.objects.get(is_default_site=True)
    site.root_page = environment
    site.save()
    assert fresh(client, query)["page"] is None


def test_a_theme_saved_and_deleted(client):
    query = "{ themes { name } }"
    theme = factories.ThemeFactory(name="Agressie")
    assert cached(client, query)["themes"] == [{"name": "Agressie"}]
    theme.name = "Omgaan met agressie"
    theme.save()
    assert fresh(client, query)["themes"] == [{"name": "Omgaan met agressie"}]
    cached(client, query)
    Theme.objects.get().delete()
    assert fresh(client, query)["themes"] == []


def test_an_offer_and_its_provider_saved_and_deleted(client):
    query = "{ providers { name } catalogue { items { title } } }"
    offer = factories.OfferingFactory(title="Training A", provider__name="Aanbieder A")
    assert cached(client, query) == {
        "providers": [{"name": "Aanbieder A"}],
        "catalogue": {"items": [{"title": "Training A"}]},
    }
    offer.title = "Training B"
    offer.save()
    assert fresh(client, query)["catalogue"]["items"] == [{"title": "Training B"}]
    cached(client, query)
    Provider.objects.filter(pk=offer.provider_id).update(name="Aanbieder B")  # no signal
    Provider.objects.get().save()
    assert fresh(client, query)["providers"] == [{"name": "Aanbieder B"}]
    cached(client, query)
    Offering.objects.get().delete()
    assert fresh(client, query) == {"providers": [], "catalogue": {"items": []}}


def test_a_questionnaire_saved_and_a_question_deleted(client):
    module = factories.module_with_questionnaire()
    query = """query Q($id: ID) { page(id: $id) { ... on LearningBasicModulePage {
      questionnaire { title questions { id } } } } }"""
    before = cached(client, query, {"id": module.pk})["page"]["questionnaire"]
    questionnaire = module.questionnaire
    questionnaire.title = "Hoe was het?"
    questionnaire.save()
    after = fresh(client, query, {"id": module.pk})["page"]["questionnaire"]
    assert after["title"] == "Hoe was het?"
    cached(client, query, {"id": module.pk})
    Question.objects.filter(questionnaire=questionnaire).first().delete()
    shorter = fresh(client, query, {"id": module.pk})["page"]["questionnaire"]["questions"]
    assert len(shorter) == len(before["questions"]) - 1


@pytest.fixture
def files_module(environment):
    image = factories.image(title="Tekening")
    audio = factories.media("audio", title="Podcast")
    document = factories.document(title="Werkblad")
    body = [
        factories.block("image", {"image": image.pk, "alt_text": "", "caption": ""}),
        factories.block("audio", {"title": "", "audio": audio.pk, "transcript": ""}),
        factories.block("download", {"document": document.pk, "title": "", "description": ""}),
    ]
    module = factories.basic_module(factories.section(environment), body=body)
    return module, image, audio, document


def titles(answer):
    blocks = answer["page"]["body"]
    return [
        (blocks[0]["image"] or {}).get("title"),
        (blocks[1]["audio"] or {}).get("title"),
        (blocks[2]["document"] or {}).get("title"),
    ]


def test_an_image_a_document_and_a_media_file_changed(client, files_module):
    module, image, audio, document = files_module
    variables = {"id": module.pk}
    assert titles(cached(client, BODY, variables)) == ["Tekening", "Podcast", "Werkblad"]
    image.title = "Foto"
    image.save()
    assert titles(fresh(client, BODY, variables))[0] == "Foto"
    cached(client, BODY, variables)
    audio.title = "Gesprek"
    audio.save()
    assert titles(fresh(client, BODY, variables))[1] == "Gesprek"
    cached(client, BODY, variables)
    document.title = "Opdracht"
    document.save()
    assert titles(fresh(client, BODY, variables)) == ["Foto", "Gesprek", "Opdracht"]
    cached(client, BODY, variables)
    document.delete()
    assert titles(fresh(client, BODY, variables))[2] is None


def test_a_private_collection(client, files_module):
    module, image, _audio, _document = files_module
    assert titles(cached(client, BODY, {"id": module.pk}))[0] == "Tekening"
    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    cached(client, BODY, {"id": module.pk})  # the restriction alone hides nothing yet
    image.collection = private
    image.save()
    assert titles(fresh(client, BODY, {"id": module.pk}))[0] is None


def test_a_sub_apps_content_named_with_the_hook(client):
    """A learning route (a snippet of the routes app, ``register_response_cache_models``):
    publishing a new revision, and deleting it."""
    route = factories.route(title="Inwerken")
    query = "{ routes { title } }"
    assert cached(client, query)["routes"] == [{"title": "Inwerken"}]
    route.title = "Starten"
    route.save_revision().publish()
    assert fresh(client, query)["routes"] == [{"title": "Starten"}]
    cached(client, query)
    route.delete()
    assert fresh(client, query)["routes"] == []


def test_learners_activity_keeps_the_answers(client, module):
    """What learners do is theirs: recording it does not drop the kept answers."""
    cached(client, PAGE, {"id": module.pk})
    learner, _token = factories.learner()
    factories.progress(learner, module)
    factories.visits(module, datetime.date(2026, 11, 1), 3)
    assert get(client, PAGE, {"id": module.pk})["X-Cache"] == "HIT"


def test_the_package_settings(client):
    query = "{ colours { slug } }"
    assert len(cached(client, query)["colours"]) == 8
    with override_settings(BORG_LEARNING={"COLOURS": [("black", "Zwart", "#000000")]}):
        assert fresh(client, query)["colours"] == [{"slug": "black"}]


def test_a_deploy_with_other_file_urls_or_languages_keeps_no_answer_of_before():
    """A process started with other settings (a shared Redis outlives a deploy) looks
    its answers up under another tag."""
    from borg_learning.api.graphql import schema
    from borg_learning.api.graphql.response_cache import deploy_tag

    before = deploy_tag(schema)
    with override_settings(MEDIA_URL="https://files.example.org/"):
        assert deploy_tag(schema) != before
    with override_settings(LANGUAGES=[("nl", "Nederlands")]):
        assert deploy_tag(schema) != before
    assert deploy_tag(schema) == before


def test_a_change_in_a_transaction_is_kept_out_after_the_commit(
    client, module, django_capture_on_commit_callbacks
):
    """An answer computed between the change and the commit is not served afterwards."""
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        module.title = "Nee zeggen"
        module.save_revision().publish()
        cached(client, PAGE, {"id": module.pk})  # kept before the commit
    assert callbacks
    assert fresh(client, PAGE, {"id": module.pk})["page"]["title"] == "Nee zeggen"


# --- Never kept, never shared ---------------------------------------------------------------

ME = "{ me { signedIn tokenRetired } }"


def test_a_learners_answer_is_never_kept_nor_shared(client, module):
    _learner, token = factories.learner()
    for _ in range(2):
        answer = get(client, ME, HTTP_X_LEARNER_TOKEN=token)
        assert answer["X-Cache"] == "BYPASS"
        assert answer["Cache-Control"] == "private, no-store"
        assert "ETag" not in answer
        assert "x-learner-token" in answer["Vary"].lower()
        assert data(answer)["me"] == {"signedIn": False, "tokenRetired": False}
    anonymous = get(client, ME)
    assert anonymous["X-Cache"] == "BYPASS"
    assert data(anonymous) == {"me": None}
    assert data(get(client, ME, HTTP_X_LEARNER_TOKEN=token))["me"] is not None


def test_a_learner_is_served_a_public_answer_that_read_no_token(client, module):
    _learner, token = factories.learner()
    anonymous = cached(client, PAGE, {"id": module.pk})
    as_learner = get(client, PAGE, {"id": module.pk}, HTTP_X_LEARNER_TOKEN=token)
    assert as_learner["X-Cache"] == "HIT"
    assert data(as_learner) == anonymous
    assert "x-learner-token" not in as_learner["Vary"].lower()


def test_a_signed_in_users_answer_is_never_kept_nor_shared(client, module):
    factories.restrict(module, "login")
    client.force_login(factories.user())
    for _ in range(2):
        answer = get(client, PAGE, {"id": module.pk})
        assert "X-Cache" not in answer
        assert answer["Cache-Control"] == "private, no-store"
        assert data(answer)["page"]["title"] == "Grenzen stellen"
    client.logout()
    client.cookies.clear()
    assert data(get(client, PAGE, {"id": module.pk}))["page"] is None


def test_a_preview_is_never_kept(client, module):
    factories.save_draft(module, title="Concept")
    token = factories.preview_token(module)
    query = "query P($token: String) { page(previewToken: $token) { title } }"
    for _ in range(2):
        answer = get(client, query, {"token": token})
        assert answer["X-Cache"] == "BYPASS"
        assert answer["Cache-Control"] == "private, no-store"
        assert data(answer)["page"]["title"] == "Concept"
    literal = f'{{ page(previewToken: "{token}") {{ title }} }}'
    assert get(client, literal)["X-Cache"] == "BYPASS"


def test_a_mutation_is_never_kept(client, module):
    mutation = "mutation V($page: ID!) { recordVisit(page: $page) { counted } }"

    def post():
        return client.post(
            "/graphql/",
            {"query": mutation, "variables": {"page": module.pk}},
            content_type="application/json",
        )

    assert [post()["X-Cache"] for _ in range(2)] == ["BYPASS", "BYPASS"]


def test_an_answer_with_errors_is_not_kept(client, module):
    query = f'{{ page(id: {module.pk}, path: "/") {{ title }} }}'
    for _ in range(2):
        answer = get(client, query)
        assert answer["X-Cache"] == "BYPASS"
        assert json.loads(answer.content)["errors"]
        assert "ETag" not in answer
        assert "Cache-Control" not in answer


@override_settings(BORG_LEARNING={"GRAPHQL_RESPONSE_CACHE": None})
def test_the_cache_switched_off(client, module):
    cache.delete(GENERATION_KEY)  # made while the fixtures were saved
    first = get(client, PAGE, {"id": module.pk})
    assert "X-Cache" not in first
    second = get(client, PAGE, {"id": module.pk})
    assert "X-Cache" not in second
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]  # browsers and CDNs may still revalidate
    assert second["Cache-Control"] == "public, max-age=60"
    assert cache.get(GENERATION_KEY) is None


@override_settings(BORG_LEARNING={"GRAPHQL_CACHE_CONTROL_MAX_AGE": 0})
def test_max_age_zero_asks_browsers_to_revalidate(client, module):
    assert get(client, PAGE, {"id": module.pk})["Cache-Control"] == "no-cache"
