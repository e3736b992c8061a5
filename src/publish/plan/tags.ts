/** Tag templates rendered for one build, for every adapter alike. */
import { renderTagTemplate, type TagContext } from '../../reference/index.js';

/** Tags of an image when none are configured: the build (or run) number. */
export const DEFAULT_TAG_TEMPLATES: readonly string[] = ['{{build.number}}'];

/**
 * Renders `templates` (the defaults when empty) for `context`: sanitised, de-duplicated, in the
 * order written. A template whose value this build lacks (`{{tag}}` on a branch build) is
 * skipped and listed in `skipped`.
 *
 * @throws TagTemplateError `REF_TEMPLATE_*` for a template that is not valid
 */
export function renderTags(
  templates: readonly string[],
  context: TagContext,
): { tags: string[]; skipped: string[] } {
  const tags: string[] = [];
  const skipped: string[] = [];
  for (const template of templates.length > 0 ? templates : DEFAULT_TAG_TEMPLATES) {
    const tag = renderTagTemplate(template, context, { missing: 'skip' });
    if (tag === undefined) skipped.push(template);
    else if (!tags.includes(tag)) tags.push(tag);
  }
  return { tags, skipped };
}
