// The evaluation at the end of a module: its questionnaire after a basic module and
// after a specialist module's last part (where learners finish), and the follow-up
// questions there once they are due. A specialist module's start page links to it once
// the learner has reached the last part. Module screens put an empty, hidden slot at
// their end; this module fills it when the screen is shown, never in a preview.
//
// The learner's browser keeps, per module, in localStorage (no cookies, nothing sent
// along): that the module was evaluated and the follow-up code with its due date (the
// only link between the two submissions; evaluations stay apart from the learner's
// progress). Whether the parts are done is the learner's progress (learner.js).

import { ApiError, cachedQuery, query } from "./api.js";
import { h } from "./dom.js";
import { me } from "./learner.js";
import { problemText, questionForm } from "./questionnaire.js";

/** Fill the evaluation slot of the screen just shown (the detail of its "borg:screen"
 * event); app.js loads this module and calls it when a screen has a slot. */
export function evaluate({ kind, page }) {
  const slot = document.getElementById("evaluation");
  if ((kind !== "module" && kind !== "part") || !slot || !page) return;
  const filled = page.__typename === "LearningSpecialistModulePage"
    ? linkFromStart(slot, page) : fill(slot, page);
  filled.catch((error) => {
    // Without an answer from the API the module is still worth reading: no evaluation.
    if (!(error instanceof ApiError)) console.error(error);
  });
}

/** A specialist module's start page: once the learner has done all its parts, a link to
 * the evaluation after the last one (or a word of thanks when it is done). */
async function linkFromStart(slot, module) {
  const last = module.parts.at(-1);
  if (!last) return;
  // The same `me` the screen asked for its done marks.
  const progress = await me({ modules: [module.id] });
  if (!progress?.modules[0]?.completed || !slot.isConnected) return;
  const stored = remembered(module.id);
  const headingId = `evaluation-title-${module.id}`;
  let text;
  let link = null;
  const href = `${last.path}#${slot.id}`;
  if (stored.followUp && stored.followUp.due <= today()) {
    text = "Je hebt deze module beoordeeld. Nu zijn er een paar vervolgvragen: wat doe je "
      + "in de praktijk met wat je leerde?";
    link = h("a", { href }, "Naar de vervolgvragen");
  } else if (stored.evaluatedOn) {
    text = "Je hebt deze module al beoordeeld. Dank je wel!";
  } else {
    text = "Je hebt alle onderdelen afgerond. Wat vond je van de module? Het invullen kost "
      + "een paar minuten.";
    link = h("a", { href }, "Naar de evaluatie");
  }
  show(slot, { headingId, children: [h("h2", { id: headingId }, "Evaluatie"),
    h("p", {}, text), link && h("p", { class: "evaluation__link" }, link)].filter(Boolean) });
}

async function fill(slot, page) {
  const moduleId = await evaluatedModule(page);
  if (!moduleId) return;
  const stored = remembered(moduleId);
  if (stored.followUp && stored.followUp.due <= today()) {
    const { followUp } = await query("follow_up", { code: stored.followUp.code });
    if (followUp?.available) {
      show(slot, followUpSection(followUp, moduleId));
      return;
    }
    if (!followUp || followUp.answered) remember(moduleId, { followUp: null });
  }
  if (stored.evaluatedOn) show(slot, doneSection(slot, moduleId));
  else await offer(slot, moduleId);
}

/** The module whose questionnaire this page asks: its own, or for the last part its
 * module's; null for the other parts. */
async function evaluatedModule(page) {
  if (page.__typename !== "LearningModulePartPage") return page.id;
  if (!page.module) return null;
  const { page: module } = await cachedQuery("page", { id: page.module.id });
  return module?.parts?.at(-1)?.id === page.id ? module.id : null;
}

async function offer(slot, moduleId) {
  const { page } = await query("questionnaire", { id: moduleId });
  const questionnaire = page?.questionnaire;
  if (!questionnaire?.questions.length) return;
  show(slot, questionnaireSection(questionnaire, moduleId));
}

function show(slot, section) {
  slot.replaceChildren(...section.children);
  slot.setAttribute("aria-labelledby", section.headingId);
  slot.hidden = false;
  // Arrived by a link to the evaluation (from the module's start page): go there.
  if (location.hash === `#${slot.id}`) document.getElementById(section.headingId)?.focus();
}

function questionnaireSection(questionnaire, moduleId) {
  return section(questionnaire.title, questionnaire.intro, questionnaire.questions, {
    moduleId,
    thanks: (result) => {
      const followUp = result.followUpCode
        ? { code: result.followUpCode, due: result.followUpDue } : null;
      remember(moduleId, { evaluatedOn: today(), followUp });
      return [h("p", {}, "Dank je wel! Je antwoorden zijn opgeslagen. Ze helpen ons de "
        + "leeromgeving beter te maken."), followUp && h("p", {}, followUpNote(followUp.due))];
    },
  });
}

function followUpSection(followUp, moduleId) {
  return section(`${followUp.title}: vervolgvragen`, followUp.intro, followUp.questions, {
    moduleId,
    followUpCode: followUp.code,
    thanks: () => {
      remember(moduleId, { followUp: null });
      return [h("p", {}, "Dank je wel voor je antwoorden op de vervolgvragen!")];
    },
  });
}

