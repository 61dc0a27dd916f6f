"""Certificates over GraphQL: ``issueCertificate``, the public ``verifyCertificate`` and
``me { certificates }``.

``issueCertificate`` takes one input field per registered subject (``module``; ``route``
once routes register theirs, see ``subjects``), so the input type and the error codes are
made from the registry when the schema is built. Problems come back in the payload's
``errors``, as with the learners' mutations: nothing is stored then.
"""

from enum import StrEnum

import graphene
from graphql import GraphQLError

from borg_learning.api.graphql.enums import enum_from_choices
from borg_learning.api.graphql.loaders import Loaders, database_id
from borg_learning.api.graphql.response_cache import never_cache
from borg_learning.certificates import document, issuing, verification
from borg_learning.certificates.models import Certificate
from borg_learning.certificates.subjects import subjects
from borg_learning.learners import identity
from borg_learning.learners.graphql import LEARNER_CODE_DESCRIPTIONS, learner_error_type
from borg_learning.learners.progress import LearnerError

SUBJECTS = subjects()

CODE_DESCRIPTIONS = {
    "NO_SUBJECT": "The input names no subject, or more than one.",
    "NOT_COMPLETED": "The learner has not completed it (yet).",
    "INVALID_NAME": "The name is empty, longer than 100 characters, or has line breaks, tabs "
    "or control characters.",
    "TOO_MANY_CERTIFICATES": "The learner has 5 certificates for this subject already, each "
    "under another name.",
}
for subject in SUBJECTS.values():
    CODE_DESCRIPTIONS.setdefault(
        subject.unknown_code,
        f"No published {subject.field} with that id that the learner may see.",
    )
ErrorCode = StrEnum(
    "ErrorCode",
    {
        code: code
        for code in dict.fromkeys([*issuing.Code, *LEARNER_CODE_DESCRIPTIONS, *CODE_DESCRIPTIONS])
    },
)
CertificateError, CertificateErrorCode = learner_error_type(
    "LearningCertificateError",
    ErrorCode,
    "One problem with a request for a certificate; nothing of it was stored.",
    "Why a certificate was refused.",
    "name, module, learnerToken",
    CODE_DESCRIPTIONS,
)


SubjectKind = StrEnum("SubjectKind", {subject.kind: subject.kind for subject in SUBJECTS.values()})
SubjectKindEnum = enum_from_choices(
    SubjectKind,
    "LearningCertificateSubjectKind",
    "What a certificate is for.",
    values={subject.kind: subject.description for subject in SUBJECTS.values()},
)
SUBJECTS_BY_KIND = {subject.kind: subject for subject in SUBJECTS.values()}


class CertificateSubject(graphene.ObjectType):
    """What a certificate is for, to find it in the API. Its title, path and slug are null
    when it is gone or may not be seen; the certificate keeps the title it was issued with."""

    class Meta:
        name = "LearningCertificateSubject"

    kind = graphene.Field(SubjectKindEnum, required=True)
    id = graphene.ID(
        required=True,
        description="The module's page id (MODULE) or the route's id (ROUTE), as "
        "issueCertificate took it.",
    )
    title = graphene.String(description="Its title now.")
    path = graphene.String(
        description="A module: its path on the site, as page(path:) takes it; null for a route."
    )
    slug = graphene.String(
        description="A route: its slug, as route(slug:) takes it; null for a module."
    )


class SubjectView:
    def __init__(self, kind, pk, place):
        self.kind, self.id = kind, str(pk)
        self.title = place.title if place else None
        self.path = place.path if place else None
        self.slug = place.slug if place else None


def want_subjects(loaders, certificates):
    """Announce the certificates' subjects, so the first ``subject`` loads them all: a
    query per kind of subject, however many certificates."""
    for certificate in certificates:
        subject = SUBJECTS_BY_KIND.get(certificate.subject_kind)
        if subject is not None:
            loaders.want(subject.loader_kind, certificate.subject_id)
    return certificates


class CertificateType(graphene.ObjectType):
    """A certificate of participation: what is printed on it, and where to get and check it."""

    class Meta:
        name = "LearningCertificate"

    code = graphene.String(
        required=True,
        description="The verification code as printed (K7QM-3XPD-9WHT): anyone with it can "
        "check the certificate.",
    )
    pdf_url = graphene.String(required=True, description="The certificate as a PDF, to download.")
    verify_url = graphene.String(
        required=True, description="The public page that confirms it (its QR code points here)."
    )
    name = graphene.String(required=True, description="The name the learner typed for it.")
    title = graphene.String(required=True, description="What was completed, as titled then.")
    duration_minutes = graphene.Int(required=True)
    completed_on = graphene.Date(required=True)
    development_group = graphene.String(description="Null when the module had none.")
    issuer = graphene.String(required=True)
    issued_at = graphene.DateTime(required=True)
    subject = graphene.Field(
        CertificateSubject,
        description="What it is for; null when that kind of subject is no longer installed.",
    )

    def resolve_code(certificate, info):
        return certificate.shown_code

    def resolve_pdf_url(certificate, info):
        return document.pdf_url(info.context, certificate)

    def resolve_verify_url(certificate, info):
        return document.verify_url(info.context, certificate)

    def resolve_development_group(certificate, info):
        return certificate.development_group or None

    def resolve_subject(certificate, info):
        subject = SUBJECTS_BY_KIND.get(certificate.subject_kind)
        if subject is None:
            return None
        loaders = Loaders.of(info)
        item = loaders.get(subject.loader_kind, certificate.subject_id)
        place = subject.place(item, loaders) if item is not None else None
        return SubjectView(subject.kind, certificate.subject_id, place)


