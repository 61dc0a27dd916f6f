"""The demo's modules: a basic module and the specialist module SGG with three parts.

Bodies are StreamField data in the stored (raw) form, with the ids of the images,
documents, media and pages they use. Together the SGG parts use every block type.
"""

import datetime


def text(html):
    return {"type": "text", "value": {"text": html}}


def image(picture, alt_text, caption=""):
    return {
        "type": "image",
        "value": {"image": picture.pk, "alt_text": alt_text, "caption": caption},
    }


def exercise(kind, question, options=(), explanation=""):
    return {
        "type": "exercise",
        "value": {
            "kind": kind,
            "question": question,
            "explanation": explanation,
            "options": [
                {"text": answer, "correct": correct, "feedback": feedback}
                for answer, correct, feedback in options
            ],
        },
    }


def link(label, kind, description="", page=None, url="", document=None):
    return {
        "type": "link",
        "value": {
            "label": label,
            "kind": kind,
            "description": description,
            "page": page.pk if page else None,
            "url": url,
            "document": document.pk if document else None,
        },
    }


def objectives(*items):
    return [{"type": "objective", "value": item} for item in items]


# The basic module ------------------------------------------------------------------------

BASIC_MODULE = {
    "title": "Basis SGLVG: wie is de doelgroep?",
    "slug": "basis-sglvg-wie-is-de-doelgroep",
    "summary": "Wie zijn de mensen met wie je werkt, waarom zie je hun beperking vaak niet, "
    "en wat helpt in de begeleiding? Vijf minuten basiskennis voor iedereen die "
    "start in een Borg-instelling.",
    "target_duration": 5,
    "audience_roles": ["support-worker", "starting-psychologist", "nurse"],
    "themes": ["lvb"],
    "last_reviewed": datetime.date(2026, 6, 1),
    "review_interval_months": 24,
    "learning_objectives": objectives(
        "Je kunt in eigen woorden uitleggen wat SGLVG betekent.",
        "Je weet waarom een LVB vaak niet wordt herkend, en wat overvraging met iemand doet.",
        "Je kijkt naar gedrag als een manier om met spanning om te gaan.",
        "Je past vijf basisafspraken toe in je communicatie met cliënten.",
    ),
}


