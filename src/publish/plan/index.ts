/** The CI-neutral publish planner (see images.ts). */
export { defaultImageName } from './default-name.js';
export { DEFAULT_TAG_TEMPLATES, renderTags } from './tags.js';
export { PlanError, planImageSet, type ImageToPlan, type PlannedImageSet } from './images.js';
