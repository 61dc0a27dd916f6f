// "Mijn punten en badges" (/mijn-badges/): the learner's points and level, the running
// challenges with their progress, the daily learning streak with the week's days and the
// planned free days ("vrije dagen", freeze days), and the badges: earned ones with their
// date and "Download als Open Badge", the others with what earns them and how far the
// learner is. One request for all of it (docs/queries/my_rewards.graphql). Without a
// learner on this device: the badges and challenges there are, and how to begin.
// Friendly, never pressing: a streak is a help, not a debt.

import { cachedQuery, learnerToken, query } from "../api.js";
import { h } from "../dom.js";
import { longDate, mutate, today } from "../mutations.js";

const TITLE = "Mijn punten en badges";

/** The screen; with a learner, everything from `me`, else the public lists. */
export async function rewardsScreen() {
  const mine = learnerToken() ? (await query("my_rewards")).me : null;
  const content = h("div", { class: "rewards" }, h("h1", {}, TITLE));
  if (mine) {
    content.append(
      pointsSection(mine.points),
      challengesSection(mine.challenges),
      new StreakSection(mine.streak).element,
      badgesSection(mine.badges, mine.streak),
      section("leaderboard", "Ranglijst",
        h("p", {}, "Wil je zien hoe je het deze week doet naast anderen? Op de ranglijst sta je "
          + "alleen als je zelf meedoet, onder een schuilnaam."),
        h("p", {}, h("a", { href: "/ranglijst/" }, "Naar de ranglijst van de week"))));
  } else {
    const [{ badges }, { challenges }] = await Promise.all([cachedQuery("badges"),
      cachedQuery("challenges")]);
    content.append(
      h("p", { class: "lead" }, "Op dit apparaat heb je nog geen punten. Rond een microles, "
        + "een onderdeel of een module af: dan verdien je punten, en badges als je verder komt."),
      challengesSection(challenges.map((challenge) => ({ challenge, done: null,
        target: challenge.target, completed: false }))),
      badgesSection(badges.map((badge) => ({ earned: false, badge, award: null,
        progress: null })), null));
  }
  return { kind: "rewards", title: TITLE, content };
}

function section(key, title, ...children) {
  const id = `rewards-${key}-title`;
  return h("section", { class: `rewards__section rewards__${key}`, "aria-labelledby": id },
    h("h2", { id }, title), ...children);
}

// --- Points -------------------------------------------------------------------------------

const RULES = {
  PART_COMPLETED: "Onderdeel afgerond",
  MODULE_COMPLETED: "Module afgerond",
  ROUTE_COMPLETED: "Leerroute afgerond",
  MICROLESSON_COMPLETED: "Microles afgerond",
  REVIEW_RECALLED: "Goed herhaald",
  STREAK_MILESTONE: "Dagen op rij",
};

function pointsSection(points) {
  const { level } = points;
  const next = level.pointsTo;
  return section("points", "Punten",
    h("p", { class: "rewards__total" },
      h("span", { "aria-hidden": "true", class: "rewards__star" }, "★"), " ",
      h("strong", {}, `${points.total} punten`), ` · Niveau ${level.number}: ${level.name}`),
    next === null || next === undefined
      ? h("p", {}, "Je hebt het hoogste niveau bereikt.")
      : [h("progress", { max: next - level.pointsFrom, value: points.total - level.pointsFrom,
        "aria-label": `Op weg naar niveau ${level.number + 1}` }),
      h("p", {}, `Nog ${next - points.total} punten tot niveau ${level.number + 1}.`)],
    points.recent.length
      ? [h("h3", {}, "Laatst verdiend"), h("ul", { class: "rewards__awards" },
        points.recent.map((award) => h("li", {},
          h("span", { class: "rewards__plus" }, `+${award.points}`), " ",
          award.rule === "STREAK_MILESTONE"
            ? `${award.subject.replace("streak:", "")} dagen op rij`
            : [RULES[award.rule] || "Punten", award.title && `: ${award.title}`],
          h("span", { class: "muted" }, ` · ${longDate(award.awardedAt)}`))))]
      : h("p", {}, "Rond een microles, onderdeel of module af om punten te verdienen."));
}

// --- Challenges ---------------------------------------------------------------------------

