"""Fuzzing the GraphQL API with Schemathesis: every query and mutation of the schema the
endpoint serves, with arguments drawn at random and from the ids, slugs, paths, tokens and
codes of real content (route slugs and step ids, certificate codes among them), gets a
JSON answer that is no 5xx, and no exception is logged on the way.

Schemathesis (with hypothesis-graphql) writes the queries from the schema, in positive
mode (valid queries) and negative mode (arguments of the wrong type, missing ones). Each
case is sent with the Django test client, as a POST asking for ``application/json`` or
``application/graphql-response+json`` or, for a query, as a GET. Refusals are fine: a 4xx,
a GraphQL error, a rate limit or a cost limit; a 5xx is not, nor "Internal server error."
(a resolver's exception, logged and hidden from the client), nor what Schemathesis's
``response_schema_conformance`` check finds for GraphQL (an answer that is no JSON
object, null for a non-null field).

FUZZ_EXAMPLES (default 300) is how many cases a run may send in all, split over the
operations: an operation with arguments gets three shares, one without gets one (its few
possible queries run out quickly anyway). ``make fuzz`` runs 5000. Each run draws the same
cases (derandomized), so a failure in CI fails again on a laptop; FUZZ_SEED draws others.
Nothing is written to a Hypothesis database.

Each case starts from the same content: it runs in a savepoint that is rolled back, with
the caches emptied, so a mutation does not change what the next case sees and the rate
limits of recordVisit and submitEvaluation do not refuse every case after the first few.
"""

import copy
import datetime
import json
import logging
import os
import tempfile
import time
import uuid

import pytest
import requests
import schemathesis
from django.core.cache import caches
from django.db import transaction
from django.test import Client
from django.utils import timezone
from graphql import get_introspection_query
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from schemathesis.config import SchemathesisConfig
from schemathesis.core.transport import Response
from schemathesis.generation import GenerationMode
from schemathesis.graphql import nodes
from wagtail.models import Page

from borg_learning import models
from borg_learning.api.graphql import schema as graphene_schema
from borg_learning.certificates.models import Certificate
from borg_learning.evaluation import submit
from borg_learning.models.evaluation import Question
from borg_learning.routes.models import RouteEnrolment, StepDone
from tests import factories

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300"))
SEED = int(os.environ["FUZZ_SEED"]) if os.environ.get("FUZZ_SEED") else None

# Hypothesis keeps a cache of constants from the source in its home directory (there is no
# example database: database=None below); not in the checkout.
set_hypothesis_home_dir(os.path.join(tempfile.gettempdir(), "borg-learning-hypothesis"))

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
# The one message the endpoint answers an unexpected exception with (views.py).
INTERNAL_ERROR = "Internal server error."

# The follow-up code and submission id of the stored evaluation response, drawn as often
# as random UUIDs wherever the schema asks for a UUID (followUp, submitEvaluation). The
# registration is Schemathesis's, for the whole process; no other test uses Schemathesis.
FOLLOW_UP_CODE = uuid.UUID("7e4c2b7a-5f0e-4c7e-9d1e-0f0110f0110f")
SUBMISSION_ID = uuid.UUID("5b1d7e8e-3c2a-4f6b-8a9d-5ab5ab5ab5ab")
schemathesis.graphql.scalar(
    "UUID",
    st.one_of(st.sampled_from([FOLLOW_UP_CODE, SUBMISSION_ID]), st.uuids())
    .map(str)
    .map(nodes.String),
)


def operation_labels():
    """``Query.page``, ``Mutation.submitEvaluation``... with whether they take arguments."""
    graphql_schema = graphene_schema.graphql_schema
    return {
        f"{root.name}.{name}": bool(field.args)
        for root in (graphql_schema.query_type, graphql_schema.mutation_type)
        for name, field in root.fields.items()
    }


OPERATIONS = operation_labels()
SHARES = {label: 3 if has_arguments else 1 for label, has_arguments in OPERATIONS.items()}


