"""The demo content of the example site, created once and left alone after that.

``load()`` makes the site's home page, the themes, development groups and catalogue
(each looked up by name or slug, created when missing) and, when there is no learning
environment yet, the whole environment below the home page: sections, a basic module,
the specialist module SGG with its parts, the catalogue page and the start buttons,
with locally generated images, audio, video, subtitles and worksheets; and the section
"Microlearning" with its microlessons (``microlessons``) when it is missing. Pages are
published through revisions, as an editor would. Then the evaluation questionnaire
and a generated year of responses and visits (``evaluation``), and a generated year
of learners' progress (``progress``). Running it again changes nothing.
"""

from dataclasses import dataclass, field
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site
from wagtailmedia.models import get_media_model

from borg_learning.content.duration import format_seconds
from borg_learning.models import (
    BasicModulePage,
    CataloguePage,
    DevelopmentGroup,
    DevelopmentGroupMember,
    LearningEnvironmentPage,
    ModulePartPage,
    Offering,
    OfferingChapter,
    Provider,
    Questionnaire,
    SectionPage,
    SpecialistModulePage,
    StartButton,
    Theme,
)
from home.models import HomePage

from . import (
    badges,
    challenges,
    evaluation,
    gamification,
    leaderboards,
    microlessons,
    progress,
    quotes,
    reviews,
    routes,
)
from . import media as generate
from .catalogue import CHECKED, PROVIDERS, THEMES
from .modules import (
    BASIC_MODULE,
    DEVELOPMENT_GROUPS,
    PART_BODIES,
    SGG_MODULE,
    SGG_PARTS,
    basic_module_body,
)

ENVIRONMENT_SLUG = "leeromgeving"
COLLECTION_NAME = "Leeromgeving"

ENVIRONMENT_INTRO = (
    "<h2>Welkom in de leeromgeving van De Borg</h2>"
    "<p>Hier vind je online modules over het werken met mensen met een lichte verstandelijke "
    "beperking en ernstige gedragsproblemen (SGLVG), en een overzicht van goed opleidingsaanbod "
    "van andere aanbieders. De leeromgeving is er voor medewerkers van de Borg-instellingen, "
    "vooral begeleiders en startende psychologen, en is vrij toegankelijk voor collega's van "
    "ketenpartners.</p>"
    "<p>Je hebt geen account nodig. Elke module heeft een vaste duur, zodat je vooraf weet "
    "hoeveel tijd je nodig hebt. Nieuw? Begin met de basismodule "
    '<a linktype="page" id="{basic}">Basis SGLVG: wie is de doelgroep?</a> en kies daarna een '
    "thema.</p>"
    "<p>De modules zijn een aanvulling op het inwerk- en opleidingsprogramma van je eigen "
    "instelling, geen vervanging.</p>"
)
SECTIONS = {
    "basic": {
        "title": "Basismodules",
        "slug": "basismodules",
        "intro": "<p>Basismodules geven je in een paar minuten de kennis die iedereen nodig "
        "heeft die met de SGLVG-doelgroep werkt. Ze zijn bedoeld voor nieuwe "
        "collega's, en handig om je kennis op te frissen. Elke module is één pagina "
        "met tekst, beeld, oefeningen en links.</p>",
    },
    "specialist": {
        "title": "Specialistische modules",
        "slug": "specialistische-modules",
        "intro": "<p>Een specialistische module gaat dieper in op één thema. Elke module "
        "begint met een startpagina met uitleg; daarna kies je zelf een onderdeel. "
        "De modules zijn geschreven door een ontwikkelgroep van deskundigen uit de "
        "Borg-instellingen.</p><p>Het eerste thema is seksueel grensoverschrijdend "
        "gedrag (SGG). Andere thema's volgen.</p>",
    },
}
CATALOGUE = {
    "title": "Opleidingsaanbod",
    "slug": "opleidingsaanbod",
    "intro": "<p>Er is al veel goed aanbod voor wie werkt met mensen met een LVB, in de ggz "
    "of in de forensische zorg. Hier vind je een selectie die het Borgbureau "
    "waardevol vindt voor medewerkers van de Borg-instellingen: met een korte "
    "beschrijving, de inhoudsopgave en een link naar de aanbieder.</p>"
    "<p>Het aanbod zelf staat op de website van de aanbieder; daar log je in of meld "
    "je je aan. Voor sommige aanbieders heb je een lidmaatschap via je werkgever "
    "nodig. Twijfel je? Vraag het de opleidingscoördinator van je instelling.</p>",
}
FEEDBACK = {
    "feedback_label": "Vragen of feedback? Mail het Borgbureau",
    "feedback_email": "leeromgeving@deborg.nl",
}


