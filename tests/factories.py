"""Small helpers that build the content tests need: pages, snippets, media, images.

Plain functions with sensible defaults; pass keyword arguments to change a field.
"""

import itertools
from io import BytesIO

import PIL.Image
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, Site
from wagtailmedia.models import Media

from borg_learning.models import (
    BasicModulePage,
    CataloguePage,
    LearningEnvironmentPage,
    ModulePartPage,
    Offering,
    Provider,
    SectionPage,
    SpecialistModulePage,
    Theme,
)
from home.models import HomePage

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
        username=username, email=f"{username}@example.org", password="password")


def user(username="editor", groups=()):
    account = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="password")
    account.groups.add(*groups)
    return account


# --- pages --------------------------------------------------------------------------


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


def _add(parent, page, publish=True):
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        page.live = False
        page.save_revision()
        page.save(update_fields=["live"])
    page.refresh_from_db()
    return page


def learning_environment(parent=None, publish=True, **fields):
    fields.setdefault("title", "Leeromgeving")
    fields.setdefault("slug", "leeromgeving")
    return _add(parent or home_page(), LearningEnvironmentPage(**fields), publish)


def section(parent, publish=True, **fields):
    fields.setdefault("title", unique("Sectie"))
    return _add(parent, SectionPage(**fields), publish)


def catalogue_page(parent, publish=True, **fields):
    fields.setdefault("title", "Aanbod")
    return _add(parent, CataloguePage(**fields), publish)


def basic_module(parent, publish=True, **fields):
    fields.setdefault("title", unique("Basismodule"))
    fields.setdefault("summary", "Een korte module.")
    fields.setdefault("target_duration", 10)
    return _add(parent, BasicModulePage(**fields), publish)


def specialist_module(parent, publish=True, **fields):
    fields.setdefault("title", unique("Specialistische module"))
    fields.setdefault("summary", "Een module in delen.")
    fields.setdefault("target_duration", 30)
    return _add(parent, SpecialistModulePage(**fields), publish)


def module_part(parent, publish=True, **fields):
    fields.setdefault("title", unique("Deel"))
    fields.setdefault("summary", "Een deel van de module.")
    fields.setdefault("icon", "book")
    fields.setdefault("target_duration", 10)
    return _add(parent, ModulePartPage(**fields), publish)


# --- stored body values -------------------------------------------------------------


def text_block(word_count):
    return ("text", {"text": paragraph(word_count)})


def audio_block(media, title="Podcast"):
    return ("audio", {"title": title, "audio": media, "transcript": ""})


def video_block(media=None, title="Video", embed_url="", embed_duration=None):
    return ("video", {"title": title, "video": media, "embed_url": embed_url,
                      "embed_duration": embed_duration, "transcript": "", "subtitles": None})


def exercise_block(question="<p>Klopt dit?</p>"):
    return ("exercise", {
        "kind": "true_false", "question": question, "explanation": "",
        "options": [{"text": "Waar", "correct": True, "feedback": ""},
                    {"text": "Niet waar", "correct": False, "feedback": ""}],
    })


# --- snippets -----------------------------------------------------------------------


def theme(**fields):
    name = fields.pop("name", None) or unique("Thema")
    fields.setdefault("slug", name.lower().replace(" ", "-"))
    fields.setdefault("colour", "purple")
    fields.setdefault("icon", "shield")
    return Theme.objects.create(name=name, **fields)


def provider(**fields):
    fields.setdefault("name", unique("Aanbieder"))
    return Provider.objects.create(**fields)


def offering(themes=(), **fields):
    fields.setdefault("title", unique("Training"))
    fields.setdefault("summary", "Een training.")
    fields.setdefault("url", "https://aanbieder.example.org/training")
    if "provider" not in fields:
        fields["provider"] = provider()
    offer = Offering.objects.create(**fields)
    offer.themes.set(themes)
    offer.save()
    return offer


# --- files --------------------------------------------------------------------------


def media(kind="audio", duration=60, title=None):
    """A wagtailmedia Media item with a duration in seconds."""
    extension = "mp3" if kind == "audio" else "mp4"
    item = Media(title=title or unique(kind), type=kind, duration=duration)
    item.file.save(f"{kind}.{extension}", ContentFile(b"not really media"), save=False)
    item.save()
    return item


def image(title=None):
    buffer = BytesIO()
    PIL.Image.new("RGB", (8, 8), "white").save(buffer, "PNG")
    return Image.objects.create(title=title or unique("Afbeelding"),
                                file=ImageFile(buffer, name="image.png"))


def document(title=None, name="werkblad.pdf"):
    item = Document(title=title or unique("Document"))
    item.file.save(name, ContentFile(b"%PDF-1.4"), save=False)
    item.save()
    return item
