"""The demo's microlessons: eight units of 30 to 120 seconds in every format, on the
demo's themes, in the section "Microlearning" of the learning environment, with a start
button to it.

Made once, when the section is missing, and published through revisions as an editor
would; each is checked as publishing checks it (its blocks, what its format needs, its
length).
"""

from django.core.management.base import CommandError

from borg_learning.microlearning.formats import format_problems
from borg_learning.microlearning.models import MicrolessonPage
from borg_learning.models import CataloguePage, SectionPage, StartButton

from .modules import exercise, image, text

SECTION = {
    "title": "Microlearning",
    "slug": "microlearning",
    "intro": "<p>Microlessen duren 30 seconden tot twee minuten: een korte video, een "
    "infographic, een quiz, een podcast of een samenvatting. Handig tussen twee diensten "
    "door, om iets op te frissen of om voor te bereiden op een gesprek.</p>",
}


def audio(item, title, transcript):
    return {"type": "audio", "value": {"title": title, "audio": item.pk, "transcript": transcript}}


def video(item, title, transcript, subtitles=None):
    return {
        "type": "video",
        "value": {
            "title": title,
            "video": item.pk,
            "embed_url": "",
            "embed_duration": None,
            "transcript": transcript,
            "subtitles": subtitles.pk if subtitles else None,
        },
    }


