"""Dutch pseudonyms for the leaderboards: a kind adjective and an animal, plant or tree
("Rustige Reiger"), drawn from curated lists, never typed by anyone.

Every noun is a *de*-word, so the adjective always takes its -e. The lists give
``len(ADJECTIVES) * len(NAMES)`` pseudonyms; a number is added only when many draws in a
row find theirs taken.
"""

import random

ADJECTIVES = (
    "Attente",
    "Bedachtzame",
    "Behulpzame",
    "Blije",
    "Creatieve",
    "Dappere",
    "Eerlijke",
    "Energieke",
    "Fleurige",
    "Frisse",
    "Geduldige",
    "Gezellige",
    "Hartelijke",
    "Heldere",
    "Kalme",
    "Kleurrijke",
    "Krachtige",
    "Lenige",
    "Lieve",
    "Milde",
    "Moedige",
    "Montere",
    "Nieuwsgierige",
    "Opgewekte",
    "Oplettende",
    "Pientere",
    "Rappe",
    "Rustige",
    "Sierlijke",
    "Slimme",
    "Snelle",
    "Speelse",
    "Sterke",
    "Stralende",
    "Trouwe",
    "Vindingrijke",
    "Vlijtige",
    "Vreedzame",
    "Vriendelijke",
    "Vrolijke",
    "Wakkere",
    "Warme",
    "Wijze",
    "Zachte",
    "Zonnige",
    "Zorgzame",
)

NAMES = (
    # Animals
    "Bever",
    "Bij",
    "Das",
    "Dolfijn",
    "Eekhoorn",
    "Eend",
    "Egel",
    "Ekster",
    "Gans",
    "Grutto",
    "Haas",
    "Hommel",
    "Kievit",
    "Kikker",
    "Kraanvogel",
    "Libel",
    "Lijster",
    "Merel",
    "Mol",
    "Ooievaar",
    "Otter",
    "Reiger",
    "Specht",
    "Spreeuw",
    "Uil",
    "Valk",
    "Vlinder",
    "Vos",
    "Zeehond",
    "Zwaan",
    "Zwaluw",
    # Plants and trees
    "Berk",
    "Beuk",
    "Eik",
    "Esdoorn",
    "Hazelaar",
    "Klaproos",
    "Lavendel",
    "Linde",
    "Madelief",
    "Margriet",
    "Tulp",
    "Varen",
    "Vlier",
    "Wilg",
    "Zonnebloem",
)

#: Draws tried before a number is added.
ATTEMPTS = 24

_random = random.SystemRandom()


def candidates(count: int) -> list[str]:
    """``count`` different pseudonyms from the lists, at random."""
    count = min(count, len(ADJECTIVES) * len(NAMES))
    drawn: list[str] = []
    while len(drawn) < count:
        name = f"{_random.choice(ADJECTIVES)} {_random.choice(NAMES)}"
        if name not in drawn:
            drawn.append(name)
    return drawn


def with_number(name: str) -> str:
    """The last resort when the lists' draws were taken: "Rustige Reiger 4821"."""
    return f"{name} {_random.randint(1000, 9999)}"


def is_listed(pseudonym: str) -> bool:
    """A pseudonym of the lists (with or without the number of the last resort)."""
    words = pseudonym.split(" ")
    if len(words) == 3 and words[2].isdigit():
        words = words[:2]
    return len(words) == 2 and words[0] in ADJECTIVES and words[1] in NAMES
