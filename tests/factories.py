"""The one place that builds test data: people, pages, stored block values, snippets,
files, questionnaires, evaluation responses, visit counts and learners' progress.

Snippets and files are factory_boy factories (``theme(name="SGG")`` is
``ThemeFactory(name="SGG")``); pages are plain functions that add a page below a
parent, since Wagtail pages need ``add_child``. Everything has sensible defaults; pass
keyword arguments to change a field.
"""

import datetime
import itertools
import uuid

import factory
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, PageViewRestriction, Site
from wagtailmedia.models import get_media_model

from borg_learning.learners.identity import issue_token
from borg_learning.learners.models import BlockKind, BlockProgress, Completion, Learner
from borg_learning.models import (
    Answer,
    BasicModulePage,
    CataloguePage,
    LearningEnvironmentPage,
    ModulePartPage,
    Offering,
    OfferingChapter,
    PageVisitDay,
    Provider,
    Questionnaire,
    Response,
    SectionPage,
    SpecialistModulePage,
    Theme,
)
from borg_learning.models.evaluation import Question
from tests.testapp.models import HomePage

_counter = itertools.count(1)


def unique(prefix):
    return f"{prefix} {next(_counter)}"


def words(count, word="woord"):
    """``count`` words of running text."""
    return " ".join([word] * count)


def paragraph(count):
    return f"<p>{words(count)}</p>"


# --- people -------------------------------------------------------------------------


def superuser(username="admin"):
    return get_user_model().objects.create_superuser(
        username=username, email=f"{username}@example.org", password="password"
    )


def user(username="editor", groups=()):
    account = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="password"
    )
    account.groups.add(*groups)
    return account


# --- files --------------------------------------------------------------------------


class ImageFactory(DjangoModelFactory):
    """A 48 × 32 PNG image."""

    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Afbeelding {n}")
    file = factory.LazyFunction(lambda: get_test_image_file(size=(48, 32)))


class DocumentFactory(DjangoModelFactory):
    """A (very short) PDF document; ``name`` is its file name."""

    class Meta:
        model = get_document_model()

    class Params:
        name = "werkblad.pdf"

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.LazyAttribute(lambda o: ContentFile(b"%PDF-1.4", name=o.name))


class MediaFactory(DjangoModelFactory):
    """A wagtailmedia item of ``type`` audio or video, with a duration in seconds."""

    class Meta:
        model = get_media_model()

    type = "audio"
    duration = 60
    title = factory.LazyAttribute(lambda o: unique(o.type))
    file = factory.LazyAttribute(
        lambda o: ContentFile(
            b"not really media", name=f"{o.type}.{'mp3' if o.type == 'audio' else 'mp4'}"
        )
    )


image = ImageFactory
document = DocumentFactory


def media(kind="audio", duration=60, **fields):
    """A wagtailmedia Media item of ``kind`` audio or video, ``duration`` seconds long."""
    return MediaFactory(type=kind, duration=duration, **fields)


# --- snippets -----------------------------------------------------------------------


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    colour = "purple"
    icon = "shield"
    description = factory.LazyAttribute(lambda o: f"Over {o.name}.")


class ProviderFactory(DjangoModelFactory):
    """A training provider; ``with_logo=True`` gives it a logo image."""

    class Meta:
        model = Provider

    class Params:
        with_logo = factory.Trait(
            logo=factory.SubFactory(
                ImageFactory, title=factory.LazyAttribute(lambda o: f"Logo {o.factory_parent.name}")
            )
        )

    name = factory.Sequence(lambda n: f"Aanbieder {n}")
    website = "https://example.org"


class OfferingFactory(DjangoModelFactory):
    """An offer in the course catalogue, with two chapters unless ``chapters`` says
    otherwise (a list of titles), on the ``themes`` given."""

    class Meta:
        model = Offering
        skip_postgeneration_save = True

    provider = factory.SubFactory(ProviderFactory)
    title = factory.Sequence(lambda n: f"Training {n}")
    summary = factory.LazyAttribute(lambda o: f"Over {o.title}.")
    url = "https://example.org/aanbod"
    last_checked = datetime.date(2026, 10, 1)

    @factory.post_generation
    def chapters(offer, create, titles, **kwargs):
        if titles is None:
            titles = ["Hoofdstuk 1", "Hoofdstuk 2"]
        for order, title in enumerate(titles):
            OfferingChapter.objects.create(offering=offer, title=title, sort_order=order)

    @factory.post_generation
    def themes(offer, create, themes, **kwargs):
        if themes:
            offer.themes.set(themes)
            offer.save()


