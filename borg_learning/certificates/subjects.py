"""What a certificate can be for: a registry of subjects.

A subject is one kind of thing a learner completes (a module; a learning route, once the
routes app registers one). It says how ``issueCertificate`` names it (its input field, and
the error code when that names nothing the request may see), finds the live item, tells
whether and when the learner completed it, and gives the facts to print.

The certificates app registers ``MODULE`` itself. Another app adds its own with the Wagtail
hook ``register_certificate_subject`` in its ``wagtail_hooks.py``, returning an instance::

    @hooks.register("register_certificate_subject")
    def route_subject():
        from .certificates import RouteSubject  # a Subject with kind "ROUTE", field "route"

        return RouteSubject()

The schema is built after the hooks are known: ``issueCertificate``'s input then takes
``route: ID`` and its error codes include the subject's ``unknown_code``.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from borg_learning.api.references import References
from borg_learning.learners.models import Completion, Learner
from borg_learning.models import ModulePage

HOOK = "register_certificate_subject"


@dataclass(frozen=True)
class Facts:
    """What a certificate says about its subject, copied when it is issued."""

    title: str
    duration_minutes: int
    development_group: str


@dataclass(frozen=True)
class Place:
    """Where a certificate's subject is now, so a frontend can link to it."""

    title: str
    #: A module: its path on the site (what ``page(path:)`` takes).
    path: str | None = None
    #: A route: its slug (what ``route(slug:)`` takes).
    slug: str | None = None


class Subject:
    """One kind of thing a certificate can be for."""

    #: Stored with the certificate and shown in the API, e.g. ``"MODULE"``.
    kind: str
    #: The input field of ``issueCertificate`` that names it, e.g. ``"module"``.
    field: str
    #: The error code when that field names nothing the request may see.
    unknown_code: str
    #: For the schema's description of the input field.
    description: str = ""
    #: Its name in the admin, e.g. "Module".
    label: str = ""

    def find(self, pk: str, references: References):
        """The live item with this id that the request may see (an object with a ``pk``,
        stored as the certificate's ``subject_id``), or None."""
        raise NotImplementedError

    def completed_on(self, learner: Learner, item) -> datetime.date | None:
        """The (local) date the learner completed the item; None when they have not."""
        raise NotImplementedError

    def facts(self, item) -> Facts:
        raise NotImplementedError

    #: The kind the request's loaders fetch its items as, in bulk, through the visibility
    #: policy (``References.get``): what ``place`` is given.
    loader_kind: str = ""

    def place(self, item, references: References) -> Place | None:
        """Where the loaded ``item`` is now; None when it is not of this subject."""
        raise NotImplementedError


class ModuleSubject(Subject):
    """A basic or specialist module, completed as a whole (``learners`` decides when)."""

    kind = "MODULE"
    field = "module"
    unknown_code = "UNKNOWN_MODULE"
    description = "A basic or specialist module the learner completed."
    label = _("Module")

    def find(self, pk, references):
        module = references.get("page", pk)
        return module if isinstance(module, ModulePage) else None

    def completed_on(self, learner, item):
        completed_at = (
            Completion.objects.filter(learner=learner, page_id=item.pk)
            .values_list("completed_at", flat=True)
            .first()
        )
        return timezone.localdate(completed_at) if completed_at else None

    loader_kind = "page"

    def place(self, item, references):
        if not isinstance(item, ModulePage):
            return None
        return Place(item.title, path=references.page_location(item)[0])

    def facts(self, item):
        group = item.development_group
        return Facts(
            title=item.title,
            duration_minutes=item.target_duration,
            development_group=group.name if group else "",
        )


def subjects() -> dict[str, Subject]:
    """The registered subjects by input field, in the order of the hooks."""
    found = {}
    for hook in hooks.get_hooks(HOOK):
        subject = hook()
        found[subject.field] = subject
    return found
