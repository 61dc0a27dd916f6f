"""Questionnaires on Kirkpatrick levels 1–3 and the anonymous responses to them.

A response keeps a snapshot of the questions as the learner saw them, and every
answer repeats its question's text, level and kind: editing or deleting a
questionnaire later never changes old results.
"""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, When
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from borg_learning.conf import learning_settings
from borg_learning.content.inline_panels import TitledInlinePanel
from borg_learning.content.slug_panels import NameFieldPanel, slug_panel
from borg_learning.models.ordered import Ordered
from borg_learning.models.translatable import TranslatableSnippet


class Level(models.IntegerChoices):
    """Kirkpatrick's levels a question can measure; level 4 is the roll-up of the three."""

    REACTION = 1, _("1 – Reaction")
    LEARNING = 2, _("2 – Learning")
    BEHAVIOUR = 3, _("3 – Behaviour")


class QuestionKind(models.TextChoices):
    LIKERT = "likert", _("Likert scale 1–5")
    SCALE = "scale", _("Scale 1–10")
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    OPEN = "open", _("Open text")


# The number range each numeric kind accepts.
NUMBER_RANGES = {QuestionKind.LIKERT: (1, 5), QuestionKind.SCALE: (1, 10)}
CHOICE_KINDS = {QuestionKind.SINGLE, QuestionKind.MULTIPLE}
OPEN_ANSWER_MAX_LENGTH = 2000


def theme_choices():
    """The themes a question can be limited to, by slug, read each time a form is built;
    a theme's translations share its slug and are listed once."""
    from borg_learning.models.themes import Theme

    choices = {}
    for theme in Theme.objects.order_by("sort_order", "name"):
        choices.setdefault(theme.slug, theme.name)
    return list(choices.items())


class ThemeScopeField(models.JSONField):
    """A list of theme slugs, ticked as checkboxes; empty means every module."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=theme_choices,
            required=False,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )


def theme_slugs_of(module):
    """The slugs of a module's themes, or none without a module; from the themes a list
    of modules prefetched, else one query."""
    if module is None:
        return set()
    return {theme.slug for theme in module.themes.all()}


class Part(models.TextChoices):
    """A questionnaire is answered right after the module, and optionally again later."""

    FIRST = "first", _("After the module")
    FOLLOW_UP = "follow_up", _("Follow-up")


class Questionnaire(TranslatableSnippet, index.Indexed, ClusterableModel):
    """An evaluation questionnaire a module asks at its end."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_("Names this questionnaire in the setting that picks the default."),
    )
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("Shown to the learner above the questions.")
    )
    follow_up_after_days = models.PositiveSmallIntegerField(
        _("follow-up after (days)"),
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(730)],
        help_text=_("Follow-up questions are asked this many days after the first answers."),
    )
    follow_up_intro = models.TextField(
        _("follow-up introduction"), blank=True, help_text=_("Shown above the follow-up questions.")
    )

    panels = [
        NameFieldPanel("title"),
        slug_panel(),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("follow_up_after_days"), FieldPanel("follow_up_intro")],
            heading=_("Follow-up"),
        ),
        TitledInlinePanel(
            "questions",
            heading=_("Questions"),
            label=_("Question"),
            min_num=1,
            title_field="text",
        ),
    ]
    search_fields = [
        index.FilterField("locale_id"),
        index.SearchField("title"),
        index.AutocompleteField("title"),
    ]

    unique_in_locale = ("slug",)

    class Meta(TranslatableSnippet.Meta):
        ordering = ["title"]
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="borg_questionnaire_slug_per_locale"
            ),
        ]

    def __str__(self):
        return self.title

    @classmethod
    def default(cls, locale_id=None):
        """The questionnaire ``BORG_LEARNING['DEFAULT_QUESTIONNAIRE']`` names, if any: in
        the locale ``locale_id`` when there is one there, else in any."""
        slug = learning_settings.DEFAULT_QUESTIONNAIRE
        if not slug:
            return None
        found = cls.objects.prefetch_related("questions").filter(slug=slug)
        if locale_id is not None:
            found = found.order_by(Case(When(locale_id=locale_id, then=0), default=1), "pk")
        return found.first()

    def questions_of(self, part):
        return [question for question in self.questions.all() if question.part == part]

    @property
    def has_follow_up(self):
        return any(question.part == Part.FOLLOW_UP for question in self.questions.all())

    def for_module(self, module):
        """This questionnaire as ``module`` asks it: only the questions in its scope."""
        return ModuleQuestionnaire(self, module)


class ModuleQuestionnaire:
    """A questionnaire as one module asks it: the questions for every module, and those
    limited to themes the module has. Reads like a ``Questionnaire`` otherwise."""

    def __init__(self, questionnaire, module):
        self.questionnaire = questionnaire
        self.module = module
        self._theme_slugs = None

    def __getattr__(self, name):
        return getattr(self.questionnaire, name)

    @property
    def theme_slugs(self):
        if self._theme_slugs is None:
            scoped = any(question.scope_themes for question in self.questionnaire.questions.all())
            # Only a questionnaire with scoped questions needs the module's themes.
            self._theme_slugs = theme_slugs_of(self.module) if scoped else set()
        return self._theme_slugs

    def questions_of(self, part):
        return [
            question
            for question in self.questionnaire.questions_of(part)
            if question.applies_to(self.theme_slugs)
        ]

    def all_questions(self):
        return [*self.questions_of(Part.FIRST), *self.questions_of(Part.FOLLOW_UP)]

    @property
    def has_follow_up(self):
        return bool(self.questions_of(Part.FOLLOW_UP))