const GOALS = {
  MICROLESSONS: ["microles", "microlessen"],
  PARTS: ["onderdeel", "onderdelen"],
  MODULES: ["module", "modules"],
  REVIEWS: ["herhaalde oefening", "herhaalde oefeningen"],
  RECALLED: ["goed herhaalde oefening", "goed herhaalde oefeningen"],
  LEARNING_DAYS: ["leerdag", "leerdagen"],
};

/** "5 microlessen", "1 microles". */
function counted(goal, count) {
  const [one, more] = GOALS[goal] || ["", ""];
  return `${count} ${count === 1 ? one : more}`;
}

function daysLeft(days) {
  if (days <= 0) return "afgelopen";
  return days === 1 ? "vandaag is de laatste dag" : `nog ${days} dagen`;
}

function challengesSection(entries) {
  if (!entries.length) return null;
  return section("challenges", entries.length === 1 ? "Uitdaging" : "Uitdagingen",
    h("ul", { class: "rewards__challenges" }, entries.map(challengeItem)));
}

function challengeItem({ challenge, done, target, completed, completedAt }) {
  const [, more] = GOALS[challenge.goal] || ["", ""];
  const progress = done === null ? `Doel: ${counted(challenge.goal, target)}`
    : `${Math.min(done, target)} van ${target} ${more}`;
  return h("li", { class: `challenge${completed ? " is-done" : ""}` },
    h("h3", { class: "challenge__title" }, challenge.title),
    challenge.description && h("p", {}, challenge.description),
    challenge.theme && h("p", { class: "muted" }, `Thema: ${challenge.theme.name}`),
    done !== null && h("progress", { max: target, value: Math.min(done, target),
      "aria-label": `${challenge.title}: ${progress}` }),
    h("p", { class: "challenge__progress" }, completed
      ? [h("span", { class: "done-mark" }, "Gehaald"),
        completedAt && ` op ${longDate(completedAt)}`]
      : `${progress} · ${daysLeft(challenge.daysLeft)}`));
}

// --- Streak and free days -----------------------------------------------------------------

const WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
  "zondag"];

// What to tell the learner when a free day is refused.
const FREEZE_PROBLEMS = [
  ["DATE_IN_PAST", "Die dag is al voorbij. Kies vandaag of een dag die nog komt."],
  ["TOO_MANY_FREEZES", "In die maand heb je alle vrije dagen al gepland. Kies een dag in een "
    + "andere maand, of haal eerst een geplande dag weg."],
  ["INVALID_DATE", "Kies een dag binnen een jaar vanaf vandaag."],
];

/** A date of the API ("2026-11-30") moved by `days`. */
function shifted(iso, days) {
  const [year, month, day] = iso.split("-").map(Number);
  const moment = new Date(Date.UTC(year, month - 1, day + days));
  return moment.toISOString().slice(0, 10);
}

function weekdayOf(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;  // Monday 0
}

/** "zaterdag 5 december". */
function dayName(iso) {
  return `${WEEKDAYS[weekdayOf(iso)]} ${longDate(iso).replace(/ \d{4}$/, "")}`;
}

/** "1 dag", "5 dagen". */
function days(count) {
  return `${count} ${count === 1 ? "dag" : "dagen"}`;
}

/**
 * How each day of this week (Monday to Sunday, the server's today in it) stands: "learned",
 * "free" (a planned free day), "today" (not yet) or nothing. The learning days are those
 * of the streak, counted back from its end, passing the free days in it.
 */
export function weekOf(streak) {
  const frozen = new Set(streak.frozenDays);
  const states = new Map();
  const alive = streak.learnedToday || frozen.has(streak.today);
  let day = alive ? streak.today : shifted(streak.today, -1);
  let left = streak.days;
  while (left > 0 || frozen.has(day)) {
    if (frozen.has(day)) states.set(day, "free");
    else {
      states.set(day, "learned");
      left -= 1;
    }
    day = shifted(day, -1);
    if (states.size > 7 + streak.days) break;
  }
  const monday = shifted(streak.today, -weekdayOf(streak.today));
  return Array.from({ length: 7 }, (_, index) => {
    const date = shifted(monday, index);
    let state = states.get(date) || (frozen.has(date) ? "free" : null);
    if (!state && date === streak.today) state = "today";
    return { date, state };
  });
}

const DAY_STATES = {
  learned: ["✓", "geleerd"],
  free: ["☾", "vrije dag"],
  today: ["", "vandaag"],
};