def basic_module_body(media, pages):
    return [
        text(
            "<h2>Wie bedoelen we met SGLVG?</h2>"
            "<p>SGLVG staat voor <i>sterk gedragsgestoorde licht verstandelijk "
            "gehandicapten</i>. De term klinkt ouderwets, maar wordt nog steeds gebruikt voor "
            "een duidelijk omschreven groep: mensen met een lichte verstandelijke beperking "
            "(LVB) die daarnaast ernstige gedragsproblemen hebben. Meestal spelen er ook "
            "psychiatrische problemen, verslaving of ingrijpende ervaringen mee.</p>"
            "<p>Bij een LVB gaat het om een IQ tussen ongeveer 50 en 70, of tussen 70 en 85 "
            "als iemand daarnaast duidelijk moeite heeft om zich in het dagelijks leven te "
            "redden. De Borg-instellingen bieden deze mensen tijdelijk specialistische "
            "behandeling, met als doel dat ze daarna met minder intensieve zorg verder kunnen "
            "wonen en leven.</p>"
        ),
        image(
            media.images["target_group"],
            "Drie elkaar overlappende cirkels: lichte verstandelijke beperking, ernstige "
            "gedragsproblemen, en psychiatrie, trauma en verslaving. Waar ze alle drie "
            "overlappen staat SGLVG.",
            "SGLVG: een LVB, ernstige gedragsproblemen en bijkomende problemen tegelijk.",
        ),
        text(
            "<h2>Een beperking die je niet ziet</h2>"
            "<p>Een LVB zie je meestal niet aan de buitenkant. Veel cliënten praten vlot, "
            "kennen de juiste woorden en hebben geleerd om 'ja' te zeggen als ze iets niet "
            "begrijpen. Uit schaamte, of omdat dat altijd het snelst een einde maakte aan "
            "lastige gesprekken. Daardoor worden ze vaak overschat: op school, op het werk, "
            "door de politie en ook door hulpverleners.</p>"
            "<p>Overvraging geeft stress. En stress is bij deze doelgroep een van de "
            "belangrijkste aanleidingen voor probleemgedrag.</p>"
            "<h2>Gedrag heeft een functie</h2>"
            "<p>Agressie, zelfbeschadiging of grensoverschrijdend gedrag is bijna altijd "
            "ook een manier om ergens mee om te gaan: spanning, angst, onmacht of het gevoel "
            "geen grip te hebben. Dat maakt het gedrag niet goed, wel begrijpelijk. Kijk "
            "daarom niet alleen naar <b>wat</b> iemand doet, maar ook naar <b>wanneer</b> en "
            "<b>waarom</b>.</p>"
            "<p>Houd er ook rekening mee dat de sociaal-emotionele ontwikkeling vaak achterloopt "
            "op de kalenderleeftijd. Iemand van dertig kan emotioneel reageren als een kind "
            "van zes tot tien jaar: veel behoefte aan duidelijkheid, moeite met wachten, "
            "heftig reageren op afwijzing. De gedragsdeskundige brengt dit in kaart, "
            "bijvoorbeeld met de SEO-R².</p>"
            "<h2>Vijf basisafspraken in de begeleiding</h2>"
            "<ol>"
            "<li><b>Kort en concreet.</b> Eén boodschap per zin, één vraag tegelijk.</li>"
            "<li><b>Check of je begrepen bent.</b> Vraag niet 'Snap je het?', maar laat de "
            "cliënt in eigen woorden vertellen wat er gaat gebeuren.</li>"
            "<li><b>Maak het zichtbaar.</b> Een dagplanning, pictogrammen of een "
            "afsprakenkaart helpen meer dan een lange uitleg.</li>"
            "<li><b>Wees voorspelbaar.</b> Alle collega's hanteren dezelfde afspraken, en "
            "veranderingen kondig je op tijd aan.</li>"
            "<li><b>Blijf in contact.</b> Ook na een conflict. Een goede werkrelatie is de "
            "basis van elke behandeling.</li>"
            "</ol>"
            "<p>Ben je startend basispsycholoog? Dan ben je vaak de schakel tussen de groep "
            "en de behandelaar. Help het team om gedrag feitelijk te beschrijven: dat is de "
            "grondstof voor elke analyse.</p>"
        ),
        exercise(
            "true_false",
            "<p>Als een cliënt 'ja' zegt op de vraag of hij het begrijpt, kun je ervan uitgaan "
            "dat hij het begrijpt.</p>",
            [
                (
                    "Waar",
                    False,
                    "Helaas: juist mensen met een LVB zeggen vaak 'ja' om niet op te "
                    "vallen of om het gesprek af te ronden.",
                ),
                ("Niet waar", True, "Klopt. 'Ja' betekent niet altijd dat iemand het begrijpt."),
            ],
            "<p>Laat de cliënt in eigen woorden vertellen wat er is afgesproken, of laat het "
            "voordoen. Zo merk je snel of je boodschap is overgekomen, zonder dat iemand zich "
            "dom hoeft te voelen.</p>",
        ),
        exercise(
            "single",
            "<p>Jeroen (26) wordt boos als zijn bezoek aan de sportschool op het laatste "
            "moment niet doorgaat, omdat er te weinig begeleiders zijn. Wat helpt het "
            "<b>meest</b> om dit een volgende keer te voorkomen?</p>",
            [
                (
                    "Hem uitleggen dat veranderingen nu eenmaal bij het leven horen.",
                    False,
                    "Begrijpelijk, maar een algemene uitleg helpt weinig als de spanning al hoog "
                    "is, en voorkomt de volgende keer niets.",
                ),
                (
                    "Een verandering zo vroeg mogelijk aankondigen, kort uitleggen waarom en een "
                    "nieuw moment op zijn planning zetten.",
                    True,
                    "Ja. Voorspelbaarheid en een zichtbaar alternatief geven grip, en dat verlaagt "
                    "de spanning.",
                ),
                (
                    "Hem naar zijn kamer sturen om af te koelen en het er daarna niet meer over "
                    "hebben.",
                    False,
                    "Afkoelen kan nodig zijn, maar als je het er niet meer over hebt, leert "
                    "niemand er iets van: Jeroen niet en het team niet.",
                ),
            ],
            "<p>Veel gedrag komt voort uit onvoorspelbaarheid. Kondig veranderingen op tijd "
            "aan, maak ze zichtbaar en bied een alternatief. Bespreek het daarna kort, op een "
            "rustig moment.</p>",
        ),
        link(
            "Specialistische module SGG",
            "borg_website",
            "Verder na de basis? De module over seksueel grensoverschrijdend gedrag laat zien "
            "hoe je deze kennis toepast op een lastig thema.",
            page=pages["sgg"],
        ),
        link(
            "Opleidingsaanbod",
            "borg_website",
            "E-learnings en trainingen van andere aanbieders over LVB, gedrag en forensische zorg.",
            page=pages["catalogue"],
        ),
    ]


