"""Organisations, their enrolments, the dated price lists, and the quotes made of them.

An ``Organisation`` (a member institution or a partner) enrols participants in learning
activities: a catalogue offer, a learning route or a ``Track`` (a leertraject such as
Train-de-Trainer). Its discount tier is set by the participants of all its active
enrolments together, and applies to all of them.

What things cost is in ``PriceList``s the Borgbureau edits, each valid from a date: a
quote uses the one in force on its date (the latest that starts on or before it). A
``Quote`` copies every price, the tier and the amounts it used, so it reads the same
after the prices change; its ``QuoteLine``s copy each enrolment's activity title and
price. Quotes are made through the API (``quoting.request``), never edited.
"""

import secrets

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from borg_learning.content.slug_panels import NameFieldPanel, slug_panel

#: The largest number of participants one enrolment may have.
MAX_PARTICIPANTS = 500
#: The characters of an organisation's quote code: no 0/O, 1/I/L, easy to read aloud.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12


def new_code() -> str:
    """A random quote code (about 59 bits): whoever has it asks for the organisation."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_access_key() -> str:
    """The unguessable part of a stored quote's PDF address."""
    return secrets.token_urlsafe(24)


def money_field(verbose_name, **kwargs):
    return models.DecimalField(
        verbose_name,
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(0, message=_("An amount cannot be negative."))],
        **kwargs,
    )


def amount_field(verbose_name):
    """A frozen amount of a quote, which may be large or (a discount) negative."""
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=2)


def percentage_field(verbose_name, **kwargs):
    return models.DecimalField(
        verbose_name,
        max_digits=5,
        decimal_places=2,
        validators=[
            MinValueValidator(0, message=_("A percentage is at least 0.")),
            MaxValueValidator(100, message=_("A percentage is at most 100.")),
        ],
        **kwargs,
    )


class ActivityKind(models.TextChoices):
    """What an enrolment is for."""

    OFFER = "offer", _("Catalogue offer")
    ROUTE = "route", _("Learning route")
    TRACK = "track", _("Track")


class Settlement(models.TextChoices):
    """How a practice teacher from the organisation is compensated."""

    NONE = "", _("No practice teacher")
    EMPLOYEE = "employee", _("Per teaching hour, to the employee")
    DISCOUNT = "discount", _("Per learning unit or module, as a discount to the organisation")
    PAYMENT = "payment", _("Per learning unit or module, paid to the organisation")


class OrganisationKind(models.TextChoices):
    MEMBER = "member", _("Member institution")
    PARTNER = "partner", _("Partner organisation")


# --- Tracks ------------------------------------------------------------------------------


class Track(models.Model):
    """A leertraject, such as Train-de-Trainer or Begeleidingsschil: priced per participant
    by the price list (the track price plus literature)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("The name in the API, for example train-de-trainer."),
    )
    description = models.TextField(_("description"), blank=True)
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Only active tracks can be quoted.")
    )

    panels = [NameFieldPanel("name"), slug_panel(), FieldPanel("description"), FieldPanel("active")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("track")
        verbose_name_plural = _("tracks")

    def __str__(self):
        return self.name


# --- Price lists -------------------------------------------------------------------------


class PriceListForm(WagtailAdminModelForm):
    """Refuses discount tiers that leave participants without a tier, or say twice what
    one number of participants gets, and a route priced twice."""

    def clean(self):
        cleaned = super().clean()
        minimums = [row["min_participants"] for row in kept_rows(self.formsets.get("tiers"))]
        if minimums and 1 not in minimums:
            self.add_error(None, _("The discount tiers start at 1 participant: add a tier from 1."))
        if len(set(minimums)) < len(minimums):
            self.add_error(None, _("Two discount tiers start at the same number of participants."))
        routes = [row["route"].pk for row in kept_rows(self.formsets.get("route_prices"))]
        if len(set(routes)) < len(routes):
            self.add_error(None, _("A learning route has two prices: keep one."))
        return cleaned


def kept_rows(formset):
    """The cleaned rows of an inline formset's valid forms that are not being deleted."""
    if formset is None:
        return []
    return [
        form.cleaned_data
        for form in formset.forms
        if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


class PriceListQuerySet(models.QuerySet):
    def in_force(self, date):
        """The price list that applies on ``date``: the latest valid from then or before."""
        return self.filter(valid_from__lte=date).order_by("-valid_from").first()


class PriceList(ClusterableModel):
    """What the learning activities cost from a date on; see the module's docstring."""

    valid_from = models.DateField(
        _("valid from"),
        unique=True,
        help_text=_("Quotes dated from this day on use this price list, until a later one starts."),
    )
    track_price = money_field(
        _("track price per participant"),
        default=995,
        help_text=_("EUR excluding VAT, per participant per track."),
    )
    literature_price = money_field(
        _("literature per participant"),
        default=50,
        help_text=_("EUR, once per participant per track, for literature and study materials."),
    )
    teaching_hour_rate = money_field(
        _("practice teacher: per teaching hour"),
        default=100,
        help_text=_("EUR, all-in, paid to the employee who teaches."),
    )
    learning_unit_compensation = money_field(
        _("practice teacher: per learning unit"),
        default=700,
        help_text=_("EUR, to the organisation, as a discount or a payment."),
    )
    learning_module_compensation = money_field(
        _("practice teacher: per learning module"),
        default=1800,
        help_text=_("EUR, to the organisation, as a discount or a payment."),
    )
    vat_rate = percentage_field(
        _("VAT rate (%)"),
        default=21,
        help_text=_(
            "Applied to the amount excluding VAT. Education may be exempt from VAT: enter "
            "0 when it is."
        ),
    )
    note = models.TextField(
        _("note"), blank=True, help_text=_("For the Borgbureau: why these prices, from when.")
    )

    objects = PriceListQuerySet.as_manager()
    base_form_class = PriceListForm

    panels = [
        FieldPanel("valid_from"),
        InlinePanel(
            "tiers",
            heading=_("Discount tiers"),
            label=_("Tier"),
            help_text=_(
                "The discount an organisation gets by the participants of all its "
                "enrolments together: each tier from a number of participants on."
            ),
            min_num=1,
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("track_price"), FieldPanel("literature_price")])],
            heading=_("Tracks"),
        ),
        InlinePanel(
            "route_prices",
            heading=_("Learning routes"),
            label=_("Route price"),
            help_text=_("A route without a price here cannot be quoted."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("teaching_hour_rate"),
                FieldRowPanel(
                    [
                        FieldPanel("learning_unit_compensation"),
                        FieldPanel("learning_module_compensation"),
                    ]
                ),
            ],
            heading=_("Practice-teacher compensation"),
        ),
        FieldPanel("vat_rate"),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("price list")
        verbose_name_plural = _("price lists")

    def __str__(self):
        return str(_("Prices from %(date)s") % {"date": self.valid_from.strftime("%d-%m-%Y")})