def examples_for(label):
    """This operation's part of FUZZ_EXAMPLES; at least 2, one positive, one negative."""
    return max(2, EXAMPLES * SHARES[label] // sum(SHARES.values()))


@pytest.fixture
def content():
    """Demo-like content: a learning environment with start buttons, sections of basic
    and specialist modules (every kind of block, a questionnaire with follow-up
    questions, themes, roles, a development group, images), module parts, a catalogue of
    offers, a restricted page, a draft with a preview token, an evaluation response
    whose follow-up is due, learning routes and certificates. Returns what the fuzzer
    draws arguments from."""
    themes = [
        factories.theme(name="Seksueel grensoverschrijdend gedrag", slug="sgg"),
        factories.theme(name="Agressie", slug="agressie", colour="blue", icon="book"),
        factories.theme(name="Leeg thema", slug="leeg"),
    ]
    group = models.DevelopmentGroup.objects.create(name="Ontwikkelgroep SGG")
    group.members.create(name="A. de Vries", role="gedragswetenschapper")

    env = factories.learning_environment()
    basics = factories.section(env, title="Basismodules")
    specialists = factories.section(env, title="Specialistische modules")
    questionnaire = factories.questionnaire()
    basic = factories.basic_module(
        basics,
        "Grenzen stellen",
        themes=themes[:2],
        body=factories.body_blocks(7, basics),
        image=factories.image(title="Tegel"),
        questionnaire=questionnaire,
        audience_roles=["nurse", "support-worker"],
        development_group=group,
        last_reviewed=datetime.date(2025, 1, 1),
    )
    factories.basic_module(basics, "Omgaan met agressie", themes=themes[1:2])
    specialist = factories.specialist_module(
        specialists, "Signaleren", themes=themes[:1], parts=2, blocks_per_part=7
    )
    models.StartButton.objects.create(page=env, label="Thema", target_theme=themes[0])
    models.StartButton.objects.create(
        page=env, label="Module", target_page=basic, colour="blue", icon="book"
    )
    models.StartButton.objects.create(page=env, label="Extern", target_url="https://example.org")

    factories.catalogue_page(env)
    providers = [factories.provider(name="GGZ Ecademy", with_logo=True), factories.provider()]
    offerings = [
        factories.offering(provider=providers[0], themes=themes[:2], target_groups=["lvb"]),
        factories.offering(provider=providers[1], cost=0, format="webinar"),
        factories.offering(provider=providers[1], cost=250, duration_minutes=90),
    ]

    private = factories.section(env, title="Intern")
    factories.basic_module(private, "Alleen intern")
    factories.restrict(private)
    draft = factories.basic_module(basics, "Nog niet af", publish=False)
    factories.save_draft(basic, title="Grenzen stellen (nieuw)")

    asked = questionnaire.questions.filter(part="first")
    first = submit(
        basic,
        SUBMISSION_ID,
        [{"question": q.pk, "number": 4} for q in asked.filter(kind="likert")]
        + [{"question": q.pk, "choices": ["Ja"]} for q in asked.filter(kind="single")],
    ).response
    first.follow_up_code = FOLLOW_UP_CODE
    first.follow_up_due = timezone.localdate() - datetime.timedelta(days=1)
    first.save()

    routes, certificates = route_content(basic, specialist, offerings[0])

    pages = Page.objects.exclude(depth=1)
    return {
        "page_ids": [str(pk) for pk in pages.values_list("pk", flat=True)],
        "module_ids": [str(pk) for pk in models.ModulePage.objects.values_list("pk", flat=True)],
        "paths": ["/", *(page.url_path.removeprefix("/home-borg") for page in pages)],
        "preview_tokens": [factories.preview_token(basic), factories.preview_token(draft)],
        "offering_ids": [str(offering.pk) for offering in offerings],
        "provider_ids": [str(provider.pk) for provider in providers],
        "theme_slugs": [theme.slug for theme in themes],
        "target_groups": ["sglvg", "lvb", "forensic", "ggz"],
        "roles": ["support-worker", "nurse", "physician"],
        "words": ["grenzen", "agressie", "training", "woord", "module", "signaleren"],
        "question_ids": [str(pk) for pk in Question.objects.values_list("pk", flat=True)],
        "choices": ["Ja", "Nee", "Weet ik niet", "Video", "Tekst", "Oefening"],
        "route_slugs": [route.slug for route in routes],
        "route_ids": [str(route.pk) for route in routes],
        "step_ids": [
            str(pk) for route in routes for pk in route.steps.values_list("pk", flat=True)
        ],
        # As stored, as printed and as typed by hand.
        "certificate_codes": [
            code
            for certificate in certificates
            for code in (certificate.code, certificate.shown_code, certificate.shown_code.lower())
        ],
    }


def route_content(basic, specialist, offering):
    """A published route of every kind of step, a draft route, and a learner who started
    the first, marked its assignment and has certificates of the module and the route."""
    assignment = {"title": "Loop een dienst mee", "duration_minutes": 60}
    part = specialist.get_children().first().specific
    routes = [
        factories.route(
            [basic, part, offering, assignment],
            title="Inwerkroute begeleider",
            audience_roles=["support-worker"],
        ),
        factories.route([basic], title="Inwerkroute arts", audience_roles=["physician"]),
        factories.route([specialist], title="Concept", publish=False),
    ]
    learner = factories.learner()[0]
    RouteEnrolment.objects.create(learner=learner, route=routes[0])
    StepDone.objects.create(
        learner=learner, step=routes[0].steps.last(), done_on=timezone.localdate()
    )
    certificates = [
        Certificate.objects.create(
            learner=learner,
            subject_kind=kind,
            subject_id=subject.pk,
            name="Anna de Vries",
            title=subject.title,
            duration_minutes=60,
            completed_on=timezone.localdate(),
            issuer="De Borg",
            code=code,
        )
        for kind, subject, code in [
            ("MODULE", basic, "K7QM3XPD9WHT"),
            ("ROUTE", routes[0], "NHXKSE8U5MQM"),
        ]
    ]
    return routes, certificates


def fuzz_config(content):
    """Schemathesis's configuration: the values of real content and page sizes in range,
    each drawn for its arguments with probability 1/2 (else a random value of the
    argument's type)."""
    values = {
        "page_ids": content["page_ids"],
        "module_ids": content["module_ids"],
        "paths": content["paths"],
        "preview_tokens": content["preview_tokens"],
        "offering_ids": content["offering_ids"],
        "provider_ids": content["provider_ids"],
        "theme_slugs": content["theme_slugs"],
        "target_groups": content["target_groups"],
        "roles": content["roles"],
        "words": content["words"],
        "question_ids": content["question_ids"],
        "choices": content["choices"],
        "route_slugs": content["route_slugs"],
        "route_ids": content["route_ids"],
        "step_ids": content["step_ids"],
        "certificate_codes": content["certificate_codes"],
        "limits": [1, 2, 5, 20, 100],
        "offsets": [0, 1, 3, 1000],
        "answer_numbers": [1, 3, 5, 10],
    }
    bindings = {
        "*.*.limit": "limits",
        "*.*.offset": "offsets",
        "Query.page.id": "page_ids",
        "Query.page.path": "paths",
        "Query.page.previewToken": "preview_tokens",
        "Query.learningEnvironment.id": "page_ids",
        "Query.offering.id": "offering_ids",
        "Query.catalogue.provider": "provider_ids",
        "Query.catalogue.theme": "theme_slugs",
        "Query.catalogue.targetGroup": "target_groups",
        "Query.catalogue.search": "words",
        "Query.search.query": "words",
        "Query.theme.slug": "theme_slugs",
        "Query.modules.theme": "theme_slugs",
        "Query.modules.role": "roles",
        "Mutation.recordVisit.page": "page_ids",
        "Mutation.submitEvaluation.input.module": "module_ids",
        "Mutation.submitEvaluation.input.answers[*].question": "question_ids",
        "Mutation.submitEvaluation.input.answers[*].number": "answer_numbers",
        "Mutation.submitEvaluation.input.answers[*].choices[*]": "choices",
        # borg_learning.routes and .certificates
        "Query.routes.role": "roles",
        "Query.route.slug": "route_slugs",
        "Query.verifyCertificate.code": "certificate_codes",
        "Mutation.startRoute.route": "route_slugs",
        "Mutation.markRouteStepDone.route": "route_slugs",
        "Mutation.markRouteStepDone.step": "step_ids",
        "Mutation.unmarkRouteStepDone.route": "route_slugs",
        "Mutation.unmarkRouteStepDone.step": "step_ids",
        "Mutation.issueCertificate.input.module": "module_ids",
        "Mutation.issueCertificate.input.route": "route_ids",
    }
    return SchemathesisConfig.from_dict(
        {
            "base-url": "http://testserver/graphql/",
            "dictionaries": {name: {"values": entries} for name, entries in values.items()},
            "parameters": {
                key: {"dictionary": name, "probability": 0.5} for key, name in bindings.items()
            },
        }
    )


def with_arguments(document, arguments):
    """A copy of a one-field ``document`` whose field has these ``arguments``."""
    operation = document.definitions[0]
    field = copy.copy(operation.selection_set.selections[0])
    field.arguments = arguments
    selection_set = copy.copy(operation.selection_set)
    selection_set.selections = (field,)
    operation = copy.copy(operation)
    operation.selection_set = selection_set
    document = copy.copy(document)
    document.definitions = (operation,)
    return document


def flatmap_body(ctx, body):
    """``page`` takes exactly one of id, path and previewToken, and the generator often
    writes two or three: most cases keep one of them, so that they reach a page."""
    if ctx.operation.label != "Query.page":
        return st.just(body)
    (field,) = body.definitions[0].selection_set.selections
    given = [argument for argument in field.arguments if argument.value.kind != "null_value"]
    return st.sampled_from([body, *(with_arguments(body, (argument,)) for argument in given)])


def load_schema(client, content):
    """The schema as the endpoint serves it, by introspection."""
    response = client.post("/graphql/", {"query": get_introspection_query()}, content_type=JSON)
    assert response.status_code == 200, response.content
    schema = schemathesis.graphql.from_dict(response.json()["data"], config=fuzz_config(content))
    schema.hook(flatmap_body)
    return schema


class LoggedErrors(logging.Handler):
    """Collects the errors logged while a case runs: a resolver's exception, a 5xx."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.records = []

    def emit(self, record):
        self.records.append(record)


def send(client, case, transport):
    """Send a case as ``transport`` says; the answer as Schemathesis's Response."""
    started = time.monotonic()
    if transport == "GET":
        response = client.get("/graphql/", {"query": case.body}, HTTP_ACCEPT=JSON)
        request = requests.Request("GET", "http://testserver/graphql/", params={"query": case.body})
    else:
        body = json.dumps({"query": case.body})
        response = client.post(
            "/graphql/", body, content_type=JSON, HTTP_ACCEPT=transport.split()[-1]
        )
        request = requests.Request(
            "POST",
            "http://testserver/graphql/",
            data=body,
            headers={"Content-Type": JSON, "Accept": transport.split()[-1]},
        )
    return Response(
        status_code=response.status_code,
        headers={name: [value] for name, value in response.headers.items()},
        content=response.content,
        request=request.prepare(),
        elapsed=time.monotonic() - started,
        verify=False,
        encoding="utf-8",
    )


def no_server_error(ctx, response, case):
    """No 5xx, a JSON body, and no error that hides an exception."""
    assert response.status_code < 500, f"{response.status_code}: {response.content[:500]!r}"
    media_type = response.headers.get("content-type", [""])[0].split(";")[0]
    assert media_type in (JSON, GRAPHQL_RESPONSE), f"Content-Type {media_type!r}"
    payload = json.loads(response.content)
    messages = [error.get("message") for error in payload.get("errors") or []]
    assert INTERNAL_ERROR not in messages, payload
    return None


def run_cases(client, operation, mode, max_examples, logged):
    strategy = operation.as_strategy(generation_mode=mode)
    transports = ["POST " + JSON, "POST " + GRAPHQL_RESPONSE]
    if operation.label.startswith("Query."):
        transports.append("GET")
    checks = [schemathesis.checks.response_schema_conformance, no_server_error]
    sent = []

    @settings(
        max_examples=max_examples,
        derandomize=SEED is None,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        print_blob=False,
    )
    @given(case=strategy, transport=st.sampled_from(transports))
    def fuzz(case, transport):
        for cache in caches.all():
            cache.clear()
        logged.records.clear()
        with transaction.atomic():
            response = send(client, case, transport)
            transaction.set_rollback(True)
        sent.append(case)
        try:
            case.validate_response(response, checks=checks)
            assert not logged.records, "logged:\n" + "\n".join(
                logged.format(record) for record in logged.records
            )
        except BaseException as error:  # a FailureGroup is a BaseExceptionGroup
            error.add_note(f"Sent as {transport}:\n{case.body}")
            raise

    if SEED is not None:
        fuzz = seed(SEED)(fuzz)
    fuzz()
    return len(sent)


@pytest.fixture
def logged():
    """The errors logged by the app and by Django's request handler while the test runs."""
    handler = LoggedErrors()
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    loggers = [logging.getLogger(name) for name in ("borg_learning", "django.request")]
    for logger in loggers:
        logger.addHandler(handler)
    yield handler
    for logger in loggers:
        logger.removeHandler(handler)


def test_fuzz_graphql(content, logged, subtests):
    """No case gets a 5xx, a body that is no JSON object, or a logged exception.

    One test with a subtest per operation, so that the content is made once."""
    client = Client(raise_request_exception=False)
    schema = load_schema(client, content)
    for label in OPERATIONS:
        with subtests.test(operation=label):
            operation = schema.find_operation_by_label(label)
            budget = examples_for(label)
            negative = max(1, budget // 3)
            sent = run_cases(client, operation, GenerationMode.POSITIVE, budget - negative, logged)
            sent += run_cases(client, operation, GenerationMode.NEGATIVE, negative, logged)
            assert sent > 0