# The specialist module SGG ---------------------------------------------------------------

SGG_MODULE = {
    "title": "SGG",
    "slug": "sgg",
    "seo_title": "Seksueel grensoverschrijdend gedrag (SGG)",
    "icon": "shield",
    "summary": "Seksueel grensoverschrijdend gedrag bij cliënten met een LVB: herkennen, "
    "rustig en duidelijk reageren, en weten wat je daarna doet. Drie onderdelen "
    "van vijf minuten.",
    "target_duration": 15,
    "audience_roles": ["support-worker", "starting-psychologist"],
    "themes": ["sgg", "lvb"],
    "last_reviewed": datetime.date(2026, 9, 15),
    "review_interval_months": 12,
    "explanation": (
        "<p>Seksualiteit hoort bij ieder mens, ook bij de cliënten met wie je werkt. Soms "
        "gaat het mis: een cliënt zegt of doet iets seksueels dat over de grens gaat van een "
        "ander, of van zichzelf. In deze module leer je dat gedrag herkennen, er rustig en "
        "duidelijk op reageren, en weet je wat je daarna doet.</p>"
        "<p>De module bestaat uit drie onderdelen van ongeveer vijf minuten. Je kunt ze los "
        "van elkaar doorlopen; we raden aan bij het eerste onderdeel te beginnen.</p>"
        "<p><b>Let op:</b> het onderwerp kan iets bij je oproepen, bijvoorbeeld door eigen "
        "ervaringen. Neem de tijd, en praat erover met een collega, je leidinggevende of de "
        "vertrouwenspersoon als je dat wilt.</p>"
    ),
    "learning_objectives": objectives(
        "Je legt uit wat seksueel grensoverschrijdend gedrag is, met de zes criteria van het "
        "Vlaggensysteem.",
        "Je herkent signalen van SGG bij cliënten met een LVB, ook als ze niet voor zich spreken.",
        "Je reageert op het moment zelf in vier stappen: stoppen, zorgen voor de ander, een "
        "alternatief bieden, melden en overleggen.",
        "Je beschrijft een incident feitelijk en weet wat je daarna doet voor de ander, de "
        "cliënt en jezelf.",
    ),
}

SGG_PARTS = [
    {
        "title": "Wat is seksueel grensoverschrijdend gedrag?",
        "slug": "wat-is-sgg",
        "icon": "question",
        "target_duration": 5,
        "summary": "Seksualiteit is gewoon, grensoverschrijdend gedrag niet. Wat is het "
        "verschil, en hoe beoordeel je gedrag met het Vlaggensysteem?",
        "body": "sgg_part_1_body",
    },
    {
        "title": "Signaleren en reageren",
        "slug": "signaleren-en-reageren",
        "icon": "shield",
        "target_duration": 5,
        "summary": "Hoe zie je het aankomen, en wat doe je op het moment zelf? Vier stappen "
        "die je altijd kunt gebruiken.",
        "body": "sgg_part_2_body",
    },
    {
        "title": "Na een incident",
        "slug": "na-een-incident",
        "icon": "heart",
        "target_duration": 5,
        "summary": "Feitelijk rapporteren, zorgen voor de ander, de cliënt en jezelf, en samen "
        "het plan bijstellen.",
        "body": "sgg_part_3_body",
    },
]


