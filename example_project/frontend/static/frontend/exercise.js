// Exercises: the learner chooses and then presses "Controleer" for feedback: whether the
// answer is right and the editor's feedback for it; the explanation follows once the
// answer is right. Choosing alone answers nothing, so arrow keys in a radio group (which
// select each option in turn) let keyboard and screen reader users look at every option
// first. Nothing is sent anywhere.

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
  return h("section", { class: "exercise", "aria-labelledby": question.id },
    h("p", { class: "exercise__label" }, LABELS[block.exerciseType] || "Oefening"),
    question, body, explanation);
}

const LABELS = {
  SINGLE_CHOICE: "Oefening: kies één antwoord",
  TRUE_FALSE: "Oefening: waar of niet waar?",
  MULTIPLE_CHOICE: "Oefening: kies alle goede antwoorden",
  REFLECTION: "Denkvraag",
};

function choices(id, block, explanation) {
  const multiple = block.exerciseType === "MULTIPLE_CHOICE";
  const result = h("div", { class: "exercise__result", role: "status" });
  const options = block.options.map((option, i) => {
    const feedback = h("p", { class: "exercise__feedback", hidden: true });
    const input = h("input", { type: multiple ? "checkbox" : "radio", name: id,
      id: `${id}-${i}`, value: option.id });
    return { option, input, feedback };
  });

  const answer = () => {
    const chosen = options.filter(({ input }) => input.checked);
    if (!chosen.length) {
      result.replaceChildren(multiple ? "Kies eerst een of meer antwoorden."
        : "Kies eerst een antwoord.");
      result.className = "exercise__result";
      return;
    }
    for (const { option, input, feedback } of options) {
      feedback.hidden = !input.checked;
      feedback.replaceChildren(verdict(option.correct), " ", option.feedback);
      feedback.className = `exercise__feedback ${option.correct ? "is-right" : "is-wrong"}`;
    }
    const solved = options.every(({ option, input }) => option.correct === input.checked);
    result.replaceChildren(...(multiple ? multipleResult(solved) : singleResult(chosen[0].option)));
    result.className = `exercise__result ${solved ? "is-right" : "is-wrong"}`;
    if (explanation && solved) explanation.hidden = false;
  };

  // A new choice: the feedback on the old one no longer applies.
  const clear = () => {
    for (const { input, feedback } of options) {
      feedback.hidden = true;
      input.closest("li").classList.toggle("is-chosen", input.checked);
    }
    result.replaceChildren();
    result.className = "exercise__result";
  };
  for (const { input } of options) input.addEventListener("change", clear);

  return h("div", { role: "group", "aria-labelledby": `${id}-question` },
    h("ul", { class: "exercise__options" }, options.map(({ option, input, feedback }) =>
      h("li", {}, h("label", { for: input.id }, input, h("span", {}, option.text)), feedback))),
    h("p", { class: "exercise__actions" },
      h("button", { type: "button", class: "button", onclick: answer }, "Controleer")),
    result);
}

function verdict(correct) {
  return h("strong", {}, correct ? "Goed." : "Niet goed.");
}

function singleResult(option) {
  return [verdict(option.correct), " ", option.feedback];
}

function multipleResult(solved) {
  if (solved) return [h("strong", {}, "Goed."), " Je hebt alle goede antwoorden gekozen."];
  return [verdict(false), " Nog niet alle antwoorden kloppen."];
}

function reflection(id, explanation) {
  const field = h("textarea", { id: `${id}-answer`, rows: 4 });
  const toggle = h("button", { type: "button", class: "button button--secondary",
    "aria-expanded": "false" }, "Bekijk een voorbeeldantwoord");
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    if (explanation) explanation.hidden = !open;
  });
  return h("div", { class: "exercise__reflection" },
    h("label", { for: field.id }, "Jouw antwoord (alleen voor jezelf, het wordt niet bewaard)"),
    field,
    explanation && toggle);
}
