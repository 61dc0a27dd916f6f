"""Badges over GraphQL: ``badges``, ``me { badges }`` and ``exportBadgeCredential``.

A badges page costs the same number of queries for 5 badges as for 50: the badges in one
query with their theme and route, their images through the request's ``Loaders``, and
the learner's awards and figures (``standing.Standing``) once each.
"""

import graphene
from django.utils.functional import cached_property

from borg_learning.api.graphql.enums import enum_from_choices
from borg_learning.api.graphql.loaders import Loaders
from borg_learning.api.graphql.media import Image
from borg_learning.badges import exporting
from borg_learning.badges.models import Badge, BadgeAward, Criterion
from borg_learning.badges.standing import Standing
from borg_learning.learners import identity
from borg_learning.learners.graphql import learner_error_type
from borg_learning.learners.progress import LearnerError

CriterionEnum = enum_from_choices(
    Criterion, "LearningBadgeCriterion", "What a learner does to earn a badge."
)

BadgeError, BadgeErrorCode = learner_error_type(
    "LearningBadgeError",
    exporting.Code,
    "One problem with a badge request; nothing was made.",
    "Why a badge request was refused.",
    "award, learnerToken",
    {
        "UNKNOWN_AWARD": "The learner has no award with that id (another learner's is unknown "
        "too).",
        "NO_SIGNING_KEY": "This site has no key to sign credentials with "
        "(BORG_LEARNING['BADGE_SIGNING_KEY']).",
    },
)


def active_badges():
    return list(Badge.objects.filter(active=True).select_related("theme", "route"))


def announce_images(badges, info):
    loaders = Loaders.of(info)
    for badge in badges:
        loaders.want("image", badge.image_id)
    return badges


class BadgeType(graphene.ObjectType):
    """A badge learners earn at once when they meet its criterion."""

    class Meta:
        name = "LearningBadge"

    id = graphene.ID(required=True)
    name = graphene.String(required=True)
    description = graphene.String(required=True)
    image = graphene.Field(Image, description="Null when the image may not be shown.")
    image_description = graphene.String(
        required=True, description="What the image shows: its alt text."
    )
    criterion = graphene.Field(CriterionEnum, required=True)
    criterion_text = graphene.String(
        required=True,
        description="What a learner does to earn it, in the site's language "
        '("Rond 3 modules af.").',
    )
    count = graphene.Int(description="MODULES, STREAK, REVIEWS: how many; null for others.")

    def resolve_image(badge, info):
        return Loaders.of(info).get("image", badge.image_id)

    def resolve_criterion_text(badge, info):
        return badge.criterion_text()


class BadgeProgress(graphene.ObjectType):
    class Meta:
        name = "LearningBadgeProgress"

    done = graphene.Int(required=True, description="Of target: modules, reviews and so on.")
    target = graphene.Int(
        required=True,
        description="What the criterion asks; for a theme its live modules now (0: none "
        "yet, so not to be earned yet).",
    )


class BadgeAwardType(graphene.ObjectType):
    """A badge the learner earned, as it was then."""

    class Meta:
        name = "LearningBadgeAward"

    id = graphene.ID(required=True, description="Send it in exportBadgeCredential's award.")
    name = graphene.String(required=True, description="The badge's name when earned.")
    description = graphene.String(required=True, description="As when earned.")
    criterion_text = graphene.String(required=True, description="As when earned.")
    awarded_at = graphene.DateTime(required=True)

    def resolve_id(award, info):
        return award.uuid

    def resolve_criterion_text(award, info):
        return award.criterion


class LearnerBadge(graphene.ObjectType):
    """A badge on the learner's badges page: earned, or how far they are."""

    class Meta:
        name = "LearningLearnerBadge"

    badge = graphene.Field(BadgeType, required=True)
    earned = graphene.Boolean(required=True)
    award = graphene.Field(BadgeAwardType, description="Null while not earned.")
    progress = graphene.Field(
        BadgeProgress,
        description="Towards an unearned badge; null when earned, or when this site cannot "
        "tell (a STREAK: ask the streak itself).",
    )

    def resolve_earned(entry, info):
        return entry.award is not None