def lessons(files):
    """(theme slug, page fields, body) of each microlesson, in the order they are shown."""
    return [
        (
            "agressie-de-escalatie",
            {
                "title": "De-escaleren: vijf zinnen die helpen",
                "slug": "de-escaleren-vijf-zinnen",
                "format": "text",
                "length": 60,
                "summary": "Wat je zegt als de spanning oploopt, en wat je beter niet zegt.",
            },
            [
                text(
                    "<p>Loopt de spanning op bij een cliënt, dan helpen korte, rustige zinnen "
                    "meer dan uitleg. Vijf zinnen die in de praktijk werken:</p>"
                    "<ol>"
                    "<li>'Ik zie dat je boos bent.' Benoem wat je ziet, zonder oordeel.</li>"
                    "<li>'Ik wil je helpen.' Laat merken dat je aan dezelfde kant staat.</li>"
                    "<li>'Zullen we even naar buiten lopen?' Bied ruimte en een uitweg.</li>"
                    "<li>'Wat heb je nu nodig?' Vraag, in plaats van op te leggen.</li>"
                    "<li>'We praten er straks verder over.' Stel het gesprek uit tot het rustig "
                    "is.</li>"
                    "</ol>"
                    "<p>Vermijd 'doe even normaal' of 'als je zo doet, dan...': dat verhoogt de "
                    "spanning. Let op je eigen houding: open handen, niet recht tegenover de "
                    "cliënt en op armlengte afstand. Mensen met een LVB begrijpen je toon vaak "
                    "beter dan je woorden.</p>"
                )
            ],
        ),
        (
            "agressie-de-escalatie",
            {
                "title": "Vroege signalen van spanning",
                "slug": "vroege-signalen-van-spanning",
                "format": "quiz",
                "length": 90,
                "summary": "Herken jij de signalen die aan agressie voorafgaan?",
            },
            [
                text(
                    "<p>Agressie komt zelden uit het niets. Wie de eerste signalen herkent, kan "
                    "eerder en rustiger ingrijpen.</p>"
                ),
                exercise(
                    "multiple",
                    "<p>Welke van deze signalen wijzen vaak op oplopende spanning?</p>",
                    [
                        ("Ijsberen of niet stil kunnen zitten", True, "Klopt: motorische onrust."),
                        ("Harder en sneller praten", True, "Klopt: let op stem en tempo."),
                        ("Zich terugtrekken en stil worden", True, "Ook dat kan spanning zijn."),
                        ("Ontspannen meedoen aan de activiteit", False, "Dat is juist rust."),
                    ],
                    "<p>Spanning ziet er bij iedere cliënt anders uit. Het signaleringsplan "
                    "beschrijft de signalen van deze cliënt.</p>",
                ),
            ],
        ),
        (
            "sgg",
            {
                "title": "Reageren op SGG in vier stappen",
                "slug": "reageren-op-sgg-in-vier-stappen",
                "format": "video",
                "length": 60,
                "summary": "Een korte video over wat je doet als je grensoverschrijdend gedrag ziet.",
            },
            [
                video(
                    files.media["steps"],
                    "Reageren in vier stappen",
                    "<p>Stap 1: stop het gedrag. Stap 2: zorg voor veiligheid. Stap 3: bespreek "
                    "wat er gebeurde. Stap 4: meld en leg vast.</p>",
                    files.documents["subtitles"],
                ),
                text(
                    "<p>Twijfel je of gedrag grensoverschrijdend is? Bespreek het dezelfde dag "
                    "met een collega of de gedragsdeskundige. Niets doen is ook een "
                    "boodschap.</p>"
                ),
            ],
        ),
        (
            "sgg",
            {
                "title": "Het Vlaggensysteem in één oogopslag",
                "slug": "vlaggensysteem-in-een-oogopslag",
                "format": "infographic",
                "length": 90,
                "summary": "Groen, geel, rood en zwart: seksueel gedrag beoordelen met zes criteria.",
            },
            [
                image(
                    files.images["flags"],
                    "Infographic van het Vlaggensysteem met vier gekleurde vlaggen",
                    "Het Vlaggensysteem",
                ),
                text(
                    "<p>Het Vlaggensysteem helpt je seksueel gedrag te beoordelen aan de hand "
                    "van zes criteria: wederzijdse toestemming, vrijwilligheid, gelijkwaardigheid, "
                    "passend bij de leeftijd of ontwikkeling, passend bij de context, en "
                    "zelfrespect.</p>"
                    "<ul>"
                    "<li><b>Groene vlag:</b> gezond seksueel gedrag dat aan alle criteria "
                    "voldoet. Reageer positief of neutraal.</li>"
                    "<li><b>Gele vlag:</b> licht grensoverschrijdend; één criterium is niet "
                    "helemaal in orde. Benoem het en geef uitleg.</li>"
                    "<li><b>Rode vlag:</b> grensoverschrijdend; meerdere criteria zijn geschonden. "
                    "Stop het gedrag en bespreek het.</li>"
                    "<li><b>Zwarte vlag:</b> zwaar grensoverschrijdend, met dwang of geweld. "
                    "Grijp direct in, zorg voor veiligheid en meld het.</li>"
                    "</ul>"
                    "<p>Bij cliënten met een LVB kijk je naar de ontwikkelingsleeftijd, niet "
                    "alleen naar de kalenderleeftijd.</p>"
                ),
            ],
        ),
        (
            "traumasensitief-werken",
            {
                "title": "Even rustig ademen",
                "slug": "even-rustig-ademen",
                "format": "podcast",
                "length": 90,
                "summary": "Een luisteroefening om zelf tot rust te komen na een zware dienst.",
            },
            [
                text(
                    "<p>Na een incident staat je lichaam nog even 'aan'. Deze korte oefening "
                    "helpt je weer te landen.</p>"
                ),
                audio(
                    files.media["breathing"],
                    "Even rustig ademen",
                    "<p>Deze oefening heeft geen gesproken tekst; je ademt mee met de tonen. "
                    "Een stijgende toon: adem in door je neus. Stilte: houd je adem even vast. "
                    "Een dalende toon: adem langzaam uit door je mond. Twee belletjes sluiten "
                    "de oefening af.</p>",
                ),
            ],
        ),
        (
            "lvb",
            {
                "title": "Eenvoudige taal bij een LVB",
                "slug": "eenvoudige-taal-bij-een-lvb",
                "format": "text",
                "length": 30,
                "summary": "Drie vuistregels voor een gesprek dat wel aankomt.",
            },
            [
                text(
                    "<p>Mensen met een LVB zeggen vaak 'ja' terwijl ze je niet begrijpen. Drie "
                    "vuistregels:</p>"
                    "<ul>"
                    "<li>Eén boodschap per zin, zonder moeilijke woorden.</li>"
                    "<li>Laat de cliënt in eigen woorden herhalen wat de afspraak is.</li>"
                    "<li>Gebruik een tekening of pictogram bij belangrijke afspraken.</li>"
                    "</ul>"
                )
            ],
        ),
        (
            "lvb",
            {
                "title": "Observeren of interpreteren?",
                "slug": "observeren-of-interpreteren",
                "format": "quiz",
                "length": 120,
                "summary": "Twee vragen: beschrijf je wat je ziet, of wat je denkt?",
            },
            [
                exercise(
                    "true_false",
                    "<p>'Jan was vanochtend boos op zijn mentor.' Is dit een observatie?</p>",
                    [
                        ("Ja", False, "Nee: 'boos' is jouw interpretatie."),
                        ("Nee", True, "Klopt: beschrijf wat je zag en hoorde."),
                    ],
                    "<p>Een observatie is bijvoorbeeld: 'Jan sloeg met zijn vuist op tafel en "
                    "riep: laat me met rust.'</p>",
                ),
                exercise(
                    "true_false",
                    "<p>'Ria zat van 10.00 tot 10.30 uur alleen op haar kamer met de deur "
                    "dicht.' Is dit een observatie?</p>",
                    [
                        ("Ja", True, "Klopt: feitelijk, met tijd en plaats."),
                        ("Nee", False, "Toch wel: hier staat geen oordeel in."),
                    ],
                    "<p>Feitelijke observaties maken rapportages bruikbaar voor het hele "
                    "team en voor de gedragsdeskundige.</p>",
                ),
            ],
        ),
        (
            "middelengebruik",
            {
                "title": "Middelengebruik bespreekbaar maken",
                "slug": "middelengebruik-bespreekbaar-maken",
                "format": "text",
                "length": 60,
                "summary": "Zo begin je het gesprek over alcohol en drugs zonder te veroordelen.",
            },
            [
                text(
                    "<p>Veel cliënten in de forensische zorg gebruiken alcohol of drugs, vaak "
                    "om spanning of somberheid te dempen. Een open gesprek helpt meer dan een "
                    "verbod alleen.</p>"
                    "<ul>"
                    "<li><b>Vraag nieuwsgierig:</b> 'Wat levert blowen je op?' in plaats van "
                    "'Waarom doe je dat nou?'</li>"
                    "<li><b>Benoem zonder oordeel</b> wat je ziet: rode ogen, een andere "
                    "stemming, geldgebrek.</li>"
                    "<li><b>Sluit aan bij de motivatie:</b> wat wil de cliënt zelf "
                    "bereiken?</li>"
                    "<li><b>Ken de afspraken:</b> het middelenbeleid van je afdeling en wat je "
                    "doet bij een vermoeden van gebruik.</li>"
                    "</ul>"
                    "<p>Bespreek je zorgen in het team en met de behandelaar. Gebruik hangt "
                    "vaak samen met het delictscenario: het hoort in het risicomanagement.</p>"
                )
            ],
        ),
    ]


