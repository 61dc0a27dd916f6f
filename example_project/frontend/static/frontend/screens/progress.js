// "Mijn voortgang": the modules the learner is working on and has done, continuing on
// another device with a transfer code, and the learner's own data: download it, or have
// it forgotten. The learner is the token on this device (api.js); no account, no name.

import { keepLearnerToken } from "../api.js";
import { h } from "../dom.js";
import { me } from "../learner.js";
import { longDate as date, mutate as learnerMutation } from "../mutations.js";
import { certificatesSection, routesAndCertificates, routesSection } from "./progress_routes.js";

const TITLE = "Mijn voortgang";

// What the learner just did (a code used, everything forgotten), said on the screen shown
// again after it.
let notice = null;

function showAgain(text) {
  notice = text;
  document.dispatchEvent(new CustomEvent("borg:rerender"));
}

export async function progressScreen() {
  const progress = await me({ modules: null, limit: 100 });
  const { routes, certificates } = await routesAndCertificates(progress);
  const modules = progress?.modules || [];
  const busy = modules.filter((module) => module.started && !module.completed);
  const done = modules.filter((module) => module.completed);
  const content = h("div", { class: "progress" },
    h("h1", {}, TITLE),
    notice && h("p", { class: "notice", role: "status" }, notice),
    progress
      ? h("p", { class: "lead" }, "Wat je in deze leeromgeving hebt gedaan. Dit apparaat "
        + "onthoudt het voor je, zonder je naam.")
      : h("p", { class: "lead" }, "Op dit apparaat heb je nog niets gedaan in de leeromgeving. "
        + "Begin aan een module: wat je leest en de antwoorden die je geeft worden dan "
        + "bewaard, zonder je naam."),
    h("p", {}, h("a", { href: "/mijn-badges/" }, "Mijn punten en badges")),
    progress && moduleList("Mee bezig", "busy", busy,
      "Je bent nog met geen enkele module bezig."),
    progress && moduleList("Afgerond", "done", done, "Je hebt nog geen module afgerond."),
    routesSection(progress, routes),
    certificatesSection(progress, done, routes, certificates),
    otherDevice(progress),
    progress && ownData());
  notice = null;
  return { kind: "progress", title: TITLE, content };
}

function moduleList(title, key, modules, empty) {
  const id = `progress-${key}-title`;
  return h("section", { class: "progress__section", "aria-labelledby": id },
    h("h2", { id }, title),
    modules.length
      ? h("ul", { class: "progress__modules" }, modules.map(moduleItem))
      : h("p", {}, empty));
}

function moduleItem(item) {
  const { module } = item;
  const parts = item.partsTotal > 1;
  return h("li", { class: "progress__module stretched" },
    h("h3", { class: "progress__module-title" }, h("a", { href: module.path }, module.title)),
    item.completed
      ? h("p", {}, h("span", { class: "done-mark" }, "Afgerond"),
        item.completedAt && ` op ${date(item.completedAt)}`)
      : h("p", {}, parts ? `${item.partsDone} van ${item.partsTotal} onderdelen afgerond`
        : "Begonnen, nog niet afgerond"),
    !item.completed && parts && h("progress", { max: item.partsTotal,
      value: item.partsDone, "aria-label": `${module.title}: ${item.partsDone} van `
        + `${item.partsTotal} onderdelen afgerond` }));
}

// --- Another device ---------------------------------------------------------------------

function otherDevice(progress) {
  return h("section", { class: "progress__section", "aria-labelledby": "device-title" },
    h("h2", { id: "device-title" }, "Verder op een ander apparaat"),
    progress && giveCode(),
    takeCode(progress));
}

/** A code to type on the other device: shown big, with until when it works. */
function giveCode() {
  const result = h("div", { class: "transfer", role: "status" });
  const button = h("button", { type: "button", class: "button" }, "Maak een code");
  button.addEventListener("click", async () => {
    button.disabled = true;
    const answer = await mutate("create_transfer_code", {}, "createTransferCode");
    button.disabled = false;
    if (answer.problem) {
      result.replaceChildren(h("p", { class: "problem" }, answer.problem));
      return;
    }
    button.textContent = "Maak een nieuwe code";
    result.replaceChildren(
      h("p", {}, "Typ deze code op je andere apparaat, op deze pagina bij ‘Heb je een code?’:"),
      h("p", { class: "transfer__code" }, answer.code),
      h("p", {}, `De code werkt één keer, tot ${dateTime(answer.expiresAt)}.`));
  });
  return h("div", { class: "progress__step" },
    h("p", {}, "Wil je verder op je telefoon, tablet of een andere computer? Maak een code en "
      + "typ die daar in. Je voortgang staat dan op beide apparaten."),
    h("p", {}, button),
    result);
}

/** The field for a code made on another device: this device takes over that progress
 * (and brings its own along). */
