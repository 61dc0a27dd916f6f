// Learning routes: the list of all of them (/leerroutes/) and one route
// (/leerroutes/<slug>/): its story, its steps in order with their deadlines, and the
// learner's progress on it: start it, mark an offer or assignment done (and undo that);
// module, part and microlesson steps are done by completing them. A route done earns a certificate of
// participation, made and downloaded right here.

import { cachedQuery, NotFound, query } from "../api.js";
import { fact, h, richText } from "../dom.js";
import { localHref } from "../links.js";
import { longDate, mutate, today } from "../mutations.js";
import { rememberRoute } from "../route_back.js";
import { bySlug, duration, myRoutes, ROUTES_PATH, routeTile } from "../route_tiles.js";
import { certificateItem, issueForm, myCertificates } from "./progress_routes.js";

const KINDS = { MODULE: "Module", PART: "Onderdeel van een module", MICROLESSON: "Microles",
  OFFER: "Training of cursus", ASSIGNMENT: "Opdracht op je werkplek" };
const DONE_BY_COMPLETING = { MODULE: "Gedaan zodra je deze module hebt afgerond.",
  PART: "Gedaan zodra je dit onderdeel hebt afgerond.",
  MICROLESSON: "Gedaan zodra je deze microles hebt afgerond." };

const PROBLEMS = [
  ["INVALID_DATE", "Die datum ligt in de toekomst. Kies vandaag of een dag eerder."],
  ["NOT_STARTED", "Start eerst de route."],
  ["UNKNOWN_STEP", "Deze stap hoort niet (meer) bij de route. Laad de pagina opnieuw."],
  ["UNKNOWN_ROUTE", "Deze route bestaat niet meer."],
];

/** The learner's progress on the route with this slug, or null (not started, no learner). */
async function progressOn(slug) {
  return bySlug(await myRoutes()).get(slug) || null;
}

/** Every published route, each with the roles it is for, its duration and how far the
 * learner is on it. */
export async function routeListScreen() {
  const [{ routes }, mine] = await Promise.all([cachedQuery("routes"), myRoutes()]);
  const progress = bySlug(mine);
  const content = h("div", { class: "route-list" },
    h("h1", {}, "Leerroutes"),
    h("p", { class: "lead" }, "Een leerroute zet op een rij wat je in welke volgorde doet: "
      + "modules online, trainingen en opdrachten op je werkplek. Kies de route voor jouw "
      + "functie; je kunt er meer volgen."),
    routes.length
      ? h("ul", { class: "tiles" }, routes.map((route) => routeTile(route,
        { heading: "h2", progress: progress.get(route.slug) })))
      : h("p", {}, "Er zijn nog geen leerroutes."));
  return { kind: "routes", title: "Leerroutes", content };
}

export async function routeScreen(slug) {
  const [answer, progress] = await Promise.all([query("route", { slug }), progressOn(slug)]);
  const { route } = answer;
  if (!route) throw new NotFound();
  const image = route.image?.rendition;
  const place = h("div", { class: "route__progress-place" });
  const steps = h("ol", { class: "route__steps" });
  const content = h("article", { class: "route" },
    h("p", { class: "route__kicker" }, h("a", { href: ROUTES_PATH }, "Leerroutes"),
      " · Leerroute"),
    h("h1", {}, route.title),
    image && h("img", { src: image.url, srcset: route.image.srcset,
      sizes: "(min-width: 32rem) 30rem, 100vw", width: image.width, height: image.height,
      alt: "", class: "route__image" }),
    h("dl", { class: "facts" },
      fact("Totale duur", duration(route.durationMinutes)),
      fact("Stappen", String(route.steps.length)),
      route.audienceRoles.length > 0 && fact("Voor",
        route.audienceRoles.map((role) => role.label).join(", "))),
    richText(route.intro),
    place,
    h("h2", { id: "route-steps-title" }, "De stappen"),
    steps);
  steps.setAttribute("aria-labelledby", "route-steps-title");

  /** Show the route with the learner's progress; `focus`: the id of what to focus after. */
  async function draw(current, focus) {
    // A route done: the certificates for it, or the form to get one.
    const certificates = current?.completed ? await routeCertificates(route) : [];
    place.replaceChildren(progressBox(route, current, start),
      ...(current?.completed ? [certificateBox(route, certificates, issued)] : []));
    steps.replaceChildren(...route.steps.map((step, index) => stepItem(step, index,
      current?.steps.find((item) => item.step.id === step.id), current, route, change)));
    if (focus) document.getElementById(focus)?.focus();
  }

  /** A certificate made: shown in the box, with focus on it. */
  function issued() {
    return progressOn(route.slug).then((current) => draw(current, "route-certificate"));
  }

  async function start(button, problem) {
    button.disabled = true;
    const started = await mutate("start_route", { route: route.slug }, "startRoute", PROBLEMS);
    if (started.problem) {
      button.disabled = false;
      problem.textContent = started.problem;
      return;
    }
    draw(await progressOn(route.slug), "route-status");
  }

  /** After a step was marked or unmarked: the route again, focus where it was; on the
   * route's status when that mark completed the route. */
  async function change(focus) {
    const current = await progressOn(route.slug);
    await draw(current, current?.completed ? "route-status" : focus);
  }

  await draw(progress);
  return { kind: "route", title: route.title, content };
}

