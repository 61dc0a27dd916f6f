// "Ranglijst van de week" (/ranglijst/): opt-in, under a pseudonym the server draws. Before
// joining: what it is and a button to join, with an organisation or none. After: the
// learner's place on this week's board of everyone and of their organisation, with only
// the members just above and below (never the whole list, never names), the
// organisations' averages, and a new pseudonym, another organisation or leaving. One
// request for all of it (docs/queries/my_leaderboard.graphql).

import { learnerToken, query } from "../api.js";
import { h } from "../dom.js";
import { longDate, mutate } from "../mutations.js";

const TITLE = "Ranglijst van de week";

const PROBLEMS = [
  ["UNKNOWN_ORGANISATION", "Die organisatie staat er niet meer bij. Laad de pagina opnieuw."],
  ["ALREADY_JOINED", "Je doet al mee. Laad de pagina opnieuw."],
  ["NOT_JOINED", "Je doet niet (meer) mee met de ranglijst. Laad de pagina opnieuw."],
  ["TOO_MANY_PSEUDONYMS", "Vandaag kun je geen nieuwe schuilnaam meer kiezen. Morgen weer."],
];

/** The screen: with a learner who joined, their boards; else how to join. */
export async function leaderboardScreen() {
  const data = learnerToken()
    ? await query("my_leaderboard", {}, { tolerate: ["BOARD_TOO_SMALL"] })
    : null;
  const content = h("div", { class: "leaderboard" }, h("h1", {}, TITLE));
  const membership = data?.me?.leaderboardMembership;
  if (!data?.me) content.append(...withoutLearner());
  else if (!membership) content.append(...joinForm(data.leaderboardOrganisations));
  else content.append(...boards(data.me, data.leaderboardOrganisations));
  return { kind: "leaderboard", title: TITLE, content };
}

const ABOUT = "Op de ranglijst staan alleen wie zelf meedoen, onder een schuilnaam die de "
  + "leeromgeving voor je kiest: niemand ziet je naam. Je ziet alleen je eigen plaats en wie "
  + "net boven en onder je staan, met de punten van deze week (maandag tot en met zondag).";

function withoutLearner() {
  return [
    h("p", { class: "lead" }, ABOUT),
    h("p", {}, "Op dit apparaat heb je nog niets gedaan. Rond een microles of een onderdeel "
      + "af; daarna kun je hier meedoen."),
    h("p", {}, h("a", { href: "/" }, "Naar de start")),
  ];
}

function organisationField(organisations, chosen, label) {
  const select = h("select", { id: "leaderboard-organisation", name: "organisation" },
    h("option", { value: "" }, "Geen: alleen de ranglijst van iedereen"),
    organisations.map((organisation) => h("option", { value: organisation.slug,
      selected: organisation.slug === chosen || undefined }, organisation.name)));
  return [h("div", { class: "field" }, h("label", { for: select.id }, label), select), select];
}

function joinForm(organisations) {
  const [field, select] = organisationField(organisations, null,
    "Je organisatie (niet verplicht)");
  const problem = h("p", { class: "problem", role: "alert" });
  const button = h("button", { type: "submit", class: "button" }, "Doe mee");
  const form = h("form", { class: "leaderboard__form" }, field, button, problem);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    button.disabled = true;
    const payload = await mutate("join_leaderboard",
      { input: { organisation: select.value || null } }, "joinLeaderboard", PROBLEMS);
    if (payload.problem) {
      button.disabled = false;
      problem.textContent = payload.problem;
      return;
    }
    document.dispatchEvent(new CustomEvent("borg:rerender"));
  });
  return [
    h("p", { class: "lead" }, ABOUT),
    h("p", {}, "Meedoen is niet nodig om punten en badges te verdienen. Je kunt altijd weer "
      + "stoppen; dan verdwijnen je schuilnaam en je plaats op de ranglijst meteen."),
    form,
  ];
}

function section(key, title, ...children) {
  const id = `leaderboard-${key}-title`;
  return h("section", { class: `leaderboard__section leaderboard__${key}`,
    "aria-labelledby": id }, h("h2", { id }, title), ...children);
}

function points(count) {
  return `${count} ${count === 1 ? "punt" : "punten"}`;
}