def _questions(follow_up):
    """One question of each kind; and two follow-up questions when ``follow_up``."""
    questions = [
        Question(text="Hoe tevreden ben je over deze module?", level=1, kind="likert"),
        Question(text="Welk cijfer geef je de module?", level=1, kind="scale", required=False),
        Question(
            text="Weet je nu wat je doet bij een incident?",
            level=2,
            kind="single",
            options="Ja\nNee\nWeet ik niet",
        ),
        Question(
            text="Wat hielp je het meest?",
            level=2,
            kind="multiple",
            options="Video\nTekst\nOefening",
            required=False,
        ),
        Question(
            text="Wat kan beter?",
            level=1,
            kind="open",
            required=False,
            help_text="Schrijf wat je wilt.",
        ),
    ]
    if follow_up:
        questions += [
            Question(
                text="Pas je het geleerde toe in je werk?", level=3, kind="likert", part="follow_up"
            ),
            Question(
                text="Geef een voorbeeld.", level=3, kind="open", part="follow_up", required=False
            ),
        ]
    for position, question in enumerate(questions):
        question.sort_order = position
    return questions


class QuestionnaireFactory(DjangoModelFactory):
    """A questionnaire with one question of each kind and, unless ``follow_up=False``,
    two follow-up questions; or the ``questions`` given."""

    class Meta:
        model = Questionnaire

    class Params:
        follow_up = True

    slug = "evaluatie"
    title = "Evaluatie module"
    intro = "Wil je ons vertellen wat je ervan vond?"
    follow_up_after_days = 90
    follow_up_intro = "Een tijd geleden volgde je deze module."
    questions = factory.LazyAttribute(lambda o: _questions(o.follow_up))


theme = ThemeFactory
provider = ProviderFactory
offering = OfferingFactory
questionnaire = QuestionnaireFactory


# --- pages --------------------------------------------------------------------------


def site_root():
    """The root page of the default site."""
    return Site.objects.get(is_default_site=True).root_page


def home_page():
    """The site's home page, made the default site's root like the example site does."""
    home = HomePage.objects.first()
    if home:
        return home
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="De Borg", slug="home-borg"))
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.root_page = "localhost", 80, home
    site.save()
    return home


def _add(parent, page, publish=True, themes=()):
    """Add ``page`` below ``parent``.

    ``publish=True`` publishes a first revision, as the admin's "Publish" does;
    ``publish=False`` saves a draft revision of a page that was never live.
    """
    parent.add_child(instance=page)
    if themes:
        page.themes.set(themes)
        page.save()
    if publish:
        page.save_revision().publish()
    else:
        page.live = False
        page.save_revision()
        page.save(update_fields=["live"])
    page.refresh_from_db()
    return page


def learning_environment(parent=None, publish=True, **fields):
    """A learning environment, below the home page unless ``parent`` says otherwise."""
    fields.setdefault("title", "Leeromgeving")
    fields.setdefault("slug", "leeromgeving")
    fields.setdefault("intro", "<p>Welkom in de leeromgeving.</p>")
    fields.setdefault("feedback_label", "Vragen of feedback?")
    fields.setdefault("feedback_email", "leren@example.org")
    return _add(parent or home_page(), LearningEnvironmentPage(**fields), publish)


def section(parent, publish=True, **fields):
    fields.setdefault("title", unique("Sectie"))
    return _add(parent, SectionPage(**fields), publish)


def catalogue_page(parent, publish=True, **fields):
    fields.setdefault("title", "Aanbod")
    return _add(parent, CataloguePage(**fields), publish)


def basic_module(parent, title=None, publish=True, themes=(), **fields):
    fields.setdefault("summary", "Een korte module.")
    fields.setdefault("target_duration", 10)
    page = BasicModulePage(title=title or unique("Basismodule"), **fields)
    return _add(parent, page, publish, themes)


