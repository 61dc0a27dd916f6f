"""The demo's themes and catalogue: providers and their offers.

The catalogue only describes offers and links to them; the course stays with the
provider. Prices, study times and links are illustrative for the demo: editors check
them against the provider before they go live (``last_checked``).
"""

import datetime
from decimal import Decimal

THEMES = [
    {
        "slug": "sgg",
        "name": "Seksueel grensoverschrijdend gedrag (SGG)",
        "colour": "purple",
        "icon": "shield",
        "sort_order": 10,
        "description": "Seksualiteit en intimiteit bij mensen met een LVB, en seksueel "
        "grensoverschrijdend gedrag: herkennen, reageren en de nazorg daarna.",
    },
    {
        "slug": "agressie-de-escalatie",
        "name": "Agressie en de-escalatie",
        "colour": "orange",
        "icon": "chat",
        "sort_order": 20,
        "description": "Spanning en agressie begrijpen, escalatie voorkomen met houding, stem "
        "en woorden, en veilig handelen als het toch misgaat.",
    },
    {
        "slug": "middelengebruik",
        "name": "Middelengebruik",
        "colour": "petrol",
        "icon": "compass",
        "sort_order": 30,
        "description": "Alcohol, drugs en gokken bij mensen met een LVB: signalen, risico's "
        "en hoe je het gesprek erover aangaat.",
    },
    {
        "slug": "lvb",
        "name": "Licht verstandelijke beperking (LVB)",
        "colour": "green",
        "icon": "puzzle",
        "sort_order": 40,
        "description": "Wat een lichte verstandelijke beperking betekent voor communicatie, "
        "begeleiding en behandeling, en waarom je haar zo vaak niet ziet.",
    },
    {
        "slug": "traumasensitief-werken",
        "name": "Traumasensitief werken",
        "colour": "blue",
        "icon": "heart",
        "sort_order": 50,
        "description": "Hoe ingrijpende ervaringen doorwerken in gedrag, en hoe je veiligheid, "
        "voorspelbaarheid en herstel ondersteunt.",
    },
]

CHECKED = datetime.date(2026, 11, 2)
ALL_CARE_ROLES = ["support-worker", "nurse", "starting-psychologist"]

