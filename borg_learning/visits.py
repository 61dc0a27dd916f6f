"""Counting visits to learning pages, and the totals the reports show.

A visit adds one to its page's count for today (``PageVisitDay.add``, an atomic upsert);
nothing about the visitor is kept. Only live, public pages of the learning environment
count, and neither bots nor previews do. Totals per theme and for the whole environment
are derived from the page tree when asked: a theme's visits are those of its modules
and of their parts.
"""

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q, Sum
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from . import models
from .conf import learning_settings
from .models.visits import PageVisitDay

LEARNING_PAGE_MODELS = (
    models.LearningEnvironmentPage, models.SectionPage, models.BasicModulePage,
    models.SpecialistModulePage, models.ModulePartPage, models.CataloguePage,
)
MODULE_MODELS = (models.BasicModulePage, models.SpecialistModulePage)
PREFETCH_PURPOSE = re.compile(r"\bprefetch\b", re.IGNORECASE)
PREVIEW_REFERER = re.compile(r"[?&]token=")


@lru_cache(maxsize=8)
def _bot_pattern(patterns):
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)


def is_bot(user_agent):
    """True for a user agent that matches ``BOT_USER_AGENTS``, or none at all."""
    if not user_agent or not user_agent.strip():
        return True
    patterns = tuple(learning_settings.BOT_USER_AGENTS)
    return bool(patterns) and bool(_bot_pattern(patterns).search(user_agent))


def is_preview(headers, preview=False):
    """True for a preview or a prefetch: the client says so, its page was opened with a
    preview token, or the browser is only prefetching."""
    if preview:
        return True
    if PREVIEW_REFERER.search(headers.get("Referer", "")):
        return True
    purpose = f"{headers.get('Sec-Purpose', '')} {headers.get('Purpose', '')}"
    return bool(PREFETCH_PURPOSE.search(purpose))


def countable_pages(page_id):
    """The page with ``page_id`` if it is a live, public, unexpired learning page: a
    queryset, so the check runs in the statement that counts the visit."""
    restriction_above = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    return (Page.objects.filter(pk=page_id, live=True,
                                content_type__in=_learning_content_types())
            .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
            .exclude(Exists(restriction_above)))


def _learning_content_types():
    return list(ContentType.objects.get_for_models(*LEARNING_PAGE_MODELS).values())


def record_visit(page_id, headers, preview=False, today=None):
    """Count a visit to the page with ``page_id``; True when it was counted.

    ``headers`` are the request's headers (``request.headers``): the user agent, the
    referer and the prefetch purpose decide whether a visit counts. A visit that counts
    costs one SQL statement.
    """
    if is_bot(headers.get("User-Agent", "")) or is_preview(headers, preview):
        return False
    if not isinstance(page_id, int) or isinstance(page_id, bool) or not 0 < page_id < 2**63:
        return False
    return PageVisitDay.add_if(countable_pages(page_id), today or timezone.localdate())


# --- Totals for the reports ----------------------------------------------------------------


@dataclass(frozen=True)
class ThemeVisits:
    theme: models.Theme
    visits: int


def _in_period(start, end):
    q = Q()
    if start:
        q &= Q(date__gte=start)
    if end:
        q &= Q(date__lte=end)
    return q


def _under(paths, field="page__path"):
    """Pages at or below any of the tree ``paths``."""
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(**{f"{field}__startswith": path})
    return q


def visits_total(start=None, end=None, environment=None):
    """All counted visits from ``start`` to ``end`` (inclusive dates; None: open), on the
    whole learning environment or below the given start page."""
    rows = PageVisitDay.objects.filter(_in_period(start, end))
    if environment is not None:
        rows = rows.filter(page__path__startswith=environment.path)
    return rows.aggregate(total=Sum("count"))["total"] or 0


def visits_by_page(start=None, end=None):
    """``[(page, visits)]``, most visited first, for pages visited in the period."""
    totals = list(PageVisitDay.objects.filter(_in_period(start, end)).order_by().values("page_id")
                  .annotate(visits=Sum("count")).order_by("-visits", "page_id"))
    pages = Page.objects.in_bulk([row["page_id"] for row in totals])
    return [(pages[row["page_id"]], row["visits"]) for row in totals if row["page_id"] in pages]


def module_paths_by_theme():
    """``{theme id: [tree path of each module with that theme]}``, one query per module type."""
    paths = defaultdict(list)
    for model in MODULE_MODELS:
        through = model.themes.through
        page_field = next(field.name for field in through._meta.get_fields()
                          if getattr(field, "related_model", None) is model)
        for theme_id, path in through.objects.values_list("theme_id", f"{page_field}__path"):
            paths[theme_id].append(path)
    return paths


def visits_by_theme(start=None, end=None):
    """``[ThemeVisits]`` for every theme, in theme order: the visits of its modules and
    their parts. A module with two themes counts for both, so themes may add up to more
    than the total.

    The database sums the visits per page; each visited page is then credited to the
    module above it by its tree path (a handful of rows: one per visited page).
    """
    per_page = (PageVisitDay.objects.filter(_in_period(start, end)).order_by()
                .values_list("page__path").annotate(visits=Sum("count")))
    module_paths = module_paths_by_theme()
    modules = {path for paths in module_paths.values() for path in paths}
    by_module = defaultdict(int)
    for path, visits in per_page:
        for length in range(Page.steplen, len(path) + 1, Page.steplen):
            if path[:length] in modules:
                by_module[path[:length]] += visits
    return [ThemeVisits(theme, sum(by_module[path] for path in set(module_paths[theme.pk])))
            for theme in models.Theme.objects.all()]


def daily_visits(start, end, theme=None, page=None):
    """``[(date, visits)]`` for every day from ``start`` to ``end``, zeros included: of
    the whole environment, of a theme's modules and parts, or of a page and those below."""
    rows = PageVisitDay.objects.filter(_in_period(start, end))
    if theme is not None:
        rows = rows.filter(_under(module_paths_by_theme().get(theme.pk, [])))
    if page is not None:
        rows = rows.filter(page__path__startswith=page.path)
    counts = dict(rows.order_by().values_list("date").annotate(visits=Sum("count")))
    days = (end - start).days + 1
    return [(day, counts.get(day, 0))
            for day in (start + datetime.timedelta(days=n) for n in range(max(days, 0)))]
