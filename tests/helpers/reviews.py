"""The daily review as a frontend asks for it, and pages of exercises to review."""

from tests import factories
from tests.helpers.graphql import screen_query
from tests.helpers.learners import Frontend
from tests.helpers.learners import exercise_options as options

DUE = screen_query("due_reviews")
ANSWER_REVIEW = screen_query("answer_review")


def single_choice(question="<p>Wat doe je eerst?</p>"):
    return factories.block(
        "exercise",
        {
            "kind": "single",
            "question": question,
            "explanation": "<p>Eerst luisteren.</p>",
            "options": options(
                ("luisteren", "Luisteren", True, "Ja. Eerst luisteren."),
                ("praten", "Praten", False, "Nog niet: eerst luisteren."),
            ),
        },
    )


def exercise_page(section, title="Oefenen", exercises=None):
    """A basic module of a single choice, a multiple choice and a reflection."""
    multiple = factories.block(
        "exercise",
        {
            "kind": "multiple",
            "question": "<p>Wat helpt?</p>",
            "explanation": "",
            "options": options(
                ("rust", "Rust", True, "Klopt."),
                ("haast", "Haast", False, "Haast maakt onrustig."),
            ),
        },
    )
    reflection = factories.block(
        "exercise",
        {"kind": "reflection", "question": "<p>Wat doe jij?</p>", "explanation": "", "options": []},
    )
    body = exercises if exercises is not None else [single_choice(), multiple, reflection]
    return factories.basic_module(section, title, body=body)


class ReviewFrontend(Frontend):
    def due(self, limit=None):
        return self.send(DUE, {"limit": limit})["me"]

    def answer_review(self, card, answer):
        payload = self.send(ANSWER_REVIEW, {"input": {"card": str(card), "answer": answer}})
        return payload["answerReview"]