class LearnerBadges:
    """The badges behind ``me { badges }``: the awards and figures loaded once."""

    def __init__(self, learner):
        self.learner = learner

    @cached_property
    def entries(self) -> list[LearnerBadge]:
        awards = {}
        if self.learner is not None:
            for award in BadgeAward.objects.filter(learner=self.learner).select_related(
                "badge__theme", "badge__route"
            ):
                awards[award.badge_id] = award
        badges = active_badges()
        shown = {badge.pk for badge in badges}
        badges += [award.badge for award in awards.values() if award.badge_id not in shown]
        standing = Standing(self.learner, [b for b in badges if b.pk not in awards])
        return [
            LearnerBadge(
                badge=badge,
                award=awards.get(badge.pk),
                progress=None if badge.pk in awards else standing.progress(badge),
            )
            for badge in badges
        ]


class BadgeQuery:
    badges = graphene.List(
        graphene.NonNull(BadgeType),
        required=True,
        description="The active badges, by name.",
    )

    def resolve_badges(root, info):
        return announce_images(active_badges(), info)


class MeBadgeFields:
    """The badges' fields of ``me`` (``register_learner_graphql_fields``)."""

    badges = graphene.List(
        graphene.NonNull(LearnerBadge),
        required=True,
        description="Every active badge by name, earned or with the progress towards it, "
        "then the earned badges that are no longer active.",
    )

    def resolve_badges(view, info):
        entries = LearnerBadges(view.learner).entries
        announce_images([entry.badge for entry in entries], info)
        return entries


class ExportBadgeCredentialInput(graphene.InputObjectType):
    class Meta:
        name = "LearningExportBadgeCredentialInput"

    award = graphene.ID(required=True, description="The id of an award of me { badges }.")


class ExportBadgeCredentialPayload(graphene.ObjectType):
    class Meta:
        name = "LearningExportBadgeCredentialPayload"

    ok = graphene.Boolean(required=True)
    errors = graphene.List(graphene.NonNull(BadgeError), required=True)
    token_retired = graphene.Boolean(
        required=True,
        description="Forget the token sent: signed in, it was merged into the account's "
        "progress (or is not the account's).",
    )
    credential = graphene.String(
        description="The Open Badges 3.0 credential (OpenBadgeCredential) as a compact JWS "
        "(VC-JWT), to save as a .jwt file or give to a wallet; the key that signed it is in "
        "/learning/badges/jwks.json. Null when refused."
    )


class ExportBadgeCredential(graphene.Mutation):
    """An earned badge as a signed Open Badges 3.0 credential; nothing is stored."""

    class Arguments:
        input = ExportBadgeCredentialInput(required=True)

    Output = ExportBadgeCredentialPayload

    def mutate(root, info, input):
        retired = identity.identify(info.context).token_retired
        try:
            credential = exporting.export(info.context, input.award, references=Loaders.of(info))
        except LearnerError as error:
            return ExportBadgeCredentialPayload(
                ok=False, errors=error.problems, token_retired=retired, credential=None
            )
        return ExportBadgeCredentialPayload(
            ok=True, errors=[], token_retired=retired, credential=credential
        )


class BadgeMutation:
    export_badge_credential = ExportBadgeCredential.Field(
        description="An earned badge as a signed Open Badges 3.0 credential (a JWT)."
    )


# --- exportMyData { data { badgeAwards } } ---------------------------------------------------


class MyDataBadgeAward(graphene.ObjectType):
    class Meta:
        name = "LearningMyDataBadgeAward"

    award = graphene.ID(required=True)
    badge = graphene.ID(required=True)
    name = graphene.String(required=True)
    description = graphene.String(required=True)
    criterion = graphene.String(required=True)
    awarded_at = graphene.DateTime(required=True)


class MyDataBadgeFields:
    """The badges' key of the export (``privacy.exported``), typed."""

    badge_awards = graphene.List(graphene.NonNull(MyDataBadgeAward), required=True)
