"""Counting visits to learning pages, and the totals the reports show.

A visit adds one to its page's count for today (``PageVisitDay.add``, an atomic upsert).
Only live, public pages of the learning environment count, neither bots nor previews
do, and a client counts once per page per day: the cache remembers a keyed hash of its
address, user agent, the page and the date until the day ends (``visit_key``), so a
client that sends the same beacon 2,000 times counts once, and nothing about the visitor
is stored in the database or the logs. A browser page of another site (an ``Origin``
that is neither the site's own nor an allowed frontend's) counts nothing. Totals per
theme and for the whole environment are derived from the page tree when asked: a
theme's visits are those of its modules and of their parts. This module is the one
place that says which pages belong to a theme (``theme_pages``, ``page_map``) and how
visits add up; the admin reports in ``views.figures`` count with it.
"""

import datetime
import math
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from corsheaders.conf import conf as cors_settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Q, Sum
from django.db.models.functions import Length, Substr
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page

from borg_learning import models, signals
from borg_learning.conf import learning_settings
from borg_learning.models.modules import ModulePage
from borg_learning.models.visits import PageVisitDay
from borg_learning.throttling import client_address, keyed_digest
from borg_learning.visibility import Visibility

LEARNING_PAGE_MODELS = (
    models.LearningEnvironmentPage,
    models.SectionPage,
    models.BasicModulePage,
    models.SpecialistModulePage,
    models.ModulePartPage,
    models.CataloguePage,
)
PREFETCH_PURPOSE = re.compile(r"\bprefetch\b", re.IGNORECASE)
PREVIEW_REFERER = re.compile(r"[?&]token=")


@lru_cache(maxsize=8)
def _bot_pattern(patterns):
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)


def is_bot(user_agent: str | None) -> bool:
    """True for a user agent that matches ``BOT_USER_AGENTS``, or none at all."""
    if not user_agent or not user_agent.strip():
        return True
    patterns = tuple(learning_settings.BOT_USER_AGENTS)
    return bool(patterns) and bool(_bot_pattern(patterns).search(user_agent))


def is_preview(headers: Mapping[str, str], preview: bool = False) -> bool:
    """True for a preview or a prefetch: the client says so, its page was opened with a
    preview token, or the browser is only prefetching."""
    if preview:
        return True
    if PREVIEW_REFERER.search(headers.get("Referer", "")):
        return True
    purpose = f"{headers.get('Sec-Purpose', '')} {headers.get('Purpose', '')}"
    return bool(PREFETCH_PURPOSE.search(purpose))


def countable_pages(page_id):
    """The page with ``page_id`` if it is a learning page anyone may see (the visibility
    policy of an anonymous visitor): a queryset, so the check runs in the statement
    that counts the visit."""
    return Visibility().pages(
        Page.objects.filter(pk=page_id, content_type__in=_learning_content_types())
    )


def _learning_content_types():
    return list(ContentType.objects.get_for_models(*LEARNING_PAGE_MODELS).values())