def sgg_part_1_body(media, pages):
    return [
        text(
            "<h2>Seksualiteit hoort erbij</h2>"
            "<p>Mensen met een LVB hebben dezelfde behoefte aan aanraking, intimiteit, "
            "verliefdheid en seks als ieder ander. Ze hebben daar ook recht op. Het "
            "VN-verdrag Handicap, dat sinds 2016 in Nederland geldt, benadrukt dat mensen "
            "met een beperking zelf keuzes mogen maken over relaties en seksualiteit.</p>"
            "<p>Tegelijk hebben veel cliënten weinig goede voorlichting gehad, weinig kansen "
            "gehad om op een gezonde manier ervaring op te doen, en soms zelf "
            "grensoverschrijdende ervaringen meegemaakt. Dat vergroot de kans dat het een "
            "keer misgaat.</p>"
            "<h2>Wanneer is gedrag grensoverschrijdend?</h2>"
            "<p>We spreken van seksueel grensoverschrijdend gedrag (SGG) als iemand iets "
            "seksueels zegt of doet waarbij de grens van een ander, of van zichzelf, wordt "
            "overschreden. Dat kan gaan om opmerkingen, gebaren en blikken, om aanraken, om "
            "online gedrag zoals ongevraagd naaktfoto's sturen, en om seksueel geweld.</p>"
            "<p>Het Vlaggensysteem helpt je om seksueel gedrag te beoordelen met zes "
            "criteria:</p>"
            "<ol>"
            "<li><b>Toestemming:</b> zijn alle betrokkenen het ermee eens?</li>"
            "<li><b>Vrijwilligheid:</b> doet iedereen mee zonder druk, dreiging of "
            "omkoping?</li>"
            "<li><b>Gelijkwaardigheid:</b> zijn de betrokkenen gelijk in ontwikkeling, "
            "kracht en macht?</li>"
            "<li><b>Ontwikkelingsniveau:</b> past het gedrag bij iemands ontwikkeling?</li>"
            "<li><b>Context:</b> past het gedrag bij de plek en de situatie?</li>"
            "<li><b>Zelfrespect:</b> doet de persoon zichzelf er geen schade mee?</li>"
            "</ol>"
            "<p>Met die criteria krijgt gedrag een kleur. De kleur bepaalt hoe stevig je "
            "reageert.</p>"
        ),
        image(
            media.images["flags"],
            "Vier vlaggen naast elkaar: een groene vlag voor gezond en passend seksueel "
            "gedrag, een gele voor licht, een rode voor zwaar en een zwarte voor zeer zwaar "
            "grensoverschrijdend gedrag.",
            "Het Vlaggensysteem: van groen (gezond en passend) tot zwart (zeer zwaar "
            "grensoverschrijdend).",
        ),
        text(
            "<h2>Waarom het bij deze doelgroep vaker misgaat</h2>"
            "<ul>"
            "<li>Weinig kennis over het eigen lichaam, seksualiteit en de regels: wat mag "
            "waar, en met wie?</li>"
            "<li>Moeite met het lezen van signalen: een 'nee' zonder woorden wordt niet "
            "begrepen.</li>"
            "<li>Impulsiviteit en moeite met uitstellen, soms versterkt door alcohol of "
            "drugs.</li>"
            "<li>Eigen ervaringen met misbruik of grensoverschrijding.</li>"
            "<li>Weinig privacy en weinig kans op een relatie in een groepswoning.</li>"
            "</ul>"
            "<p>Gedrag dat niet past bij iemands kalenderleeftijd, kan dus wel passen bij "
            "iemands ontwikkelingsniveau, en toch over de grens van een ander gaan. Beoordeel "
            "het daarom altijd ook vanuit de ander: voor die persoon telt de grens, niet de "
            "bedoeling.</p>"
            "<p>Die ander kan een medecliënt zijn, een bezoeker, maar ook jij. Seksueel "
            "getinte opmerkingen of aanrakingen richting medewerkers zijn ook SGG. Die hoef "
            "je niet 'erbij te nemen'.</p>"
        ),
        exercise(
            "true_false",
            "<p>Als een cliënt zelf niet doorheeft dat zijn gedrag over een grens gaat, is het "
            "geen seksueel grensoverschrijdend gedrag.</p>",
            [
                (
                    "Waar",
                    False,
                    "Niet juist. Of gedrag grensoverschrijdend is, hangt af van de "
                    "grens van de ander, niet van de bedoeling van de cliënt.",
                ),
                (
                    "Niet waar",
                    True,
                    "Juist. Het begrip van de cliënt bepaalt wel mee hoe je "
                    "reageert, maar niet of het grensoverschrijdend is.",
                ),
            ],
            "<p>Bedoeling en effect zijn twee verschillende dingen. Een cliënt die een "
            "medecliënt steeds aanraakt 'omdat hij haar lief vindt', gaat toch over haar grens "
            "als zij dat niet wil. Je reageert dan wel anders dan bij iemand die bewust dwingt: "
            "meer uitleg en oefenen, naast duidelijk begrenzen.</p>",
        ),
        exercise(
            "single",
            "<p>Tijdens het avondeten zegt Mark (34) tegen een nieuwe begeleider: 'Jij hebt "
            "een lekker kontje. Kom je straks bij mij op de kamer?' Hij lacht erbij. Het is "
            "de eerste keer. Welke kleur past het best?</p>",
            [
                (
                    "Groen",
                    False,
                    "Nee. De opmerking gaat over de grens van de begeleider heen en "
                    "past niet bij de context: een werkrelatie.",
                ),
                (
                    "Geel",
                    True,
                    "Ja. Een eenmalige opmerking zonder dwang, maar niet passend bij "
                    "de context en niet gelijkwaardig.",
                ),
                (
                    "Rood",
                    False,
                    "Nog niet. Het wordt rood als Mark blijft aandringen, dreigt of gaat aanraken.",
                ),
                ("Zwart", False, "Nee. Zwart gaat over ernstige dwang of geweld."),
            ],
            "<p>Reageer direct en rustig: 'Mark, zulke opmerkingen wil ik niet horen. Ik ben "
            "hier als je begeleider.' Gebeurt het vaker of dringt hij aan, dan schuift het op "
            "naar rood. Rapporteer het in beide gevallen, zodat het team een patroon kan "
            "zien.</p>",
        ),
        link(
            "Kennis vindplaats De Borg: seksualiteit en SGLVG",
            "knowledge_site",
            "Achtergrond, richtlijnen en praktijkvoorbeelden uit de Borg-instellingen.",
            url="https://www.deborg.nl/kennis-vindplaats/seksualiteit",
        ),
    ]