class Question(Ordered):
    questionnaire = ParentalKey(Questionnaire, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=500)
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    level = models.PositiveSmallIntegerField(
        _("Kirkpatrick level"), choices=Level.choices, default=Level.REACTION
    )
    kind = models.CharField(
        _("type"), max_length=16, choices=QuestionKind.choices, default=QuestionKind.LIKERT
    )
    options = models.TextField(
        _("options"),
        blank=True,
        help_text=_("For single and multiple choice: one option per line."),
    )
    required = models.BooleanField(_("required"), default=True)
    part = models.CharField(
        _("asked"),
        max_length=16,
        choices=Part.choices,
        default=Part.FIRST,
        help_text=_("Follow-up questions measure behaviour (level 3) some time later."),
    )
    scope_themes = ThemeScopeField(
        _("only after modules of these themes"),
        help_text=_(
            "None ticked: asked after every module. Ticked: asked only after modules with one "
            "of these themes, and the reports count it over those modules only."
        ),
    )

    panels = [
        FieldPanel("text"),
        FieldPanel("help_text"),
        FieldRowPanel([FieldPanel("level"), FieldPanel("kind"), FieldPanel("part")]),
        FieldPanel("options"),
        FieldPanel("required"),
        FieldPanel("scope_themes"),
    ]

    class Meta(Ordered.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text

    def applies_to(self, theme_slugs):
        """Asked after a module with these theme slugs: unscoped, or a theme in common."""
        return not self.scope_themes or bool(set(self.scope_themes) & set(theme_slugs))

    @property
    def option_list(self):
        return [line.strip() for line in self.options.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        options = self.option_list
        if self.kind in CHOICE_KINDS:
            if len(options) < 2:
                raise ValidationError(
                    {"options": _("A choice question needs at least two options.")}
                )
            if len(set(options)) != len(options):
                raise ValidationError({"options": _("Each option may appear only once.")})
        elif options:
            raise ValidationError({"options": _("Only choice questions have options.")})
        if self.part == Part.FOLLOW_UP and self.level != Level.BEHAVIOUR:
            raise ValidationError(
                {"level": _("Follow-up questions measure behaviour: choose level 3.")}
            )

    def snapshot(self):
        """The question as a learner sees it now, kept with every response."""
        return {
            "id": self.pk,
            "text": self.text,
            "helpText": self.help_text,
            "level": self.level,
            "kind": self.kind,
            "options": self.option_list,
            "required": self.required,
            "part": self.part,
        }


class Response(models.Model):
    """One anonymous, complete submission of a questionnaire part for a module.

    ``submission_id`` is made by the client, so sending the same answers twice stores
    them once; ``digest`` tells a repeat from a different answer under a reused id.
    Nothing here says who answered: no user, IP address or user agent.
    """

    submission_id = models.UUIDField(_("submission id"), unique=True)
    digest = models.CharField(max_length=64, editable=False)
    questionnaire = models.ForeignKey(
        Questionnaire,
        verbose_name=_("questionnaire"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="responses",
    )
    questionnaire_title = models.CharField(_("questionnaire"), max_length=200)
    module = models.ForeignKey(
        "borg_learning.ModulePage",
        verbose_name=_("module"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    module_title = models.CharField(_("module"), max_length=255)
    part = models.CharField(_("part"), max_length=16, choices=Part.choices, default=Part.FIRST)
    submitted_at = models.DateTimeField(_("submitted at"), db_index=True)
    questions = models.JSONField(_("questions as asked"), default=list)
    # A first response whose questionnaire has follow-up questions hands out a code;
    # the follow-up response presents it and points back to the first.
    follow_up_code = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    follow_up_due = models.DateField(null=True, blank=True)
    first_response = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="follow_up"
    )

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self):
        return f"{self.module_title} ({self.submitted_at:%Y-%m-%d})"

    @staticmethod
    def new_follow_up_code():
        return uuid.uuid4()


class Answer(models.Model):
    """One answer, with its question as it was asked."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question_id = models.PositiveIntegerField(
        _("question"),
        help_text=_(
            "The question's id when it was asked; not a link, so "
            "deleting the question keeps the answer."
        ),
    )
    question_text = models.CharField(_("question"), max_length=500)
    level = models.PositiveSmallIntegerField(_("Kirkpatrick level"), choices=Level.choices)
    kind = models.CharField(_("type"), max_length=16, choices=QuestionKind.choices)
    sort_order = models.PositiveSmallIntegerField(default=0)
    number = models.PositiveSmallIntegerField(_("number"), null=True, blank=True)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        ordering = ["response", "sort_order"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        indexes = [models.Index(fields=["question_id"])]

    def __str__(self):
        return f"{self.question_text}: {self.display_value}"

    @property
    def display_value(self):
        if self.number is not None:
            return str(self.number)
        if self.choices:
            return ", ".join(self.choices)
        return self.text