# --- me { certificates } -----------------------------------------------------------------


def subject_filter(values: dict) -> dict:
    """The certificates of the subjects ``values`` names (e.g. ``{"module": "12"}``)."""
    for field, subject in SUBJECTS.items():
        if values.get(field) is not None:
            return {"subject_kind": subject.kind, "subject_id": max(database_id(values[field]), 0)}
    return {}


class CertificateFields:
    """``me { certificates }``, added with the hook ``register_learner_graphql_fields``."""

    certificates = graphene.List(
        graphene.NonNull(CertificateType),
        required=True,
        description="The learner's certificates, the latest first; of one subject when "
        "its field is given.",
        **{
            field: graphene.ID(description=subject.description)
            for field, subject in SUBJECTS.items()
        },
    )

    def resolve_certificates(view, info, **values):
        if view.learner is None:
            return []
        certificates = Certificate.objects.filter(
            learner=view.learner, **subject_filter(values)
        ).order_by("-issued_at", "-pk")
        return want_subjects(Loaders.of(info), list(certificates))


# --- exportMyData { data { certificates } } ---------------------------------------------------


class MyDataCertificate(graphene.ObjectType):
    """A certificate issued to the learner, as the export's JSON has it."""

    class Meta:
        name = "LearningMyDataCertificate"

    code = graphene.String(required=True)
    subject = graphene.Field(SubjectKindEnum, required=True, description="What it is for.")
    subject_id = graphene.ID(required=True, description="The id of the module or route.")
    name = graphene.String(required=True)
    title = graphene.String(required=True)
    duration_minutes = graphene.Int(required=True)
    completed_on = graphene.Date(required=True)
    development_group = graphene.String()
    issuer = graphene.String(required=True)
    issued_at = graphene.DateTime(required=True)


class MyDataCertificateFields:
    """The certificates' key of the export (``privacy.exported``), typed; added to
    ``LearningMyData`` with the hook ``register_learner_export_graphql_fields``."""

    certificates = graphene.List(graphene.NonNull(MyDataCertificate), required=True)


# --- verifyCertificate ---------------------------------------------------------------------


class CertificateQuery:
    verify_certificate = graphene.Field(
        CertificateType,
        code=graphene.String(
            required=True, description="As printed; case, spaces and hyphens do not matter."
        ),
        description="The certificate with this code, to confirm it is genuine; null for an "
        "unknown code. Unknown codes count against a rate limit per address "
        "(BORG_LEARNING['CERTIFICATE_LOOKUP_RATE_LIMIT']); past it, an error with code "
        "RATE_LIMITED.",
    )

    def resolve_verify_certificate(root, info, code):
        never_cache(info.context)  # counted per client, and about one person
        try:
            return verification.find(info.context, code)
        except verification.RateLimited as refused:
            raise GraphQLError(str(refused), extensions={"code": "RATE_LIMITED"}) from None


# --- issueCertificate ------------------------------------------------------------------------

IssueCertificateInput = type(
    "IssueCertificateInput",
    (graphene.InputObjectType,),
    {
        "Meta": type("Meta", (), {"name": "LearningIssueCertificateInput"}),
        "__doc__": "What the certificate is for (one of the subject fields) and the name to "
        "print on it.",
        **{
            field: graphene.ID(description=subject.description)
            for field, subject in SUBJECTS.items()
        },
        "name": graphene.String(
            required=True,
            description="The learner's name as it should be printed: at most 100 characters, "
            "on one line.",
        ),
    },
)


class IssueCertificatePayload(graphene.ObjectType):
    class Meta:
        name = "LearningIssueCertificatePayload"

    certificate = graphene.Field(
        CertificateType,
        description="The certificate: the one issued before under this name, or a new one.",
    )
    errors = graphene.List(graphene.NonNull(CertificateError), required=True)
    token_retired = graphene.Boolean(
        required=True,
        description="Forget the token sent: signed in, it was merged into the account's "
        "progress (or is not the account's).",
    )


class Answer:
    def __init__(self, certificate=None, errors=(), token_retired=False):
        self.certificate = certificate
        self.errors = list(errors)
        self.token_retired = token_retired


class IssueCertificate(graphene.Mutation):
    """A certificate for something the learner completed, under the name they typed."""

    class Arguments:
        input = IssueCertificateInput(required=True)

    Output = IssueCertificatePayload

    def mutate(root, info, input):
        request = info.context
        retired = identity.identify(request).token_retired
        values = {field: input.get(field) for field in SUBJECTS}
        try:
            certificate = issuing.issue(
                request, values, input.get("name"), references=Loaders.of(info)
            )
        except LearnerError as error:
            return Answer(errors=error.problems, token_retired=retired)
        return Answer(certificate, token_retired=retired)


class CertificateMutation:
    issue_certificate = IssueCertificate.Field(
        description="A certificate of participation for a completed module. The same name "
        "again gives the same certificate; another name issues another (at most 5 per "
        "module), and the earlier ones stay valid."
    )