def specialist_module(
    parent, title=None, publish=True, themes=(), parts=0, blocks_per_part=3, kinds=None, **fields
):
    """A specialist module with ``parts`` parts "Onderdeel 1", "Onderdeel 2"…, each of
    ``blocks_per_part`` blocks (of ``body_blocks``, optionally of ``kinds``)."""
    fields.setdefault("summary", "Een module in delen.")
    fields.setdefault("target_duration", 30)
    page = SpecialistModulePage(title=title or unique("Specialistische module"), **fields)
    module = _add(parent, page, publish, themes)
    for number in range(parts):
        module_part(
            module,
            f"Onderdeel {number + 1}",
            publish=publish,
            summary="Een onderdeel.",
            target_duration=120,
            body=body_blocks(blocks_per_part, parent, **({"kinds": kinds} if kinds else {})),
        )
    return module


def module_part(parent, title=None, publish=True, **fields):
    """A part below a specialist module."""
    fields.setdefault("summary", "Een deel van de module.")
    fields.setdefault("icon", "book")
    fields.setdefault("target_duration", 10)
    return _add(parent, ModulePartPage(title=title or unique("Deel"), **fields), publish)


def module_with_questionnaire(environment=None, questionnaire_=None, title="Grenzen stellen"):
    """A basic module in a section "Basismodules" that asks ``questionnaire_`` (a new
    one by default)."""
    environment = environment or learning_environment()
    section_ = environment.add_child(instance=SectionPage(title="Basismodules"))
    questionnaire_ = questionnaire_ or questionnaire()
    return basic_module(section_, title, questionnaire=questionnaire_)


# --- page states: restricted, unpublished, expired and draft pages -------------------


def restrict(page, restriction_type="password"):
    """A Wagtail view restriction on ``page``, which also hides everything below it."""
    return PageViewRestriction.objects.create(
        page=page,
        restriction_type=restriction_type,
        password="geheim" if restriction_type == "password" else "",
    )


def unpublish(page):
    """Take a published page offline the way the admin's unpublish action does."""
    page.unpublish()
    page.refresh_from_db()
    return page


def expire(page, days=1):
    """Let a live page's expiry date pass before Wagtail's scheduler has unpublished it."""
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(days=days))
    page.refresh_from_db()
    return page


def save_draft(page, **fields):
    """Save changed ``fields`` as a draft revision; the live page stays as it is."""
    draft = type(page).objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(draft, name, value)
    return draft.save_revision()


def preview_token(page):
    """The token of a headless preview of the page's latest draft, as the admin makes it."""
    draft = type(page).objects.get(pk=page.pk).get_latest_revision_as_object()
    return draft.create_page_preview().token


# --- stored body values -------------------------------------------------------------


def block(kind, value):
    """A stream block as stored, with its own id."""
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def text_block(word_count):
    return ("text", {"text": paragraph(word_count)})


def audio_block(media, title="Podcast"):
    return ("audio", {"title": title, "audio": media, "transcript": ""})


def video_block(media=None, title="Video", embed_url="", embed_duration=None):
    return (
        "video",
        {
            "title": title,
            "video": media,
            "embed_url": embed_url,
            "embed_duration": embed_duration,
            "transcript": "",
            "subtitles": None,
        },
    )


def exercise_block(question="<p>Klopt dit?</p>"):
    return (
        "exercise",
        {
            "kind": "true_false",
            "question": question,
            "explanation": "",
            "options": [
                {"text": "Waar", "correct": True, "feedback": ""},
                {"text": "Niet waar", "correct": False, "feedback": ""},
            ],
        },
    )


def rich_link(page):
    return f'<p>Zie <a linktype="page" id="{page.pk}">deze pagina</a>.</p>'