/** The streak: days in a row, the week, and the free days with their planning. */
class StreakSection {
  constructor(streak) {
    this.streak = streak;
    this.summary = h("div", { class: "streak__summary" });
    this.planned = h("div", { class: "streak__planned" });
    this.note = h("p", { class: "streak__note", role: "status" });
    this.problem = h("p", { class: "problem", role: "alert", id: "free-day-problem" });
    this.field = h("input", { type: "date", id: "free-day", name: "date", min: today(),
      required: true, "aria-describedby": "free-day-problem" });
    this.button = h("button", { type: "submit", class: "button" }, "Plan een vrije dag");
    const form = h("form", { class: "streak__form", novalidate: true },
      h("div", { class: "field" }, h("label", { for: this.field.id }, "Dag waarop je vrij bent"),
        this.field),
      this.button,
      this.problem);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.plan();
    });
    this.element = section("streak", "Dagen op rij",
      this.summary,
      h("h3", {}, "Vrije dagen"),
      h("p", {}, "Werk je in ploegen of ga je op vakantie? Plan een vrije dag: je reeks loopt "
        + "dan gewoon door, ook als je die dag niet leert."),
      this.planned,
      form,
      this.note);
    this.render();
  }

  render() {
    const { streak } = this;
    const upcoming = streak.frozenDays.filter((day) => day >= streak.today);
    this.summary.replaceChildren(...[
      h("p", { class: "streak__days" }, streak.days
        ? h("strong", {}, `${days(streak.days)} op rij`)
        : "Je reeks begint op de dag dat je iets leert."),
      streak.days > 0 && !streak.learnedToday && !upcoming.includes(streak.today)
        && h("p", {}, "Leer je vandaag iets, dan komt er een dag bij."),
      h("ol", { class: "streak__week", "aria-label": "Deze week" }, weekOf(streak).map(weekDay)),
      streak.longest > streak.days && h("p", { class: "muted" },
        `Je langste reeks tot nu toe: ${days(streak.longest)}.`),
    ].filter(Boolean));
    this.planned.replaceChildren(
      upcoming.length
        ? h("ul", { class: "streak__free-days", "aria-label": "Geplande vrije dagen" },
          upcoming.map((day) => this.plannedDay(day)))
        : h("p", {}, "Je hebt geen vrije dagen gepland."),
      h("p", { class: "muted" }, streak.freezesLeftThisMonth === 1
        ? "Deze maand kun je nog 1 vrije dag plannen."
        : `Deze maand kun je nog ${streak.freezesLeftThisMonth} vrije dagen plannen.`));
  }

  plannedDay(day) {
    const cancel = h("button", { type: "button", class: "button button--secondary",
      "aria-label": `Haal vrije dag van ${dayName(day)} weg` }, "Haal weg");
    cancel.addEventListener("click", async () => {
      cancel.disabled = true;
      const done = await this.change("cancel_streak_freeze", "cancelStreakFreeze", day);
      if (done) {
        this.note.textContent = `Vrije dag van ${dayName(day)} weggehaald.`;
        this.field.focus();
      } else cancel.disabled = false;
    });
    return h("li", {}, h("span", {}, dayName(day)), cancel);
  }

  async plan() {
    const day = this.field.value;
    this.note.textContent = "";
    if (!day) {
      this.problem.textContent = "Kies de dag waarop je vrij bent.";
      this.field.focus();
      return;
    }
    this.button.disabled = true;
    const done = await this.change("plan_streak_freeze", "planStreakFreeze", day);
    this.button.disabled = false;
    if (done) {
      this.field.value = "";
      this.note.textContent = `Vrije dag gepland op ${dayName(day)}.`;
    } else this.field.focus();
  }

  /** Plan or cancel `day`; true when it was done (the streak shown anew), else the
   * refusal said in Dutch. */
  async change(name, field, day) {
    this.problem.textContent = "";
    const payload = await mutate(name, { input: { dates: [day] } }, field, FREEZE_PROBLEMS);
    if (payload.problem) {
      this.problem.textContent = payload.problem;
      return false;
    }
    const past = this.streak.frozenDays.filter((date) => date < this.streak.today);
    this.streak = { ...this.streak, days: payload.streak.days,
      freezesLeftThisMonth: payload.streak.freezesLeftThisMonth,
      frozenDays: [...past, ...payload.streak.frozenDays] };
    this.render();
    return true;
  }
}