PROVIDERS = [
    {
        "name": "GGZ Ecademy",
        "website": "https://ggzecademy.nl/",
        "access": "membership",
        "access_note": "Voor medewerkers van aangesloten instellingen: log in via de "
        "leeromgeving van je eigen organisatie.",
        "description": "GGZ Ecademy is een coöperatieve vereniging van ggz- en "
        "onderwijsinstellingen die samen e-learnings en andere leerproducten "
        "ontwikkelt en deelt, voor de ggz en de forensische ggz. Het gebruik "
        "is gekoppeld aan een lidmaatschap van je werkgever.",
        "is_member_institution": False,
        "offerings": [
            {
                "title": "Agressie en de-escalatie in de zorg",
                "url": "https://ggzecademy.nl/leerproducten/agressie-en-de-escalatie/",
                "summary": "Leer hoe agressie ontstaat, welke signalen eraan voorafgaan en hoe "
                "je met je houding, stem en woorden een oplopende situatie weer "
                "rustig krijgt.",
                "themes": ["agressie-de-escalatie"],
                "target_groups": ["ggz", "forensic"],
                "audience_roles": ALL_CARE_ROLES,
                "format": "e-learning",
                "duration_minutes": 90,
                "accreditation_points": Decimal("2"),
                "accreditation_register": "Kwaliteitsregister V&V",
                "chapters": [
                    ("Agressie begrijpen", "Vormen van agressie en wat eraan voorafgaat."),
                    ("Signalen herkennen", "Spanning zien oplopen, bij de ander en bij jezelf."),
                    ("De-escaleren", "Afstand, houding, stemgebruik en korte, duidelijke zinnen."),
                    ("Na het incident", "Nazorg, evalueren en het signaleringsplan bijstellen."),
                ],
            },
            {
                "title": "Middelengebruik en verslaving: de basis",
                "url": "https://ggzecademy.nl/leerproducten/middelengebruik-en-verslaving/",
                "summary": "Een eerste kennismaking met middelen, verslaving en het gesprek "
                "erover, met aandacht voor motiverende gespreksvoering.",
                "themes": ["middelengebruik"],
                "target_groups": ["ggz", "lvb"],
                "audience_roles": ALL_CARE_ROLES,
                "format": "e-learning",
                "duration_minutes": 60,
                "accreditation_points": Decimal("1"),
                "accreditation_register": "Kwaliteitsregister V&V",
                "chapters": [
                    ("Middelen en hun werking", "Alcohol, cannabis, stimulantia en gokken."),
                    ("Van gebruik naar verslaving", "Wanneer wordt gebruik een probleem?"),
                    (
                        "Motiverende gespreksvoering",
                        "Open vragen, reflecteren en verandertaal herkennen.",
                    ),
                    ("Samenwerken met de verslavingszorg", ""),
                ],
            },
            {
                "title": "Suïcidepreventie: signaleren en bespreekbaar maken",
                "url": "https://ggzecademy.nl/leerproducten/suicidepreventie/",
                "summary": "Herken signalen van suïcidaliteit en leer erover te beginnen, ook "
                "als je het spannend vindt. Wat vraag je, en wat doe je daarna?",
                "themes": [],
                "target_groups": ["ggz", "forensic"],
                "audience_roles": ALL_CARE_ROLES,
                "format": "e-learning",
                "duration_minutes": 75,
                "accreditation_points": Decimal("1.5"),
                "accreditation_register": "Kwaliteitsregister V&V",
                "chapters": [
                    ("Feiten en misverstanden", ""),
                    ("Signalen en risicofactoren", ""),
                    ("Het gesprek: direct vragen naar suïcidegedachten", ""),
                    ("Veiligheidsplan en overdracht", ""),
                ],
            },
        ],
    },
    {
        "name": "VGN Academie",
        "website": "https://www.vgnacademie.nl/",
        "access": "membership",
        "access_note": "Voor medewerkers van leden van de VGN; log in met het account van "
        "je organisatie.",
        "description": "De VGN Academie ontwikkelt online leertrajecten voor "
        "zorgprofessionals, verwanten, vrijwilligers en mensen met een "
        "beperking in de gehandicaptenzorg. Het gebruik is gekoppeld aan een "
        "lidmaatschap van de VGN.",
        "is_member_institution": False,
        "offerings": [
            {
                "title": "Werken met mensen met een licht verstandelijke beperking",
                "url": "https://www.vgnacademie.nl/home/nl-nl/shop/werken-met-mensen-met-een-lvb",
                "summary": "Wat is een LVB, hoe herken je het, en wat betekent het voor hoe je "
                "praat, uitlegt en ondersteunt? Met veel voorbeelden uit de praktijk.",
                "themes": ["lvb"],
                "target_groups": ["lvb"],
                "audience_roles": ["support-worker", "support-staff"],
                "format": "e-learning",
                "duration_minutes": 120,
                "accreditation_points": Decimal("3"),
                "accreditation_register": "Kwaliteitsregister V&V",
                "chapters": [
                    (
                        "Wat is een LVB?",
                        "Intelligentie, sociaal aanpassingsvermogen en bijkomende problemen.",
                    ),
                    ("Herkennen", "Waarom een LVB vaak niet wordt gezien."),
                    ("Communiceren", "Kort, concreet, zichtbaar maken en begrip checken."),
                    ("Sociaal-emotionele ontwikkeling", "Wat iemand emotioneel aankan."),
                    ("Ondersteunen bij zelfstandigheid", ""),
                ],
            },
            {
                "title": "Seksualiteit en intimiteit bespreekbaar maken",
                "url": "https://www.vgnacademie.nl/home/nl-nl/shop/seksualiteit-en-intimiteit",
                "summary": "Seksualiteit hoort bij het leven, ook van mensen met een beperking. "
                "Leer het onderwerp op een open en respectvolle manier te bespreken "
                "en grenzen te bewaken.",
                "themes": ["sgg", "lvb"],
                "target_groups": ["lvb", "sglvg"],
                "audience_roles": ["support-worker"],
                "format": "e-learning",
                "duration_minutes": 75,
                "accreditation_points": Decimal("2"),
                "accreditation_register": "Kwaliteitsregister V&V",
                "chapters": [
                    ("Seksualiteit als basisbehoefte", ""),
                    ("Rechten, regels en het VN-verdrag Handicap", ""),
                    ("Het gesprek voeren", "Woorden kiezen, open vragen, eigen schaamte."),
                    ("Grenzen en het Vlaggensysteem", "Gedrag beoordelen met zes criteria."),
                ],
            },
            {
                "title": "Omgaan met probleemgedrag",
                "url": "https://www.vgnacademie.nl/home/nl-nl/shop/omgaan-met-probleemgedrag",
                "summary": "Gedrag heeft een functie. Leer gedrag te observeren, de functie te "
                "begrijpen en samen met de gedragsdeskundige een passende aanpak te "
                "kiezen.",
                "themes": ["agressie-de-escalatie", "lvb"],
                "target_groups": ["lvb"],
                "audience_roles": ["support-worker"],
                "format": "blended",
                "duration_minutes": 240,
                "accreditation_points": Decimal("4"),
                "accreditation_register": "Kwaliteitsregister V&V",
                "chapters": [
                    ("Gedrag observeren en beschrijven", ""),
                    ("De functie van gedrag", "Wat levert het gedrag de persoon op?"),
                    ("Aanpak kiezen en volhouden", "Eenduidig werken als team."),
                    (
                        "Praktijkopdracht",
                        "Een observatie op je eigen groep, nabespreken in een online bijeenkomst.",
                    ),
                ],
            },
        ],
    },
    {
        "name": "Forensische Leerlijn",
        "website": "https://forensischeleerlijn.nl/",
        "access": "free",
        "access_note": "Gratis; je maakt zelf een account aan met je e-mailadres.",
        "description": "Het Expertisecentrum Forensische Psychiatrie (EFP) ontwikkelt samen met "
        "GGZ Ecademy en professionals uit het forensische zorgveld de "
        "e-learnings van de Forensische Leerlijn: een gratis online "
        "leeromgeving voor en door het forensische werkveld.",
        "is_member_institution": False,
        "offerings": [
            {
                "title": "Basiskennis forensische zorg",
                "url": "https://forensischeleerlijn.nl/modules/basiskennis-forensische-zorg",
                "summary": "Wat maakt zorg forensisch? Over titels en maatregelen, risico's en "
                "het werken met een delict in de voorgeschiedenis.",
                "themes": [],
                "target_groups": ["forensic"],
                "audience_roles": ALL_CARE_ROLES,
                "format": "e-learning",
                "duration_minutes": 120,
                "cost": Decimal("0"),
                "chapters": [
                    ("Het forensische kader", "Tbs, rm, pij en voorwaardelijke titels."),
                    ("Risicotaxatie in het kort", ""),
                    ("Delictgericht werken", ""),
                    ("Samenwerken in de keten", "Reclassering, justitie en zorg."),
                ],
            },
            {
                "title": "Werken met een signaleringsplan",
                "url": "https://forensischeleerlijn.nl/modules/signaleringsplan",
                "summary": "Het signaleringsplan beschrijft per fase hoe spanning zichtbaar "
                "wordt en wat helpt. Leer ermee werken en het samen met de cliënt "
                "bijhouden.",
                "themes": ["agressie-de-escalatie"],
                "target_groups": ["forensic", "sglvg"],
                "audience_roles": ["support-worker", "nurse"],
                "format": "e-learning",
                "duration_minutes": 45,
                "cost": Decimal("0"),
                "chapters": [
                    ("Waarom een signaleringsplan?", ""),
                    ("Fasen en signalen", "Van rust naar crisis, en terug."),
                    ("Afspraken per fase", "Wat doet de cliënt, wat doe jij?"),
                    ("Evalueren en bijstellen", ""),
                ],
            },
            {
                "title": "Seksueel grensoverschrijdend gedrag: risico's herkennen",
                "url": "https://forensischeleerlijn.nl/modules/seksueel-grensoverschrijdend-gedrag",
                "summary": "Verdieping voor wie werkt met cliënten met een zedendelict of "
                "seksueel grensoverschrijdend gedrag in de voorgeschiedenis.",
                "themes": ["sgg"],
                "target_groups": ["forensic"],
                "audience_roles": ["support-worker", "starting-psychologist"],
                "format": "e-learning",
                "duration_minutes": 90,
                "cost": Decimal("0"),
                "chapters": [
                    ("Vormen van seksueel grensoverschrijdend gedrag", ""),
                    ("Risico- en beschermende factoren", ""),
                    ("Signalen op de groep en online", ""),
                    ("Het team en de eigen grenzen", ""),
                ],
            },
        ],
    },
    {
        "name": "De Borg Leergang SGLVG(+)",
        "website": "https://www.deborg.nl/",
        "access": "paid",
        "access_note": "In samenwerking met de RINO Groep. Aanmelden via de "
        "opleidingscoördinator van je Borg-instelling.",
        "description": "De Borg organiseert samen met de RINO Groep de Leergang SGLVG(+) voor "
        "senior professionals van de Borg-instellingen: gedragsdeskundigen, "
        "behandelaars en ervaren begeleiders. De leergang bundelt de kennis "
        "uit het zorgprogramma en de praktijk van de instellingen.",
        "is_member_institution": False,
        "offerings": [
            {
                "title": "Leergang SGLVG(+) voor senior professionals",
                "url": "https://www.rinogroep.nl/opleidingen/leergang-sglvg",
                "summary": "Een leergang van acht dagen over diagnostiek, behandeling en "
                "begeleiding van mensen met een LVB en ernstige gedragsproblemen, "
                "met intervisie op eigen casuïstiek.",
                "themes": ["lvb", "agressie-de-escalatie", "traumasensitief-werken"],
                "target_groups": ["sglvg"],
                "audience_roles": ["starting-psychologist", "nurse", "support-worker"],
                "format": "blended",
                "duration_minutes": 8 * 6 * 60,
                "cost": Decimal("2950"),
                "accreditation_points": Decimal("48"),
                "accreditation_register": "FGzPt (gz-psychologen)",
                "chapters": [
                    ("De SGLVG-doelgroep en het zorgprogramma", ""),
                    ("Diagnostiek: intelligentie, emotionele ontwikkeling en psychiatrie", ""),
                    ("Gedrag begrijpen en beïnvloeden", ""),
                    ("Trauma en hechting", ""),
                    ("Middelengebruik en verslaving", ""),
                    ("Seksualiteit en SGG", ""),
                    ("Risicotaxatie en het forensische kader", ""),
                    ("Intervisie en afsluitende casuspresentatie", ""),
                ],
            },
            {
                "title": "Verdiepingsdag: SGG bij cliënten met een LVB",
                "url": "https://www.deborg.nl/leergang/verdiepingsdag-sgg",
                "summary": "Een dag over seksueel grensoverschrijdend gedrag: beoordelen met "
                "het Vlaggensysteem, reageren als team en behandelmogelijkheden.",
                "themes": ["sgg"],
                "target_groups": ["sglvg", "lvb"],
                "audience_roles": ["support-worker", "starting-psychologist"],
                "format": "classroom",
                "duration_minutes": 360,
                "cost": Decimal("395"),
                "accreditation_points": Decimal("6"),
                "accreditation_register": "Kwaliteitsregister V&V",
                "chapters": [
                    ("Seksuele ontwikkeling en LVB", ""),
                    ("Beoordelen met het Vlaggensysteem", "Oefenen met casuïstiek."),
                    ("Reageren als team", "Eenduidig begrenzen en melden."),
                    ("Behandelmogelijkheden", ""),
                ],
            },
            {
                "title": "Masterclass middelengebruik bij SGLVG",
                "url": "https://www.deborg.nl/leergang/masterclass-middelengebruik",
                "summary": "Een middag over middelengebruik bij mensen met een LVB en ernstige "
                "gedragsproblemen, met de nieuwste inzichten uit onderzoek. Wordt "
                "dit jaar niet gegeven.",
                "themes": ["middelengebruik"],
                "target_groups": ["sglvg"],
                "audience_roles": ["starting-psychologist"],
                "format": "classroom",
                "duration_minutes": 240,
                "cost": Decimal("245"),
                "accreditation_points": Decimal("4"),
                "accreditation_register": "FGzPt (gz-psychologen)",
                "active": False,
                "chapters": [
                    ("Prevalentie en risicofactoren", ""),
                    ("Screening bij een LVB", ""),
                    ("Behandeling en begeleiding", ""),
                ],
            },
        ],
    },
    {
        "name": "Trajectum",
        "website": "https://www.trajectum.info/",
        "access": "paid",
        "access_note": "Scholing van een Borg-instelling; kosten op aanvraag. Medewerkers van "
        "Borg-instellingen vragen hun opleidingscoördinator naar de afspraken.",
        "description": "Trajectum biedt specialistische zorg en behandeling aan mensen met een "
        "licht verstandelijke beperking en complexe problematiek, vaak met een "
        "forensische achtergrond. De LVB+ scholing is ontwikkeld vanuit die "
        "praktijk.",
        "is_member_institution": True,
        "offerings": [
            {
                "title": "LVB+ scholing: basis",
                "url": "https://www.trajectum.info/opleiden/lvb-plus-scholing",
                "summary": "Een praktische scholing voor nieuwe begeleiders: wie is de LVB+ "
                "doelgroep, hoe bejegen je iemand, en hoe werk je met een "
                "signaleringsplan?",
                "themes": ["lvb", "agressie-de-escalatie"],
                "target_groups": ["lvb", "sglvg", "forensic"],
                "audience_roles": ["support-worker"],
                "format": "blended",
                "duration_minutes": 16 * 60,
                "chapters": [
                    ("De LVB+ doelgroep", "LVB, gedrag, psychiatrie en justitie."),
                    ("Bejegening en communicatie", ""),
                    ("Risico's en beschermende factoren", ""),
                    ("Werken met het signaleringsplan", ""),
                    (
                        "Praktijkopdracht op de werkplek",
                        "Met terugkoppeling van je werkbegeleider.",
                    ),
                ],
            },
            {
                "title": "LVB+ scholing: verdieping voor gedragsdeskundigen",
                "url": "https://www.trajectum.info/opleiden/lvb-plus-verdieping",
                "summary": "Verdieping voor startende psychologen en orthopedagogen: "
                "diagnostiek en behandeling bij de LVB+ doelgroep, en het "
                "begeleiden van teams.",
                "themes": ["lvb", "traumasensitief-werken"],
                "target_groups": ["lvb", "sglvg"],
                "audience_roles": ["starting-psychologist"],
                "format": "classroom",
                "duration_minutes": 12 * 60,
                "accreditation_points": Decimal("12"),
                "accreditation_register": "NIP / NVO",
                "chapters": [
                    (
                        "Diagnostiek bij een LVB",
                        "Intelligentie, adaptief functioneren en emotionele ontwikkeling.",
                    ),
                    ("Behandeling afstemmen", ""),
                    ("Teams coachen", "Van observatie naar een eenduidige aanpak."),
                ],
            },
            {
                "title": "Webinar: traumasensitief werken bij LVB+",
                "url": "https://www.trajectum.info/opleiden/webinar-traumasensitief-werken",
                "summary": "Een webinar van anderhalf uur over de doorwerking van trauma in "
                "gedrag, en wat begeleiders elke dag kunnen doen om veiligheid te "
                "bieden.",
                "themes": ["traumasensitief-werken", "lvb"],
                "target_groups": ["lvb", "sglvg"],
                "audience_roles": ["support-worker", "nurse"],
                "format": "webinar",
                "duration_minutes": 90,
                "cost": Decimal("0"),
                "chapters": [
                    ("Wat is trauma?", ""),
                    ("Trauma herkennen in gedrag", ""),
                    ("Veiligheid en voorspelbaarheid bieden", ""),
                ],
            },
        ],
    },
]
