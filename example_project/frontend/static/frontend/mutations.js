// The learner's mutations (progress, routes, certificates): their payload, or what to tell
// the learner in Dutch when the API refused or could not be reached.

import { ApiError, Queued, query } from "./api.js";

export const PROBLEM = "Er ging iets mis. Probeer het over een paar minuten opnieuw.";

// Error codes every learner mutation may answer.
const COMMON = [
  ["RATE_LIMITED", "Er is vanaf dit adres veel tegelijk gevraagd. Probeer het over een uur "
    + "opnieuw."],
  ["UNKNOWN_LEARNER", "Dit apparaat kent je voortgang niet meer. Er is niets bewaard."],
  ["NO_LEARNER", "Op dit apparaat is nog geen voortgang bewaard."],
];

/** Run mutation `name` and return its `field` payload, or `{problem}`: the message of the
 * first error code found in `problems` ([code, text] pairs), else a general one. Without a
 * connection, a learner's progress is kept on the device by the service worker:
 * `{queued: true, later}`, where `later` settles with the payload (or the problem) once it
 * was sent, if this page is still open. */
export async function mutate(name, variables, field, problems = []) {
  let payload;
  try {
    payload = (await query(name, variables))[field];
  } catch (error) {
    if (error instanceof Queued) return { queued: true, later: whenSent(error, field, problems) };
    return { problem: failure(error) };
  }
  return outcome(payload, problems);
}

/** What a mutation kept on the device (`queued`, a `Queued` or its id) got once it was
 * sent: the payload or `{problem}`, as `mutate` gives them. learner.js says
 * "borg:progressed" for it. */
export function whenSent(queued, field, problems = []) {
  const sent = queued instanceof Queued ? queued.sent : new Queued(queued).sent;
  return sent.then((answer) => outcome(answer.data?.[field], problems, false));
}

function outcome(payload, problems, announce = true) {
  if (!payload) return { problem: PROBLEM };
  const codes = payload.errors.map((error) => error.code);
  if (!codes.length) {
    if (announce) progressed();
    return payload;
  }
  return { problem: [...problems, ...COMMON].find(([code]) => codes.includes(code))?.[1]
    || PROBLEM, codes,
  unknownLearner: codes.includes("UNKNOWN_LEARNER") || codes.includes("NO_LEARNER") };
}

/** Tell the header that the learner did something that may have paid points (points.js
 * asks the total again). */
export function progressed() {
  document.dispatchEvent(new CustomEvent("borg:progressed"));
}

function failure(error) {
  if (error instanceof ApiError && error.kind === "unreachable") {
    return "We krijgen geen verbinding met de server. Probeer het zo opnieuw.";
  }
  return PROBLEM;
}

/** "30 november 2026" for a date ("2026-11-30") or a moment. */
export function longDate(iso) {
  const moment = iso.length === 10 ? new Date(`${iso}T12:00`) : new Date(iso);
  return moment.toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
}

/** Today on this device, as the API's Date ("2026-11-30"). */
export function today() {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map((number) => String(number).padStart(2, "0")).join("-");
}
