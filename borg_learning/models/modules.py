"""Modules and their parts, with the metadata and the fixed duration every module has."""

import calendar
import datetime
from typing import TYPE_CHECKING

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import NotSupportedError, models
from django.db.models import DateField, Func
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from borg_learning.api.rest.serializers import (
    ChoiceListSerializer,
    DevelopmentGroupSerializer,
    LearningObjectivesSerializer,
    ModuleBodyField,
    ResolvedRichTextField,
    ThemesSerializer,
    VisibleReferenceField,
)
from borg_learning.conf import learning_settings
from borg_learning.content.blocks import LearningObjectivesBlock, ModuleBodyBlock
from borg_learning.content.duration import DurationEstimate, estimate_body
from borg_learning.content.fields import ChoiceListField, icon_choices
from borg_learning.content.forms import (
    TimedPageForm,
    media_without_duration,
    over_budget_message,
    unknown_duration_message,
)
from borg_learning.content.panels import DurationPanel
from borg_learning.models.evaluation import Questionnaire
from borg_learning.models.frontend import LearningPageMixin
from borg_learning.models.translatable import translation_in

if TYPE_CHECKING:
    from borg_learning.models.themes import Theme


def default_copyright_holder():
    return learning_settings.COPYRIGHT_HOLDER


def default_review_interval():
    return learning_settings.REVIEW_INTERVAL_MONTHS