def body_blocks(
    count, link_target, kinds=("text", "image", "audio", "video", "exercise", "download", "link")
):
    """``count`` blocks cycling through ``kinds``, each with its own image, file or link."""
    blocks = []
    for index in range(count):
        kind = kinds[index % len(kinds)]
        if kind == "text":
            value = {
                "text": rich_link(link_target) + "<p>" + "woord " * 40 + "</p>"
                f'<p><a linktype="document" id="{document().pk}">Werkblad</a></p>'
            }
        elif kind == "image":
            value = {
                "image": image(title=f"Afbeelding {index}").pk,
                "alt_text": "Een tekening",
                "caption": "Bijschrift",
            }
        elif kind == "audio":
            value = {
                "title": "Podcast",
                "audio": media("audio", 30).pk,
                "transcript": "<p>Tekst</p>",
            }
        elif kind == "video":
            value = {
                "title": "Film",
                "video": media("video", 45).pk,
                "embed_url": "",
                "embed_duration": None,
                "transcript": "<p>Tekst</p>",
                "subtitles": document(title="Ondertitels", name="film.vtt").pk,
            }
        elif kind == "exercise":
            value = {
                "kind": "single",
                "question": "<p>Wat doe je?</p>",
                "explanation": "",
                "options": [
                    {
                        "type": "item",
                        "id": str(uuid.uuid4()),
                        "value": {"text": "Dit", "correct": True, "feedback": "Goed"},
                    },
                    {
                        "type": "item",
                        "id": str(uuid.uuid4()),
                        "value": {"text": "Dat", "correct": False, "feedback": "Nee"},
                    },
                ],
            }
        elif kind == "download":
            value = {
                "document": document(title=f"Werkblad {index}").pk,
                "title": "",
                "description": "Om te printen",
            }
        else:
            value = {
                "label": "Lees verder",
                "description": "",
                "kind": "borg_website",
                "page": link_target.pk,
                "url": "",
                "document": None,
            }
        blocks.append(block(kind, value))
    return blocks


# --- evaluation responses and visits, written straight to the ORM ---------------------
#
# The questions are those of one questionnaire; ``respond`` stores a response with a
# snapshot of them, as the submission service does, without going through it.

#: The questions as asked: id, text, level, kind, options.
QUESTIONS = [
    (101, "Hoe tevreden ben je over de module?", 1, "likert", []),
    (102, "Welk cijfer geef je de module?", 1, "scale", []),
    (201, "Wat heb je geleerd over SGLVG?", 2, "single", ["Veel", "Iets", "Niets"]),
    (202, "Welke werkvormen hielpen?", 2, "multiple", ["Tekst", "Video", "Oefening"]),
    (203, "Hoe zeker ben je van je kennis?", 2, "likert", []),
    (301, "Pas je het geleerde toe?", 3, "likert", []),
    (302, "Wat doe je nu anders?", 3, "open", []),
]
SNAPSHOT = [
    {
        "id": qid,
        "text": text,
        "helpText": "",
        "level": level,
        "kind": kind,
        "options": options,
        "required": False,
        "part": "first",
    }
    for qid, text, level, kind, options in QUESTIONS
]


def responded_questionnaire():
    """The questionnaire of the responses ``respond`` stores: made once, without
    questions of its own (each response has its snapshot of ``QUESTIONS``)."""
    return Questionnaire.objects.filter(slug="evaluatie").first() or questionnaire(
        title="Evaluatie na een module", intro="", follow_up_intro="", questions=[]
    )


