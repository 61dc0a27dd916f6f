// The daily review ("Dagelijkse herhaling"): the exercises the learner answered before that
// are due again (docs/queries/due_reviews.graphql), one at a time. The cards come without
// their correct options; the server judges each answer (answerReview,
// docs/queries/answer_review.graphql) and says at once whether it was right, the editor's
// feedback, the explanation and when the exercise comes back. One answer per card: then
// "Volgende", and at the end how many were right.

import { learnerToken, query } from "../api.js";
import { h, richText } from "../dom.js";
import { multipleResult, said } from "../exercise.js";
import { mutate } from "../mutations.js";
import { exercises } from "../review_entry.js";

const TITLE = "Dagelijkse herhaling";

// What to tell the learner when a card's answer is refused.
const GONE = "Deze oefening is intussen veranderd of weggehaald. Ga verder met de volgende.";
const PROBLEMS = [
  ["NOT_DUE", "Deze oefening heb je al herhaald, misschien in een ander venster. Ga verder "
    + "met de volgende."],
  ["DAILY_LIMIT_REACHED", "Je hebt vandaag het maximum aantal oefeningen herhaald. Morgen kun "
    + "je verder."],
  ["UNKNOWN_CARD", GONE], ["UNKNOWN_OPTION", GONE], ["INVALID_ANSWER", GONE],
];

const LABELS = {
  SINGLE_CHOICE: "Kies één antwoord",
  TRUE_FALSE: "Waar of niet waar?",
  MULTIPLE_CHOICE: "Kies alle goede antwoorden",
};

/** The screen: the first due card, or a word that there is nothing to review. */
export async function reviewScreen() {
  const cards = learnerToken()
    ? (await query("due_reviews")).me?.dueReviews || []
    : [];
  const place = h("div", { class: "review__place" });
  const content = h("div", { class: "review" }, h("h1", {}, TITLE), place);
  if (!cards.length) place.append(...nothingDue());
  else new Session(cards, place).show(0, false);
  return { kind: "reviews", title: TITLE, content };
}

function nothingDue() {
  return [
    h("p", { class: "lead" }, "Niets te herhalen. Er staan vandaag geen oefeningen voor je klaar."),
    h("p", {}, "Oefeningen die je maakt in modules en microlessen komen hier later terug, op "
      + "het moment dat herhalen je het meeste helpt."),
    h("p", {}, h("a", { href: "/" }, "Naar de startpagina")),
  ];
}

/** One review session: the cards of today, the answers right so far. */
class Session {
  constructor(cards, place) {
    this.cards = cards;
    this.place = place;
    this.answered = 0;
    this.right = 0;
  }

  /** Show card `index`; `focus`: move the focus to it (not for the first, where the
   * screen's heading gets it). */
  show(index, focus = true) {
    const card = new Card(this, index);
    this.place.replaceChildren(card.element);
    if (focus) card.heading.focus();
  }

  next(index) {
    if (index + 1 < this.cards.length) this.show(index + 1);
    else this.summary();
  }

  /** The end: how many were right, out of those answered. */
  summary(stopped = false) {
    const heading = h("h2", { id: "review-summary", tabindex: "-1" }, "Klaar voor vandaag");
    this.place.replaceChildren(h("section", { class: "review__summary",
      "aria-labelledby": heading.id },
    heading,
    this.answered > 0 && h("p", { class: "review__score" },
      `${this.right} van ${this.answered} goed`),
    h("p", {}, stopped
      ? "Je hebt vandaag het maximum aantal oefeningen herhaald. Morgen kun je verder."
      : `Je hebt ${exercises(this.answered)} herhaald. Ze komen terug op het moment dat `
        + "herhalen je weer helpt."),
    h("p", {}, h("a", { href: "/", class: "button" }, "Naar de startpagina"))));
    heading.focus();
  }
}

/** One card: its question and options, "Controleer", the verdict, "Volgende". */
class Card {
  constructor(session, index) {
    const { exercise, page } = session.cards[index];
    this.session = session;
    this.index = index;
    this.exercise = exercise;
    const id = `review-${index}`;
    const multiple = exercise.exerciseType === "MULTIPLE_CHOICE";
    this.heading = h("h2", { id: `${id}-title`, class: "review__count", tabindex: "-1" },
      `Oefening ${index + 1} van ${session.cards.length}`);
    const question = richText(exercise.question, "rich-text review__question");
    question.id = `${id}-question`;
    this.options = exercise.options.map((option, i) => ({ option,
      input: h("input", { type: multiple ? "checkbox" : "radio", name: id, id: `${id}-${i}`,
        value: option.id }) }));
    for (const { input } of this.options) {
      input.addEventListener("change", () => this.mark());
    }
    this.button = h("button", { type: "button", class: "button" }, "Controleer");
    this.button.addEventListener("click", () => this.answer());
    this.note = h("p", { class: "review__note", role: "status" });
    this.result = h("div", { class: "review__result", tabindex: "-1", hidden: true });
    this.element = h("section", { class: "review__card", "aria-labelledby": this.heading.id },
      this.heading,
      h("p", { class: "review__source" }, "Uit ", h("a", { href: page.path }, page.title)),
      question,
      h("div", { role: "group", "aria-labelledby": question.id, class: "review__choices" },
        h("p", { class: "review__label" }, LABELS[exercise.exerciseType] || "Kies"),
        h("ul", { class: "exercise__options review__options" }, this.options.map(
          ({ option, input }) => h("li", {},
            h("label", { for: input.id }, input, h("span", {}, option.text)))))),
      h("p", { class: "review__actions" }, this.button),
      this.note,
      this.result);
  }

