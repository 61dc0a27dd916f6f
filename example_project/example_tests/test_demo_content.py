"""The example site's demo content: complete, valid, within its time budgets, idempotent."""

import datetime
import subprocess
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Revision, Site
from wagtailmedia.models import get_media_model

from borg_learning.api.references import References
from borg_learning.conf import learning_settings
from borg_learning.content.blocks import ExerciseKind, LinkKind, ModuleBodyBlock
from borg_learning.content.exercises import verdict
from borg_learning.learners import rules
from borg_learning.learners.models import BlockKind, BlockProgress
from borg_learning.microlearning.formats import MicrolessonFormat, format_problems
from borg_learning.microlearning.models import MicrolessonPage
from borg_learning.models import (
    Answer,
    BasicModulePage,
    CataloguePage,
    DevelopmentGroup,
    DevelopmentGroupMember,
    ModulePartPage,
    Offering,
    OfferingChapter,
    PageVisitDay,
    Provider,
    ProviderAccess,
    Question,
    Questionnaire,
    Response,
    SectionPage,
    SpecialistModulePage,
    StartButton,
    Theme,
)
from borg_learning.reviews import cards as review_cards
from borg_learning.reviews.models import ReviewCard, ReviewLog
from borg_learning.reviews.scheduling import scheduler
from demo import content, media
from home.models import HomePage

PROVIDERS = [
    "GGZ Ecademy",
    "VGN Academie",
    "Forensische Leerlijn",
    "De Borg Leergang SGLVG(+)",
    "Trajectum",
]
COUNTED = [
    Page,
    Revision,
    Theme,
    DevelopmentGroup,
    DevelopmentGroupMember,
    Provider,
    Offering,
    OfferingChapter,
    StartButton,
    Collection,
    Site,
    get_image_model(),
    get_document_model(),
    get_media_model(),
    Questionnaire,
    Question,
    Response,
    Answer,
    PageVisitDay,
    ReviewCard,
    ReviewLog,
]


@pytest.fixture
def loaded(shared_demo_content, db):
    """The demo's objects, loaded once for this module; each test's changes roll back."""
    return shared_demo_content


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def sgg_blocks(loaded):
    return [block for part in loaded.sgg_parts for block in part.body]


def test_the_command_loads_once_then_leaves_everything_as_it_is(db):
    # Runs first: the tests below share one load (shared_demo_content).
    assert not Page.objects.filter(slug="leeromgeving").exists()
    first, second = StringIO(), StringIO()
    call_command("load_demo_content", stdout=first)
    after_first = counts()
    call_command("load_demo_content", stdout=second)
    assert counts() == after_first

    report = first.getvalue()
    assert "Learning environment created and published" in report
    assert "Providers: 5 created, 0 existing" in report
    assert "ademhaling.mp3" in report
    assert "SGG: " in report and "of 15 minutes" in report
    assert "Learning environment exists, left as it is: Leeromgeving" in second.getvalue()
    assert "Microlessons created and published in 'Microlearning': 8" in report
    assert "Microlessons exist, left as they are: Microlearning" in second.getvalue()
    assert "Offers: 0 created, 15 existing" in second.getvalue()


def media_files():
    return sorted(str(path) for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file())


def test_loading_again_creates_nothing_and_changes_nothing(loaded):
    before, files = counts(), media_files()
    revisions = dict(Page.objects.values_list("pk", "latest_revision_id"))
    published = dict(Page.objects.values_list("pk", "last_published_at"))
    report = content.load()
    assert counts() == before
    assert media_files() == files
    assert dict(Page.objects.values_list("pk", "latest_revision_id")) == revisions
    assert dict(Page.objects.values_list("pk", "last_published_at")) == published
    assert any("left as it is" in line for line in report)
    assert all(" 0 created" in line for line in report if "created," in line)


