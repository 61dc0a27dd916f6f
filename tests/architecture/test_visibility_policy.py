"""One visibility policy behind every public entry point, honouring the signed-in user."""

import datetime
import json
import uuid
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from borg_learning.api.graphql import schema
from borg_learning.visibility import Visibility
from tests import factories
from tests.helpers import evaluation as ec
from tests.helpers.badges import badge

pytestmark = pytest.mark.django_db

PAGE = "query ($id: ID!) { page(id: $id) { id title } }"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0"


def page_title(client, page):
    response = client.post(
        "/graphql/",
        {"query": PAGE, "variables": {"id": str(page.pk)}},
        content_type="application/json",
    )
    found = response.json()["data"]["page"]
    return found and found["title"]


@pytest.fixture
def internal(environment):
    """A section for signed-in colleagues only, with a module in it."""
    from borg_learning import models

    section = environment.add_child(instance=models.SectionPage(title="Intern"))
    module = factories.basic_module(section, "Alleen voor collega's")
    return factories.restrict(section, "login"), module


def test_a_login_restriction_hides_a_module_from_anonymous_learners_only(client, internal):
    _restriction, module = internal
    assert page_title(client, module) is None
    assert client.get(f"/api/v2/pages/{module.pk}/").status_code == 404
    client.force_login(factories.user("leerling"))
    assert page_title(client, module) == "Alleen voor collega's"
    assert client.get(f"/api/v2/pages/{module.pk}/").status_code == 200


def test_a_group_restriction_shows_the_module_to_members_and_superusers(client, internal):
    restriction, module = internal
    restriction.restriction_type = "groups"
    restriction.save()
    team = Group.objects.create(name="Behandelteam")
    restriction.groups.add(team)
    client.force_login(factories.user("buitenstaander"))
    assert page_title(client, module) is None
    client.force_login(factories.user("lid", groups=[team]))
    assert page_title(client, module) == "Alleen voor collega's"
    client.force_login(factories.superuser())
    assert page_title(client, module) == "Alleen voor collega's"


def test_a_password_restriction_hides_the_module_even_from_a_signed_in_learner(client, environment):
    module = factories.basic_module(environment, "Met wachtwoord")
    factories.restrict(module, "password")
    client.force_login(factories.user("leerling"))
    assert page_title(client, module) is None


def test_rest_leaves_out_expired_pages_as_graphql_does(client, environment):
    module = factories.expire(factories.basic_module(environment, "Verlopen"))
    assert page_title(client, module) is None
    assert client.get(f"/api/v2/pages/{module.pk}/").status_code == 404


def test_a_document_in_a_private_collection_is_not_served(client):
    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    document = factories.DocumentFactory()
    get_document_model().objects.filter(pk=document.pk).update(collection=private)
    assert client.get(f"/api/v2/documents/{document.pk}/").status_code == 404
    assert Visibility().documents(get_document_model().objects.all()).count() == 0


def test_a_restriction_covers_what_is_below_it_and_nothing_beside_it(environment):
    """Pages and files below a restricted page or collection, at any depth, are hidden;
    their siblings, and pages and files above, are not; a restriction the user passes
    hides nothing from them. Also when the policy's queryset is a subquery of another."""
    from borg_learning import models

    documents = get_document_model().objects
    root = Collection.get_first_root_node()
    private = root.add_child(name="Intern")
    beside = root.add_child(name="Extern")
    deeper = private.add_child(name="Dieper").add_child(name="Diepst")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    files = {
        name: factories.document(title=name, collection=collection)
        for name, collection in (("diep", deeper), ("ernaast", beside), ("boven", root))
    }
    section = environment.add_child(instance=models.SectionPage(title="Intern"))
    sibling = environment.add_child(instance=models.SectionPage(title="Extern"))
    deep = factories.basic_module(
        section.add_child(instance=models.SectionPage(title="Dieper")), "Diep"
    )
    beside_module = factories.basic_module(sibling, "Ernaast")
    factories.restrict(section, "login")

    def seen(visibility):
        pages = visibility.pages().filter(pk__in=[environment.pk, deep.pk, beside_module.pk])
        in_subquery = documents.filter(pk__in=visibility.documents(documents.all()).values("pk"))
        return (
            set(pages.values_list("title", flat=True)),
            set(in_subquery.values_list("title", flat=True)),
        )

    assert seen(Visibility()) == ({environment.title, "Ernaast"}, {"ernaast", "boven"})
    everything = ({environment.title, "Ernaast", "Diep"}, set(files))
    assert seen(Visibility(factories.user("collega"))) == everything