@dataclass
class Report:
    lines: list = field(default_factory=list)

    def add(self, line):
        self.lines.append(line)

    def count(self, what, created, existing):
        self.add(f"{what}: {created} created, {existing} existing")


# Home page -------------------------------------------------------------------------------


def ensure_home_page():
    home = HomePage.objects.first()
    if home:
        return home, False
    root = Page.get_first_root_node()
    welcome = root.get_children().exclude(content_type__model="homepage").first()
    home = root.add_child(instance=HomePage(title="De Borg", slug="home-borg"))
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    # The address `make demo` serves on, so page URLs in the API are the demo's own.
    site.hostname, site.port, site.root_page, site.site_name = "127.0.0.1", 8000, home, "De Borg"
    site.save()
    if welcome and welcome.specific_class is Page:
        welcome.delete()
    return home, True


# Snippets --------------------------------------------------------------------------------


def ensure_themes(report):
    themes, created = {}, 0
    for data in THEMES:
        data = dict(data)
        theme, was_created = Theme.objects.get_or_create(slug=data.pop("slug"), defaults=data)
        themes[theme.slug] = theme
        created += was_created
    report.count("Themes", created, len(themes) - created)
    return themes


def ensure_development_groups(report):
    groups, created = {}, 0
    for data in DEVELOPMENT_GROUPS:
        group = DevelopmentGroup.objects.filter(name=data["name"]).first()
        if group is None:
            group = DevelopmentGroup(name=data["name"], description=data["description"])
            group.members = [
                DevelopmentGroupMember(name=name, role=role) for name, role in data["members"]
            ]
            group.save()
            created += 1
        groups[group.name] = group
    report.count("Development groups", created, len(groups) - created)
    return groups


def ensure_catalogue(themes, report):
    providers, created_providers, created_offers, offers = {}, 0, 0, 0
    for data in PROVIDERS:
        data = dict(data)
        offerings = data.pop("offerings")
        provider, was_created = Provider.objects.get_or_create(name=data.pop("name"), defaults=data)
        providers[provider.name] = provider
        created_providers += was_created
        existing = set(Offering.objects.filter(provider=provider).values_list("title", flat=True))
        for offer_data in offerings:
            offers += 1
            if offer_data["title"] in existing:
                continue
            offer_data = dict(offer_data)
            chapters, theme_slugs = offer_data.pop("chapters"), offer_data.pop("themes")
            offering = Offering(provider=provider, last_checked=CHECKED, **offer_data)
            offering.chapters = [
                OfferingChapter(title=title, description=description)
                for title, description in chapters
            ]
            offering.themes = [themes[slug] for slug in theme_slugs]
            offering.full_clean()
            offering.save()
            created_offers += 1
    report.count("Providers", created_providers, len(providers) - created_providers)
    report.count("Offers", created_offers, offers - created_offers)
    return providers


# Media -----------------------------------------------------------------------------------


def demo_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(instance=Collection(name=COLLECTION_NAME))


def ensure_image(collection, title, filename, make):
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image:
        return image, 0
    data = make()
    image = Image(
        title=title, collection=collection, file=ImageFile(ContentFile(data), name=filename)
    )
    image._set_image_file_metadata()
    image.save()
    return image, len(data)


def ensure_document(collection, title, filename, make):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document:
        return document, 0
    data = make()
    document = Document(title=title, collection=collection, file=ContentFile(data, name=filename))
    document._set_document_file_metadata()
    document.save()
    return document, len(data)


def ensure_media(collection, title, media_type, filename, make):
    """An audio or video item; ``make`` returns its file, duration and the like."""
    Media = get_media_model()
    item = Media.objects.filter(title=title, type=media_type).first()
    if item:
        return item, 0
    made = dict(make())
    data, thumbnail = made.pop("data"), made.pop("thumbnail", None)
    item = Media(
        title=title,
        type=media_type,
        collection=collection,
        file=ContentFile(data, name=filename),
        **made,
    )
    if thumbnail:
        item.thumbnail = ContentFile(thumbnail, name=filename.rsplit(".", 1)[0] + ".jpg")
    item.full_clean()
    item.save()
    return item, len(data) + len(thumbnail or b"")