def test_the_tree_is_as_described_and_live(loaded):
    environment = loaded.environment
    assert isinstance(environment.get_parent().specific, HomePage)
    assert environment.slug == "leeromgeving" and environment.title == "Leeromgeving"
    children = [page.specific for page in environment.get_children()]
    assert [(type(page), page.title) for page in children] == [
        (SectionPage, "Basismodules"),
        (SectionPage, "Specialistische modules"),
        (CataloguePage, "Opleidingsaanbod"),
        (SectionPage, "Microlearning"),
    ]
    assert [type(page.specific) for page in loaded.basic_section.get_children()] == [
        BasicModulePage
    ]
    assert [page.title for page in loaded.specialist_section.get_children()] == ["SGG"]
    assert len(loaded.sgg_parts) == 3
    assert all(type(part) is ModulePartPage for part in loaded.sgg_parts)

    for page in environment.get_descendants(inclusive=True).specific():
        assert page.live, page.title
        assert not page.has_unpublished_changes, page.title
        assert page.live_revision_id and page.live_revision_id == page.latest_revision_id
        if isinstance(page, (SectionPage, CataloguePage)):
            assert page.intro, page.title
        if isinstance(page, (BasicModulePage, ModulePartPage)):
            assert len(page.body) >= 5, page.title


def test_the_microlessons_cover_every_format_length_and_theme_and_fit(loaded):
    section = SectionPage.objects.child_of(loaded.environment).get(slug="microlearning")
    lessons = list(MicrolessonPage.objects.child_of(section).order_by("path"))
    assert len(lessons) == 8
    assert {lesson.format for lesson in lessons} == set(MicrolessonFormat.values)
    assert {lesson.length for lesson in lessons} == {30, 60, 90, 120}
    assert {lesson.theme.slug for lesson in lessons} == set(loaded.themes)
    for lesson in lessons:
        assert lesson.live and not lesson.has_unpublished_changes, lesson.title
        assert 0 < lesson.estimated_duration_seconds <= lesson.length, lesson.title
        assert format_problems(lesson.format, lesson.body) == [], lesson.title
        assert lesson.summary, lesson.title


def test_the_start_page_has_intro_feedback_and_buttons(loaded):
    environment = loaded.environment
    assert f'linktype="page" id="{loaded.basic_module.pk}"' in environment.intro
    assert environment.feedback_label and environment.feedback_href.startswith("mailto:")
    environment.full_clean()

    buttons = list(environment.buttons.all())
    assert {button.target_type for button in buttons} == {"page", "theme", "url"}
    assert {button.target_page_id for button in buttons} >= {
        loaded.basic_section.pk,
        loaded.specialist_section.pk,
        loaded.catalogue.pk,
        SectionPage.objects.get(slug="microlearning").pk,
    }
    assert loaded.themes["sgg"].pk in {button.target_theme_id for button in buttons}
    icons = dict(learning_settings.choices("ICONS"))
    for button in buttons:
        button.clean()
        assert button.resolved_colour_hex, button.label
        assert button.resolved_icon in icons, button.label


def test_themes_and_the_development_group(loaded):
    themes = loaded.themes
    assert {"sgg", "agressie-de-escalatie", "middelengebruik", "lvb"} <= set(themes)
    for theme in themes.values():
        assert theme.colour_hex and theme.description
    group = loaded.development_group
    assert group.name == "Ontwikkelgroep SGG"
    assert group.members.count() >= 3 and all(member.role for member in group.members.all())
    assert loaded.sgg.development_group == group


