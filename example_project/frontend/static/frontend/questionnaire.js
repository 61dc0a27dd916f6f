// The evaluation form: one field per question in the form its kind asks for (Likert and
// scale as a row of radio buttons, single and multiple choice, open text), the answers
// read back in the shape submitEvaluation takes, and the API's problems shown in Dutch
// next to the question they concern. Checking is left to the API, so the rules live in
// one place; the form only marks what is required.

import { h } from "./dom.js";

/** Dutch for each EvaluationErrorCode; the API's own messages are for developers. */
const PROBLEMS = {
  REQUIRED: "Deze vraag is verplicht. Geef een antwoord.",
  WRONG_TYPE: "Dit antwoord past niet bij de vraag. Kies of typ je antwoord opnieuw.",
  OUT_OF_RANGE: "Kies een van de getallen bij deze vraag.",
  UNKNOWN_OPTION: "Dit antwoord hoort niet (meer) bij de vraag. Kies een van de antwoorden "
    + "die er nu staan.",
  TOO_MANY_CHOICES: "Kies bij deze vraag één antwoord.",
  DUPLICATE_CHOICE: "Je hebt hetzelfde antwoord twee keer gekozen.",
  TOO_LONG: "Je antwoord is te lang. Maak het korter.",
  UNKNOWN_QUESTION: "De vragenlijst is veranderd. Laad de pagina opnieuw en vul hem nog eens in.",
  DUPLICATE_ANSWER: "Een vraag is twee keer beantwoord. Laad de pagina opnieuw.",
  TOO_MANY_ANSWERS: "Er zijn te veel antwoorden verstuurd. Laad de pagina opnieuw.",
  SUBMISSION_ID_REUSED: "Deze antwoorden zijn al eens met andere antwoorden verstuurd. "
    + "Kijk je antwoorden na en verstuur ze opnieuw.",
  INVALID_FOLLOW_UP_CODE: "We kunnen je eerdere evaluatie van deze module niet meer vinden.",
  FOLLOW_UP_OTHER_MODULE: "Deze vervolgvragen horen bij een andere module.",
  FOLLOW_UP_NOT_DUE: "De vervolgvragen kun je nog niet beantwoorden. Kom later terug.",
  FOLLOW_UP_ANSWERED: "Je hebt deze vervolgvragen al beantwoord.",
  NO_FOLLOW_UP: "Deze vragenlijst heeft geen vervolgvragen meer.",
};

export function problemText(code, question) {
  if (code === "TOO_LONG" && question?.maxLength) {
    return `Je antwoord is te lang. Gebruik hoogstens ${question.maxLength} tekens.`;
  }
  return PROBLEMS[code] || "Er klopt iets niet met dit antwoord.";
}

let counter = 0;

/**
 * A form for `questions`. `onSubmit(answers)` is called with the answers given (blank
 * ones left out). Returns the form element and ways to report on it.
 */
export function questionForm(questions, { submitLabel, onSubmit }) {
  const prefix = `evaluatie-${++counter}`;
  const fields = questions.map((question) => field(question, `${prefix}-${question.id}`));
  const summary = h("div", { class: "error-summary", tabindex: "-1", hidden: true,
    "aria-labelledby": `${prefix}-summary` });
  const button = h("button", { type: "submit", class: "button" }, submitLabel);
  const progress = h("p", { class: "evaluation__progress", role: "status" });
  // novalidate: the API checks the answers and the form shows its findings in Dutch.
  const form = h("form", { class: "evaluation__form", novalidate: true },
    summary, fields.map((item) => item.element), h("div", { class: "evaluation__actions" },
      button, progress));

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (button.disabled) return;
    onSubmit(fields.map((item) => item.answer()).filter(Boolean));
  });

  return {
    element: form,

    /** While sending: one submission at a time, and say so. */
    busy(sending) {
      button.disabled = sending;
      progress.textContent = sending ? "Bezig met versturen…" : "";
    },

    /** Problems from the API ({question, code}) by their questions, and a summary on top
     * with `general` messages that concern no one question; focus goes to the summary. */
    report(problems, general = []) {
      const items = [...general.map((text) => h("li", {}, text))];
      for (const item of fields) {
        const own = problems.filter((problem) => problem.question === item.question.id);
        const texts = [...new Set(own.map((problem) => problemText(problem.code, item.question)))];
        item.showError(texts.join(" "));
        for (const text of texts) {
          // The router moves focus to a #fragment within the screen.
          items.push(h("li", {}, h("a", { href: `#${item.firstInput.id}` }, item.question.text),
            ` ${text}`));
        }
      }
      for (const problem of problems) {
        if (!fields.some((item) => item.question.id === problem.question)) {
          items.push(h("li", {}, problemText(problem.code)));
        }
      }
      summary.replaceChildren(
        h("h3", { id: `${prefix}-summary` }, "Je antwoorden zijn nog niet verstuurd"),
        h("ul", {}, items));
      summary.hidden = false;
      summary.focus();
    },
  };
}

