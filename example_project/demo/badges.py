"""The demo's five badges, drawn here as round medals, and the badges the generated
learners earned with their year of progress (``progress``).

A badge is looked up by name and left alone when it exists. The generated learners'
badges are given once, by the badges' own rules (``borg_learning.badges.awarding``), each
dated at the learner's last completion, so nothing lies in the future; while one of them
has a badge, that is left alone.
"""

import functools
import io

from django.db.models import Max, Min, Q
from PIL import Image, ImageDraw

from borg_learning.badges import awarding
from borg_learning.badges.models import Badge, BadgeAward, Criterion
from borg_learning.learners.models import Learner
from borg_learning.models import Theme

from .media import colour, font
from .progress import MARKER

#: Square, as wide as the demo's other images.
MEDAL_SIZE = 1200

BADGES = [
    {
        "name": "Eerste microles",
        "description": "Je rondde je eerste microles af: leren in een paar minuten, tussen "
        "twee diensten door.",
        "criterion": "first_microlesson",
        "medal": ("1", "yellow"),
        "image_description": "Een gele medaille met het cijfer 1",
    },
    {
        "name": "Twee modules",
        "description": "Je rondde twee modules helemaal af. Goed bezig!",
        "criterion": "modules",
        "count": 2,
        "medal": ("2", "blue"),
        "image_description": "Een blauwe medaille met het cijfer 2",
    },
    {
        "name": "Alle modules van een thema",
        "description": "Je rondde alle modules van het thema Licht verstandelijke beperking "
        "(LVB) af: je kent de doelgroep.",
        "criterion": "theme",
        "theme": "lvb",
        "medal": ("LVB", "green"),
        "image_description": "Een groene medaille met de letters LVB",
    },
    {
        "name": "Route afgerond",
        "description": "Je liep een leerroute helemaal door, van de eerste module tot de "
        "opdracht op je groep.",
        "criterion": "route",
        "medal": ("✓", "petrol"),
        "image_description": "Een petrolblauwe medaille met een vinkje",
    },
    {
        "name": "7 dagen op rij",
        "description": "Je leerde zeven dagen op rij. Vrije dagen die je van tevoren "
        "aangaf, tellen niet tegen je.",
        "criterion": "streak",
        "count": 7,
        "medal": ("7", "orange"),
        "image_description": "Een oranje medaille met het cijfer 7",
    },
]


@functools.cache
def medal_png(label, accent):
    """A round medal in ``accent`` with ``label`` in the middle, on a light ground."""
    image = Image.new("RGB", (MEDAL_SIZE, MEDAL_SIZE), "#f7f5f2")
    draw = ImageDraw.Draw(image)
    fill = colour(accent)
    draw.ellipse([84, 84, MEDAL_SIZE - 84, MEDAL_SIZE - 84], fill=fill)
    draw.ellipse([164, 164, MEDAL_SIZE - 164, MEDAL_SIZE - 164], outline="#ffffff", width=24)
    text_font = font(470 if len(label) < 3 else 280, bold=True)
    draw.text((MEDAL_SIZE / 2, MEDAL_SIZE / 2), label, font=text_font, fill="#ffffff", anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def ensure_badges(report):
    from .content import demo_collection, ensure_image

    collection, created = demo_collection(), 0
    for data in BADGES:
        if Badge.objects.filter(name=data["name"]).exists():
            continue
        label, accent = data["medal"]
        image, _size = ensure_image(
            collection,
            f"Badge: {data['name']}",
            f"badge-{accent}.png",
            lambda label=label, accent=accent: medal_png(label, accent),
        )
        theme = Theme.objects.filter(slug=data["theme"]).first() if "theme" in data else None
        if "theme" in data and theme is None:
            continue  # the demo's themes were changed: leave this badge out
        Badge.objects.create(
            name=data["name"],
            description=data["description"],
            image=image,
            image_description=data["image_description"],
            criterion=data["criterion"],
            count=data.get("count"),
            theme=theme,
        )
        created += 1
    report.count("Badges", created, len(BADGES) - created)


def award_history(report):
    """The badges the generated learners earned with their progress, made once."""
    learners = Learner.objects.filter(tokens__digest__startswith=MARKER).distinct()
    if BadgeAward.objects.filter(learner__in=learners).exists():
        report.add("Badges of the generated learners exist, left as they are")
        return
    # When each was earned: a microlesson badge at the first microlesson (the rows of no
    # module), the others at the last completion of a module or part.
    moments = learners.annotate(
        last=Max("completions__completed_at", filter=Q(completions__module__isnull=False)),
        first_microlesson=Min(
            "completions__completed_at", filter=Q(completions__module__isnull=True)
        ),
    ).values_list("pk", "last", "first_microlesson")
    moments = {pk: (last, first) for pk, last, first in moments}
    made = 0
    for learner in learners.order_by("pk"):
        last, first_microlesson = moments.get(learner.pk, (None, None))
        if last is None and first_microlesson is None:
            continue
        for award in awarding.consider(learner, awarding.ALL_BUT_STREAK):
            microlesson = award.badge.criterion == Criterion.FIRST_MICROLESSON
            award.awarded_at = (
                (first_microlesson if microlesson else last) or last or first_microlesson
            )
            award.save(update_fields=["awarded_at"])
            made += 1
    report.add(f"Badges of the generated learners: {made} awarded")


def load(report):
    ensure_badges(report)
    award_history(report)