class DiscountTier(models.Model):
    """From ``min_participants`` on (up to the next tier), ``percentage`` off."""

    price_list = ParentalKey(PriceList, on_delete=models.CASCADE, related_name="tiers")
    min_participants = models.PositiveIntegerField(
        _("from participants"),
        validators=[MinValueValidator(1, message=_("A tier starts at 1 participant or more."))],
    )
    percentage = percentage_field(_("discount (%)"))

    panels = [FieldRowPanel([FieldPanel("min_participants"), FieldPanel("percentage")])]

    class Meta:
        ordering = ["min_participants"]
        verbose_name = _("discount tier")
        verbose_name_plural = _("discount tiers")
        constraints = [
            models.UniqueConstraint(
                fields=["price_list", "min_participants"], name="quotes_one_tier_per_minimum"
            )
        ]

    def __str__(self):
        return f"{self.min_participants}+: {self.percentage}%"


class RoutePrice(models.Model):
    """What one participant in a learning route costs, on a price list."""

    price_list = ParentalKey(PriceList, on_delete=models.CASCADE, related_name="route_prices")
    route = models.ForeignKey(
        "borg_learning_routes.Route",
        verbose_name=_("learning route"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    price = money_field(_("price per participant"), help_text=_("EUR excluding VAT."))

    panels = [FieldRowPanel([FieldPanel("route"), FieldPanel("price")])]

    class Meta:
        verbose_name = _("route price")
        verbose_name_plural = _("route prices")
        constraints = [
            models.UniqueConstraint(
                fields=["price_list", "route"], name="quotes_one_price_per_route"
            )
        ]

    def __str__(self):
        return f"{self.route}: {self.price}"


# --- Organisations and enrolments --------------------------------------------------------


class Organisation(ClusterableModel):
    """A Borg institution or partner that enrols participants and asks for quotes."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(
        _("kind"), max_length=16, choices=OrganisationKind.choices, default=OrganisationKind.MEMBER
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    address = models.TextField(_("address"), blank=True, help_text=_("As printed on a quote."))
    code = models.CharField(
        _("quote code"),
        max_length=CODE_LENGTH,
        unique=True,
        default=new_code,
        editable=False,
        help_text=_(
            "Give this code to the contact person: with it, a quote counts the "
            "organisation's earlier enrolments."
        ),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("address")],
            heading=_("Contact"),
        ),
        InlinePanel(
            "enrolments",
            heading=_("Enrolments"),
            label=_("Enrolment"),
            help_text=_(
                "Each enrolment: one activity (an offer, a route or a track) and its number "
                "of participants. The active ones together set the discount tier."
            ),
        ),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class Enrolment(models.Model):
    """Participants of an organisation in one learning activity."""

    organisation = ParentalKey(Organisation, on_delete=models.CASCADE, related_name="enrolments")
    offering = models.ForeignKey(
        "borg_learning.Offering",
        verbose_name=_("catalogue offer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    route = models.ForeignKey(
        "borg_learning_routes.Route",
        verbose_name=_("learning route"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    track = models.ForeignKey(
        Track,
        verbose_name=_("track"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="enrolments",
    )
    participants = models.PositiveIntegerField(
        _("participants"),
        validators=[
            MinValueValidator(1, message=_("An enrolment has at least 1 participant.")),
            MaxValueValidator(
                MAX_PARTICIPANTS,
                message=_("An enrolment has at most %(limit_value)s participants."),
            ),
        ],
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Untick when it ended or was cancelled: it no longer counts for the tier."),
    )
    quote = models.ForeignKey(
        "Quote",
        verbose_name=_("requested in quote"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="new_enrolments",
    )
    created_at = models.DateTimeField(_("enrolled at"), default=timezone.now)

    panels = [
        FieldRowPanel([FieldPanel("offering"), FieldPanel("route"), FieldPanel("track")]),
        FieldRowPanel(
            [
                FieldPanel("participants"),
                FieldPanel("active"),
                # A web request's enrolment names its quote: untick it when no order followed.
                FieldPanel("quote", read_only=True),
            ]
        ),
    ]

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(offering__isnull=False, route__isnull=True, track__isnull=True)
                    | Q(offering__isnull=True, route__isnull=False, track__isnull=True)
                    | Q(offering__isnull=True, route__isnull=True, track__isnull=False)
                ),
                name="quotes_enrolment_one_activity",
                violation_error_message=_(
                    "Choose one activity per enrolment: an offer, a learning route or a track."
                ),
            )
        ]

    def __str__(self):
        return f"{self.activity}: {self.participants}"

    @property
    def kind(self) -> ActivityKind:
        if self.offering_id:
            return ActivityKind.OFFER
        return ActivityKind.ROUTE if self.route_id else ActivityKind.TRACK

    @property
    def activity(self):
        return self.offering or self.route or self.track


# --- Quotes ------------------------------------------------------------------------------


class Quote(models.Model):
    """A quote as it was made: every price, the tier and each amount copied."""

    number = models.CharField(_("quote number"), max_length=20, unique=True, null=True, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="quotes",
    )
    quote_date = models.DateField(_("date"))
    valid_until = models.DateField(_("valid until"))
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    requested_by = models.CharField(_("requested by"), max_length=100)
    email = models.EmailField(_("email"), blank=True)
    reference = models.CharField(_("your reference"), max_length=100, blank=True)
    access_key = models.CharField(
        max_length=40, unique=True, default=new_access_key, editable=False
    )

    price_list = models.ForeignKey(
        PriceList,
        verbose_name=_("price list"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quotes",
    )
    prices_valid_from = models.DateField(_("prices valid from"))
    total_participants = models.PositiveIntegerField(_("participants"))
    tier_min_participants = models.PositiveIntegerField(_("tier from participants"))
    discount_percentage = models.DecimalField(_("discount (%)"), max_digits=5, decimal_places=2)
    vat_rate = models.DecimalField(_("VAT rate (%)"), max_digits=5, decimal_places=2)
    settlement = models.CharField(
        _("practice teacher"), max_length=16, choices=Settlement.choices, blank=True
    )
    teaching_hours = models.PositiveIntegerField(_("teaching hours"), default=0)
    learning_units = models.PositiveIntegerField(_("learning units"), default=0)
    learning_modules = models.PositiveIntegerField(_("learning modules"), default=0)
    track_price = models.DecimalField(_("track price"), max_digits=10, decimal_places=2)
    literature_price = models.DecimalField(
        _("literature per participant"), max_digits=10, decimal_places=2
    )
    teaching_hour_rate = models.DecimalField(
        _("per teaching hour"), max_digits=10, decimal_places=2
    )
    learning_unit_compensation = models.DecimalField(
        _("per learning unit"), max_digits=10, decimal_places=2
    )
    learning_module_compensation = models.DecimalField(
        _("per learning module"), max_digits=10, decimal_places=2
    )

    tuition = amount_field(_("participant fees"))
    literature = amount_field(_("literature"))
    tier_discount = amount_field(_("tier discount"))
    compensation = amount_field(_("practice-teacher compensation"))
    total_excl_vat = amount_field(_("total excluding VAT"))
    vat = amount_field(_("VAT"))
    total_incl_vat = amount_field(_("total including VAT"))

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")

    def __str__(self):
        return self.number or str(_("Quote %(pk)s") % {"pk": self.pk})


class QuoteLine(models.Model):
    """One enrolment on a quote, with the title and prices it had then."""

    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveIntegerField()
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ActivityKind.choices)
    #: The offer's id or the route's or track's slug, as the API names it.
    activity_key = models.CharField(max_length=100)
    title = models.CharField(_("activity"), max_length=255)
    participants = models.PositiveIntegerField(_("participants"))
    price = models.DecimalField(_("price per participant"), max_digits=10, decimal_places=2)
    literature_price = models.DecimalField(
        _("literature per participant"), max_digits=10, decimal_places=2
    )
    is_new = models.BooleanField(_("new in this quote"))

    class Meta:
        ordering = ["quote", "position"]
        verbose_name = _("quote line")
        verbose_name_plural = _("quote lines")

    def __str__(self):
        return f"{self.title}: {self.participants}"