def test_every_block_type_is_used_in_the_sgg_parts(loaded):
    blocks = sgg_blocks(loaded)
    assert {block.block_type for block in blocks} == set(ModuleBodyBlock().child_blocks)

    exercises = [block.value for block in blocks if block.block_type == "exercise"]
    assert {value["kind"] for value in exercises} == {kind for kind, _ in ExerciseKind.choices}
    for value in exercises:
        assert value["explanation"].source.strip()
        assert all(option["feedback"] for option in value["options"])

    links = [block.value for block in blocks if block.block_type == "link"]
    assert {value["kind"] for value in links} == {kind for kind, _ in LinkKind.choices}
    assert any(value["page"] for value in links)
    assert any(value["url"] for value in links)
    assert any(value["document"] for value in links)

    videos = [block.value for block in blocks if block.block_type == "video"]
    uploaded = next(value for value in videos if value["video"])
    assert uploaded["subtitles"].file.name.endswith(".vtt")
    assert uploaded["transcript"].source.strip()
    embedded = next(value for value in videos if value["embed_url"])
    assert embedded["embed_duration"] > 0

    image = next(block.value for block in blocks if block.block_type == "image")
    assert image["alt_text"] and image["caption"]
    audio = next(block.value for block in blocks if block.block_type == "audio")
    assert audio["audio"].type == "audio" and audio["transcript"].source.strip()
    download = next(block.value for block in blocks if block.block_type == "download")
    assert download["document"].file.name.endswith(".pdf")


def test_every_body_passes_the_editors_validation(loaded):
    for page in [loaded.basic_module, *loaded.sgg_parts]:
        page.body.stream_block.clean(page.body)


def test_every_module_fits_its_target_duration(loaded):
    timed = [
        *BasicModulePage.objects.all(),
        *SpecialistModulePage.objects.all(),
        *ModulePartPage.objects.all(),
    ]
    assert len(timed) == 5
    for page in timed:
        estimate = page.estimate_duration()
        assert 0 < estimate.total_seconds <= page.target_duration * 60, page.title
        assert page.estimated_duration_seconds == estimate.total_seconds, page.title
    # The module adds up its parts in the whole minutes their tiles show.
    parts = sum(part.estimate_duration().total_minutes for part in loaded.sgg_parts)
    assert loaded.sgg.estimate_duration().total_seconds == parts * 60


def test_modules_have_all_their_metadata(loaded):
    roles = dict(learning_settings.choices("AUDIENCE_ROLES"))
    for module in [loaded.basic_module, loaded.sgg]:
        assert module.summary and len(module.learning_objectives) >= 3, module.title
        assert module.themes.exists() and module.development_group, module.title
        assert module.audience_roles and set(module.audience_roles) <= set(roles)
        assert module.copyright_holder == "De Borg"
        assert module.last_reviewed and module.review_interval_months
        assert not module.is_review_due(today=module.last_reviewed)
    assert loaded.sgg.explanation and loaded.sgg.icon
    for part in loaded.sgg_parts:
        assert part.summary and part.icon and part.target_duration


def test_the_media_are_real_files_with_their_duration(loaded):
    Media = get_media_model()
    audio = Media.objects.get(type="audio")
    video = Media.objects.get(type="video")
    assert 50 <= audio.duration <= 60
    assert video.duration == media.video_seconds()
    assert (video.width, video.height) == media.VIDEO_SIZE and video.thumbnail
    for item in (audio, video):
        assert item.collection.name == "Leeromgeving"
        with item.file.open("rb") as handle:
            head = handle.read(12)
        assert head[4:8] == b"ftyp" if item.type == "video" else head[:3] == b"ID3"
        probe = subprocess.run(
            [media.ffmpeg_exe(), "-hide_banner", "-i", item.file.path],
            capture_output=True,
            text=True,
        ).stderr
        assert ("h264" in probe and "aac" in probe) if item.type == "video" else "mp3" in probe

    for image in get_image_model().objects.all():
        assert image.width == 1200 and image.file_size and image.file_hash
    documents = {doc.file.name.rsplit(".", 1)[1]: doc for doc in get_document_model().objects.all()}
    with documents["vtt"].file.open("rb") as handle:
        assert handle.read().startswith(b"WEBVTT")
    with documents["pdf"].file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_the_catalogue_has_the_five_providers_with_offers(loaded):
    assert loaded.catalogue.intro
    assert set(PROVIDERS) <= set(loaded.providers)
    assert loaded.providers["Trajectum"].is_member_institution
    assert loaded.providers["Forensische Leerlijn"].access == ProviderAccess.FREE
    assert loaded.providers["GGZ Ecademy"].access == ProviderAccess.MEMBERSHIP
    assert "RINO" in loaded.providers["De Borg Leergang SGLVG(+)"].access_note

    groups = dict(learning_settings.choices("TARGET_GROUPS"))
    roles = dict(learning_settings.choices("AUDIENCE_ROLES"))
    for name in PROVIDERS:
        offers = list(loaded.providers[name].offerings.all())
        assert len(offers) >= 3, name
        for offer in offers:
            offer.full_clean()
            assert offer.url.startswith("https://") and offer.summary
            assert offer.chapters.count() >= 3, offer.title
            assert offer.target_groups and set(offer.target_groups) <= set(groups)
            assert offer.audience_roles and set(offer.audience_roles) <= set(roles)
            assert offer.duration_minutes and offer.last_checked
    assert Offering.objects.filter(active=False).count() == 1
    assert Offering.objects.filter(themes=loaded.themes["sgg"]).count() >= 3


