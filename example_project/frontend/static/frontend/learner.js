// The learner's progress as screens show it: done marks, where to go on, and recording
// what the learner does. Progress is a help, never a condition: without a token nothing
// is asked, and a failure leaves the screen as it is, without a word.

import { learnerToken, query } from "./api.js";
import { h } from "./dom.js";
import { mutate, progressed, whenSent } from "./mutations.js";

// The answers to `me` for this device, by their variables: a screen and what loads after
// it (the evaluation) share one. Recorded progress, another token or a reload asks again.
const answers = new Map();

// One event at a time: the first one starts the learner, and the next must carry its
// token, or each would start a learner of its own.
let queue = Promise.resolve();
document.addEventListener("borg:learner", () => answers.clear());
// Progress the service worker kept offline and sent later (offline.js).
document.addEventListener("borg:sent", (event) => {
  answers.clear();
  const payload = Object.values(event.detail.data || {})[0];
  if (payload && !payload.errors?.length) progressed();
});

/** `me` (docs/queries/me.graphql) with these variables, or null: no learner on this
 * device yet, or no answer. `modules`: the ids of the modules shown (null: every module
 * the learner worked on). */
export function me({ modules = [], limit = null } = {}) {
  if (!learnerToken()) return Promise.resolve(null);
  const variables = { modules, limit };
  const key = JSON.stringify(variables);
  if (!answers.has(key)) {
    answers.set(key, query("me", variables).then((data) => data.me, () => {
      answers.delete(key);
      return null;
    }));
  }
  return answers.get(key);
}

/** The learner's progress on one page (docs/queries/page_progress.graphql), or null. */
export async function pageProgress(id) {
  await queue;  // after the events still on their way (a link opened just before)
  if (!learnerToken()) return null;
  try {
    return (await query("page_progress", { id })).me?.page || null;
  } catch {
    return null;
  }
}


/** Record what the learner did (docs/queries/record_progress.graphql); resolves with the
 * payload, or null when it did not get through (or waits on the device to be sent:
 * tracking.js hears of it then, "borg:sent"). */
export function record(input) {
  const sent = queue.then(async () => {
    try {
      const { recordProgress } = await query("record_progress", { input });
      if (recordProgress.ok) {
        answers.clear();
        if (recordProgress.newlyCompleted?.length) progressed();
      }
      return recordProgress.ok ? recordProgress : null;
    } catch {
      return null;
    }
  });
  queue = sent;
  return sent;
}

// What to tell the learner when an answer is refused: the page changed since it was shown.
const CHANGED = "Deze oefening is intussen veranderd. Laad de pagina opnieuw en probeer het nog "
  + "eens.";
const ANSWER_PROBLEMS = [["UNKNOWN_PAGE", CHANGED], ["UNKNOWN_BLOCK", CHANGED],
  ["UNKNOWN_OPTION", CHANGED], ["INVALID_ANSWER", CHANGED]];

/** Answer an exercise (docs/queries/answer_exercise.graphql): the payload with the
 * server's verdict, or `{problem}` to show in Dutch. In line with the progress events, so
 * the answer that starts a learner is followed by events with its token. A token that
 * names no learner is forgotten by the API module, and the answer sent again without it. */
export function answerExercise(input) {
  const ask = () => mutate("answer_exercise", { input }, "answerExercise", ANSWER_PROBLEMS);
  const sent = queue.then(async () => {
    let payload = await ask();
    if (payload.unknownLearner && !input.previewToken) payload = await ask();
    if (!payload.problem) answers.clear();
    return payload;
  });
  queue = sent;
  return sent;
}

/** The verdict on an answer that waited on the device (offline.js), once it was sent. */
export function answerWhenSent(id) {
  return whenSent(id, "answerExercise", ANSWER_PROBLEMS);
}

/**
 * Mark what is done among the elements under `root` with a `data-done-id`: module tiles
 * (`data-done-kind="module"`), parts and pages of no module (`data-done-kind="page"`, a
 * microlesson). One `me` for all of them, asked for the modules shown only; a part is
 * done when its module's progress lists it.
 */
export async function markDone(root) {
  const marked = [...root.querySelectorAll("[data-done-id]")];
  const modules = [...new Set(marked.filter((element) => element.dataset.doneKind === "module")
    .map((element) => element.dataset.doneId))];
  const parents = [...new Set(marked.map((element) => element.dataset.doneModule)
    .filter(Boolean))];
  const ids = [...new Set([...modules, ...parents])];
  const pages = marked.some((element) => element.dataset.doneKind === "page");
  if (!ids.length && !pages) return;
  const progress = await me({ modules: ids });
  if (!progress) return;
  // A page of no module (a microlesson) is done when it is among the pages completed.
  const done = new Set(pages ? progress.completedPageIds : []);
  for (const module of progress.modules) {
    if (module.completed) done.add(module.module.id);
    for (const part of module.completedPartIds) done.add(part);
  }
  for (const element of marked) {
    if (done.has(element.dataset.doneId)) showDone(element);
  }
}

/** A visible "Afgerond" on a tile, node or heading (text, not a colour alone). */
export function showDone(element) {
  if (element.classList.contains("is-done")) return;
  element.classList.add("is-done");
  const place = element.querySelector("[data-done-slot]") || element;
  place.append(h("span", { class: "done-mark" }, "Afgerond"));
}