const NUMBER_KINDS = ["LIKERT", "SCALE"];
// Words under the ends of a Likert row; a scale's meaning is in its help text.
const LIKERT_ENDS = ["helemaal mee oneens", "helemaal mee eens"];

function field(question, id) {
  const help = question.helpText
    ? h("p", { class: "question__help", id: `${id}-help` }, question.helpText) : null;
  const error = h("p", { class: "question__error", id: `${id}-error`, hidden: true });
  const label = [question.text, question.required
    && h("span", { class: "question__required" }, " (verplicht)")];

  if (question.kind === "OPEN") {
    const input = h("textarea", { id: `${id}-text`, name: id, rows: 4,
      maxlength: question.maxLength, required: question.required,
      "aria-describedby": help?.id });
    const element = h("div", { class: "question" },
      h("label", { class: "question__text", for: input.id }, label), help, error, input);
    return described(question, element, [input], input, error, () => {
      const text = input.value.trim();
      return text ? { question: question.id, text } : null;
    });
  }

  const numbers = NUMBER_KINDS.includes(question.kind);
  const values = numbers
    ? Array.from({ length: question.maximum - question.minimum + 1 },
      (_, i) => String(question.minimum + i))
    : question.options;
  const type = question.kind === "MULTIPLE" ? "checkbox" : "radio";
  const inputs = values.map((value, i) => h("input", { type, id: `${id}-${i}`, name: id, value,
    // A required checkbox would mean "tick this one"; only a radio group can say it.
    required: question.required && type === "radio" }));
  const options = numbers
    ? h("div", { class: `scale scale--${values.length}` }, inputs.map((input, i) =>
      h("label", { class: "scale__option", for: input.id }, input,
        h("span", { class: "scale__number" }, input.value), end(question, i, inputs.length))))
    : h("ul", { class: "choices" }, inputs.map((input) =>
      h("li", {}, h("label", { for: input.id }, input, h("span", {}, input.value)))));
  const element = h("fieldset", { class: "question", "aria-describedby": help?.id },
    h("legend", { class: "question__text" }, label,
      question.kind === "MULTIPLE" && h("span", { class: "question__hint" },
        " Je kunt meer antwoorden kiezen.")),
    help, error, options);
  return described(question, element, inputs, element, error, () => {
    const chosen = inputs.filter((input) => input.checked).map((input) => input.value);
    if (!chosen.length) return null;
    return numbers ? { question: question.id, number: Number(chosen[0]) }
      : { question: question.id, choices: chosen };
  });
}

/** The words under the first and last number of a Likert row, after a space so that
 * the label reads "1 helemaal mee oneens". */
function end(question, index, count) {
  if (question.kind !== "LIKERT" || (index > 0 && index < count - 1)) return null;
  return [" ", h("span", { class: "scale__end" }, LIKERT_ENDS[index ? 1 : 0])];
}

/** The parts of a field the form needs: its answer, and its error shown or cleared. */
function described(question, element, inputs, describedElement, error, answer) {
  const helpIds = (describedElement.getAttribute("aria-describedby") || "").split(" ")
    .filter((token) => token && token !== error.id);
  return {
    question, element, answer, firstInput: inputs[0],
    showError(text) {
      error.textContent = text;
      error.hidden = !text;
      const ids = text ? [error.id, ...helpIds] : helpIds;
      if (ids.length) describedElement.setAttribute("aria-describedby", ids.join(" "));
      else describedElement.removeAttribute("aria-describedby");
      element.classList.toggle("question--invalid", Boolean(text));
      for (const input of inputs) {
        if (text) input.setAttribute("aria-invalid", "true");
        else input.removeAttribute("aria-invalid");
      }
    },
  };
}
