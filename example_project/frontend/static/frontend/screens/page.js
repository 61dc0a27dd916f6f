// Any page of the site by its path; the page's type says which screen renders it.

import { query } from "../api.js";
import { NotFound } from "../errors.js";
import { learnSiteOrigin } from "../links.js";
import { catalogueScreen } from "./catalogue.js";
import { basicModuleScreen, partScreen, specialistModuleScreen } from "./module.js";
import { sectionScreen } from "./section.js";
import { startScreen } from "./start.js";

const SCREENS = {
  LearningSectionPage: sectionScreen,
  LearningBasicModulePage: basicModuleScreen,
  LearningSpecialistModulePage: specialistModuleScreen,
  LearningModulePartPage: partScreen,
  LearningCataloguePage: catalogueScreen,
  LearningEnvironmentPage: startScreen,
};

/** The screen for a page from the "page" query. */
export function pageToScreen(page) {
  const screen = page && SCREENS[page.__typename];
  if (!screen) throw new NotFound();
  learnSiteOrigin(page.url);
  return screen(page);
}

export async function pageScreen(path) {
  const { page } = await query("page", { path });
  return pageToScreen(page);
}