/** After an evaluation: say so, with the follow-up to come, and a way to answer again. */
function doneSection(slot, moduleId) {
  const headingId = `evaluation-title-${moduleId}`;
  const followUp = remembered(moduleId).followUp;
  const again = h("button", { type: "button", class: "button button--secondary",
    onclick: () => {
      again.disabled = true;
      offer(slot, moduleId).then(() => slot.querySelector("h2")?.focus(), () => {
        again.disabled = false;
      });
    } }, "Nog een keer invullen");
  return { headingId, children: [
    h("h2", { id: headingId, tabindex: "-1" }, "Evaluatie"),
    h("p", {}, "Je hebt deze module al beoordeeld. Dank je wel!"),
    followUp && h("p", {}, followUpNote(followUp.due)),
    h("p", {}, again)].filter(Boolean) };
}

function followUpNote(due) {
  const days = Math.round((Date.parse(due) - Date.parse(today())) / 86_400_000);
  const when = days > 1 ? `Over ${days} dagen` : days === 1 ? "Morgen" : "Vanaf nu";
  return `${when} vragen we je wat je in de praktijk met deze module doet. Open de module `
    + "dan opnieuw in deze browser: de vervolgvragen staan hier. Alleen deze browser onthoudt "
    + "dat, wie je bent weten we niet.";
}

/** A heading, an intro and the form; on success a thank-you takes the form's place. */
function section(title, intro, questions, { moduleId, followUpCode, thanks }) {
  const headingId = `evaluation-title-${moduleId}`;
  const heading = h("h2", { id: headingId, tabindex: "-1" }, title);
  const body = h("div", { class: "evaluation__body" });
  // Made once and kept until the answers are stored: a retry after a lost connection
  // sends the same id, so the API stores the answers once.
  let submissionId = null;

  const form = questionForm(questions, {
    submitLabel: "Versturen",
    onSubmit: async (answers) => {
      submissionId ||= newId();
      form.busy(true);
      let result;
      try {
        ({ submitEvaluation: result } = await query("submit_evaluation", { input: {
          module: moduleId, submissionId, answers, followUpCode } }));
      } catch (error) {
        form.busy(false);
        form.report([], [failure(error)]);
        if (!(error instanceof ApiError)) console.error(error);
        return;
      }
      form.busy(false);
      if (result.ok) {
        body.replaceChildren(h("div", { class: "evaluation__thanks", role: "status" },
          ...thanks(result)));
        heading.focus();  // the button that had focus is gone
        return;
      }
      const codes = result.errors.map((error) => error.code);
      if (codes.includes("SUBMISSION_ID_REUSED")) submissionId = null;
      if (codes.some((code) => FORGET_FOLLOW_UP.includes(code))) {
        remember(moduleId, { followUp: null });
      }
      form.report(result.errors.filter((error) => error.question),
        result.errors.filter((error) => !error.question).map((error) => problemText(error.code)));
    },
  });
  if (intro) body.append(h("p", { class: "evaluation__intro" }, intro));
  body.append(form.element);
  return { headingId, children: [heading, body] };
}

// A follow-up that can never be answered: stop offering it.
const FORGET_FOLLOW_UP = ["INVALID_FOLLOW_UP_CODE", "FOLLOW_UP_OTHER_MODULE",
  "FOLLOW_UP_ANSWERED", "NO_FOLLOW_UP"];

/** Dutch for a submission that got no answer about its answers. */
function failure(error) {
  if (error instanceof ApiError && error.codes.includes("RATE_LIMITED")) {
    return "Er zijn vanaf dit adres veel evaluaties verstuurd. Probeer het over een uur opnieuw.";
  }
  if (error instanceof ApiError && error.codes.includes("UNKNOWN_MODULE")) {
    return "Deze module is niet meer gepubliceerd, daarom kunnen we je antwoorden niet opslaan.";
  }
  if (error instanceof ApiError && error.codes.includes("NO_QUESTIONNAIRE")) {
    return "Bij deze module hoort geen evaluatie meer. Je hoeft niets te doen.";
  }
  if (error instanceof ApiError && error.kind === "unreachable") {
    return "We krijgen geen verbinding met de server. Je antwoorden staan er nog: probeer het "
      + "zo opnieuw met de knop Versturen.";
  }
  return "Er ging iets mis bij het versturen. Je antwoorden staan er nog: probeer het over een "
    + "paar minuten opnieuw.";
}

function newId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  // randomUUID needs a secure context (https or localhost); make a version 4 UUID.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Today on the learner's clock, as the API writes dates: "2026-05-04". */
function today() {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map((part) => String(part).padStart(2, "0")).join("-");
}

// What this browser keeps about one module: {evaluatedOn, followUp: {code, due}}.
const key = (moduleId) => `borg-evaluatie-${moduleId}`;

function remembered(moduleId) {
  try {
    return JSON.parse(localStorage.getItem(key(moduleId))) || {};
  } catch {
    return {};  // storage switched off, or something else stored there
  }
}

function remember(moduleId, changes) {
  try {
    localStorage.setItem(key(moduleId), JSON.stringify({ ...remembered(moduleId), ...changes }));
  } catch {
    // Storage switched off or full: the evaluation still counts, only the reminder is lost.
  }
}