def test_the_generated_learners_have_review_cards_some_due_today(loaded):
    """Each exercise with a right answer a generated learner answered is a card, its first
    review that answer; the reviews after it are as the app's scheduler moves a card, and
    some cards are due now, come due since yesterday."""
    now = timezone.now()
    exercises = {
        (page.pk, block.id): block
        for page in [loaded.basic_module, *loaded.sgg_parts]
        for block in rules.body_blocks(page)
        if block.kind == BlockKind.EXERCISE and block.exercise_kind != ExerciseKind.REFLECTION
    }
    answered = {
        (row.learner_id, row.page_id, row.block_id): row
        for row in BlockProgress.objects.filter(kind=BlockKind.EXERCISE).exclude(answer=[])
        if (row.page_id, row.block_id) in exercises and row.completed_at
    }
    cards = list(ReviewCard.objects.prefetch_related("logs"))
    assert {(card.learner_id, card.page_id, card.block_id) for card in cards} == set(answered)

    planner = scheduler()
    for card in cards:
        first, *reviews = card.logs.all()
        row = answered[(card.learner_id, card.page_id, card.block_id)]
        value = exercises[(card.page_id, card.block_id)].value
        assert (first.source, first.reviewed_at, first.answer) == (
            "exercise",
            row.completed_at,
            row.answer,
        )
        assert first.correct == verdict(value, row.answer).correct
        assert all(log.source == "review" and log.reviewed_at <= now for log in reviews)
        assert all(log.correct == verdict(value, log.answer).correct for log in reviews)
        # Replayed through the scheduler, the reviews give the card as it is stored (but
        # for its due moment: the scheduler fuzzes the intervals).
        schedule = planner.new(first.reviewed_at)
        for log in [first, *reviews]:
            assert log is first or log.reviewed_at > schedule.last_review
            schedule = planner.review(schedule, log.correct, log.reviewed_at).schedule
        stored = (card.state, card.stability, card.difficulty, card.last_review)
        assert stored == (
            schedule.state,
            schedule.stability,
            schedule.difficulty,
            schedule.last_review,
        )
        assert card.due > card.last_review

    due = [card for card in cards if card.due <= now]
    assert any(card.due > now - datetime.timedelta(days=1) for card in due)
    assert any(card.due > now for card in cards)
    assert sum(len(card.logs.all()) - 1 for card in cards) > len(cards)  # reviews kept up

    # The daily review of the learner with the most cards due shows them, up to the limit.
    per_learner = Counter(card.learner for card in due)
    learner, count = per_learner.most_common(1)[0]
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    shown = review_cards.due_cards(learner, References(request))
    assert len(shown) == min(count, learning_settings.REVIEW_DAILY_LIMIT) > 0