/** "Start deze route", or how far the learner is: done of total, with a progress bar. */
function progressBox(route, progress, start) {
  if (!progress) {
    const problem = h("p", { class: "problem", role: "alert" });
    const button = h("button", { type: "button", class: "button" }, "Start deze route");
    button.addEventListener("click", () => start(button, problem));
    return h("div", { class: "route__progress" },
      h("p", {}, "Start de route: dan zie je per stap tot wanneer je hebt, en houdt dit "
        + "apparaat bij wat je gedaan hebt. Zonder je naam."),
      h("p", {}, button), problem);
  }
  const { stepsDone, stepsTotal } = progress;
  return h("div", { class: "route__progress" },
    h("p", { id: "route-status", class: "route__status", tabindex: "-1", role: "status" },
      progress.completed
        ? [h("span", { class: "done-mark" }, "Route afgerond"),
          progress.completedAt && ` op ${longDate(progress.completedAt)}`]
        : `${stepsDone} van ${stepsTotal} stappen gedaan`),
    h("progress", { max: stepsTotal, value: stepsDone,
      "aria-label": `${route.title}: ${stepsDone} van ${stepsTotal} stappen gedaan` }),
    h("p", { class: "muted" }, `Gestart op ${longDate(progress.startedAt)}.`,
      progress.completed && ` Je hebt alle ${stepsTotal} stappen gedaan.`));
}

/** The learner's certificates for this route. */
async function routeCertificates(route) {
  return (await myCertificates()).filter(({ subject }) =>
    subject.kind === "ROUTE" && subject.id === route.id);
}

/** A route done: its certificate of participation (the PDF and the page that confirms it),
 * or the learner's name to put on one. */
function certificateBox(route, certificates, issued) {
  const subject = { input: { route: route.id }, title: route.title, id: `route-${route.id}` };
  return h("section", { class: "route__certificate", "aria-labelledby": "route-certificate" },
    h("h2", { id: "route-certificate", tabindex: "-1" }, "Je bewijs van deelname"),
    certificates.length
      ? h("ul", { class: "progress__modules certificates" }, certificates.map(certificateItem))
      : [h("p", {}, "Typ je naam zoals die op het bewijs moet staan. Je krijgt een pdf met "
        + "een code, waarmee je werkgever kan controleren dat het klopt."),
      issueForm(subject, { heading: false, issued })]);
}

function stepItem(step, index, done, progress, route, change) {
  const slug = route.slug;
  const target = step.module?.path || step.part?.path || step.microlesson?.path
    || step.offering?.url;
  const title = target ? h("a", { href: localHref(target) }, step.title) : step.title;
  // A module, part or microlesson shows the way back to this route.
  if (target && !step.offering) title.addEventListener("click", () => rememberRoute(route));
  const deadline = step.withinDays && [`Binnen ${step.withinDays} dagen na je start`,
    done?.dueOn && `: uiterlijk ${longDate(done.dueOn)}`].filter(Boolean).join("");
  return h("li", { class: `route-step${done?.done ? " is-done" : ""}`, id: `step-${step.id}` },
    h("p", { class: "route-step__kind" }, `Stap ${index + 1} · ${KINDS[step.kind]}`),
    h("h3", { class: "route-step__title" }, title),
    step.offering?.provider && h("p", { class: "muted" }, `Door ${step.offering.provider.name}`),
    h("p", { class: "route-step__meta" }, [step.durationMinutes && duration(step.durationMinutes),
      deadline].filter(Boolean).join(" · "),
    done?.overdue && !done.done && h("span", { class: "overdue" }, " · te laat")),
    step.description && h("p", {}, step.description),
    done?.done && h("p", { class: "route-step__done" }, h("span", { class: "done-mark" }, "Gedaan"),
      done.doneOn && ` op ${longDate(done.doneOn)}`),
    progress && step.markedByLearner && marking(step, done, slug, change),
    !step.markedByLearner && !done?.done && progress && h("p", { class: "muted" },
      DONE_BY_COMPLETING[step.kind]));
}

/** "Markeer als gedaan" with the date it was done, or undo that mark. */
function marking(step, done, slug, change) {
  const problem = h("p", { class: "problem", role: "alert" });
  if (done?.done) {
    const undo = h("button", { type: "button", class: "button button--secondary",
      id: `undo-${step.id}` }, "Maak ongedaan");
    undo.addEventListener("click", async () => {
      undo.disabled = true;
      const answer = await mutate("unmark_route_step_done", { route: slug, step: step.id },
        "unmarkRouteStepDone", PROBLEMS);
      if (answer.problem) {
        undo.disabled = false;
        problem.textContent = answer.problem;
        return;
      }
      change(`done-on-${step.id}`);
    });
    return h("div", { class: "route-step__mark" }, h("p", {}, undo), problem);
  }
  const field = h("input", { type: "date", id: `done-on-${step.id}`, name: "doneOn",
    value: today(), max: today(), required: true });
  const form = h("form", { class: "route-step__mark", novalidate: true },
    h("div", { class: "field" }, h("label", { for: field.id }, "Gedaan op"), field),
    h("button", { type: "submit", class: "button" }, "Markeer als gedaan"),
    problem);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!field.value) {
      problem.textContent = "Kies de datum waarop je het deed.";
      field.focus();
      return;
    }
    const button = form.querySelector("button");
    button.disabled = true;
    const answer = await mutate("mark_route_step_done",
      { route: slug, step: step.id, doneOn: field.value }, "markRouteStepDone", PROBLEMS);
    if (answer.problem) {
      button.disabled = false;
      problem.textContent = answer.problem;
      field.focus();
      return;
    }
    change(`undo-${step.id}`);
  });
  return form;
}
