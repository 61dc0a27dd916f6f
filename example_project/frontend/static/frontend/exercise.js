// Exercises: the learner chooses and then presses "Controleer" for feedback, in one place
// below the options: whether the answer is right and the editor's feedback for it; the
// explanation follows once the answer is right. Choosing alone answers nothing, so arrow
// keys in a radio group (which select each option in turn) let keyboard and screen reader
// users look at every option first.
//
// The page does not say which options are correct: the server judges the answer
// (answerExercise, docs/queries/answer_exercise.graphql), keeps it as the learner's
// progress and answers with the verdict, the feedback and the explanation. While it does,
// the button waits; when it cannot be reached the exercise says so and the learner can try
// again. Offline, with the app's service worker, the answer waits on the device instead
// (offline.js), and the verdict comes once it was sent. The exercise then says it was
// answered with a "borg:answered" event (tracking.js marks the page done), and shows a
// saved answer with its verdict again when it gets "borg:restore" (one that waits on the
// device, with the verdict to come). In a preview the draft's exercise is judged and
// nothing is kept.

import { h, richText } from "./dom.js";
import { answerExercise } from "./learner.js";

let counter = 0;

export function exercise(block, page) {
  const id = `exercise-${++counter}`;
  const question = richText(block.question, "rich-text exercise__question");
  question.id = `${id}-question`;
  const explanation = block.hasExplanation
    ? h("div", { class: "exercise__explanation", hidden: true })
    : null;
  const where = page?.previewToken ? { previewToken: page.previewToken } : { page: page?.id };
  const send = (input) => answerExercise({ ...where, block: block.id, ...input });
  const body = block.exerciseType === "REFLECTION"
    ? reflection(id, send, explanation)
    : choices(id, block, send, explanation);
  const section = h("section", { class: "exercise", "aria-labelledby": question.id },
    h("p", { class: "exercise__label" }, LABELS[block.exerciseType] || "Oefening"),
    question, body.element, explanation);
  section.addEventListener("borg:restore", (event) => body.restore(event.detail));
  return section;
}

/** Tell whoever keeps the learner's progress that this exercise was answered (detail:
 * the answerExercise payload). */
function answered(element, payload) {
  element.dispatchEvent(new CustomEvent("borg:answered", { bubbles: true, detail: payload }));
}

/** Put the server's explanation in its place (it comes with the answer). */
function explain(explanation, html) {
  if (!explanation || !html) return false;
  explanation.replaceChildren(h("h3", {}, "Uitleg"), richText(html));
  return true;
}

// Without a connection, or while the server cannot take it (5xx, 429), an answer waits on
// the device (the service worker keeps it).
function queued({ example = false } = {}) {
  if (navigator.onLine === false) {
    return example
      ? "Je bent offline. Je antwoord is bewaard op dit apparaat; het voorbeeldantwoord zie je "
        + "zodra je weer verbinding hebt."
      : "Je bent offline. Je antwoord is bewaard op dit apparaat en wordt nagekeken zodra je "
        + "weer verbinding hebt.";
  }
  return example
    ? "De server kan je antwoord nu niet aannemen. Het is bewaard op dit apparaat; het "
      + "voorbeeldantwoord zie je later."
    : "De server kan je antwoord nu niet aannemen. Het is bewaard op dit apparaat en wordt "
      + "later nagekeken.";
}

const LABELS = {
  SINGLE_CHOICE: "Oefening: kies één antwoord",
  TRUE_FALSE: "Oefening: waar of niet waar?",
  MULTIPLE_CHOICE: "Oefening: kies alle goede antwoorden",
  REFLECTION: "Denkvraag",
};

function choices(id, block, send, explanation) {
  const multiple = block.exerciseType === "MULTIPLE_CHOICE";
  // The one place for feedback, below the options and the button, read out when it
  // changes.
  const result = h("div", { class: "exercise__result", role: "status" });
  const options = block.options.map((option, i) => ({ option,
    input: h("input", { type: multiple ? "checkbox" : "radio", name: id, id: `${id}-${i}`,
      value: option.id }) }));
  const button = h("button", { type: "button", class: "button" }, "Controleer");
  // Each choice changes this, so a verdict that comes back after another choice is not
  // shown for it.
  let choice = 0;

  const say = (children, className = "") => {
    result.replaceChildren(...children);
    result.className = `exercise__result ${className}`.trim();
  };

  const show = (verdict) => {
    say(multiple ? multipleResult(verdict)
      : [h("p", {}, said(verdict.chosen[0], "Goed.", "Niet goed."))],
    verdict.correct ? "is-right" : "is-wrong");
    if (explanation) explanation.hidden = !(verdict.correct && explain(explanation, verdict.explanation));
  };

  const answer = async () => {
    const chosen = options.filter(({ input }) => input.checked).map(({ option }) => option.id);
    if (!chosen.length) {
      say([multiple ? "Kies eerst een of meer antwoorden." : "Kies eerst een antwoord."]);
      return;
    }
    const asked = choice;
    button.disabled = true;
    result.setAttribute("aria-busy", "true");
    const payload = await send({ answer: chosen });
    button.disabled = false;
    result.removeAttribute("aria-busy");
    if (payload.queued) {
      // Offline: kept on the device, judged once it is sent.
      if (asked === choice) say([h("p", {}, queued())], "is-queued");
      payload.later.then((later) => settle(later, asked));
      return;
    }
    settle(payload, asked);
  };
  const settle = (payload, asked) => {
    if (!payload.problem) answered(result, payload);
    if (asked !== choice) return;  // another choice meanwhile: this verdict is not about it
    if (payload.problem) say([h("p", {}, payload.problem)], "is-problem");
    else show(payload.result);
  };
  button.addEventListener("click", answer);

  // A new choice: the feedback on the old one no longer applies.
  const clear = () => {
    choice += 1;
    for (const { input } of options) input.closest("li").classList.toggle("is-chosen", input.checked);
    say([]);
  };
  for (const { input } of options) input.addEventListener("change", clear);

  // The answer saved the last time, with the verdict on it: the same feedback as then. One
  // that waits on the device (`later`): judged once it was sent.
  const restore = ({ answer: saved, result: verdict, later }) => {
    if (!saved?.length || options.some(({ input }) => input.checked)) return;
    for (const { option, input } of options) input.checked = saved.includes(option.id);
    clear();
    if (verdict?.chosen.length) show(verdict);
    else if (later) {
      const asked = choice;
      say([h("p", {}, queued())], "is-queued");
      later.then((payload) => settle(payload, asked));
    }
  };

  const element = h("div", { role: "group", "aria-labelledby": `${id}-question` },
    h("ul", { class: "exercise__options" }, options.map(({ option, input }) =>
      h("li", {}, h("label", { for: input.id }, input, h("span", {}, option.text))))),
    h("p", { class: "exercise__actions" }, button),
    result);
  return { element, restore };
}

