"""Issuing a certificate: ``issue()`` is the only way in.

It checks the name the learner typed, the subject (a module the request may see) and that
the learner completed it, before anything is written; then, with the learner's row
locked, it returns the certificate this learner already has for this subject under this
name, or issues a new one with the facts of today. A certificate under another name is
another certificate; the earlier ones stay valid (they may have been printed). A learner
has at most ``MAX_NAMES_PER_SUBJECT`` certificates per subject.

Problems are reported as the learners' ``LearnerError``: an input field, a stable code
(``Code``, or a subject's ``unknown_code``) and an English message; nothing is stored then.
"""

import secrets
import unicodedata
from enum import StrEnum

from django.db import IntegrityError, transaction
from django.http import HttpRequest

from borg_learning.api.references import References
from borg_learning.certificates import conf  # noqa: F401  (settings)
from borg_learning.certificates.models import CODE_LENGTH, Certificate
from borg_learning.certificates.subjects import Subject, subjects
from borg_learning.conf import learning_settings
from borg_learning.learners import identity
from borg_learning.learners.progress import LearnerError, known_learner, missing_learner

#: As the transfer codes: no look-alikes (no 0/O, 1/I/L).
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
NAME_MAX_LENGTH = Certificate._meta.get_field("name").max_length
MAX_NAMES_PER_SUBJECT = 5


class Code(StrEnum):
    """Why a certificate was refused (besides a subject's own ``unknown_code``)."""

    NO_LEARNER = "NO_LEARNER"
    UNKNOWN_LEARNER = "UNKNOWN_LEARNER"
    NO_SUBJECT = "NO_SUBJECT"
    UNKNOWN_MODULE = "UNKNOWN_MODULE"
    NOT_COMPLETED = "NOT_COMPLETED"
    INVALID_NAME = "INVALID_NAME"
    TOO_MANY_CERTIFICATES = "TOO_MANY_CERTIFICATES"


def clean_name(name: str | None) -> str:
    """The name as printed: trimmed, runs of spaces made one. Raises ``LearnerError`` for
    an empty or over-long name, or one with control characters (line breaks, tabs)."""
    if any(unicodedata.category(character) in ("Cc", "Cs", "Zl", "Zp") for character in name or ""):
        raise invalid_name("The name may not contain line breaks, tabs or control characters.")
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise invalid_name("Type the name to print on the certificate.")
    if len(cleaned) > NAME_MAX_LENGTH:
        raise invalid_name(f"The name is longer than {NAME_MAX_LENGTH} characters.")
    return cleaned


def invalid_name(message: str) -> LearnerError:
    return LearnerError.one("name", Code.INVALID_NAME, message)


def chosen_subject(values: dict) -> tuple[Subject, str]:
    """The one subject the input names, with the id it gives."""
    registered = subjects()
    given = [(subject, values[field]) for field, subject in registered.items() if values.get(field)]
    if len(given) != 1:
        fields = " or ".join(registered)
        raise LearnerError.one(
            None, Code.NO_SUBJECT, f"Name exactly one thing the certificate is for: {fields}."
        )
    return given[0]


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def issue(
    request: HttpRequest, values: dict, name: str | None, references: References | None = None
) -> Certificate:
    """The request's learner's certificate for the subject ``values`` names (e.g.
    ``{"module": "12"}``) under ``name``. Raises ``LearnerError``."""
    name = clean_name(name)
    subject, pk = chosen_subject(values)
    who = known_learner(request)
    references = references or References.of(request)
    item = subject.find(pk, references)
    if item is None:
        raise LearnerError.one(
            subject.field,
            subject.unknown_code,
            f"There is no published {subject.field} with id '{pk}' that this learner may see.",
        )
    with transaction.atomic():
        learner = identity.locked_learner(who, references)
        if learner is None:
            raise missing_learner(who)
        completed_on = subject.completed_on(learner, item)
        if completed_on is None:
            raise LearnerError.one(
                subject.field,
                Code.NOT_COMPLETED,
                f"The learner has not completed this {subject.field}.",
            )
        issued = Certificate.objects.filter(
            learner=learner, subject_kind=subject.kind, subject_id=item.pk
        )
        certificate = issued.filter(name=name).order_by("issued_at", "pk").first()
        if certificate is None:
            if issued.count() >= MAX_NAMES_PER_SUBJECT:
                raise LearnerError.one(
                    "name",
                    Code.TOO_MANY_CERTIFICATES,
                    f"This learner has {MAX_NAMES_PER_SUBJECT} certificates for this "
                    f"{subject.field} already, each under another name.",
                )
            facts = subject.facts(item)
            certificate = Certificate(
                learner=learner,
                subject_kind=subject.kind,
                subject_id=item.pk,
                name=name,
                title=facts.title,
                duration_minutes=facts.duration_minutes,
                completed_on=completed_on,
                development_group=facts.development_group,
                issuer=learning_settings.CERTIFICATE_ISSUER,
            )
            save_with_new_code(certificate)
    identity.forget_identity(request)
    return certificate


def save_with_new_code(certificate: Certificate) -> None:
    """Save with a random code; a code taken already (one in 10^17) gets another try."""
    for _attempt in range(5):
        certificate.code = new_code()
        try:
            with transaction.atomic():
                certificate.save()
            return
        except IntegrityError:
            if not Certificate.objects.filter(code=certificate.code).exists():
                raise
    raise IntegrityError("No free certificate code after 5 tries.")
