// Any page of the site by its path; the page's type says which screen renders it.

import { NotFound, query } from "../api.js";
import { learnSiteOrigin } from "../links.js";

// The screen of each page type, loaded when a page of that type is first shown.
const SCREENS = {
  LearningSectionPage: () => import("./section.js").then((screen) => screen.sectionScreen),
  LearningBasicModulePage: () => import("./module.js").then((screen) => screen.basicModuleScreen),
  LearningSpecialistModulePage: () => import("./module.js")
    .then((screen) => screen.specialistModuleScreen),
  LearningModulePartPage: () => import("./module.js").then((screen) => screen.partScreen),
  LearningMicrolessonPage: () => import("./microlesson.js")
    .then((screen) => screen.microlessonScreen),
  LearningCataloguePage: () => import("./catalogue.js").then((screen) => screen.catalogueScreen),
  LearningEnvironmentPage: () => import("./start.js").then((screen) => screen.startScreen),
};

/** The screen for a page from the "page" query. */
export async function pageToScreen(page) {
  const load = page && SCREENS[page.__typename];
  if (!load) throw new NotFound();
  learnSiteOrigin(page.url);
  return (await load())(page);
}

export async function pageScreen(path) {
  const { page } = await query("page", { path });
  return pageToScreen(page);
}