// Editors often start their feedback with the verdict ("Ja.", "Klopt.", "Helaas: ...");
// then it is not said twice ("Goed. Ja."). Other feedback gets one in front of it.
const OWN_VERDICT = /^(ja|nee|klopt|juist|goed|fout|helaas|inderdaad|precies|correct|onjuist|niet (juist|goed)|nog niet|dat (klopt|is (niet )?(goed|juist)))\b/i;

/** The editor's feedback on a chosen option, with a verdict in front when it has none. */
export function said(option, right, wrong) {
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
export function multipleResult({ correct, chosen, correctOptions }) {
  const right = correctOptions.length;
  const rightChosen = chosen.filter((option) => option.correct).length;
  const wrongChosen = chosen.length - rightChosen;
  let summary = "Goed. Je hebt alle goede antwoorden gekozen.";
  if (!correct) {
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

/** An open reflection: kept when the learner leaves the field with something written in
 * it; the example answer (the explanation) comes with it, shown on request. */
function reflection(id, send, explanation) {
  const field = h("textarea", { id: `${id}-answer`, rows: 4, maxlength: 5000 });
  const note = h("p", { class: "exercise__result", role: "status" });
  // The text sent last, the first answer to it and the final one: the same text is sent
  // once. Offline the first answer says it waits on the device (`queued`); the final one
  // comes when it was sent.
  let kept = { text: null, first: null, reply: null };
  const keep = () => {
    const text = field.value.trim();
    if (!text) return { first: Promise.resolve(null), reply: Promise.resolve(null) };
    if (kept.text !== text) follow(text, send({ text }));
    return kept;
  };
  // The answer to `text` as it comes: first, then (offline) once it was sent.
  const follow = (text, first) => {
    const reply = first.then((payload) => (payload.queued ? payload.later : payload));
    kept = { text, first, reply };
    first.then((payload) => {
      if (payload.queued && kept.text === text) note.textContent = queued();
    });
    reply.then((payload) => {
      if (payload.problem) {
        if (kept.text === text) kept = { text: null, first: null, reply: null };  // try again
        note.textContent = payload.problem;
        return;
      }
      if (kept.text === text) note.textContent = "";
      explain(explanation, payload.result.explanation);
      answered(field, payload);
    });
  };
  field.addEventListener("change", keep);

  const toggle = explanation && h("button", { type: "button", class: "button button--secondary",
    "aria-expanded": "false" }, "Bekijk een voorbeeldantwoord");
  toggle?.addEventListener("click", async () => {
    if (toggle.getAttribute("aria-expanded") === "true") {
      toggle.setAttribute("aria-expanded", "false");
      explanation.hidden = true;
      return;
    }
    if (!explanation.childElementCount) {
      if (!field.value.trim()) {
        note.textContent = "Schrijf eerst je eigen antwoord. Daarna zie je een voorbeeldantwoord.";
        field.focus();
        return;
      }
      toggle.disabled = true;
      const payload = await keep().first;
      toggle.disabled = false;
      if (payload?.queued) {
        note.textContent = queued({ example: true });
        return;
      }
      if (!payload || payload.problem) return;
    }
    note.textContent = "";
    toggle.setAttribute("aria-expanded", "true");
    explanation.hidden = false;
  });

  const restore = ({ text, result: verdict, later }) => {
    if (!text || field.value) return;
    field.value = text;
    if (later) follow(text, Promise.resolve({ queued: true, later }));
    if (!verdict) return;
    const reply = Promise.resolve({ result: verdict });
    kept = { text, first: reply, reply };
    explain(explanation, verdict.explanation);
  };
  const element = h("div", { class: "exercise__reflection" },
    h("label", { for: field.id }, "Jouw antwoord (alleen voor jezelf: het wordt bewaard bij je "
      + "voortgang, zonder je naam)"),
    field,
    toggle,
    note);
  return { element, restore };
}