def origin_allowed(request: HttpRequest) -> bool:
    """False when the request comes from a browser page of a site that may not send
    visits: its ``Origin`` is neither the site's own nor one of ``VISIT_ALLOWED_ORIGINS``
    (by default the origins CORS allows). A request without ``Origin`` (not sent by a
    browser page elsewhere) may."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    if origin == f"{request.scheme}://{request.get_host()}":
        return True
    allowed = learning_settings.VISIT_ALLOWED_ORIGINS
    if allowed is not None:
        return origin in allowed
    if cors_settings.CORS_ALLOW_ALL_ORIGINS or origin in cors_settings.CORS_ALLOWED_ORIGINS:
        return True
    return any(re.match(pattern, origin) for pattern in cors_settings.CORS_ALLOWED_ORIGIN_REGEXES)


def visit_key(request: HttpRequest, page_id: int, date: datetime.date) -> str:
    """The cache key of this client's visit to the page on ``date``: a keyed hash of its
    address (``CLIENT_ADDRESS_HEADER`` behind a proxy), its user agent, the page and the
    date, which cannot be turned back into the address."""
    user_agent = request.headers.get("User-Agent", "")
    digest = keyed_digest("visit", date.isoformat(), page_id, client_address(request), user_agent)
    return f"borg_learning:visit:{digest[:40]}"


def seconds_left_today(now: datetime.datetime) -> int:
    """Seconds from ``now`` to the next local midnight: how long a visit is remembered."""
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    midnight = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time()))
    return max(1, math.ceil((midnight - now).total_seconds()))


def record_visit(
    page_id: int,
    request: HttpRequest,
    preview: bool = False,
    today: datetime.date | None = None,
) -> bool:
    """Count a visit to the page with ``page_id``; True when it was counted.

    The request's headers decide whether a visit counts (its origin, user agent,
    referer and prefetch purpose), and its client counts once per page per day. A
    visit that counts costs one SQL statement, and one cache write to remember it.
    """
    headers = request.headers
    if not origin_allowed(request):
        return False
    if is_bot(headers.get("User-Agent", "")) or is_preview(headers, preview):
        return False
    if not isinstance(page_id, int) or isinstance(page_id, bool) or not 0 < page_id < 2**63:
        return False
    now = timezone.now()
    date = today or timezone.localdate(now)
    key = visit_key(request, page_id, date)
    # add() is atomic: of two requests at the same moment, one adds the key and counts.
    if not cache.add(key, True, timeout=seconds_left_today(now)):
        return False
    counted = False
    try:
        counted = PageVisitDay.add_if(countable_pages(page_id), date)
    finally:
        if not counted:  # not a public learning page (or no database): nothing to remember
            cache.delete(key)
    if not counted:
        return False
    signals.visit_recorded.send(sender=PageVisitDay, page_id=page_id, date=date)
    if signals.module_viewed.has_listeners():
        # Only when someone listens: finding the module costs a query.
        module_id = module_of_page(page_id)
        if module_id:
            signals.module_viewed.send(
                sender=PageVisitDay, module_id=module_id, page_id=page_id, date=date
            )
    return True


def module_of_page(page_id: int) -> int | None:
    """The id of the module a page is, or is a part of; None for other pages."""
    page = (
        Page.objects.filter(pk=page_id)
        .values_list("path", "modulepage__page_ptr", "modulepartpage__page_ptr")
        .first()
    )
    if page is None:
        return None
    path, module, part = page
    if module:
        return module
    if part:
        return (
            ModulePage.objects.filter(path=path[: -Page.steplen])
            .values_list("pk", flat=True)
            .first()
        )
    return None


# --- Which pages belong to a theme, and the totals of the reports --------------------------


@dataclass(frozen=True)
class ThemeVisits:
    theme: models.Theme
    visits: int


def theme_pages(theme):
    """The pages of a theme: its modules and their parts (the modules' children)."""
    modules = ModulePage.objects.with_theme(theme)
    return Page.objects.annotate(
        parent_path=Substr("path", 1, Length("path") - Page.steplen)
    ).filter(Q(pk__in=modules.values("pk")) | Q(parent_path__in=modules.values("path")))


def pages_of(theme=None, page=None):
    """None for every page, else the pages of ``theme`` (its modules and their parts)
    that are ``page`` or below it."""
    pages = None
    if theme is not None:
        pages = theme_pages(theme)
    if page is not None:
        below = Page.objects.filter(path__startswith=page.path)
        pages = below if pages is None else pages.filter(pk__in=below.values("pk"))
    return pages


@dataclass
class PageMap:
    """Which module each module page and part belongs to, and each module's themes."""

    module_of: dict  # page id -> module page id
    themes_of: dict  # module page id -> set of theme ids

    def themes_of_page(self, page_id):
        module = self.module_of.get(page_id)
        return self.themes_of.get(module, set()) if module else set()


def page_map():
    """Every module and part with its module and themes, in one query (a row per theme)."""
    rows = (
        Page.objects.filter(Q(modulepage__isnull=False) | Q(modulepartpage__isnull=False))
        .order_by()
        .values_list("pk", "path", "modulepartpage__page_ptr", "modulepage__themes")
    )
    modules_by_path, themes_of, parts = {}, defaultdict(set), []
    for page_id, path, part, theme in rows:
        if part:
            parts.append((page_id, path))
        else:
            modules_by_path[path] = page_id
            if theme:
                themes_of[page_id].add(theme)
    module_of = {page_id: page_id for page_id in modules_by_path.values()}
    for page_id, path in parts:
        module = modules_by_path.get(path[: -Page.steplen])
        if module:
            module_of[page_id] = module
    return PageMap(module_of, dict(themes_of))


def visit_days(start=None, end=None, theme=None, page=None):
    """The daily counts from ``start`` to ``end`` (inclusive dates; None: open), of the
    whole environment, or of a theme's modules and parts and of ``page`` and below."""
    rows = PageVisitDay.objects.all()
    if start:
        rows = rows.filter(date__gte=start)
    if end:
        rows = rows.filter(date__lte=end)
    pages = pages_of(theme, page)
    return rows if pages is None else rows.filter(page__in=pages.values("pk"))


def visits_total(
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    environment: Page | None = None,
) -> int:
    """All counted visits from ``start`` to ``end`` (inclusive dates; None: open), on the
    whole learning environment or below the given start page."""
    return visit_days(start, end, page=environment).aggregate(total=Sum("count"))["total"] or 0


def visits_per_page(start=None, end=None, theme=None, page=None):
    """``{page id: visits}`` of the pages visited in the period, in one query."""
    return dict(
        visit_days(start, end, theme, page)
        .order_by()
        .values_list("page_id")
        .annotate(visits=Sum("count"))
    )


def visits_by_page(start=None, end=None):
    """``[(page, visits)]``, most visited first, for pages visited in the period."""
    totals = sorted(visits_per_page(start, end).items(), key=lambda item: (-item[1], item[0]))
    pages = Page.objects.in_bulk([page_id for page_id, _visits in totals])
    return [(pages[page_id], visits) for page_id, visits in totals if page_id in pages]


def visits_by_module(start=None, end=None, theme=None, page=None):
    """``{module id: visits}``: the visits of each module and its parts, in two queries."""
    pages = page_map()
    totals = defaultdict(int)
    for page_id, visits in visits_per_page(start, end, theme, page).items():
        module = pages.module_of.get(page_id)
        if module:
            totals[module] += visits
    return dict(totals)


def visits_by_theme(start=None, end=None):
    """``[ThemeVisits]`` for every theme, in theme order: the visits of its modules and
    their parts. A module with two themes counts for both, so themes may add up to more
    than the total. Three queries: the visits per page, the page map and the themes.
    """
    pages = page_map()
    totals = defaultdict(int)
    for page_id, visits in visits_per_page(start, end).items():
        for theme_id in pages.themes_of_page(page_id):
            totals[theme_id] += visits
    return [ThemeVisits(theme, totals[theme.pk]) for theme in models.Theme.objects.all()]


def daily_visits(
    start: datetime.date,
    end: datetime.date,
    theme: models.Theme | None = None,
    page: Page | None = None,
) -> list[tuple[datetime.date, int]]:
    """``[(date, visits)]`` for every day from ``start`` to ``end``, zeros included: of
    the whole environment, of a theme's modules and parts, or of a page and those below."""
    counts = dict(
        visit_days(start, end, theme, page)
        .order_by()
        .values_list("date")
        .annotate(visits=Sum("count"))
    )
    days = (end - start).days + 1
    return [
        (day, counts.get(day, 0))
        for day in (start + datetime.timedelta(days=n) for n in range(max(days, 0)))
    ]
