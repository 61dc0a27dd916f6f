"""What an xAPI statement (version 1.0.3) about a learner from an LMS says.

The actor is the learner as the LMS knows them: an account whose ``homePage`` is the
platform's issuer and whose ``name`` is the LMS's opaque user id (``sub``); a person's
name only when the LMS sent it and ``LMS_STORE_NAMES`` kept it, never an e-mail address.
The verbs are ADL's (``http://adlnet.gov/expapi/verbs/``). An activity's id is made from
the frontend's root URL and the page's (or route's) id, so it stays the same when a page
is renamed or moved: ``https://leren.example.nl/xapi/activities/pages/12``; the page's
own frontend URL is its ``moreInfo``.
"""

import datetime
import html
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Page, Site

from borg_learning.content.exercises import ExerciseKind
from borg_learning.frontend_urls import frontend_root_url
from borg_learning.learners.rules import Block
from borg_learning.lms.models import PlatformLearner
from borg_learning.lms.targets import default_site, route_url
from borg_learning.models import ModulePage

ADL_VERBS = "http://adlnet.gov/expapi/verbs/"
ADL_ACTIVITIES = "http://adlnet.gov/expapi/activities/"
LAUNCHED, ANSWERED, COMPLETED, PASSED, FAILED = (
    "launched",
    "answered",
    "completed",
    "passed",
    "failed",
)
#: The interaction type (xAPI's cmi.interaction) of each kind of exercise.
INTERACTION_TYPES = {
    ExerciseKind.SINGLE_CHOICE: "choice",
    ExerciseKind.MULTIPLE_CHOICE: "choice",
    ExerciseKind.TRUE_FALSE: "true-false",
    ExerciseKind.REFLECTION: "long-fill-in",
}
#: The longest activity name sent; a longer question is cut.
NAME_LENGTH = 250


@dataclass(frozen=True)
class Activity:
    id: str
    type: str
    name: str
    more_info: str = ""
    interaction_type: str = ""

    def as_json(self) -> dict:
        definition = {"type": self.type}
        if self.name:
            definition["name"] = {language(): self.name}
        if self.more_info:
            definition["moreInfo"] = self.more_info
        if self.interaction_type:
            definition["interactionType"] = self.interaction_type
        return {"objectType": "Activity", "id": self.id, "definition": definition}


def language() -> str:
    """The site's language, as the tag of a language map (RFC 5646)."""
    return settings.LANGUAGE_CODE


def site_of(page: Page | None = None) -> Site | None:
    site = page.get_site() if page is not None else None
    return site or default_site()


def root_of(site: Site | None) -> str:
    """The frontend's root URL, which activity ids are made from."""
    return frontend_root_url(site.root_url if site else "")


def page_activity(page: Page, site: Site | None = None) -> Activity:
    """A module (ADL's ``module``), a specialist module's part or another learning page
    (``lesson``)."""
    return target_page_activity(
        page.pk,
        page.title,
        page.get_full_url() or "",
        is_module=isinstance(page, ModulePage),
        site=site or site_of(page),
    )


def target_page_activity(
    page_id: int, title: str, url: str, *, is_module: bool, site: Site | None
) -> Activity:
    """A page's activity from what is known of it (a launch's ``Target``)."""
    return Activity(
        id=f"{root_of(site)}/xapi/activities/pages/{page_id}",
        type=ADL_ACTIVITIES + ("module" if is_module else "lesson"),
        name=title,
        more_info=url,
    )


def route_activity(route_id: int, title: str, slug: str, site: Site | None) -> Activity:
    """A learning route (ADL's ``course``), on ``site`` (the default site: routes belong
    to no page)."""
    root = root_of(site)
    return Activity(
        id=f"{root}/xapi/activities/routes/{route_id}",
        type=ADL_ACTIVITIES + "course",
        name=title,
        more_info=route_url(root, slug),
    )


def exercise_activity(page_activity: Activity, block: Block) -> Activity:
    """An exercise of a page (an interaction): its question is its name."""
    question = html.unescape(strip_tags(str(block.value.get("question") or ""))).strip()
    if len(question) > NAME_LENGTH:
        question = question[: NAME_LENGTH - 1].rstrip() + "…"
    return Activity(
        id=f"{page_activity.id}/exercises/{block.id}",
        type=ADL_ACTIVITIES + "cmi.interaction",
        name=question,
        interaction_type=INTERACTION_TYPES.get(block.exercise_kind, "other"),
    )


def actor(link: PlatformLearner) -> dict:
    agent = {
        "objectType": "Agent",
        "account": {"homePage": link.platform.issuer, "name": link.subject},
    }
    if link.name:  # only kept when the LMS sent it and LMS_STORE_NAMES allows it
        agent["name"] = link.name
    return agent


def timestamp(moment: datetime.datetime | None = None) -> str:
    moment = (moment or timezone.now()).astimezone(datetime.UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def statement(
    link: PlatformLearner,
    verb: str,
    activity: Activity,
    *,
    result: dict | None = None,
    parents: tuple[Activity, ...] = (),
    grouping: tuple[Activity, ...] = (),
    site: Site | None = None,
    at: datetime.datetime | None = None,
) -> dict:
    """A statement with a fresh id (kept as the outbox row's ``statement_id``)."""
    made = {
        "id": str(uuid.uuid4()),
        "actor": actor(link),
        "verb": {"id": ADL_VERBS + verb, "display": {"en-US": verb}},
        "object": activity.as_json(),
        "timestamp": timestamp(at),
    }
    if result:
        made["result"] = result
    context = {"language": language()}
    activities = {}
    if parents:
        activities["parent"] = [parent.as_json() for parent in parents]
    if grouping:
        activities["grouping"] = [group.as_json() for group in grouping]
    if activities:
        context["contextActivities"] = activities
    if site is not None and site.site_name:
        context["platform"] = site.site_name
    made["context"] = context
    return made


def score_result(right: int, judged: int, mastery: float) -> tuple[str, dict]:
    """The verb (passed or failed) and result of a module's exercises answered right."""
    scaled = round(right / judged, 4)
    passed = scaled >= mastery
    return PASSED if passed else FAILED, {
        "score": {"raw": right, "min": 0, "max": judged, "scaled": scaled},
        "success": passed,
        "completion": True,
    }
