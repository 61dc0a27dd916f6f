"""Learning routes and what learners do with them.

A ``Route`` is a snippet with drafts and revisions: editors publish it when it is ready,
and only live routes are shown. Its ``RouteStep``s are ordered children (modelcluster),
each of one kind (``kinds``). A learner's ``RouteEnrolment`` says when they started a
route and when they completed it; ``StepDone`` is a step they marked done themselves (an
offer, an assignment). Steps of modules and parts are done when the learners app has the
page completed; that is not stored again here. Deleting a learner deletes all of theirs
(``on_delete=CASCADE``).
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, RevisionMixin
from wagtail.search import index

from borg_learning.content.fields import ChoiceListField
from borg_learning.content.inline_panels import TitledInlinePanel
from borg_learning.content.slug_panels import NameFieldPanel, slug_panel
from borg_learning.learners import completion
from borg_learning.models.ordered import Ordered
from borg_learning.routes import kinds
from borg_learning.routes.kinds import StepKind
from borg_learning.routes.panels import CompletablePageChooserPanel, RouteDurationPanel


class RouteQuerySet(models.QuerySet):
    def for_role(self, role: str) -> "RouteQuerySet":
        """Routes for the audience role with this slug."""
        return self.filter(audience_roles__icontains=f'"{role}"')


class Route(DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """A learning route for one or more roles: a story and ordered steps."""

    title = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("The route's name in its web address, e.g. 'inwerkroute-begeleider'."),
    )
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        help_text=_("The route's story: for whom it is, what it brings, how to go through it."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    audience_roles = ChoiceListField(
        _("roles"), setting="AUDIENCE_ROLES", help_text=_("The roles this route is for.")
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="borg_learning_route")

    objects = RouteQuerySet.as_manager()

    panels = [
        NameFieldPanel("title"),
        slug_panel(),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("audience_roles"),
        TitledInlinePanel("steps", label=_("Step"), heading=_("Steps"), title_field="title"),
        RouteDurationPanel(),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["title"]
        verbose_name = _("learning route")
        verbose_name_plural = _("learning routes")

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    def duration_seconds(self) -> int:
        """The known durations of the steps together (see ``kinds.step_seconds``)."""
        return sum(step.duration_seconds() or 0 for step in self.steps.all())


class RouteStep(Ordered):
    """One step of a route: a module, a module part, a microlesson, a catalogue offer or a
    workplace assignment (``kinds``), optionally to be done within some days of starting."""

    route = ParentalKey(Route, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(
        _("kind"), max_length=20, choices=StepKind.choices, default=StepKind.MODULE
    )
    module = models.ForeignKey(
        "borg_learning.ModulePage",
        verbose_name=_("module"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    part = models.ForeignKey(
        "borg_learning.ModulePartPage",
        verbose_name=_("module part"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("microlesson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A microlesson: done when the learner completes it."),
    )
    offering = models.ForeignKey(
        "borg_learning.Offering",
        verbose_name=_("catalogue offer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(
        _("assignment"),
        max_length=255,
        blank=True,
        help_text=_("A workplace assignment: what to do, e.g. 'Loop een dienst mee'."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("A workplace assignment: how and with whom.")
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(6000)],
        help_text=_("A workplace assignment: the time it takes."),
    )
    within_days = models.PositiveSmallIntegerField(
        _("within days of starting"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text=_("Optional: the learner does this step within so many days of starting."),
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("within_days")]),
        FieldPanel("module"),
        FieldPanel("part"),
        CompletablePageChooserPanel("page"),
        FieldPanel("offering"),
        MultiFieldPanel(
            [
                FieldPanel("title"),
                FieldPanel("description"),
                FieldPanel("duration_minutes"),
            ],
            heading=_("Workplace assignment"),
        ),
    ]

    class Meta(Ordered.Meta):
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def __str__(self):
        return self.name or str(self.get_kind_display())

    @property
    def name(self) -> str:
        """What the step is about, as the editor chose it."""
        if self.kind == StepKind.ASSIGNMENT:
            return self.title
        target = self.target
        return str(getattr(target, "title", "") or "") if target is not None else ""

    @property
    def target(self):
        rule = kinds.rule_of(self)
        return getattr(self, rule.target_field) if rule and rule.target_field else None

    def duration_seconds(self) -> int | None:
        return kinds.step_seconds(self, self.target)

    def clean(self):
        super().clean()
        rule = kinds.rule_of(self)
        if rule is None:
            raise ValidationError({"kind": _("Choose what kind of step this is.")})
        errors = {}
        labels = {name: self._meta.get_field(name).verbose_name for name in kinds.KIND_FIELDS}
        kind = self.get_kind_display()
        for name in rule.needs:
            if self._empty(name):
                errors[name] = _("A step of the kind '%(kind)s' needs this: fill in %(field)s.") % {
                    "kind": kind,
                    "field": labels[name],
                }
        for name in kinds.KIND_FIELDS:
            if name not in rule.needs and name not in rule.allows and not self._empty(name):
                errors[name] = _(
                    "A step of the kind '%(kind)s' does not use %(field)s: leave it empty, "
                    "or choose another kind."
                ) % {"kind": kind, "field": labels[name]}
        if (
            "page" in rule.needs
            and self.page_id
            and not completion.is_standalone(self.page.specific)
        ):
            errors["page"] = _("Choose a microlesson.")
        if errors:
            raise ValidationError(errors)

    def _empty(self, name) -> bool:
        field = self._meta.get_field(name)
        value = getattr(self, field.attname)
        return value is None or value == ""


class RouteEnrolment(models.Model):
    """A learner following a route: when they started it and when they completed it."""

    learner = models.ForeignKey(
        "borg_learning_learners.Learner",
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="route_enrolments",
    )
    route = models.ForeignKey(
        Route, verbose_name=_("route"), on_delete=models.CASCADE, related_name="enrolments"
    )
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("route enrolment")
        verbose_name_plural = _("route enrolments")
        constraints = [
            models.UniqueConstraint(fields=["learner", "route"], name="routes_one_enrolment")
        ]


class StepDone(models.Model):
    """A step a learner marked done: a catalogue offer or a workplace assignment."""

    learner = models.ForeignKey(
        "borg_learning_learners.Learner",
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="route_steps_done",
    )
    step = models.ForeignKey(
        RouteStep, verbose_name=_("step"), on_delete=models.CASCADE, related_name="+"
    )
    done_on = models.DateField(_("done on"), help_text=_("The date the learner gave."))
    marked_at = models.DateTimeField(_("marked at"), default=timezone.now)

    class Meta:
        verbose_name = _("step done")
        verbose_name_plural = _("steps done")
        constraints = [
            models.UniqueConstraint(fields=["learner", "step"], name="routes_one_mark_per_step")
        ]