def sgg_part_2_body(media, pages):
    return [
        text(
            "<h2>Signalen herkennen</h2>"
            "<p>Seksueel grensoverschrijdend gedrag komt zelden uit het niets. Vaak waren er "
            "eerder signalen, die pas achteraf in samenhang worden gezien. Let "
            "bijvoorbeeld op:</p>"
            "<ul>"
            "<li>seksueel getinte taal die toeneemt, of 'grapjes' die steeds verder gaan;</li>"
            "<li>veel aandacht voor één medecliënt: opzoeken, cadeautjes geven, "
            "afzonderen;</li>"
            "<li>opvallend gedrag rond privacy: deuren openlaten, naar binnen kijken, de "
            "badkamer;</li>"
            "<li>veel tijd online, geheimzinnig doen met de telefoon, foto's ruilen;</li>"
            "<li>veranderingen bij een medecliënt: stil worden, iemand ontlopen, niet meer "
            "willen douchen.</li>"
            "</ul>"
            "<p>Een signaal is nog geen bewijs. Schrijf het op en bespreek het in het team. "
            "Juist de combinatie van kleine signalen, gezien door verschillende collega's, "
            "maakt een patroon zichtbaar. Heeft de cliënt een signaleringsplan, kijk dan "
            "welke fase je herkent en wat daarvoor is afgesproken.</p>"
        ),
        {
            "type": "video",
            "value": {
                "title": "Reageren in vier stappen",
                "video": media.media["steps"].pk,
                "embed_url": "",
                "embed_duration": None,
                "subtitles": media.documents["subtitles"].pk,
                "transcript": (
                    "<p>Een korte animatie zonder gesproken tekst. Op het scherm staan de vier "
                    "stappen:</p>"
                    "<ol>"
                    "<li>Stop het gedrag. Rustig en duidelijk: 'Stop. Dit mag niet.'</li>"
                    "<li>Zorg voor de ander. Breng de ander in veiligheid en blijf erbij.</li>"
                    "<li>Bied een alternatief. Zeg wat wel kan, en waar.</li>"
                    "<li>Meld en overleg. Schrijf op wat je zag. Bespreek het met de "
                    "gedragsdeskundige.</li>"
                    "</ol>"
                ),
            },
        },
        text(
            "<h2>De vier stappen in de praktijk</h2>"
            "<h3>1. Stop het gedrag</h3>"
            "<p>Reageer direct, ook bij geel gedrag. Gebruik de naam van de cliënt, een "
            "rustige stem en korte zinnen. Niet lachen, niet preken, niet dreigen: "
            "'Kevin, stop. Dit mag niet.'</p>"
            "<h3>2. Zorg voor de ander</h3>"
            "<p>De ander gaat voor. Haal de medecliënt (of jezelf) uit de situatie, vraag een "
            "collega erbij en blijf bij degene die iets is overkomen. Bij rood of zwart gedrag "
            "volg je meteen de procedure van je instelling.</p>"
            "<h3>3. Bied een alternatief</h3>"
            "<p>Veel cliënten weten niet goed wat wel kan. Zeg het concreet: 'Als je verliefd "
            "bent, kun je dat met je persoonlijk begeleider bespreken.' Of: 'Op je eigen kamer, "
            "met de deur dicht, mag je met jezelf bezig zijn.' Zo begrens je het gedrag, "
            "zonder de persoon af te wijzen.</p>"
            "<h3>4. Meld en overleg</h3>"
            "<p>Rapporteer nog dezelfde dienst wat je zag en hoorde, wie erbij waren en wat er "
            "vlak voor en na gebeurde. Bespreek het met de gedragsdeskundige. Jij hoeft niet "
            "uit te zoeken wat er precies is gebeurd of wie er schuld heeft.</p>"
        ),
        exercise(
            "multiple",
            "<p>Welke signalen kunnen erop wijzen dat er iets speelt tussen Sanne (27) en "
            "Dennis (31)? Kies alle goede antwoorden.</p>",
            [
                (
                    "Sanne ontloopt sinds een week de huiskamer als Dennis er is.",
                    True,
                    "Ja. Terugtrekken of iemand ontlopen kan betekenen dat er iets is gebeurd. "
                    "Vraag er op een rustig moment naar.",
                ),
                (
                    "Dennis geeft Sanne steeds kleine cadeautjes en vraagt haar dat geheim te "
                    "houden.",
                    True,
                    "Ja. Cadeautjes met geheimhouding zijn een bekend signaal van druk of "
                    "afhankelijkheid.",
                ),
                (
                    "Sanne en Dennis kijken samen tv en lachen om dezelfde grappen.",
                    False,
                    "Dit is gewoon contact en op zich geen reden tot zorg.",
                ),
                (
                    "Dennis laat de deur van de badkamer openstaan als Sanne langsloopt.",
                    True,
                    "Ja. Gedrag rond privacy en de badkamer verdient aandacht, zeker als het vaker "
                    "gebeurt.",
                ),
            ],
            "<p>Drie van de vier zijn signalen, maar geen enkel signaal bewijst op zich iets. "
            "Schrijf ze feitelijk op en bespreek ze in het team: samen zie je eerder een "
            "patroon.</p>",
        ),
        exercise(
            "reflection",
            "<p>Denk aan een situatie waarin een cliënt iets seksueels zei of deed waar jij of "
            "een ander ongemakkelijk van werd. Wat deed je op dat moment? Wat zou je nu, met "
            "de vier stappen in gedachten, anders doen?</p>",
            (),
            "<p><i>Een voorbeeld van een antwoord:</i> 'Een cliënt maakte bij het uitdelen "
            "van de medicatie steeds opmerkingen over mijn uiterlijk. Ik lachte het weg, "
            "omdat ik niet wist wat ik moest zeggen. Nu zou ik hem direct en rustig stoppen, "
            "zeggen dat ik dit niet wil horen, en het dezelfde dag rapporteren. In het "
            "teamoverleg zou ik vragen of collega's dit ook merken.'</p>",
        ),
    ]


