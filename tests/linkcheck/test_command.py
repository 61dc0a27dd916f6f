"""``check_catalogue_links`` checks the links of the active offers and their chapters and
stores what each site answered; the rows follow the catalogue as editors change it."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from borg_learning.linkcheck.management.commands import check_catalogue_links as command
from borg_learning.linkcheck.models import CheckedLink, LinkProblem, LinkState
from borg_learning.models import OfferingChapter
from tests import factories

pytestmark = pytest.mark.django_db


def offer(url, chapters=(), **fields):
    """An offer with ``url`` and chapters with these links."""
    made = factories.OfferingFactory(url=url, chapters=[], **fields)
    for order, chapter_url in enumerate(chapters):
        OfferingChapter.objects.create(
            offering=made, title=f"Hoofdstuk {order + 1}", sort_order=order, url=chapter_url
        )
    return made


def link(offering, chapter=None):
    if chapter is None:
        return CheckedLink.objects.get(offering=offering, chapter__isnull=True)
    return CheckedLink.objects.get(chapter=offering.chapters.get(sort_order=chapter))


def run(*args):
    call_command("check_catalogue_links", *args, stdout=(out := _Out()), stderr=_Out())
    return out.text


class _Out:
    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass


def test_the_command_stores_what_each_link_of_an_active_offer_answered(site, quick):
    checked = offer(
        f"{site.url}/cursus/",
        chapters=[f"{site.url}/oud/", f"{site.url}/bestaat-niet/", ""],
    )
    slow = offer(f"{site.url}/slow/")
    insecure = offer(f"{site.https_url}/cursus/")
    inactive = offer(f"{site.url}/kapot/", active=False)
    before = timezone.now()

    output = run()

    assert "Checked 5 links: 1 work, 1 redirected, 3 broken." in output
    works = link(checked)
    assert (works.state, works.status_code, works.method) == (LinkState.OK, 200, "HEAD")
    assert works.checked_at >= before
    moved = link(checked, chapter=0)
    assert (moved.state, moved.final_url) == (LinkState.REDIRECTED, f"{site.url}/cursus/")
    assert [hop["status"] for hop in moved.redirects] == [301, 302]
    missing = link(checked, chapter=1)
    assert (missing.state, missing.status_code) == (LinkState.BROKEN, 404)
    assert not CheckedLink.objects.filter(chapter=checked.chapters.get(sort_order=2)).exists()
    assert link(slow).problem == LinkProblem.TIMEOUT
    assert link(insecure).problem == LinkProblem.TLS
    assert link(inactive).state == LinkState.UNCHECKED  # not asked
    assert "/kapot/" not in site.paths()


def test_one_address_used_twice_is_asked_once(site, quick):
    offer(f"{site.url}/cursus/", chapters=[f"{site.url}/cursus/"])

    run()

    assert site.paths() == ["/cursus/"]
    assert set(CheckedLink.objects.values_list("state", flat=True)) == {LinkState.OK}


def test_only_the_offers_asked_for_or_the_links_not_checked_lately(site, quick):
    first = offer(f"{site.url}/cursus/")
    second = offer(f"{site.url}/no-head/")

    run("--offering", str(first.pk))
    assert site.paths() == ["/cursus/"]
    assert link(second).checked_at is None

    run("--older-than", "7")
    assert site.paths() == ["/cursus/", "/no-head/", "/no-head/"]  # HEAD refused, then GET


def test_a_changed_link_forgets_the_old_links_result(site, quick):
    offering = offer(f"{site.url}/bestaat-niet/")
    run()
    assert link(offering).state == LinkState.BROKEN

    offering.url = f"{site.url}/cursus/"
    offering.save()

    fresh = link(offering)
    assert (fresh.url, fresh.state, fresh.status_code, fresh.checked_at) == (
        f"{site.url}/cursus/",
        LinkState.UNCHECKED,
        None,
        None,
    )


def test_a_chapter_whose_link_is_removed_or_deleted_loses_its_row(site, quick):
    offering = offer(f"{site.url}/cursus/", chapters=[f"{site.url}/hoofdstuk-1/"] * 2)
    first, second = offering.chapters.order_by("sort_order")

    first.url = ""
    first.save()
    second.delete()

    assert list(CheckedLink.objects.values_list("chapter", flat=True)) == [None]


def test_a_mark_checked_by_hand_stays_while_the_site_answers_the_same(site, quick):
    offering = offer(f"{site.url}/bestaat-niet/")
    run()
    marked = link(offering)
    marked.hand_checked_at = timezone.now()
    marked.hand_checked_by = factories.user("redacteur")
    marked.save()

    run()
    assert link(offering).hand_checked_at is not None

    site.overrides["/bestaat-niet/"] = 500
    run()
    again = link(offering)
    assert (again.status_code, again.hand_checked_at, again.hand_checked_by) == (500, None, None)


def test_what_an_editor_changes_during_a_run_is_kept(site, quick, monkeypatch):
    changed = offer(f"{site.url}/bestaat-niet/")
    marked = offer(f"{site.url}/kapot/")
    run()
    editor = factories.user("redacteur")
    checking_all = command.check_all

    def check_all_while_an_editor_works(urls):
        answers = list(checking_all(urls))  # the rows were read before: the run takes long
        changed.url = f"{site.url}/cursus/"
        changed.save()
        CheckedLink.objects.filter(pk=link(marked).pk).update(
            hand_checked_at=timezone.now(), hand_checked_by=editor
        )
        yield from answers

    monkeypatch.setattr(command, "check_all", check_all_while_an_editor_works)
    output = run()

    fresh = link(changed)
    assert (fresh.url, fresh.state, fresh.checked_at) == (
        f"{site.url}/cursus/",
        LinkState.UNCHECKED,
        None,
    )
    kept = link(marked)
    assert (kept.state, kept.status_code, kept.hand_checked_by) == (LinkState.BROKEN, 500, editor)
    assert "Checked 1 links: 0 work, 0 redirected, 1 broken." in output


def test_a_tracking_redirect_to_a_very_long_address_is_stored_cut(site, quick):
    offering = offer(f"{site.url}/volgen/")
    following = offer(f"{site.url}/cursus/")

    run()

    tracked = link(offering)
    assert tracked.state == LinkState.REDIRECTED
    assert tracked.final_url == f"{site.url}/cursus/?bron={'x' * 2500}"[:2000]
    assert link(following).state == LinkState.OK


def test_the_links_of_the_catalogue_get_rows_before_a_check(site, quick):
    offering = offer(f"{site.url}/cursus/")
    CheckedLink.objects.all().delete()  # as before the app was installed

    run()

    assert link(offering).state == LinkState.OK


def test_quiet_prints_only_when_a_link_is_broken(site, quick):
    offer(f"{site.url}/cursus/")
    assert run("--quiet") == ""
    offer(f"{site.url}/kapot/")
    assert "1 broken" in run("--quiet")


def test_a_link_checked_long_ago_is_checked_again_with_older_than(site, quick):
    offering = offer(f"{site.url}/cursus/")
    run()
    CheckedLink.objects.update(checked_at=timezone.now() - datetime.timedelta(days=10))

    run("--older-than", "7")

    assert site.paths() == ["/cursus/", "/cursus/"]
    assert link(offering).checked_at > timezone.now() - datetime.timedelta(minutes=1)
