"""What an accepted resource link launch stores: the learner linked to (platform,
subject), the launch's grade endpoint when the platform offers one, a ``launched``
statement when the platform wants xAPI statements, and a fresh learner token for the
frontend. One transaction, with the nonce spent in it."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from borg_learning.conf import learning_settings
from borg_learning.learners.identity import issue_token
from borg_learning.learners.models import Completion, Learner
from borg_learning.lms import grading, id_tokens, recording
from borg_learning.lms.id_tokens import LTI
from borg_learning.lms.models import Launch, Platform, PlatformLearner, TargetKind
from borg_learning.lms.targets import Target

AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"


def _name(claims: dict) -> str:
    if not learning_settings.LMS_STORE_NAMES:
        return ""
    return str(claims.get("name") or "")[:255]


def linked_learner(platform: Platform, claims: dict) -> PlatformLearner:
    """The learner of (platform, ``sub``), made on the first launch; safe when two first
    launches race."""
    subject = str(claims["sub"])[:255]
    link = (
        PlatformLearner.objects.filter(platform=platform, subject=subject)
        .select_related("learner")
        .first()
    )
    if link is None:
        try:
            with transaction.atomic():
                link = PlatformLearner.objects.create(
                    platform=platform,
                    subject=subject,
                    learner=Learner.objects.create(),
                    name=_name(claims),
                )
        except IntegrityError:
            link = PlatformLearner.objects.select_related("learner").get(
                platform=platform, subject=subject
            )
    elif link.name != _name(claims):
        link.name = _name(claims)
        link.save(update_fields=["name"])
    return link


def claim(claims: dict, name: str) -> dict:
    """A claim that should be an object; ``{}`` when it is missing or is not one."""
    value = claims.get(name)
    return value if isinstance(value, dict) else {}


def lineitem_url(claims: dict) -> str:
    """The line item to send the score to, when the platform lets this tool post scores."""
    endpoint = claim(claims, AGS)
    scopes = endpoint.get("scope") if isinstance(endpoint.get("scope"), list) else []
    url = endpoint.get("lineitem") or ""
    return url if isinstance(url, str) and grading.SCORE_SCOPE in scopes else ""


def accept(platform: Platform, claims: dict, target: Target) -> str:
    """Store the launch and answer the learner token to hand to the frontend."""
    with transaction.atomic():
        id_tokens.use_nonce(platform, claims)
        link = linked_learner(platform, claims)
        recording.launched(platform, link, target)
        resource_link = claim(claims, LTI + "resource_link").get("id")
        url = lineitem_url(claims)
        if url and resource_link:
            launch, _created = Launch.objects.update_or_create(
                link=link,
                resource_link_id=str(resource_link)[:255],
                defaults={
                    "deployment_id": str(claims[LTI + "deployment_id"])[:255],
                    "target_kind": target.kind,
                    "target_id": target.id,
                    "lineitem_url": url,
                    "updated_at": timezone.now(),
                },
            )
            if already_completed(link.learner, target):
                # Completed before this launch: no event will come, so the grade goes now.
                grading.record(link.learner, target.kind, target.id, module_id=target.module_id)
        return issue_token(link.learner)


def already_completed(learner, target: Target) -> bool:
    if target.kind == TargetKind.ROUTE:
        from borg_learning.routes.models import RouteEnrolment

        return RouteEnrolment.objects.filter(
            learner=learner, route_id=target.id, completed_at__isnull=False
        ).exists()
    return Completion.objects.filter(learner=learner, page_id=target.id).exists()
