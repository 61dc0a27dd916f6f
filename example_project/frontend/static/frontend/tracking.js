// Recording progress as the learner works through a basic module, a module part or a
// microlesson, by each block's completion rule (docs/graphql.md, "Recording progress"): a
// text or image block seen, audio or video played (the part reached), an exercise answered
// (exercise.js sends the answer itself, to be judged), a download or link opened. When the
// page is shown again, the saved answers come back with their verdicts. Nothing here may
// get in the learner's way: a failure is silent, and reading never waits for it. Without
// a connection the service worker keeps what the learner did and sends it later; the page
// is marked done when that answer says so.

import { h } from "./dom.js";
import { answerWhenSent, pageProgress, record } from "./learner.js";
import { waitingOn } from "./offline.js";

// Kinds of block and what completes them.
const SEEN = new Set(["LearningTextBlock", "LearningImageBlock"]);
const PLAYED = new Set(["LearningAudioBlock", "LearningVideoBlock"]);
const OPENED = new Set(["LearningDownloadBlock", "LearningLinkBlock"]);

// A media block is reported at most this often while it plays, and when it stops.
const PLAYED_EVERY_MS = 5000;
const PLAYED_DONE = 0.95;

/** Follow the blocks of the screen just shown (the detail of its "borg:screen" event);
 * app.js loads this module and calls it for a module, part or microlesson, never in a
 * preview. */
export function track({ kind, page }) {
  if (!["module", "part", "microlesson"].includes(kind) || !page?.id || page.isPreview) return;
  const main = document.getElementById("main");
  // What follows this screen stops with it.
  const shown = new AbortController();
  document.addEventListener("borg:screen", () => shown.abort(), { once: true });
  const blocks = [...main.querySelectorAll(".block[data-block-id]")];
  const send = (input) => record({ page: page.id, ...input }).then((payload) => {
    if (!shown.signal.aborted && payload?.newlyCompleted?.includes(String(page.id))) {
      completed(main, page);
    }
  });
  const active = blocks.filter((block) => kindOf(block));
  // A page with nothing to do (a specialist module's start page, a part without blocks)
  // is done when it is seen.
  if (!active.length && (kind !== "module" || !page.parts?.length)) send({ event: "SEEN" });
  if (!page.body) return;  // a specialist module's start page: its parts are tracked
  watchSeen(active.filter((block) => SEEN.has(kindOf(block))), send, shown.signal);
  for (const block of active) {
    const type = kindOf(block);
    if (PLAYED.has(type)) watchPlayed(block, send);
    if (OPENED.has(type)) watchOpened(block, send);
  }
  // An exercise is answered with answerExercise, which keeps the answer (exercise.js).
  main.addEventListener("borg:answered", (event) => {
    if (event.detail?.newlyCompleted?.includes(String(page.id))) completed(main, page);
  }, { signal: shown.signal });
  // What waited on the device without a connection, sent now (offline.js).
  document.addEventListener("borg:sent", (event) => {
    const payload = Object.values(event.detail.data || {})[0];
    if (payload?.newlyCompleted?.includes(String(page.id))) completed(main, page);
  }, { signal: shown.signal });
  restore(main, page, blocks);
}

const kindOf = (block) => block.dataset.blockType;

/** A text or image block counts as seen when it reached the middle of the screen (a
 * tall one, read from top to bottom), or when most of it was on the screen (a short one at
 * the end of a page, which never gets that far up). */
function watchSeen(blocks, send, signal) {
  if (!blocks.length || !("IntersectionObserver" in window)) return;
  const seen = (entry) => {
    const block = entry.target;
    if (block.dataset.seen) return;
    block.dataset.seen = "true";
    for (const observer of observers) observer.unobserve(block);
    send({ block: block.dataset.blockId, event: "SEEN" });
  };
  const observers = [
    new IntersectionObserver((entries) => entries.filter((entry) => entry.isIntersecting)
      .forEach(seen), { rootMargin: "-45% 0px -45% 0px" }),
    new IntersectionObserver((entries) => entries.filter((entry) => entry.intersectionRatio >= 0.6)
      .forEach(seen), { threshold: 0.6 }),
  ];
  for (const observer of observers) blocks.forEach((block) => observer.observe(block));
  signal.addEventListener("abort", () => observers.forEach((observer) => observer.disconnect()));
}

/** Audio and video: the furthest part reached, every few seconds while it plays and at
 * once when it pauses, ends or passes the point where it counts as played. An embedded
 * video from a platform cannot be followed: the learner says so. */
