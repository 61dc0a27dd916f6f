"""The certificates app: its settings, its subjects, its Dutch."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory, override_settings
from django.utils import translation
from wagtail import hooks

from borg_learning.certificates import issuing
from borg_learning.certificates.models import Certificate
from borg_learning.certificates.subjects import Facts, ModuleSubject, Subject, subjects
from borg_learning.checks import check_learning_settings
from borg_learning.learners.progress import LearnerError
from borg_learning.routes.certificates import RouteSubject
from tests import factories
from tests.helpers.translations import assert_fully_translated


@override_settings(BORG_LEARNING={"CERTIFICATE_ISSUER": " ", "CERTIFICATE_LOOKUP_RATE_LIMIT": 0})
def test_bad_certificate_settings_are_reported():
    messages = " ".join(error.msg for error in check_learning_settings())
    assert "CERTIFICATE_ISSUER" in messages and "CERTIFICATE_LOOKUP_RATE_LIMIT" in messages


def test_modules_are_the_apps_own_subject_and_routes_add_theirs():
    assert {field: type(subject) for field, subject in subjects().items()} == {
        "module": ModuleSubject,
        "route": RouteSubject,
    }


class Workshop(Subject):
    """A made-up subject: everything with id 7 was completed on 1 March 2026."""

    kind, field, unknown_code = "WORKSHOP", "workshop", "UNKNOWN_WORKSHOP"

    def find(self, pk, references):
        return SimpleNamespace(pk=7) if pk == "7" else None

    def completed_on(self, learner, item):
        return datetime.date(2026, 3, 1)

    def facts(self, item):
        return Facts(title="Workshop", duration_minutes=90, development_group="")


@pytest.mark.django_db
def test_a_hooked_subject_can_be_certified():
    learner, token = factories.learner()
    request = RequestFactory().post("/graphql/", HTTP_X_LEARNER_TOKEN=token)
    request.user = AnonymousUser()
    with hooks.register_temporarily("register_certificate_subject", Workshop):
        with pytest.raises(LearnerError) as refused:
            issuing.issue(request, {"workshop": "8"}, "Anna")
        assert [problem.code for problem in refused.value.problems] == ["UNKNOWN_WORKSHOP"]
        certificate = issuing.issue(request, {"workshop": "7"}, "Anna")
    assert (certificate.subject_kind, certificate.title, str(certificate.completed_on)) == (
        "WORKSHOP",
        "Workshop",
        "2026-03-01",
    )
    assert Certificate.objects.get().learner == learner


def test_the_certificates_speak_dutch_in_the_admin():
    with translation.override("nl"):
        assert str(Certificate._meta.verbose_name) == "bewijs van deelname"
        assert str(Certificate._meta.get_field("code").verbose_name) == "controlecode"


def test_every_string_of_the_catalogue_is_translated():
    assert_fully_translated("borg_learning_certificates")
