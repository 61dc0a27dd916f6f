// "Mijn voortgang": the learning routes the learner follows, and their certificates of
// participation: a PDF each and a page that confirms it, and a form to get one for a
// module or route done.

import { query } from "../api.js";
import { h } from "../dom.js";
import { longDate, mutate } from "../mutations.js";
import { myRoutes, routePath } from "../route_tiles.js";

/** The routes the learner started, each with its progress; null without a learner. */
export function routesSection(progress, routes) {
  if (!progress) return null;
  return h("section", { class: "progress__section", "aria-labelledby": "progress-routes-title" },
    h("h2", { id: "progress-routes-title" }, "Mijn leerroutes"),
    routes.length
      ? h("ul", { class: "progress__modules" }, routes.map(routeItem))
      : h("p", {}, "Je volgt nog geen leerroute. ", h("a", { href: "/" },
        "Kies een leerroute op de startpagina"), "."));
}

function routeItem(item) {
  const { route, stepsDone, stepsTotal } = item;
  const next = item.steps.find((step) => !step.done);
  return h("li", { class: "progress__module stretched" },
    h("h3", { class: "progress__module-title" },
      h("a", { href: routePath(route.slug) }, route.title)),
    item.completed
      ? h("p", {}, h("span", { class: "done-mark" }, "Afgerond"),
        item.completedAt && ` op ${longDate(item.completedAt)}`)
      : h("p", {}, `${stepsDone} van ${stepsTotal} stappen gedaan`),
    !item.completed && h("progress", { max: stepsTotal, value: stepsDone,
      "aria-label": `${route.title}: ${stepsDone} van ${stepsTotal} stappen gedaan` }),
    next && h("p", { class: "muted" }, `Volgende stap: ${next.step.title}`,
      next.dueOn && `, uiterlijk ${longDate(next.dueOn)}`,
      next.overdue && h("span", { class: "overdue" }, " (te laat)")));
}

/** The learner's routes and certificates, asked at once; {routes, certificates}. */
export async function routesAndCertificates(progress) {
  if (!progress) return { routes: [], certificates: [] };
  const certificates = myCertificates();
  return { routes: await myRoutes(), certificates: await certificates };
}

/** The learner's certificates (docs/queries/my_certificates.graphql), or [] (none, or no
 * answer). */
export function myCertificates() {
  return query("my_certificates").then((data) => data.me?.certificates || [], () => []);
}

const PROBLEMS = [
  ["INVALID_NAME", "Typ je naam zoals die op het bewijs moet staan: op één regel, hoogstens "
    + "100 tekens."],
  ["TOO_MANY_CERTIFICATES", "Je hebt voor dit onderwerp al 5 bewijzen, elk met een andere "
    + "naam. Meer kan niet."],
  ["NOT_COMPLETED", "Je hebt dit nog niet helemaal afgerond."],
  ["UNKNOWN_MODULE", "Deze module bestaat niet meer."],
  ["UNKNOWN_ROUTE", "Deze leerroute bestaat niet meer."],
];

/**
 * The certificates of participation (a download and a page that confirms each), and for
 * each module and route done without one a form to get it ("without one": no certificate
 * whose subject is that module or route).
 */
export function certificatesSection(progress, doneModules, routes, certificates) {
  if (!progress) return null;
  const held = new Set(certificates.map(({ subject }) =>
    `${subject.kind.toLowerCase()}-${subject.id}`));
  const subjects = [
    ...doneModules.map((item) => ({ input: { module: item.module.id },
      title: item.module.title, id: `module-${item.module.id}` })),
    ...routes.filter((item) => item.completed).map((item) => ({
      input: { route: item.route.id }, title: item.route.title, id: `route-${item.route.id}` })),
  ].filter((subject) => !held.has(subject.id));
  return h("section", { class: "progress__section", "aria-labelledby": "certificates-title" },
    h("h2", { id: "certificates-title" }, "Bewijzen van deelname"),
    certificates.length
      ? h("ul", { class: "progress__modules certificates" }, certificates.map(certificateItem))
      : h("p", {}, subjects.length ? "Je hebt nog geen bewijs van deelname. Maak er hieronder "
        + "een." : "Rond een module of leerroute af: dan kun je hier een bewijs van "
        + "deelname maken, met je naam erop."),
    subjects.map((subject) => issueForm(subject)));
}

/** One certificate: its title, name, code, the PDF and the page that confirms it. */
export function certificateItem(certificate) {
  return h("li", { class: "progress__module certificate" },
    h("h3", { class: "progress__module-title" }, certificate.title),
    h("p", {}, `Op naam van ${certificate.name}, afgerond op ${longDate(certificate.completedOn)}`),
    h("p", { class: "muted" }, `Code ${certificate.code}`),
    h("p", { class: "certificate__links" },
      h("a", { href: certificate.pdfUrl, download: "", class: "button" },
        "Download (pdf)", h("span", { class: "visually-hidden" }, `: ${certificate.title}`)),
      h("a", { href: verifyUrl(certificate), class: "certificate__verify" },
        "Controleer dit bewijs",
        h("span", { class: "visually-hidden" }, `: ${certificate.title}`))));
}

/** The public page that confirms a certificate. `me.certificates` (my_certificates.graphql)
 * does not ask for its verifyUrl; the page lives next to the PDF: <code>/ for <code>.pdf. */
function verifyUrl(certificate) {
  return certificate.verifyUrl || certificate.pdfUrl.replace(/\.pdf$/, "/");
}

/**
 * "Naam op je bewijs" + "Maak bewijs van deelname" for one module or route done;
 * `subject`: {input, title, id}. Under the subject's title as a heading, unless `heading`
 * is false (the route's own screen); `issued` shows the new certificate (by default the
 * screen again).
 */
export function issueForm(subject, { heading = true, issued = rerender } = {}) {
  const field = h("input", { id: `certificate-name-${subject.id}`, name: "name",
    autocomplete: "name", required: true, maxlength: 100 });
  const problem = h("p", { class: "problem", role: "alert" });
  const form = h("form", { class: "certificate-form", novalidate: true },
    heading && h("h3", {}, subject.title),
    h("div", { class: "field" }, h("label", { for: field.id }, "Naam op je bewijs"),
      h("div", { class: "search-form__row" }, field,
        h("button", { type: "submit", class: "button" }, "Maak bewijs van deelname"))),
    problem);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const name = field.value.trim();
    if (!name) {
      problem.textContent = "Typ eerst je naam.";
      field.focus();
      return;
    }
    const button = form.querySelector("button");
    button.disabled = true;
    const answer = await mutate("issue_certificate", { input: { ...subject.input, name } },
      "issueCertificate", PROBLEMS);
    if (answer.problem) {
      button.disabled = false;
      problem.textContent = answer.problem;
      field.focus();
      return;
    }
    issued(answer);
  });
  return form;
}

/** The screen again, with the certificate in the list. */
function rerender() {
  document.dispatchEvent(new CustomEvent("borg:rerender"));
}
