"""Which facts become xAPI statements, stored in the outbox for each LMS the learner came
from that sends statements (``Platform.sends_statements``); ``send_xapi_statements``
sends them later, never the learner's request.

| fact | verb | object |
| --- | --- | --- |
| a launch from the LMS | launched | the module, part or route |
| the first answer to an exercise | answered | the exercise (``success`` when it has a right answer) |
| a part, module or route completed | completed | the part, module or route |
| a module completed that has exercises with a right answer | passed or failed | the module, with its score |

A launch's statement is stored in the launch's own transaction; the others when the
domain event comes, right after the commit that stored the fact. A learner who came from
no such LMS costs one query per event.
"""

from wagtail.models import Page, Site

from borg_learning.conf import learning_settings
from borg_learning.learners import rules
from borg_learning.lms import statements
from borg_learning.lms.grading import exercise_score
from borg_learning.lms.models import Platform, PlatformLearner, Statement, TargetKind
from borg_learning.lms.statements import ANSWERED, COMPLETED, LAUNCHED, Activity
from borg_learning.lms.targets import Target, default_site


def sending_links(learner) -> list[PlatformLearner]:
    """The learner's links to the LMSs that want statements."""
    return list(
        PlatformLearner.objects.filter(
            Platform.sending_statements("platform__"), learner=learner
        ).select_related("platform")
    )


def store(links, verb: str, activity: Activity, **parts) -> list[Statement]:
    """One statement per link (each LMS gets its own, with its own actor and id)."""
    rows = []
    for link in links:
        payload = statements.statement(link, verb, activity, **parts)
        rows.append(Statement(link=link, statement_id=payload["id"], verb=verb, payload=payload))
    return Statement.objects.bulk_create(rows)


def _page(page_id) -> Page | None:
    return Page.objects.filter(pk=page_id).specific().first() if page_id else None


def _module_of(page_id: int, module_id, site) -> tuple[Activity, ...]:
    """The module a part belongs to, as context; nothing for the module itself."""
    if not module_id or module_id == page_id:
        return ()
    module = _page(module_id)
    return (statements.page_activity(module, site),) if module else ()


def launched(platform, link: PlatformLearner, target: Target) -> list[Statement]:
    """Called by the launch from ``platform``, in its transaction: the statement is made
    from what the launch found (``target``), not looked up again."""
    if not platform.sends_statements:
        return []
    link.platform = platform  # the same row: no query for the statement's actor
    if target.kind == TargetKind.ROUTE:
        site = default_site()
        activity = statements.route_activity(target.id, target.title, target.slug, site)
        parents = ()
    else:
        site = Site.objects.filter(pk=target.site_id).first() if target.site_id else None
        site = site or default_site()
        activity = statements.target_page_activity(
            target.id, target.title, target.url, is_module=target.is_module, site=site
        )
        parents = _module_of(target.id, target.module_id, site)
    return store([link], LAUNCHED, activity, parents=parents, site=site)


def on_exercise_answered(sender, learner, module_id, page_id, block_id, correct, **kwargs):
    links = sending_links(learner)
    page = _page(page_id) if links else None
    block = next((b for b in rules.body_blocks(page) if b.id == block_id), None) if page else None
    if block is None:
        return
    site = statements.site_of(page)
    parent = statements.page_activity(page, site)
    result = {"completion": True}
    if correct is not None:
        result["success"] = bool(correct)
    store(
        links,
        ANSWERED,
        statements.exercise_activity(parent, block),
        result=result,
        parents=(parent,),
        grouping=_module_of(page.pk, module_id, site),
        site=site,
    )


def on_part_completed(sender, learner, module_id, page_id, **kwargs):
    links = sending_links(learner)
    page = _page(page_id) if links else None
    if page is None:
        return
    site = statements.site_of(page)
    store(
        links,
        COMPLETED,
        statements.page_activity(page, site),
        result={"completion": True},
        parents=_module_of(page.pk, module_id, site),
        site=site,
    )


def on_module_completed(sender, learner, module_id, judged=None, **kwargs):
    """``judged``: the module's exercise score, once computed for the grade as well."""
    links = sending_links(learner)
    module = _page(module_id) if links else None
    if module is None:
        return
    site = statements.site_of(module)
    activity = statements.page_activity(module, site)
    store(links, COMPLETED, activity, result={"completion": True}, site=site)
    judged = judged() if judged else exercise_score(learner, module_id, module_id)
    if judged:
        verb, result = statements.score_result(*judged, learning_settings.XAPI_MASTERY_SCORE)
        store(links, verb, activity, result=result, site=site)


def on_route_completed(sender, learner, route_id, completed_at=None, **kwargs):
    links = sending_links(learner)
    if not links:
        return
    from borg_learning.routes.models import Route

    route = Route.objects.filter(pk=route_id).first()
    if route is None:
        return
    site = default_site()
    store(
        links,
        COMPLETED,
        statements.route_activity(route.pk, route.title, route.slug, site),
        result={"completion": True},
        site=site,
        at=completed_at,
    )