function takeCode(progress) {
  const field = h("input", { id: "transfer-code", name: "code", autocomplete: "off",
    autocapitalize: "characters", spellcheck: "false", required: true, maxlength: 20,
    "aria-describedby": "transfer-code-hint" });
  const result = h("div", { class: "transfer__result", role: "status" });
  const form = h("form", { class: "transfer-form" },
    h("h3", {}, "Heb je een code?"),
    h("p", { id: "transfer-code-hint", class: "muted" }, progress
      ? "Van een ander apparaat. Wat je hier al deed, neem je mee."
      : "Van een ander apparaat: dan ga je hier verder waar je daar was."),
    h("div", { class: "field" }, h("label", { for: field.id }, "Code van je andere apparaat"),
      h("div", { class: "search-form__row" }, field,
        h("button", { type: "submit", class: "button" }, "Gebruik code"))),
    result);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const code = field.value.trim();
    if (!code) {
      result.replaceChildren(h("p", { class: "problem" }, "Typ eerst de code."));
      field.focus();
      return;
    }
    const answer = await mutate("redeem_transfer_code", { code }, "redeemTransferCode");
    if (answer.problem) {
      result.replaceChildren(h("p", { class: "problem" }, answer.problem));
      field.focus();
      return;
    }
    // api.js keeps the new token; the screen shows this learner's progress now.
    showAgain("Gelukt: je gaat op dit apparaat verder waar je was.");
  });
  return form;
}

// --- The learner's own data ------------------------------------------------------------

function ownData() {
  return h("section", { class: "progress__section", "aria-labelledby": "data-title" },
    h("h2", { id: "data-title" }, "Jouw gegevens"),
    h("p", {}, "We bewaren alleen wat je in de leeromgeving doet: welke onderdelen je hebt "
      + "gedaan en je antwoorden. Geen naam, e-mailadres of IP-adres."),
    exportData(),
    forget());
}

function exportData() {
  const result = h("div", { role: "status" });
  const button = h("button", { type: "button", class: "button button--secondary" },
    "Download mijn gegevens");
  button.addEventListener("click", async () => {
    button.disabled = true;
    const answer = await mutate("export_my_data", {}, "exportMyData");
    button.disabled = false;
    if (answer.problem) {
      result.replaceChildren(h("p", { class: "problem" }, answer.problem));
      return;
    }
    const link = h("a", { href: URL.createObjectURL(new Blob([answer.json],
      { type: "application/json" })), download: "mijn-voortgang.json", hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    result.replaceChildren(h("p", {}, "Je gegevens staan in het bestand mijn-voortgang.json."));
  });
  return h("div", { class: "progress__step" }, h("p", {}, button), result);
}

/** "Vergeet mij", with a second step that says what it means before anything happens. */
function forget() {
  const place = h("div", { class: "progress__step forget" });
  const start = h("button", { type: "button", class: "button button--secondary" }, "Vergeet mij");
  const ask = () => {
    const yes = h("button", { type: "button", class: "button button--danger" },
      "Ja, verwijder alles");
    const no = h("button", { type: "button", class: "button button--secondary" }, "Nee, toch niet");
    const problem = h("div", { role: "alert" });
    const question = h("h3", { tabindex: "-1" }, "Weet je het zeker?");
    yes.addEventListener("click", async () => {
      yes.disabled = true;
      const answer = await mutate("forget_me", {}, "forgetMe");
      if (answer.problem && !answer.unknownLearner) {
        yes.disabled = false;
        problem.replaceChildren(h("p", { class: "problem" }, answer.problem));
        return;
      }
      keepLearnerToken(null);
      showAgain("Alles wat we over jou bewaarden is verwijderd.");
    });
    no.addEventListener("click", () => {
      place.replaceChildren(...first());
      start.focus();
    });
    place.replaceChildren(question,
      h("p", {}, "Alles wat de leeromgeving over jou bewaart wordt meteen verwijderd: je "
        + "voortgang, je antwoorden en je codes, ook op je andere apparaten. Dat kan niet "
        + "ongedaan worden gemaakt."),
      h("p", { class: "forget__actions" }, yes, no),
      problem);
    question.focus();
  };
  start.addEventListener("click", ask);
  const first = () => [h("p", {}, "Wil je niet dat we je voortgang bewaren? Dan verwijderen we "
    + "alles wat we over jou weten."), h("p", {}, start)];
  place.replaceChildren(...first());
  return place;
}

// --- Helpers ----------------------------------------------------------------------------

/** A mutation of the learner's: its payload, or `problem`: what to tell the learner. */
function mutate(name, variables, field) {
  return learnerMutation(name, variables, field, PROBLEMS);
}

const PROBLEMS = [
  ["INVALID_TRANSFER_CODE", "Deze code klopt niet, is al gebruikt of is ouder dan 24 uur. "
    + "Maak op je andere apparaat een nieuwe code."],
  ["RATE_LIMITED", "Er zijn vanaf dit adres veel codes gemaakt of geprobeerd. Probeer het over "
    + "een uur opnieuw."],
];

function dateTime(iso) {
  return new Date(iso).toLocaleString("nl-NL", { weekday: "long", day: "numeric",
    month: "long", hour: "2-digit", minute: "2-digit" });
}