class TimedPage(models.Model):
    """A page with a time budget decided beforehand and an estimate of what it takes.

    The estimate of the live content is stored on save, so lists and the API read it
    without looking at bodies. Publishing over budget is refused by ``TimedPageForm``.
    """

    target_duration = models.PositiveSmallIntegerField(
        _("target duration (minutes)"),
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text=_(
            "Decided before writing: the time a learner has for this. Publishing "
            "fails when the estimate is longer."
        ),
    )
    estimated_duration_seconds = models.PositiveIntegerField(
        _("estimated duration (seconds)"), default=0, editable=False
    )

    base_form_class = TimedPageForm
    budget_subject = _("This module")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # A save of named fields (a revision's bookkeeping) leaves the body as it was.
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "estimated_duration_seconds" in update_fields:
            self.estimated_duration_seconds = self.estimate_duration().total_seconds
        return super().save(*args, **kwargs)

    def estimate_duration(self, body=None):
        """The estimate of ``body`` (a form's cleaned body) or of this page's own body."""
        return estimate_body(self.body if body is None else body)

    def over_budget_errors(self, body, target_minutes, parent_page):
        """(field, message) pairs for a publish that would break a time budget."""
        estimate = self.estimate_duration(body)
        if estimate.total_seconds > target_minutes * 60:
            return [
                (
                    "target_duration",
                    over_budget_message(estimate, target_minutes, self.budget_subject),
                )
            ]
        return []

    def latest_revision_budget_errors(self):
        """The messages that publishing the latest revision as it is would get."""
        draft = self.get_latest_revision_as_object()
        body = getattr(draft, "body", None)
        unknown = [
            unknown_duration_message(media) for _index, _name, media in media_without_duration(body)
        ]
        return unknown + [
            message
            for _field, message in draft.over_budget_errors(
                body, draft.target_duration, self.get_parent()
            )
        ]

    @property
    def estimated_duration_minutes(self):
        return -(-self.estimated_duration_seconds // 60)


class ModuleKind(models.TextChoices):
    BASIC = "basic", _("basic module")
    SPECIALIST = "specialist", _("specialist module")


class ModuleQuerySet(PageQuerySet):
    """Modules, of either type, queried in their one table."""

    def with_theme(self, theme: "Theme") -> "ModuleQuerySet":
        return self.filter(themes=theme)


ModuleManager = PageManager.from_queryset(ModuleQuerySet)


class ModulePage(LearningPageMixin, TimedPage, Page):
    """A module, basic or specialist: what every module says about itself (for whom, to
    learn what, by whom, how fresh) in one table.

    Both module types are child tables of this one, so anything that points at "a
    module" (an evaluation response, a visit total, a learner's progress) has one
    foreign key to follow, and reports and lists query one table. Editors never create
    it as such, only its two types.
    """

    summary = models.TextField(_("summary"), help_text=_("One or two sentences for overviews."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown with the module in overviews."),
    )
    themes = ParentalManyToManyField(
        "borg_learning.Theme", verbose_name=_("themes"), blank=True, related_name="modules"
    )
    learning_objectives = StreamField(
        LearningObjectivesBlock(), blank=True, verbose_name=_("learning objectives")
    )
    audience_roles = ChoiceListField(
        _("roles"), setting="AUDIENCE_ROLES", help_text=_("Who this module is written for.")
    )
    development_group = models.ForeignKey(
        "borg_learning.DevelopmentGroup",
        verbose_name=_("development group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="modules",
        help_text=_("The expert group that wrote this module; credited on the module."),
    )
    copyright_holder = models.CharField(
        _("copyright holder"), max_length=200, default=default_copyright_holder
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_(
            "The date the content was last reviewed. Empty: the review interval counts "
            "from the module's first publication."
        ),
    )
    review_interval_months = models.PositiveSmallIntegerField(
        _("review interval (months)"),
        default=default_review_interval,
        validators=[MinValueValidator(1)],
    )
    questionnaire = models.ForeignKey(
        "borg_learning.Questionnaire",
        verbose_name=_("evaluation questionnaire"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Asked at the end of the module. Empty: the default questionnaire."),
    )

    metadata_panels = [
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("learning_objectives"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("audience_roles"),
        MultiFieldPanel(
            [
                FieldPanel("development_group"),
                FieldPanel("copyright_holder"),
                FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("review_interval_months")]),
            ],
            heading=_("Credits and review"),
        ),
        FieldPanel("questionnaire"),
    ]

    metadata_api_fields = [
        APIField("summary"),
        APIField("image", serializer=VisibleReferenceField("image", source="image_id")),
        APIField("themes", serializer=ThemesSerializer()),
        APIField("learning_objectives", serializer=LearningObjectivesSerializer()),
        APIField("audience_roles", serializer=ChoiceListSerializer("AUDIENCE_ROLES")),
        APIField("target_duration"),
        APIField("estimated_duration_seconds"),
        APIField("development_group", serializer=DevelopmentGroupSerializer()),
        APIField("copyright_holder"),
        APIField("last_reviewed"),
        APIField("review_interval_months"),
    ]

    objects = ModuleManager()

    is_creatable = False
    parent_page_types = ["borg_learning.LearningEnvironmentPage", "borg_learning.SectionPage"]
    subpage_types = []
    search_fields = Page.search_fields + [index.SearchField("summary")]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    @property
    def kind(self):
        specialist = issubclass(self.specific_class or type(self), SpecialistModulePage)
        return ModuleKind.SPECIALIST if specialist else ModuleKind.BASIC

    @property
    def review_base_date(self):
        """The date the review interval counts from: the last review, else the first
        publication (a local date); None for a module never published nor reviewed."""
        if self.last_reviewed:
            return self.last_reviewed
        if self.first_published_at:
            return timezone.localdate(self.first_published_at)
        return None

    @property
    def review_due_date(self):
        """The last review (or first publication) plus the interval; the database's
        version is ``review_due_date_sql``."""
        base = self.review_base_date
        if base is None:
            return None
        months = base.month - 1 + self.review_interval_months
        year, month = base.year + months // 12, months % 12 + 1
        day = min(base.day, calendar.monthrange(year, month)[1])
        return datetime.date(year, month, day)

    def get_questionnaire(self):
        """The questionnaire asked at the end: the module's own, else the default."""
        if self.questionnaire_id:
            return translation_in(
                self.questionnaire,
                self.locale_id,
                Questionnaire.objects.prefetch_related("questions"),
            )
        return Questionnaire.default(self.locale_id)

    def is_review_due(self, today=None):
        """Due on or after the due date; a module never published nor reviewed is still
        being written and not due."""
        due = self.review_due_date
        return due is not None and due <= (today or timezone.localdate())


class AddMonths(Func):
    """A date plus a number of calendar months, in SQL (SQLite and PostgreSQL).

    The rule of ``ModulePage.review_due_date``: the same day of the month, or the
    last day of a shorter month (31 January plus one month is 28 or 29 February).
    NULL when the date is NULL.
    """

    arity = 2
    output_field = DateField()

    def _compile(self, compiler):
        return [compiler.compile(expression) for expression in self.get_source_expressions()]

    def as_sql(self, compiler, connection, **extra_context):
        raise NotSupportedError(
            f"AddMonths is implemented for SQLite and PostgreSQL, not {connection.vendor}."
        )

    def as_postgresql(self, compiler, connection, **extra_context):
        # PostgreSQL's month arithmetic keeps the day and clamps to the end of the month.
        (date_sql, date_params), (months_sql, months_params) = self._compile(compiler)
        sql = f"CAST(({date_sql}) + make_interval(months => CAST(({months_sql}) AS integer))"
        return f"{sql} AS date)", (*date_params, *months_params)

    def as_sqlite(self, compiler, connection, **extra_context):
        # SQLite's '+N months' overflows into the next month (31 January + 1 month is
        # 2 or 3 March), so take the first of the target month, add the day, and keep
        # the smaller of that and the last day of the target month. Dates are stored as
        # 'YYYY-MM-DD' text; ISO dates compare correctly as text.
        (date_sql, date_params), (months_sql, months_params) = self._compile(compiler)
        day = f"CAST(SUBSTR(({date_sql}), 9, 2) AS integer)"
        same_day = (
            f"DATE(({date_sql}), 'start of month', '+' || ({months_sql}) || ' months', "
            f"'+' || ({day} - 1) || ' days')"
        )
        month_end = (
            f"DATE(({date_sql}), 'start of month', "
            f"'+' || (({months_sql}) + 1) || ' months', '-1 day')"
        )
        params = (*date_params, *months_params, *date_params, *date_params, *months_params)
        return f"MIN({same_day}, {month_end})", params


def review_due_date_sql(prefix=""):
    """``ModulePage.review_due_date`` computed by the database, for module rows, or for
    page rows with ``prefix="modulepage__"``: from the last review, else from the first
    publication (its date in the site's time zone). NULL for a module never published
    nor reviewed."""
    base = Coalesce(
        f"{prefix}last_reviewed",
        TruncDate("first_published_at", tzinfo=timezone.get_current_timezone()),
        output_field=DateField(),
    )
    return AddMonths(base, f"{prefix}review_interval_months")


def module_edit_handler(content_panels):
    return TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(ModulePage.metadata_panels, heading=_("About this module")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )


class BasicModulePage(ModulePage):
    """A basic module: one page made of parts."""

    body = StreamField(ModuleBodyBlock(), blank=True, verbose_name=_("content"))

    edit_handler = module_edit_handler(
        Page.content_panels
        + [
            FieldPanel("target_duration"),
            DurationPanel(),
            FieldPanel("body"),
        ]
    )
    search_fields = ModulePage.search_fields + [index.SearchField("body")]
    api_fields = ModulePage.metadata_api_fields + [APIField("body", serializer=ModuleBodyField())]

    class Meta:
        verbose_name = _("basic module")
        verbose_name_plural = _("basic modules")


class SpecialistModulePage(ModulePage):
    """The start page of a specialist module; its parts are its child pages."""

    icon = models.CharField(_("icon"), max_length=32, choices=icon_choices, blank=True)
    explanation = RichTextField(
        _("explanation"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        help_text=_("Introduces the theme; the parts follow as tiles in tree order."),
    )

    edit_handler = module_edit_handler(
        Page.content_panels
        + [
            FieldPanel("icon"),
            FieldPanel("explanation"),
            FieldPanel("target_duration"),
            DurationPanel(),
        ]
    )
    search_fields = ModulePage.search_fields + [index.SearchField("explanation")]
    subpage_types = ["borg_learning.ModulePartPage"]
    api_fields = ModulePage.metadata_api_fields + [
        APIField("icon"),
        APIField("explanation", serializer=ResolvedRichTextField()),
    ]

    class Meta:
        verbose_name = _("specialist module")
        verbose_name_plural = _("specialist modules")

    def live_parts(self):
        if not self.path:  # not in the tree yet, as in the create view
            return ModulePartPage.objects.none()
        return ModulePartPage.objects.child_of(self).live().order_by("path")

    def estimate_duration(self, body=None, exclude=None, extra=None):
        """The sum of the live parts' estimates, each in whole minutes as its tile shows
        it, so the parts add up to the module; ``exclude``/``extra`` swap one part."""
        parts = [
            part.estimate_duration()
            for part in self.live_parts().exclude(pk=getattr(exclude, "pk", None))
        ]
        total = DurationEstimate()
        for estimate in [*parts, *([extra] if extra else [])]:
            total += estimate.in_whole_minutes()
        return total


class ModulePartPage(LearningPageMixin, TimedPage, Page):
    """One part of a specialist module, shown as a tile on the module's start page."""

    icon = models.CharField(_("icon"), max_length=32, choices=icon_choices)
    summary = models.TextField(_("summary"), help_text=_("Shown on the part's tile."))
    body = StreamField(ModuleBodyBlock(), blank=True, verbose_name=_("content"))

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("icon"), FieldPanel("target_duration")]),
        DurationPanel(),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["borg_learning.SpecialistModulePage"]
    subpage_types = []
    api_fields = [
        APIField("icon"),
        APIField("summary"),
        APIField("target_duration"),
        APIField("estimated_duration_seconds"),
        APIField("body", serializer=ModuleBodyField()),
    ]
    budget_subject = _("This part")

    class Meta:
        verbose_name = _("module part")
        verbose_name_plural = _("module parts")

    def over_budget_errors(self, body, target_minutes, parent_page):
        """A part must fit its own target, and the module must still fit with it."""
        errors = super().over_budget_errors(body, target_minutes, parent_page)
        module = parent_page.specific if parent_page else None
        if not errors and isinstance(module, SpecialistModulePage):
            total = module.estimate_duration(exclude=self, extra=self.estimate_duration(body))
            if total.total_seconds > module.target_duration * 60:
                errors.append(
                    (
                        "target_duration",
                        over_budget_message(
                            total,
                            module.target_duration,
                            _("The module '%(title)s' with this part") % {"title": module.title},
                        ),
                    )
                )
        return errors
