import { Args, Flags } from '@oclif/core';
import { renderTagTemplate, TagTemplateError, type TagContext } from '../../reference/index.js';
import { BaseCommand } from '../base-command.js';

/** `container-package tag TEMPLATE...`: render tag templates into valid image tags. */
export default class TagCommand extends BaseCommand {
  static override summary =
    'Render tag templates such as "{{branch}}-{{build.number}}" into valid image tags.';
  static override description = [
    'Each TEMPLATE is rendered with the build context given by the flags and sanitised into a',
    'valid tag (at most 128 characters of letters, digits, "_", "." and "-"). Placeholders:',
    '{{branch}} {{build.number}} {{commit}} {{commit.short}} {{tag}} {{pipeline}} {{date}} {{timestamp}}.',
    'Plain text outside placeholders is kept, so "feature/Foo" becomes a valid tag too.',
  ].join(' ');

  static override examples = [
    '<%= config.bin %> tag "{{branch}}-{{build.number}}" --branch feature/Foo --build-number 42',
    '<%= config.bin %> tag latest "sha-{{commit.short}}" --commit "$BUILDKITE_COMMIT"',
  ];

  static override strict = false;
  static override args = {
    template: Args.string({ description: 'tag template', required: true }),
  };

  static override flags = {
    branch: Flags.string({ description: 'branch name for {{branch}}' }),
    'build-number': Flags.string({ description: 'build number for {{build.number}}' }),
    commit: Flags.string({ description: 'commit SHA for {{commit}} and {{commit.short}}' }),
    'git-tag': Flags.string({ description: 'git tag for {{tag}}' }),
    pipeline: Flags.string({ description: 'pipeline slug for {{pipeline}}' }),
    json: Flags.boolean({ description: 'print a JSON array of tags' }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(TagCommand);
    const context: TagContext = {
      ...(flags.branch !== undefined && { branch: flags.branch }),
      ...(flags['build-number'] !== undefined && { buildNumber: flags['build-number'] }),
      ...(flags.commit !== undefined && { commit: flags.commit }),
      ...(flags['git-tag'] !== undefined && { gitTag: flags['git-tag'] }),
      ...(flags.pipeline !== undefined && { pipeline: flags.pipeline }),
      date: new Date(),
    };
    const tags = (argv as string[]).map((template) => render(template, context));
    this.log(flags.json ? JSON.stringify(tags) : tags.join('\n'));
  }
}

/** The flag that gives each placeholder its value (`{{build.id}}` and `{{job.id}}` have none). */
const FLAG_OF: Readonly<Record<string, string>> = {
  branch: '--branch',
  build: '--build-number',
  'build.number': '--build-number',
  commit: '--commit',
  'commit.short': '--commit',
  tag: '--git-tag',
  pipeline: '--pipeline',
};

/** Renders `template`; a placeholder without a value names the flag that gives it one. */
function render(template: string, context: TagContext): string {
  try {
    return renderTagTemplate(template, context);
  } catch (error) {
    if (!(error instanceof TagTemplateError) || error.code !== 'REF_TEMPLATE_MISSING_VALUE') throw error;
    const flag = FLAG_OF[error.placeholder];
    throw new TagTemplateError(
      error.code,
      `{{${error.placeholder}}} in tag template ${JSON.stringify(template)} has no value`,
      {
        template,
        placeholder: error.placeholder,
        hint:
          flag === undefined
            ? `the CLI has no flag for {{${error.placeholder}}}: drop it from the template`
            : `give it with ${flag}, or drop {{${error.placeholder}}} from the template`,
      },
    );
  }
}
