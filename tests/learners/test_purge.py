"""purge_inactive_learners deletes anonymous learners not seen for the retention period."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from borg_learning.learners.models import BlockProgress, Learner, LearnerToken, TransferCode
from tests import factories

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture
def learners(module):
    """Anonymous learners last seen 400, 365 and 10 days ago, and a signed-in one long ago."""
    made = {}
    for name, days in (("old", 400), ("year", 365), ("recent", 10)):
        learner, _token = factories.learner(last_seen=days_ago(days))
        factories.progress(learner, module)
        made[name] = learner
    made["account"], _ = factories.learner(user=factories.user("leerling"), last_seen=days_ago(900))
    TransferCode.objects.create(
        learner=made["recent"],
        digest="a" * 64,
        expires_at=timezone.now() - datetime.timedelta(hours=1),
    )
    TransferCode.objects.create(
        learner=made["recent"],
        digest="b" * 64,
        expires_at=timezone.now() + datetime.timedelta(hours=1),
    )
    return made


def purge(*args):
    out = StringIO()
    call_command("purge_inactive_learners", *args, stdout=out)
    return out.getvalue()


def test_anonymous_learners_not_seen_for_the_retention_period_are_deleted(learners):
    output = purge()
    assert "Deleted 1 anonymous learners" in output and "1 expired transfer codes" in output
    assert set(Learner.objects.all()) == {learners["year"], learners["recent"], learners["account"]}
    assert BlockProgress.objects.count() == 2 and LearnerToken.objects.count() == 3
    assert TransferCode.objects.count() == 1


def test_a_dry_run_deletes_nothing(learners):
    output = purge("--dry-run")
    assert "Would delete 1 anonymous learners" in output and "dry run" in output
    assert Learner.objects.count() == 4 and TransferCode.objects.count() == 2


def test_the_retention_follows_the_setting_and_the_option(learners, settings):
    settings.BORG_LEARNING = {"LEARNER_RETENTION_DAYS": 30}
    assert "Deleted 2 anonymous learners" in purge()
    assert "Deleted 1 anonymous learners" in purge("--days", "5")
    assert list(Learner.objects.all()) == [learners["account"]]
    with pytest.raises(CommandError):
        purge("--days", "0")