def ensure_media_files(report):
    """The images, documents, audio and video the modules use."""
    collection = demo_collection()
    files = SimpleNamespace(images={}, documents={}, media={})
    sizes = {}

    for key, title, filename, make in [
        ("flags", "Het Vlaggensysteem", "vlaggensysteem.png", generate.flag_system_png),
        (
            "target_group",
            "SGLVG: meer dan een LVB",
            "sglvg-doelgroep.png",
            generate.target_group_png,
        ),
        (
            "observation",
            "Observeren of interpreteren?",
            "observeren-interpreteren.png",
            generate.observation_png,
        ),
    ]:
        files.images[key], sizes[filename] = ensure_image(collection, title, filename, make)

    for key, title, filename, make in [
        (
            "worksheet",
            "Werkblad: observeren en beschrijven",
            "werkblad-observeren.pdf",
            generate.worksheet_pdf,
        ),
        (
            "pocket_card",
            "Zakkaart: reageren op SGG in vier stappen",
            "zakkaart-sgg.pdf",
            generate.pocket_card_pdf,
        ),
        (
            "subtitles",
            "Ondertitels: reageren in vier stappen",
            "reageren-in-vier-stappen.vtt",
            generate.subtitles_vtt,
        ),
    ]:
        files.documents[key], sizes[filename] = ensure_document(collection, title, filename, make)

    for key, title, media_type, filename, make in [
        ("breathing", "Even rustig ademen", "audio", "ademhaling.mp3", generate.breathing_mp3),
        (
            "steps",
            "Reageren in vier stappen",
            "video",
            "reageren-in-vier-stappen.mp4",
            generate.steps_mp4,
        ),
    ]:
        files.media[key], sizes[filename] = ensure_media(
            collection, title, media_type, filename, make
        )

    made = {name: size for name, size in sizes.items() if size}
    if made:
        report.add(
            f"Media files created in '{collection.name}': "
            + ", ".join(f"{name} ({size / 1024:.0f} KB)" for name, size in made.items())
        )
    return files


# Pages -----------------------------------------------------------------------------------


def publish(parent, page):
    """Add ``page`` below ``parent`` as a draft, then publish it through a revision."""
    page.live = False
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def check_body(page):
    """The same block validation an editor gets when saving in the admin."""
    try:
        page.body.stream_block.clean(page.body)
    except ValidationError as error:
        details = error.as_json_data() if hasattr(error, "as_json_data") else error.messages
        raise CommandError(f"'{page.title}' has invalid content: {details}") from error


def check_fits(page, parent):
    errors = page.over_budget_errors(page.body, page.target_duration, parent)
    if errors:
        raise CommandError(
            f"'{page.title}' does not fit: " + " ".join(str(message) for _field, message in errors)
        )


def create_timed_page(parent, model, data, body, themes=None, group=None):
    data = dict(data)
    theme_slugs = data.pop("themes", [])
    page = model(**data, body=body)
    if hasattr(page, "development_group"):
        page.development_group = group
        page.themes = [themes[slug] for slug in theme_slugs]
    page.live = False
    parent.add_child(instance=page)  # a draft first, checked in its place in the tree
    check_body(page)
    check_fits(page, parent)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build_environment(home, themes, groups, questionnaire, report):
    files = ensure_media_files(report)
    environment = LearningEnvironmentPage(
        title="Leeromgeving", slug=ENVIRONMENT_SLUG, live=False, **FEEDBACK
    )
    home.add_child(instance=environment)

    basic_section = publish(environment, SectionPage(**SECTIONS["basic"]))
    specialist_section = publish(environment, SectionPage(**SECTIONS["specialist"]))
    catalogue = publish(environment, CataloguePage(**CATALOGUE))

    sgg_data = dict(SGG_MODULE)
    sgg_themes = sgg_data.pop("themes")
    sgg = SpecialistModulePage(
        **sgg_data, development_group=groups["Ontwikkelgroep SGG"], questionnaire=questionnaire
    )
    sgg.themes = [themes[slug] for slug in sgg_themes]
    sgg = publish(specialist_section, sgg)

    pages = {"sgg": sgg, "catalogue": catalogue}
    basic = create_timed_page(
        basic_section,
        BasicModulePage,
        BASIC_MODULE,
        basic_module_body(files, pages),
        themes=themes,
        group=groups["Werkgroep basistraining SGLVG"],
    )
    pages["basic"] = basic

    parts = []
    for data in SGG_PARTS:
        data = dict(data)
        body = PART_BODIES[data.pop("body")](files, pages)
        parts.append(create_timed_page(sgg, ModulePartPage, data, body))

    sgg.refresh_from_db()
    if sgg.estimate_duration().total_seconds > sgg.target_duration * 60:
        raise CommandError(
            f"The module '{sgg.title}' does not fit in {sgg.target_duration} minutes."
        )

    environment.intro = ENVIRONMENT_INTRO.format(basic=basic.pk)
    environment.buttons = start_buttons(themes, basic_section, specialist_section, catalogue)
    for button in environment.buttons.all():
        button.clean()
    environment.save_revision().publish()

    report.add(
        f"Learning environment created and published: '{environment.title}' "
        f"with {environment.get_descendants().live().count()} pages below it and "
        f"{len(environment.buttons.all())} start buttons"
    )
    for page in [basic, sgg, *parts]:
        page = type(page).objects.get(pk=page.pk)
        report.add(
            f"  {page.title}: {format_seconds(page.estimated_duration_seconds)} "
            f"of {page.target_duration} minutes"
        )
    return environment