function weekDay({ date, state }) {
  const [mark, word] = DAY_STATES[state] || ["", ""];
  const name = WEEKDAYS[weekdayOf(date)];
  return h("li", { class: `streak__day${state ? ` is-${state}` : ""}` },
    h("span", { class: "streak__day-name", "aria-hidden": "true" }, name.slice(0, 2)),
    h("span", { class: "streak__mark", "aria-hidden": "true" }, mark),
    h("span", { class: "visually-hidden" }, word ? `${name}: ${word}` : name));
}

// --- Badges -------------------------------------------------------------------------------

const UNITS = {
  MODULES: "modules",
  THEME: "modules",
  ROUTE: "leerroutes",
  REVIEWS: "oefeningen goed herhaald",
  FIRST_MICROLESSON: "microlessen",
  STREAK: "dagen op rij",
};

function badgesSection(entries, streak) {
  const earned = entries.filter((entry) => entry.earned);
  const open = entries.filter((entry) => !entry.earned);
  return section("badges", "Badges",
    streak && h("section", { class: "badges__group", "aria-labelledby": "badges-earned-title" },
      h("h3", { id: "badges-earned-title" }, "Verdiend"),
      earned.length
        ? [h("p", {}, "Met “Download als Open Badge” krijg je een bestand (.jwt) dat bewijst "
          + "dat je de badge verdiende; je kunt het bewaren of in een badge-wallet zetten."),
        h("ul", { class: "badges" }, earned.map(earnedBadge))]
        : h("p", {}, "Je hebt nog geen badges. Hieronder zie je hoe je ze verdient.")),
    open.length > 0 && h("section", { class: "badges__group",
      "aria-labelledby": "badges-open-title" },
    h("h3", { id: "badges-open-title" }, streak ? "Nog te verdienen" : "Te verdienen"),
    h("ul", { class: "badges" }, open.map((entry) => openBadge(entry, streak)))));
}

function badgeImage(badge) {
  const rendition = badge.image?.rendition;
  if (!rendition) return null;
  return h("img", { class: "badge-card__image", src: rendition.url, width: rendition.width,
    height: rendition.height, alt: badge.imageDescription || "" });
}

function earnedBadge({ badge, award }) {
  const note = h("p", { class: "badge-card__note", role: "status" });
  const button = h("button", { type: "button", class: "button button--secondary" },
    "Download als Open Badge");
  button.addEventListener("click", () => download(award, button, note));
  return h("li", { class: "badge-card is-earned" },
    badgeImage(badge),
    h("div", { class: "badge-card__text" },
      h("h4", { class: "badge-card__name" }, award.name),
      award.description && h("p", {}, award.description),
      h("p", {}, h("span", { class: "done-mark" }, "Verdiend"),
        ` op ${longDate(award.awardedAt)}`),
      h("p", {}, button),
      note));
}

function openBadge({ badge, progress }, streak) {
  const count = badge.criterion === "STREAK" && streak
    ? { done: Math.min(streak.days, badge.count), target: badge.count } : progress;
  const unit = UNITS[badge.criterion] || "";
  return h("li", { class: "badge-card" },
    badgeImage(badge),
    h("div", { class: "badge-card__text" },
      h("h4", { class: "badge-card__name" }, badge.name),
      h("p", {}, badge.criterionText),
      count && count.target > 1 && [
        h("progress", { max: count.target, value: count.done,
          "aria-label": `${badge.name}: ${count.done} van ${count.target} ${unit}` }),
        h("p", { class: "badge-card__progress" }, `${count.done} van ${count.target} ${unit}`)]));
}

const EXPORT_PROBLEMS = [
  ["NO_SIGNING_KEY", "Deze leeromgeving kan nog geen Open Badges maken. Vraag het Borgbureau "
    + "ernaar."],
  ["UNKNOWN_AWARD", "Deze badge staat niet meer op je naam. Laad de pagina opnieuw."],
];

/** The award as an Open Badges 3.0 credential, saved as a .jwt file. */
async function download(award, button, note) {
  button.disabled = true;
  note.textContent = "";
  const payload = await mutate("export_badge_credential", { input: { award: award.id } },
    "exportBadgeCredential", EXPORT_PROBLEMS);
  button.disabled = false;
  if (payload.problem) {
    note.className = "badge-card__note problem";
    note.textContent = payload.problem;
    return;
  }
  const name = `badge-${award.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")}.jwt`;
  const url = URL.createObjectURL(new Blob([payload.credential], { type: "application/jwt" }));
  const link = h("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  note.className = "badge-card__note";
  note.textContent = `Gedownload als ${name}.`;
}