def sgg_part_3_body(media, pages):
    return [
        text(
            "<h2>Feitelijk rapporteren</h2>"
            "<p>Een goede rapportage beschrijft wat je zag en hoorde, niet wat je denkt dat er "
            "aan de hand was. Interpretaties zijn niet verboden, maar zet ze apart en schrijf "
            "erbij dat het jouw inschatting is. Gebruik letterlijke uitspraken tussen "
            "aanhalingstekens.</p>"
        ),
        image(
            media.images["observation"],
            "Twee kaarten. Links, bij 'Wat zie en hoor je?': Kevin legt zijn hand op het "
            "been van Lisa; zij duwt hem weg en zegt 'Blijf van me af.' Rechts, bij 'Wat "
            "denk je ervan?': Kevin valt Lisa lastig en doet het expres.",
            "Links een feitelijke beschrijving, rechts een interpretatie.",
        ),
        exercise(
            "single",
            "<p>Welke zin hoort in een feitelijke rapportage?</p>",
            [
                (
                    "Kevin was weer eens aan het uitdagen.",
                    False,
                    "Dit is een oordeel. Wat deed of zei Kevin precies?",
                ),
                (
                    "Kevin zei twee keer tegen Lisa: 'Kom bij mij zitten.' Lisa schudde haar hoofd "
                    "en liep weg.",
                    True,
                    "Ja. Wie deed wat, met letterlijke woorden: zo kan iedereen het later "
                    "begrijpen.",
                ),
                (
                    "Lisa voelde zich heel onveilig door Kevin.",
                    False,
                    "Dit vul je voor Lisa in. Schrijf op wat zij zei of deed, of vraag het haar.",
                ),
            ],
            "<p>Een feitelijke rapportage kan een collega, de gedragsdeskundige of de cliënt "
            "zelf later lezen zonder dat de woorden al een oordeel bevatten.</p>",
        ),
        {
            "type": "download",
            "value": {
                "document": media.documents["worksheet"].pk,
                "title": "Werkblad: observeren en beschrijven",
                "description": "Een werkblad van één pagina om na een incident je observaties op "
                "een rij te zetten. Neem het mee naar het overleg met de "
                "gedragsdeskundige.",
            },
        },
        text(
            "<h2>Melden en samenwerken</h2>"
            "<p>Elke Borg-instelling heeft een eigen procedure voor het melden van incidenten, "
            "en afspraken over wie wanneer wordt ingelicht. Ken de procedure van jouw "
            "instelling en weet wie je kunt bellen, ook 's avonds en in het weekend. Bij "
            "ernstige incidenten kan de instelling verplicht zijn om te melden bij de "
            "Inspectie Gezondheidszorg en Jeugd; dat regelt de instelling, niet jij "
            "alleen.</p>"
            "<p>Na het incident bespreekt het team met de gedragsdeskundige wat er gebeurde: "
            "welke signalen waren er vooraf, wat werkte, en wat is er nodig? Vaak volgt een "
            "aanpassing van het signaleringsplan, voorlichting op maat of een behandeling "
            "gericht op seksueel gedrag.</p>"
            "<h2>Nazorg</h2>"
            "<ul>"
            "<li><b>Voor de ander:</b> erkenning, veiligheid en een vast aanspreekpunt. Vraag "
            "wat hij of zij nodig heeft, en beloof geen geheimhouding die je niet kunt "
            "waarmaken.</li>"
            "<li><b>Voor de cliënt:</b> blijf de persoon zien. Bespreek het gedrag op een "
            "rustig moment, kort en concreet, en blijf in contact.</li>"
            "<li><b>Voor jezelf en je collega's:</b> een incident kan je meer raken dan je "
            "verwacht. Praat erover, maak gebruik van collegiale opvang en neem signalen van "
            "stress serieus.</li>"
            "</ul>"
        ),
        {
            "type": "audio",
            "value": {
                "title": "Luisteroefening: even rustig ademen",
                "audio": media.media["breathing"].pk,
                "transcript": (
                    "<p>Deze oefening heeft geen gesproken tekst; je ademt mee met de tonen.</p>"
                    "<ul>"
                    "<li>Een belletje: ga rustig zitten en zet je voeten op de grond.</li>"
                    "<li>Een stijgende toon van vier tellen: adem rustig in door je neus.</li>"
                    "<li>Twee tellen stilte: houd je adem even vast.</li>"
                    "<li>Een dalende toon van zes tellen: adem langzaam uit door je mond.</li>"
                    "</ul>"
                    "<p>Dit herhaalt zich vier keer. Twee belletjes sluiten de oefening af.</p>"
                ),
            },
        },
        {
            "type": "video",
            "value": {
                "title": "Ingesloten video van een videoplatform",
                "video": None,
                "embed_url": "https://vimeo.com/76979871",
                "embed_duration": 62,
                "subtitles": None,
                "transcript": (
                    "<p>Op deze plek staat in de module een kort webinarfragment over nazorg na een "
                    "incident, ingesloten vanaf een videoplatform. In de demo staat hier een "
                    "openbare voorbeeldvideo van Vimeo.</p>"
                ),
            },
        },
        link(
            "Terug naar de basis: wie is de doelgroep?",
            "borg_website",
            "Lees nog eens terug waarom gedrag bij deze doelgroep een functie heeft.",
            page=pages["basic"],
        ),
        link(
            "Forensische Leerlijn: risico's herkennen bij SGG",
            "external_module",
            "Gratis e-learning voor het forensische werkveld, als verdieping op deze module.",
            url="https://forensischeleerlijn.nl/modules/seksueel-grensoverschrijdend-gedrag",
        ),
        link(
            "Zakkaart: reageren op SGG in vier stappen",
            "other",
            "De vier stappen op één A4. Print hem voor op de groep of in je tas.",
            document=media.documents["pocket_card"],
        ),
    ]