  /** The options chosen look chosen (a border as well as the checked box). */
  mark() {
    for (const { input } of this.options) {
      input.closest("li").classList.toggle("is-chosen", input.checked);
    }
    this.note.textContent = "";
  }

  async answer() {
    const chosen = this.options.filter(({ input }) => input.checked)
      .map(({ option }) => option.id);
    if (!chosen.length) {
      this.note.textContent = this.exercise.exerciseType === "MULTIPLE_CHOICE"
        ? "Kies eerst een of meer antwoorden." : "Kies eerst een antwoord.";
      return;
    }
    const card = this.session.cards[this.index];
    this.button.disabled = true;
    this.note.textContent = "Bezig met controleren…";
    const payload = await mutate("answer_review", { input: { card: card.id, answer: chosen } },
      "answerReview", PROBLEMS);
    this.note.textContent = "";
    if (payload.problem) {
      this.refused(payload);
      return;
    }
    this.session.answered += 1;
    if (payload.result.correct) this.session.right += 1;
    this.button.remove();
    for (const { input } of this.options) input.disabled = true;
    this.verdict(payload.result, payload.nextDue);
  }

  /** Refused: said in Dutch. A card that cannot be taken any more is passed over; a
   * reached daily limit ends the session; other trouble (no connection) can be tried
   * again. */
  refused({ problem, codes = [] }) {
    this.button.disabled = false;
    const stop = codes.includes("DAILY_LIMIT_REACHED");
    const skip = stop || ["NOT_DUE", "UNKNOWN_CARD", "UNKNOWN_OPTION", "INVALID_ANSWER"]
      .some((code) => codes.includes(code));
    if (skip) {
      this.button.remove();
      for (const { input } of this.options) input.disabled = true;
    }
    this.result.className = "review__result is-problem";
    this.result.setAttribute("role", "alert");
    this.result.replaceChildren(...[h("p", {}, problem),
      skip && this.onwards(stop ? "Bekijk je resultaat" : undefined, stop)].filter(Boolean));
    this.result.hidden = false;
    if (skip) this.result.focus();
  }

  /** The verdict, the editor's feedback, the explanation and when the card comes back;
   * the focus goes to it, and from there to "Volgende". */
  verdict(result, nextDue) {
    // Which options were right, and which of the learner's were not: said in words on
    // the options themselves, the colour only helps.
    const correct = new Set(result.correctOptions);
    for (const { option, input } of this.options) {
      const tag = correct.has(option.id) ? ["is-right", "Goed antwoord"]
        : input.checked && ["is-wrong", "Jouw antwoord"];
      if (!tag) continue;
      input.closest("li").classList.add(tag[0]);
      input.closest("label").append(h("span", { class: "review__tag" }, tag[1]));
    }
    const multiple = this.exercise.exerciseType === "MULTIPLE_CHOICE";
    const feedback = multiple ? multipleResult(result)
      : [h("p", {}, said(result.chosen[0], "Goed.", "Niet goed."))];
    const rightOnes = this.options.filter(({ option }) => correct.has(option.id))
      .map(({ option }) => option.text);
    this.result.className = `review__result ${result.correct ? "is-right" : "is-wrong"}`;
    this.result.replaceChildren(...[
      h("h3", { class: "review__verdict" }, result.correct ? "Goed!" : "Niet goed"),
      ...feedback,
      !result.correct && rightOnes.length && h("p", { class: "review__answer" },
        `${rightOnes.length === 1 ? "Het goede antwoord is" : "De goede antwoorden zijn"}: `,
        h("strong", {}, rightOnes.join(", ")), "."),
      result.explanation && h("div", { class: "review__explanation" },
        h("h4", {}, "Uitleg"), richText(result.explanation)),
      nextDue && h("p", { class: "review__due" }, `Komt terug op ${dueDate(nextDue)}.`),
      this.onwards(),
    ].filter(Boolean));
    this.result.hidden = false;
    this.result.focus();
  }

  /** "Volgende" (or, after the last card, the result). */
  onwards(label, stop = false) {
    const last = stop || this.index + 1 >= this.session.cards.length;
    const button = h("button", { type: "button", class: "button review__next" },
      label || (last ? "Bekijk je resultaat" : "Volgende"));
    button.addEventListener("click", () => (stop ? this.session.summary(true)
      : this.session.next(this.index)));
    return h("p", { class: "review__actions" }, button);
  }
}

/** "donderdag 3 december 2026", with "(vandaag)" or "(morgen)" when it is that soon. */
export function dueDate(iso) {
  const moment = new Date(iso);
  const said = moment.toLocaleDateString("nl-NL",
    { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const days = Math.round((startOfDay(moment) - startOfDay(new Date())) / 86400000);
  if (days === 0) return `${said} (vandaag)`;
  if (days === 1) return `${said} (morgen)`;
  return said;
}

function startOfDay(moment) {
  return new Date(moment.getFullYear(), moment.getMonth(), moment.getDate());
}