function boards(me, organisations) {
  const { leaderboardMembership: membership, overall } = me;
  const week = overall.week;
  return [
    h("p", { class: "lead" }, "Je doet mee als ", h("strong", { class: "leaderboard__name" },
      membership.pseudonym), `. Punten van deze week: ${longDate(week.startsOn)
      .replace(/ \d{4}$/, "")} tot en met ${longDate(week.endsOn)}.`),
    section("overall", "Iedereen", board(overall, "iedereen die meedoet")),
    section("organisation", membership.organisation
      ? membership.organisation.name : "Jouw organisatie",
    membership.organisation ? board(me.organisation, "je organisatie")
      : h("p", {}, "Je hebt geen organisatie gekozen. Kies er hieronder een om ook de "
        + "ranglijst van je collega's te zien.")),
    totals(me.organisationTotals, membership.organisation),
    settings(membership, organisations),
    h("p", {}, h("a", { href: "/mijn-badges/" }, "Naar mijn punten en badges")),
  ];
}

function board(standing, who) {
  if (!standing.shown) {
    return h("p", {}, `Er doen deze week ${standing.size} van de ${standing.minimumSize} `
      + `mensen mee die nodig zijn om de ranglijst van ${who} te tonen. Zodra er genoeg zijn, `
      + "zie je hier je plaats.");
  }
  return [
    h("p", { class: "leaderboard__place" }, h("strong", {}, `Plaats ${standing.you.rank}`),
      ` van ${standing.size}, met ${points(standing.you.points)}.`),
    h("ol", { class: "leaderboard__list", "aria-label": `Jouw plaats bij ${who}` },
      standing.neighbours.map((member) => h("li", {
        class: `leaderboard__row${member.isYou ? " is-you" : ""}`,
        "aria-current": member.isYou ? "true" : undefined,
      },
      h("span", { class: "leaderboard__rank" }, `${member.rank}.`),
      h("span", { class: "leaderboard__pseudonym" }, member.pseudonym,
        member.isYou && h("span", { class: "leaderboard__you" }, " (jij)")),
      h("span", { class: "leaderboard__points" }, points(member.points))))),
  ];
}

function totals(entries, own) {
  if (!entries.length) return null;
  return section("totals", "Organisaties",
    h("p", {}, "Gemiddelde punten per deelnemer deze week, van organisaties waar genoeg "
      + "mensen meedoen."),
    h("table", { class: "leaderboard__totals" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Organisatie"),
        h("th", { scope: "col" }, "Deelnemers"), h("th", { scope: "col" }, "Gemiddeld"))),
      h("tbody", {}, entries.map((entry) => h("tr", {
        class: entry.organisation.slug === own?.slug ? "is-you" : undefined },
      h("th", { scope: "row" }, entry.organisation.name),
      h("td", {}, String(entry.members)),
      h("td", {}, entry.average.toLocaleString("nl-NL", { maximumFractionDigits: 1 })))))));
}

/** A new pseudonym, another organisation, or leaving. */
function settings(membership, organisations) {
  const problem = h("p", { class: "problem", role: "alert" });
  const run = async (button, name, variables, field) => {
    button.disabled = true;
    problem.textContent = "";
    const payload = await mutate(name, variables, field, PROBLEMS);
    button.disabled = false;
    if (payload.problem) problem.textContent = payload.problem;
    else document.dispatchEvent(new CustomEvent("borg:rerender"));
  };
  const left = membership.pseudonymsLeftToday;
  const draw = h("button", { type: "button", class: "button button--secondary",
    disabled: left ? undefined : true }, "Kies een andere schuilnaam");
  draw.addEventListener("click", () => run(draw, "new_pseudonym", {}, "newPseudonym"));
  const [field, select] = organisationField(organisations, membership.organisation?.slug,
    "Organisatie");
  const move = h("button", { type: "submit", class: "button button--secondary" },
    "Bewaar organisatie");
  const form = h("form", { class: "leaderboard__form" }, field, move);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(move, "change_leaderboard_organisation",
      { input: { organisation: select.value || null } }, "changeLeaderboardOrganisation");
  });
  const leave = h("button", { type: "button", class: "button button--secondary" },
    "Stop met de ranglijst");
  leave.addEventListener("click", () => {
    if (window.confirm("Stoppen met de ranglijst? Je schuilnaam en je plaats verdwijnen "
      + "meteen; je punten en badges blijven van jou.")) {
      run(leave, "leave_leaderboard", {}, "leaveLeaderboard");
    }
  });
  return section("settings", "Meedoen",
    h("p", {}, draw, " ", h("span", { class: "muted" }, left === 1
      ? "Vandaag kun je nog 1 keer een andere kiezen."
      : `Vandaag kun je nog ${left} keer een andere kiezen.`)),
    form,
    h("p", {}, leave),
    problem);
}