def check(page):
    """What publishing in the admin checks: the blocks, the format, the length."""
    from .content import check_body

    check_body(page)
    problems = [message for _index, _name, message in format_problems(page.format, page.body)]
    problems += [
        message for _field, message in page.over_budget_errors(page.body, page.length, None)
    ]
    if problems:
        raise CommandError(f"'{page.title}' cannot be published: " + " ".join(problems))


def add_start_button(environment, section):
    """A start button to the section, before the buttons that lead out of the lessons
    (the catalogue of courses and the site outside): a learner finds it on the start page."""
    buttons = list(environment.buttons.all())
    catalogues = set(CataloguePage.objects.values_list("pk", flat=True))
    before = next(
        (
            index
            for index, button in enumerate(buttons)
            if button.target_url or button.target_page_id in catalogues
        ),
        len(buttons),
    )
    button = StartButton(label="Microlearning", target_page=section, colour="yellow", icon="video")
    button.clean()
    buttons.insert(before, button)
    environment.buttons = buttons
    environment.save_revision().publish()


def load(environment, themes, files, report):
    """The section "Microlearning" with its microlessons, unless it exists."""
    existing = SectionPage.objects.child_of(environment).filter(slug=SECTION["slug"]).first()
    if existing:
        report.add(f"Microlessons exist, left as they are: {existing.title}")
        return existing
    section = SectionPage(**SECTION, live=False)
    environment.add_child(instance=section)
    section.save_revision().publish()
    made = []
    for theme_slug, fields, body in lessons(files):
        page = MicrolessonPage(**fields, theme=themes[theme_slug], body=body, live=False)
        section.add_child(instance=page)
        check(page)
        page.save_revision().publish()
        made.append(MicrolessonPage.objects.get(pk=page.pk))
    report.add(f"Microlessons created and published in '{section.title}': {len(made)}")
    add_start_button(environment, section)
    for page in made:
        report.add(f"  {page.title}: {page.estimated_duration_seconds} s of {page.length} s")
    return section
