"""Builders of learning content for the API tests, from a handful of pages to hundreds."""

import datetime
import uuid
from pathlib import Path

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site
from wagtailmedia.models import get_media_model

from borg_learning import models

QUERIES = Path(__file__).resolve().parent.parent / "docs" / "queries"


def screen_query(name):
    """The query a screen of the frontend sends, as documented in docs/queries/."""
    return (QUERIES / f"{name}.graphql").read_text()


def site_root():
    return Site.objects.get(is_default_site=True).root_page


def image(title="Afbeelding"):
    return get_image_model().objects.create(title=title, file=get_test_image_file(size=(48, 32)))


def document(title="Werkblad", name="werkblad.pdf"):
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 test", name=name))


def media(kind="audio", duration=60, title=None):
    extension = "mp3" if kind == "audio" else "mp4"
    return get_media_model().objects.create(
        title=title or f"{kind} fragment", type=kind, duration=duration,
        file=ContentFile(b"\x00" * 64, name=f"fragment.{extension}"))


def theme(slug="sgg", name="SGG", colour="purple", icon="shield"):
    return models.Theme.objects.create(slug=slug, name=name, colour=colour, icon=icon,
                                       description=f"Over {name}.")


def environment(parent=None, **fields):
    fields.setdefault("title", "Leeromgeving")
    fields.setdefault("slug", "leeromgeving")
    fields.setdefault("intro", "<p>Welkom in de leeromgeving.</p>")
    fields.setdefault("feedback_label", "Vragen of feedback?")
    fields.setdefault("feedback_email", "leren@example.org")
    return (parent or site_root()).add_child(instance=models.LearningEnvironmentPage(**fields))


def block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def rich_link(page):
    return f'<p>Zie <a linktype="page" id="{page.pk}">deze pagina</a>.</p>'


def body_blocks(count, link_target, kinds=("text", "image", "audio", "video", "exercise",
                                            "download", "link")):
    """``count`` blocks cycling through ``kinds``, each with its own image, file or link."""
    blocks = []
    for index in range(count):
        kind = kinds[index % len(kinds)]
        if kind == "text":
            value = {"text": rich_link(link_target) + "<p>" + "woord " * 40 + "</p>"
                     f'<p><a linktype="document" id="{document().pk}">Werkblad</a></p>'}
        elif kind == "image":
            value = {"image": image(f"Afbeelding {index}").pk, "alt_text": "Een tekening",
                     "caption": "Bijschrift"}
        elif kind == "audio":
            value = {"title": "Podcast", "audio": media("audio", 30).pk,
                     "transcript": "<p>Tekst</p>"}
        elif kind == "video":
            value = {"title": "Film", "video": media("video", 45).pk, "embed_url": "",
                     "embed_duration": None, "transcript": "<p>Tekst</p>",
                     "subtitles": document("Ondertitels", "film.vtt").pk}
        elif kind == "exercise":
            value = {"kind": "single", "question": "<p>Wat doe je?</p>", "explanation": "",
                     "options": [
                         {"type": "item", "id": str(uuid.uuid4()),
                          "value": {"text": "Dit", "correct": True, "feedback": "Goed"}},
                         {"type": "item", "id": str(uuid.uuid4()),
                          "value": {"text": "Dat", "correct": False, "feedback": "Nee"}}]}
        elif kind == "download":
            value = {"document": document(f"Werkblad {index}").pk, "title": "",
                     "description": "Om te printen"}
        else:
            value = {"label": "Lees verder", "description": "", "kind": "borg_website",
                     "page": link_target.pk, "url": "", "document": None}
        blocks.append(block(kind, value))
    return blocks


def basic_module(parent, title="Basismodule", blocks=(), themes=(), **fields):
    module = models.BasicModulePage(
        title=title, summary=f"Samenvatting van {title}.", target_duration=600,
        audience_roles=["support-worker"], body=list(blocks), **fields)
    parent.add_child(instance=module)
    if themes:
        module.themes.set(themes)
        module.save()
    return module


def specialist_module(parent, title="SGG", parts=1, blocks_per_part=3, themes=(), kinds=None,
                      **fields):
    module = models.SpecialistModulePage(
        title=title, summary=f"Over {title}.", target_duration=600, icon="shield",
        explanation="<p>Uitleg</p>", audience_roles=["starting-psychologist"], **fields)
    parent.add_child(instance=module)
    if themes:
        module.themes.set(themes)
        module.save()
    for number in range(parts):
        module.add_child(instance=models.ModulePartPage(
            title=f"Onderdeel {number + 1}", icon="book", summary="Een onderdeel.",
            target_duration=120,
            body=body_blocks(blocks_per_part, parent, **({"kinds": kinds} if kinds else {}))))
    return module


def provider(name, logo=True, **fields):
    return models.Provider.objects.create(name=name, logo=image(f"Logo {name}") if logo else None,
                                          website="https://example.org", **fields)


def offering(provider_, title, **fields):
    fields.setdefault("summary", f"Over {title}.")
    fields.setdefault("url", "https://example.org/aanbod")
    fields.setdefault("last_checked", datetime.date(2026, 10, 1))
    offer = models.Offering.objects.create(provider=provider_, title=title, **fields)
    models.OfferingChapter.objects.create(offering=offer, title="Hoofdstuk 1", sort_order=0)
    models.OfferingChapter.objects.create(offering=offer, title="Hoofdstuk 2", sort_order=1)
    return offer


# --- Visibility: restricted, unpublished, expired and draft pages -----------------------


def restrict(page, restriction_type="password"):
    """A Wagtail view restriction on ``page``, which also hides everything below it."""
    from wagtail.models import PageViewRestriction

    return PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type,
        password="geheim" if restriction_type == "password" else "")


def unpublish(page):
    """Take a published page offline the way the admin's unpublish action does."""
    page.unpublish()
    page.refresh_from_db()
    return page


def expire(page, days=1):
    """Let a live page's expiry date pass before Wagtail's scheduler has unpublished it."""
    from django.utils import timezone
    from wagtail.models import Page

    Page.objects.filter(pk=page.pk).update(
        expire_at=timezone.now() - datetime.timedelta(days=days))
    page.refresh_from_db()
    return page


def save_draft(page, **fields):
    """Save changed ``fields`` as a draft revision; the live page stays as it is."""
    draft = type(page).objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(draft, name, value)
    return draft.save_revision()


def draft_module(parent, title, **fields):
    """A basic module that was saved as a draft and never published."""
    module = basic_module(parent, title, live=False, **fields)
    module.save_revision()
    return module


def preview_token(page):
    """The token of a headless preview of the page's latest draft, as the admin makes it."""
    draft = type(page).objects.get(pk=page.pk).get_latest_revision_as_object()
    return draft.create_page_preview().token


def module_part(module, title, blocks=(), **fields):
    """A part below a specialist module."""
    part = models.ModulePartPage(title=title, icon="book", summary=f"Over {title}.",
                                 target_duration=120, body=list(blocks), **fields)
    module.add_child(instance=part)
    return part
