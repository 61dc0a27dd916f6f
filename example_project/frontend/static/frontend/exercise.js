// Exercises: the learner chooses and then presses "Controleer" for feedback, in one place
// below the options: whether the answer is right and the editor's feedback for it; the
// explanation follows once the answer is right. Choosing alone answers nothing, so arrow keys in a radio group (which
// select each option in turn) let keyboard and screen reader users look at every option
// first. The answer checked is the learner's progress: the exercise says so with a
// "borg:answered" event (tracking.js records it) and shows a saved answer again when it
// gets "borg:restore".

import { h, richText } from "./dom.js";

let counter = 0;

export function exercise(block) {
  const id = `exercise-${++counter}`;
  const question = richText(block.question, "rich-text exercise__question");
  question.id = `${id}-question`;
  const explanation = block.explanation
    ? h("div", { class: "exercise__explanation", hidden: true },
      h("h3", {}, "Uitleg"), richText(block.explanation))
    : null;
  const body = block.exerciseType === "REFLECTION"
    ? reflection(id, explanation)
    : choices(id, block, explanation);
  const section = h("section", { class: "exercise", "aria-labelledby": question.id },
    h("p", { class: "exercise__label" }, LABELS[block.exerciseType] || "Oefening"),
    question, body.element, explanation);
  section.addEventListener("borg:restore", (event) => body.restore(event.detail));
  return section;
}

/** Tell whoever keeps the learner's progress that this exercise was answered. */
function answered(element, detail) {
  element.dispatchEvent(new CustomEvent("borg:answered", { bubbles: true, detail }));
}

const LABELS = {
  SINGLE_CHOICE: "Oefening: kies één antwoord",
  TRUE_FALSE: "Oefening: waar of niet waar?",
  MULTIPLE_CHOICE: "Oefening: kies alle goede antwoorden",
  REFLECTION: "Denkvraag",
};

function choices(id, block, explanation) {
  const multiple = block.exerciseType === "MULTIPLE_CHOICE";
  // The one place for feedback, below the options and the button, read out when it
  // changes.
  const result = h("div", { class: "exercise__result", role: "status" });
  const options = block.options.map((option, i) => ({ option,
    input: h("input", { type: multiple ? "checkbox" : "radio", name: id, id: `${id}-${i}`,
      value: option.id }) }));

  const answer = ({ restored = false } = {}) => {
    const chosen = options.filter(({ input }) => input.checked).map(({ option }) => option);
    if (!chosen.length) {
      result.replaceChildren(multiple ? "Kies eerst een of meer antwoorden."
        : "Kies eerst een antwoord.");
      result.className = "exercise__result";
      return;
    }
    const solved = options.every(({ option, input }) => option.correct === input.checked);
    result.replaceChildren(...(multiple ? multipleResult(options, chosen, solved)
      : [h("p", {}, said(chosen[0], "Goed.", "Niet goed."))]));
    result.className = `exercise__result ${solved ? "is-right" : "is-wrong"}`;
    if (explanation && solved) explanation.hidden = false;
    if (!restored) answered(result, { answer: chosen.map((option) => option.id) });
  };

  // A new choice: the feedback on the old one no longer applies.
  const clear = () => {
    for (const { input } of options) input.closest("li").classList.toggle("is-chosen", input.checked);
    result.replaceChildren();
    result.className = "exercise__result";
  };
  for (const { input } of options) input.addEventListener("change", clear);

  // The answer saved the last time, checked again: the same feedback as then.
  const restore = ({ answer: saved }) => {
    if (!saved?.length || options.some(({ input }) => input.checked)) return;
    for (const { option, input } of options) input.checked = saved.includes(option.id);
    clear();
    answer({ restored: true });
  };

  const element = h("div", { role: "group", "aria-labelledby": `${id}-question` },
    h("ul", { class: "exercise__options" }, options.map(({ option, input }) =>
      h("li", {}, h("label", { for: input.id }, input, h("span", {}, option.text))))),
    h("p", { class: "exercise__actions" },
      h("button", { type: "button", class: "button", onclick: () => answer() }, "Controleer")),
    result);
  return { element, restore };
}

// Editors often start their feedback with the verdict ("Ja.", "Klopt.", "Helaas: ...");
// then it is not said twice ("Goed. Ja."). Other feedback gets one in front of it.
const OWN_VERDICT = /^(ja|nee|klopt|juist|goed|fout|helaas|inderdaad|precies|correct|onjuist|niet (juist|goed)|nog niet|dat (klopt|is (niet )?(goed|juist)))\b/i;

/** The editor's feedback on an option, with a verdict in front when it has none. */
function said(option, right, wrong) {
  const feedback = option.feedback.trim();
  if (OWN_VERDICT.test(feedback)) return feedback;
  const verdict = option.correct ? right : wrong;
  return feedback ? `${verdict} ${feedback}` : verdict;
}

const NUMBERS = ["geen", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht",
  "negen", "tien"];
const number = (count) => NUMBERS[count] || String(count);

/** A multiple choice: a sentence about the whole answer, then the feedback on each
 * option chosen, each in a list item of its own. */
function multipleResult(options, chosen, solved) {
  const right = options.filter(({ option }) => option.correct).length;
  const rightChosen = chosen.filter((option) => option.correct).length;
  const wrongChosen = chosen.length - rightChosen;
  let summary = "Goed. Je hebt alle goede antwoorden gekozen.";
  if (!solved) {
    const wrongOnes = wrongChosen === 1 ? "één antwoord dat niet klopt"
      : `${number(wrongChosen)} antwoorden die niet kloppen`;
    let found;
    if (rightChosen === right) found = `Je hebt alle goede antwoorden gekozen, maar ook ${wrongOnes}.`;
    else if (rightChosen === 0) found = "Geen van de antwoorden die je koos klopt.";
    else {
      found = `Je hebt ${number(rightChosen)} van de ${number(right)} goede antwoorden gekozen`
        + (wrongChosen ? `, en ${wrongOnes}.` : ".");
    }
    summary = `Nog niet helemaal goed. ${found}`;
  }
  return [h("p", { class: "exercise__verdict" }, summary),
    h("ul", { class: "exercise__feedback" }, chosen.map((option) => h("li", {},
      h("strong", {}, option.text), " ", said(option, "Klopt.", "Klopt niet."))))];
}

function reflection(id, explanation) {
  const field = h("textarea", { id: `${id}-answer`, rows: 4, maxlength: 5000 });
  // Kept when the learner leaves the field with something written in it.
  field.addEventListener("change", () => {
    if (field.value.trim()) answered(field, { text: field.value.trim() });
  });
  const toggle = h("button", { type: "button", class: "button button--secondary",
    "aria-expanded": "false" }, "Bekijk een voorbeeldantwoord");
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    if (explanation) explanation.hidden = !open;
  });
  const restore = ({ text }) => {
    if (text && !field.value) field.value = text;
  };
  const element = h("div", { class: "exercise__reflection" },
    h("label", { for: field.id }, "Jouw antwoord (alleen voor jezelf: het wordt bewaard bij je "
      + "voortgang, zonder je naam)"),
    field,
    explanation && toggle);
  return { element, restore };
}