# --- Every public entry point asks the policy -------------------------------------------

FOLLOW_UP_CODE = "6f1d8c3e-0d7a-4d7e-9a53-2b1f3c1a9e01"

#: One request per root field of the schema that serves content.
QUERIES = {
    "learningEnvironment": "{ learningEnvironment { id } }",
    "page": '{ page(path: "/") { id } }',
    "modules": "{ modules { totalCount } }",
    "themes": "{ themes { modules { id } } }",
    "theme": '{ theme(slug: "sgg") { modules { id } } }',
    "catalogue": "{ catalogue { totalCount } }",
    "offering": '{ offering(id: "1") { id } }',
    "providers": "{ providers { logo { id } } }",
    "search": '{ search(query: "grenzen") { totalCount } }',
    "followUp": f'{{ followUp(code: "{FOLLOW_UP_CODE}") {{ module {{ id }} }} }}',
    # borg_learning.learners, for the learner of the X-Learner-Token header
    "me": "{ me { completedPageIds modules { module { id } } resume { page { id } } } }",
    # borg_learning.routes
    "routes": "{ routes { steps { id } } }",
    "route": '{ route(slug: "inwerkroute") { steps { id } } }',
    # borg_learning.microlearning
    "microlessons": "{ microlessons { totalCount } }",
    "microlesson": '{ microlesson(slug: "grenzen-in-30-seconden") { id } }',
    # borg_learning.badges
    "badges": "{ badges { image { id } } }",
    # borg_learning.quotes: an offer is priced only when the public may see it
    "quote": '{ quote(input: {enrolments: [{offer: "1", participants: 2}]}) { errors { code } } }',
}
#: Root fields that show no page, file or offer (a certificate shows what it copied).
NO_CONTENT = {"borgLearningVersion", "audienceRoles", "targetGroups", "colours", "icons"} | {
    "verifyCertificate"
}
#: A challenge shows its own fields and a theme (borg_learning.challenges).
NO_CONTENT |= {"challenges"}
#: An organisation shows its name and slug (borg_learning.leaderboards).
NO_CONTENT |= {"leaderboardOrganisations"}
#: Tracks and price lists show their own fields (borg_learning.quotes).
NO_CONTENT |= {"quoteTracks", "quotePrices"}
#: The address of the podcast feed (borg_learning.podcasts), which asks the policy itself.
NO_CONTENT |= {"podcastUrl"}
#: The mutations: the core's, and those of borg_learning.learners, .routes, .certificates,
#: .reviews, .badges, .gamification, .leaderboards and .quotes.
MUTATIONS = (
    {"submitEvaluation", "recordVisit"}
    | {
        "recordProgress",
        "answerExercise",
        "createTransferCode",
        "redeemTransferCode",
        "forgetMe",
        "exportMyData",
    }
    | {"startRoute", "markRouteStepDone", "unmarkRouteStepDone"}
    | {"issueCertificate"}
    | {"answerReview"}
    | {"exportBadgeCredential"}
    | {"planStreakFreeze", "cancelStreakFreeze"}
    | {"joinLeaderboard", "newPseudonym", "changeLeaderboardOrganisation", "leaveLeaderboard"}
    | {"requestQuote"}
)


def test_the_list_of_entry_points_covers_every_root_field():
    fields = set(schema.graphql_schema.query_type.fields)
    assert set(QUERIES) | NO_CONTENT == fields
    mutations = set(schema.graphql_schema.mutation_type.fields)
    assert mutations == MUTATIONS


@pytest.fixture
def policy_calls():
    """Counts the calls of the policy's methods while a request runs."""
    calls = []
    originals = {name: getattr(Visibility, name) for name in ("pages", "files", "offerings")}

    def spy(name):
        def method(self, *args, **kwargs):
            calls.append(name)
            return originals[name](self, *args, **kwargs)

        return method

    with (
        mock.patch.multiple(Visibility, **{name: spy(name) for name in originals}),
        mock.patch.multiple(
            Visibility, images=spy("files"), documents=spy("files"), media=spy("files")
        ),
    ):
        yield calls