def moment(day, hour=12):
    """A day (a date) at noon in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def respond(module, day, values, part="first", hour=12):
    """A response to ``module`` on ``day``; ``values`` maps question ids to an answer:
    a number, a list of options or a text. Questions left out were skipped."""
    response = Response.objects.create(
        submission_id=uuid.uuid4(),
        digest="test",
        questionnaire=responded_questionnaire(),
        questionnaire_title="Evaluatie na een module",
        module=module,
        module_title=module.title,
        part=part,
        submitted_at=moment(day, hour),
        questions=SNAPSHOT,
    )
    answers = []
    for order, (qid, text, level, kind, _options) in enumerate(QUESTIONS):
        if qid not in values:
            continue
        value = values[qid]
        answers.append(
            Answer(
                response=response,
                question_id=qid,
                question_text=text,
                level=level,
                kind=kind,
                sort_order=order,
                number=value if isinstance(value, int) else None,
                choices=value if isinstance(value, list) else [],
                text=value if isinstance(value, str) else "",
            )
        )
    Answer.objects.bulk_create(answers)
    return response


def respond_many(module, day, count):
    """``count`` responses with every kind of answer, in bulk."""
    responses = Response.objects.bulk_create(
        [
            Response(
                submission_id=uuid.uuid4(),
                digest="test",
                questionnaire=responded_questionnaire(),
                questionnaire_title="Evaluatie",
                module=module,
                module_title=module.title,
                submitted_at=moment(day),
                questions=SNAPSHOT,
            )
            for _index in range(count)
        ]
    )
    Answer.objects.bulk_create(
        [
            Answer(
                response=response,
                question_id=qid,
                question_text=text,
                level=level,
                kind=kind,
                sort_order=order,
                number=(index % 5 + 1) if kind in ("likert", "scale") else None,
                choices=[options[index % len(options)]] if options else [],
                text=f"Antwoord {index}" if kind == "open" else "",
            )
            for index, response in enumerate(responses)
            for order, (qid, text, level, kind, options) in enumerate(QUESTIONS)
        ]
    )


def visits(page, day, count):
    """``count`` visits of ``page`` on ``day``."""
    return PageVisitDay.objects.create(page=page, date=day, count=count)


# --- learners and their progress, written straight to the ORM -------------------------


def learner(user=None, **fields):
    """``(learner, token)``: a learner (a signed-in ``user``'s, or anonymous) with a token
    the API accepts in the X-Learner-Token header."""
    made = Learner.objects.create(user=user, **fields)
    return made, issue_token(made)


def blocks_of(page):
    """``[(kind, block id)]`` of a page's body, in order, as the API gives them."""
    return [(block["type"], block["id"]) for block in page.body.raw_data]


def block_id(page, kind, number=0):
    """The id of the ``number``-th block of ``kind`` on ``page``."""
    return [pk for block_kind, pk in blocks_of(page) if block_kind == kind][number]


def option_ids(page, exercise_block_id):
    """The ids of an exercise's options, as the API gives them."""
    from borg_learning.content.exercises import raw_list_items

    block = next(block for block in page.body.raw_data if block["id"] == exercise_block_id)
    return [option_id for option_id, _value in raw_list_items(block["value"]["options"])]


def progress(learner_, page, block="", kind=None, completed=True, module=None, **fields):
    """A learner's progress on one block (``block=""``: the page itself), done by default."""
    now = timezone.now()
    fields.setdefault("completed_at", now if completed else None)
    fields.setdefault("updated_at", now)
    return BlockProgress.objects.create(
        learner=learner_,
        page=page,
        module=module or page,
        block_id=block,
        kind=kind or (BlockKind.PAGE if not block else BlockKind.TEXT),
        **fields,
    )


def completion(learner_, page, module=None, **fields):
    """A completed page (a module as a whole when ``module`` is left out or is ``page``)."""
    return Completion.objects.create(learner=learner_, page=page, module=module or page, **fields)


# --- learning routes (borg_learning.routes) ---------------------------------------------


def route(steps=(), publish=True, **fields):
    """A learning route with ``steps``: modules, parts, microlessons, offers (the objects) and
    assignments (``{"title": ..., "duration_minutes": ...}``, or any step fields as a
    dict), published through a revision unless ``publish=False``."""
    from borg_learning.routes.models import Route, RouteStep

    fields.setdefault("title", unique("Inwerkroute"))
    fields.setdefault("slug", slugify(fields["title"]))
    fields.setdefault("intro", "<p>Zo werk je in.</p>")
    made = Route(**fields)
    made.steps = [route_step(RouteStep, step) for step in steps]
    made.live = False
    made.save()
    revision = made.save_revision()
    if publish:
        revision.publish()
    made.refresh_from_db()
    return made


def route_step(model, step):
    if isinstance(step, dict):
        return model(**{"kind": "assignment", **step})
    if isinstance(step, ModulePartPage):
        return model(kind="part", part=step)
    if isinstance(step, Offering):
        return model(kind="offer", offering=step)
    if type(step).__name__ == "MicrolessonPage":
        return model(kind="microlesson", page=step)
    return model(kind="module", module=step)


# --- microlessons (borg_learning.microlearning) -----------------------------------------


def microlesson(parent, title=None, publish=True, **fields):
    """A text microlesson of 60 seconds (40 words) below ``parent`` (a section), unless
    ``fields`` say otherwise."""
    from borg_learning.microlearning.models import MicrolessonPage

    fields.setdefault("format", "text")
    fields.setdefault("length", 60)
    fields.setdefault("summary", "Kort en krachtig.")
    fields.setdefault("body", [("text", {"text": paragraph(40)})])
    return _add(parent, MicrolessonPage(title=title or unique("Microles"), **fields), publish)