def start_buttons(themes, basic_section, specialist_section, catalogue):
    return [
        StartButton(label="Basismodules", target_page=basic_section, colour="green", icon="book"),
        StartButton(
            label="Specialistische modules",
            target_page=specialist_section,
            colour="purple",
            icon="star",
        ),
        StartButton(label="Seksueel grensoverschrijdend gedrag", target_theme=themes["sgg"]),
        StartButton(label="Agressie en de-escalatie", target_theme=themes["agressie-de-escalatie"]),
        StartButton(
            label="Opleidingsaanbod", target_page=catalogue, colour="blue", icon="clipboard"
        ),
        StartButton(
            label="Kennis vindplaats De Borg",
            target_url="https://www.deborg.nl/kennis-vindplaats/",
            colour="petrol",
            icon="lightbulb",
        ),
    ]


def load():
    report = Report()
    home, created = ensure_home_page()
    report.add(f"Home page {'created' if created else 'exists'}: {home.title}")
    themes = ensure_themes(report)
    groups = ensure_development_groups(report)
    ensure_catalogue(themes, report)
    questionnaire = evaluation.ensure_questionnaire(report)
    environment = (
        LearningEnvironmentPage.objects.child_of(home).filter(slug=ENVIRONMENT_SLUG).first()
    )
    if environment:
        report.add(f"Learning environment exists, left as it is: {environment.title}")
    else:
        environment = build_environment(home, themes, groups, questionnaire, report)
    microlessons.load(environment, themes, ensure_media_files(report), report)
    evaluation.ensure_history(environment, questionnaire, report)
    routes.load(report)
    progress.ensure_history(environment, report)
    reviews.ensure_history(report)
    challenges.load(report)
    badges.load(report)
    gamification.ensure_history(report)
    leaderboards.load(report)
    quotes.load(report)
    return report.lines


# Finding the demo content again (for tests and scripts) ----------------------------------


def find():
    """The main objects of the loaded demo content, by the slugs and names it uses."""
    environment = LearningEnvironmentPage.objects.get(slug=ENVIRONMENT_SLUG)
    sections = SectionPage.objects.child_of(environment)
    specialist = sections.get(slug=SECTIONS["specialist"]["slug"])
    sgg = SpecialistModulePage.objects.child_of(specialist).get(slug=SGG_MODULE["slug"])
    return SimpleNamespace(
        home=environment.get_parent().specific,
        environment=environment,
        basic_section=sections.get(slug=SECTIONS["basic"]["slug"]),
        specialist_section=specialist,
        catalogue=CataloguePage.objects.child_of(environment).get(slug=CATALOGUE["slug"]),
        basic_module=BasicModulePage.objects.get(slug=BASIC_MODULE["slug"]),
        sgg=sgg,
        sgg_parts=list(ModulePartPage.objects.child_of(sgg).order_by("path")),
        themes={theme.slug: theme for theme in Theme.objects.all()},
        providers={provider.name: provider for provider in Provider.objects.all()},
        development_group=DevelopmentGroup.objects.get(name="Ontwikkelgroep SGG"),
        questionnaire=Questionnaire.objects.get(slug=evaluation.QUESTIONNAIRE["slug"]),
    )
