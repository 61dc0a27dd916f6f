"""The demo's five badges, each on a medal image with its description, and the badges the
generated learners earned with their progress: by the badges' own rules, once each, never
in the future; loading again changes nothing."""

import pytest
from django.utils import timezone

from borg_learning.badges.models import Badge, BadgeAward
from borg_learning.learners.models import Completion
from demo import content


@pytest.fixture
def loaded(shared_demo_content, db):
    return shared_demo_content


def test_there_are_five_active_badges_of_different_criteria_with_their_images(loaded):
    badges = {badge.name: badge for badge in Badge.objects.all()}
    assert set(badges) == {
        "Eerste microles",
        "Twee modules",
        "Alle modules van een thema",
        "Route afgerond",
        "7 dagen op rij",
    }
    assert len({badge.criterion for badge in badges.values()}) == 5
    assert badges["Alle modules van een thema"].theme.slug == "lvb"
    for badge in badges.values():
        badge.full_clean()  # as the editor's form checks it
        assert badge.active and badge.image_description
        assert (badge.image.width, badge.image.height) == (1200, 1200)


def test_the_generated_learners_earned_badges_by_the_rules(loaded):
    awards = list(BadgeAward.objects.select_related("badge"))
    names = {award.badge.name for award in awards}
    assert {"Twee modules", "Alle modules van een thema", "Route afgerond"} <= names
    assert all(award.awarded_at <= timezone.now() for award in awards)
    for award in awards:
        if award.badge.name == "Twee modules":
            modules = Completion.objects.filter(
                learner=award.learner, page__in=[loaded.basic_module, loaded.sgg]
            )
            assert modules.count() == 2
            assert award.awarded_at == max(row.completed_at for row in modules)


def test_loading_again_gives_no_badge_twice(loaded):
    before = BadgeAward.objects.count()
    report = content.load()
    assert "Badges: 0 created, 5 existing" in report
    assert "Badges of the generated learners exist, left as they are" in report
    assert BadgeAward.objects.count() == before