@pytest.fixture
def site_content(environment):
    theme = factories.ThemeFactory(name="SGG", slug="sgg")
    module = factories.basic_module(
        environment, "Grenzen stellen", themes=[theme], image=factories.ImageFactory()
    )
    factories.OfferingFactory(
        provider=factories.ProviderFactory(name="GGZ Ecademy", with_logo=True), title="Grenzen"
    )
    factories.Response.objects.filter(
        pk=factories.respond(module, datetime.date(2026, 11, 2), {}).pk
    ).update(follow_up_code=FOLLOW_UP_CODE)
    factories.route([module], slug="inwerkroute")
    badge(count=1)
    return module


@pytest.fixture
def learner_token(site_content):
    """The token of a learner who completed the site's module."""
    learner, token = factories.learner()
    factories.progress(learner, site_content)
    factories.completion(learner, site_content)
    return token


@pytest.mark.parametrize("field", sorted(QUERIES))
def test_each_graphql_query_asks_the_policy(client, learner_token, policy_calls, field):
    response = client.post(
        "/graphql/",
        {"query": QUERIES[field]},
        content_type="application/json",
        HTTP_X_LEARNER_TOKEN=learner_token,
    )
    assert "errors" not in response.json(), response.json()
    assert policy_calls, field


@pytest.mark.parametrize(
    "url", ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/", "/api/v2/media/"]
)
def test_each_rest_endpoint_asks_the_policy(client, site_content, policy_calls, url):
    assert client.get(url).status_code == 200
    assert policy_calls


def test_the_podcast_feeds_ask_the_policy_for_pages_and_files(client, site_content, policy_calls):
    factories.basic_module(
        site_content.get_parent(),
        "Om te luisteren",
        themes=site_content.themes.all(),
        body=[factories.block(*factories.audio_block(factories.media().pk))],
    )
    for url in ("/learning/podcast/", "/learning/podcast/sgg/"):
        policy_calls.clear()
        assert client.get(url).status_code == 200
        assert "pages" in policy_calls and "files" in policy_calls


def test_visits_and_submissions_ask_the_policy(client, policy_calls):
    module = factories.module_with_questionnaire()
    client.post(
        "/api/visits/",
        json.dumps({"page": module.pk}),
        content_type="text/plain",
        HTTP_USER_AGENT=BROWSER,
    )
    assert policy_calls == ["pages"]
    submit = (
        "mutation ($input: LearningSubmitEvaluationInput!) { submitEvaluation(input: $input) "
        "{ ok } }"
    )
    variables = {
        "input": ec.submission_input(
            module, ec.good_answers(module.questionnaire), submission_id=uuid.uuid4()
        )
    }
    response = client.post(
        "/graphql/",
        {"query": submit, "variables": variables},
        content_type="application/json",
        HTTP_USER_AGENT=BROWSER,
    )
    assert response.json()["data"]["submitEvaluation"]["ok"] is True
    assert policy_calls == ["pages", "pages"]


def test_recording_progress_asks_the_policy(client, site_content, policy_calls):
    record = (
        "mutation ($input: LearningRecordProgressInput!) { recordProgress(input: $input) { ok } }"
    )
    variables = {"input": {"page": str(site_content.pk), "event": "SEEN"}}
    response = client.post(
        "/graphql/", {"query": record, "variables": variables}, content_type="application/json"
    )
    assert response.json()["data"]["recordProgress"]["ok"] is True
    assert "pages" in policy_calls


def test_answering_an_exercise_asks_the_policy(client, environment, policy_calls):
    module = factories.basic_module(
        environment, "Oefenen", body=[factories.block(*factories.exercise_block())]
    )
    (block,) = [block for _kind, block in factories.blocks_of(module)]
    answer = (
        "mutation ($input: LearningAnswerExerciseInput!) { answerExercise(input: $input) { ok } }"
    )
    option = factories.option_ids(module, block)[0]
    variables = {"input": {"page": str(module.pk), "block": block, "answer": [option]}}
    response = client.post(
        "/graphql/", {"query": answer, "variables": variables}, content_type="application/json"
    )
    assert response.json()["data"]["answerExercise"]["ok"] is True
    assert "pages" in policy_calls