PART_BODIES = {
    "sgg_part_1_body": sgg_part_1_body,
    "sgg_part_2_body": sgg_part_2_body,
    "sgg_part_3_body": sgg_part_3_body,
}


# Development groups -----------------------------------------------------------------------

DEVELOPMENT_GROUPS = [
    {
        "name": "Ontwikkelgroep SGG",
        "description": "Schreef de specialistische module SGG, op basis van het zorgprogramma "
        "en de Leergang SGLVG(+). Collega-deskundigen uit de Borg-instellingen "
        "lazen mee.",
        "members": [
            ("Anouk Verbeek", "gz-psycholoog en seksuoloog, voorzitter"),
            ("Ruud Hendriksen", "senior begeleider, woongroep SGLVG"),
            ("Samira El Idrissi", "basispsycholoog"),
            ("Jeroen Smit", "verpleegkundig specialist ggz"),
            ("Linda Mulder", "projectleider leeromgeving, Borgbureau"),
        ],
    },
    {
        "name": "Werkgroep basistraining SGLVG",
        "description": "Schrijft de basismodules voor nieuwe medewerkers, met de kennis uit "
        "het handboek Vakwerk! en de inwerkprogramma's van de Borg-instellingen.",
        "members": [
            ("Marloes de Wit", "orthopedagoog generalist, voorzitter"),
            ("Erik van Dam", "praktijkopleider begeleiders"),
            ("Linda Mulder", "projectleider leeromgeving, Borgbureau"),
        ],
    },
]