function watchPlayed(block, send) {
  const player = block.querySelector("audio, video");
  if (!player) {
    if (block.querySelector(".embed")) offerWatched(block, send);
    return;
  }
  let reached = 0;
  let sent = 0;
  let sentAt = 0;
  const report = (now) => {
    if (reached <= sent || (!now && Date.now() - sentAt < PLAYED_EVERY_MS
      && !(reached >= PLAYED_DONE && sent < PLAYED_DONE))) return;
    sent = reached;
    sentAt = Date.now();
    send({ block: block.dataset.blockId, event: "PLAYED", played: Math.min(1, reached) });
  };
  const update = () => {
    if (!(player.duration > 0)) return;
    reached = Math.max(reached, player.currentTime / player.duration);
    report(false);
  };
  player.addEventListener("timeupdate", update);
  player.addEventListener("seeked", update);
  for (const type of ["pause", "ended"]) player.addEventListener(type, () => report(true));
}

function offerWatched(block, send) {
  const button = h("button", { type: "button", class: "button button--secondary watched" },
    "Ik heb deze video bekeken");
  button.addEventListener("click", () => {
    send({ block: block.dataset.blockId, event: "PLAYED", played: 1 });
    button.replaceWith(watchedNote());
  });
  block.querySelector(".media").append(button);
}

const watchedNote = () => h("p", { class: "watched done-mark" }, "Bekeken");

/** A download or link counts as opened when it is clicked (also with the middle button). */
function watchOpened(block, send) {
  const link = block.querySelector("a[href]");
  if (!link) return;
  let opened = false;
  const open = (event) => {
    if (opened || (event.type === "auxclick" && event.button !== 1)) return;
    opened = true;
    send({ block: block.dataset.blockId, event: "OPENED" });
  };
  link.addEventListener("click", open);
  link.addEventListener("auxclick", open);
}

/** The page shown again: its saved answers, an embedded video marked as watched, and
 * whether the page is done; and what waits on the device to be sent (offline), which is
 * newer than what the server has. */
async function restore(main, page, blocks) {
  const [progress, waiting] = await Promise.all([pageProgress(page.id), waitingOn(page.id)]);
  if (blocks.length && !blocks[0].isConnected) return;  // another screen now
  const byId = new Map(blocks.map((block) => [block.dataset.blockId, block]));
  restoreWaiting(byId, waiting);
  if (!progress) return;
  for (const saved of progress.blocks) {
    const block = byId.get(saved.block);
    if (!block) continue;
    if (saved.kind === "EXERCISE") {
      block.querySelector(".exercise")?.dispatchEvent(new CustomEvent("borg:restore",
        { detail: { answer: saved.answer, text: saved.text, result: saved.result } }));
    }
    if (saved.completed) block.querySelector("button.watched")?.replaceWith(watchedNote());
  }
  if (progress.completed) completed(main, page, { quiet: true });
}

/** Answers and watched videos that wait on the device: the last answer to each exercise
 * comes back with its choices and is judged once it was sent. */
function restoreWaiting(byId, waiting) {
  const answers = new Map();
  for (const { id, operation, input } of waiting) {
    const block = byId.get(input?.block);
    if (!block) continue;
    if (operation === "AnswerExercise") answers.set(block, { id, input });
    else if (input.event === "PLAYED" && input.played >= 1) {
      block.querySelector("button.watched")?.replaceWith(watchedNote());
    }
  }
  for (const [block, { id, input }] of answers) {
    block.querySelector(".exercise")?.dispatchEvent(new CustomEvent("borg:restore", {
      detail: { answer: input.answer, text: input.text, result: null, later: answerWhenSent(id) },
    }));
  }
}

/** Say the page is done: a mark below its heading, and once, out loud, when it just was. */
function completed(main, page, { quiet = false } = {}) {
  const heading = main.querySelector("h1");
  if (!heading) return;
  let place = main.querySelector(".page-done");
  if (!place) heading.after(place = h("p", { class: "page-done" }));
  if (place.querySelector(".done-mark")) return;
  place.append(h("span", { class: "done-mark" }, "Afgerond"));
  if (quiet) return;
  const what = { LearningModulePartPage: "dit onderdeel", LearningMicrolessonPage: "deze microles" }[
    page.__typename] || "deze module";
  document.getElementById("status").textContent = `Je hebt ${what} afgerond.`;
}
