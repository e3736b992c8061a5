import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  TAG_PLACEHOLDERS,
  TagTemplateError,
  isValidTag,
  renderTagTemplate,
  type TagContext,
} from '../../../src/reference/index.js';

const context: TagContext = {
  branch: 'feature/Login',
  buildNumber: 1234,
  commit: '0123456789abcdef0123456789abcdef01234567',
  gitTag: 'v1.2.3',
  pipeline: 'web-app',
  buildId: '0190e2c2-1111-2222-3333-444455556666',
  jobId: '0190e2c2-aaaa-bbbb-cccc-ddddeeeeffff',
  date: new Date('2024-03-05T07:08:09.123Z'),
};

describe('renderTagTemplate', () => {
  test.each([
    ['{{branch}}', 'feature-Login'],
    ['{{branch}}-{{build.number}}', 'feature-Login-1234'],
    ['build-{{build}}', 'build-1234'],
    ['{{commit}}', '0123456789abcdef0123456789abcdef01234567'],
    ['sha-{{commit.short}}', 'sha-0123456'],
    ['{{tag}}', 'v1.2.3'],
    ['{{pipeline}}-{{build.number}}', 'web-app-1234'],
    ['{{build.id}}', '0190e2c2-1111-2222-3333-444455556666'],
    ['{{job.id}}', '0190e2c2-aaaa-bbbb-cccc-ddddeeeeffff'],
    ['nightly-{{date}}', 'nightly-20240305'],
    ['{{timestamp}}', '20240305070809'],
    ['{{ branch }}', 'feature-Login'],
    ['{{\tcommit.short  }}', '0123456'],
    ['latest', 'latest'],
    ['release/{{tag}}', 'release-v1.2.3'],
    ['{{branch}}/{{commit.short}}', 'feature-Login-0123456'],
    ['.{{build}}', '1234'],
    ['x}}y', 'x-y'],
  ])('%j renders as %j', (template, expected) => {
    expect(renderTagTemplate(template, context)).toBe(expected);
  });

  test('a short commit shorter than 7 characters is used whole', () => {
    expect(renderTagTemplate('{{commit.short}}', { commit: 'abc' })).toBe('abc');
  });

  test('a build number 0 is a value, an empty string is not', () => {
    expect(renderTagTemplate('{{build}}', { buildNumber: 0 })).toBe('0');
    expect(renderTagTemplate('{{build}}', { buildNumber: '' }, { missing: 'skip' })).toBeUndefined();
  });

  test('the date is rendered in UTC whatever the local zone', () => {
    expect(renderTagTemplate('{{timestamp}}', { date: new Date('2023-12-31T23:59:59-05:00') })).toBe(
      '20240101045959',
    );
  });

  test('an unknown placeholder is named, with the known ones listed', () => {
    const run = (): string => renderTagTemplate('{{ brnch }}-x', context);
    expect(run).toThrow(TagTemplateError);
    expect(run).toThrow(
      expect.objectContaining({ code: 'REF_TEMPLATE_UNKNOWN_PLACEHOLDER', placeholder: 'brnch' }),
    );
    expect(run).toThrow(
      /unknown placeholder \{\{brnch\}\}.*known placeholders are \{\{branch\}\}, \{\{build\}\}/,
    );
  });

  test('an empty placeholder is unknown', () => {
    expect(() => renderTagTemplate('a{{}}b', context)).toThrow(
      expect.objectContaining({ code: 'REF_TEMPLATE_UNKNOWN_PLACEHOLDER', placeholder: '' }),
    );
  });

  test('inherited object keys are not placeholders', () => {
    expect(() => renderTagTemplate('{{toString}}', context)).toThrow(
      expect.objectContaining({ code: 'REF_TEMPLATE_UNKNOWN_PLACEHOLDER' }),
    );
  });

  test('an unclosed placeholder is a syntax error', () => {
    expect(() => renderTagTemplate('v-{{branch', context)).toThrow(
      expect.objectContaining({ code: 'REF_TEMPLATE_SYNTAX', template: 'v-{{branch' }),
    );
  });

  test.each([
    ['{{commit}}', 'BUILDKITE_COMMIT / GITHUB_SHA'],
    ['{{commit.short}}', 'BUILDKITE_COMMIT / GITHUB_SHA'],
    ['{{branch}}', 'BUILDKITE_BRANCH'],
    ['{{build.number}}', 'BUILDKITE_BUILD_NUMBER'],
    ['{{tag}}', 'BUILDKITE_TAG'],
    ['{{pipeline}}', 'BUILDKITE_PIPELINE_SLUG'],
    ['{{date}}', 'context.date'],
  ])('a missing value for %s names where it comes from (%s)', (template, source) => {
    const run = (): string => renderTagTemplate(template, {});
    expect(run).toThrow(expect.objectContaining({ code: 'REF_TEMPLATE_MISSING_VALUE' }));
    expect(run).toThrow(source);
  });

  test('an invalid date counts as missing', () => {
    expect(() => renderTagTemplate('{{date}}', { date: new Date('nope') })).toThrow(
      expect.objectContaining({ code: 'REF_TEMPLATE_MISSING_VALUE', placeholder: 'date' }),
    );
  });

  test("missing: 'skip' returns undefined so the caller can drop the tag", () => {
    expect(renderTagTemplate('{{tag}}', { branch: 'main' }, { missing: 'skip' })).toBeUndefined();
    expect(renderTagTemplate('{{branch}}', { branch: 'main' }, { missing: 'skip' })).toBe('main');
  });

  test("missing: 'skip' still reports unknown placeholders anywhere in the template", () => {
    expect(() => renderTagTemplate('{{tag}}-{{oops}}', {}, { missing: 'skip' })).toThrow(
      expect.objectContaining({ code: 'REF_TEMPLATE_UNKNOWN_PLACEHOLDER', placeholder: 'oops' }),
    );
  });

  test('a rendering that leaves nothing usable is refused', () => {
    expect(() => renderTagTemplate('{{branch}}', { branch: '///' })).toThrow(
      expect.objectContaining({ code: 'REF_INVALID_TAG' }),
    );
  });

  test('lists its placeholders', () => {
    expect(TAG_PLACEHOLDERS).toEqual([
      'branch',
      'build',
      'build.number',
      'build.id',
      'job.id',
      'commit',
      'commit.short',
      'tag',
      'pipeline',
      'date',
      'timestamp',
    ]);
  });

  test('any branch name renders to a valid, deterministic tag', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 200 }).filter((s) => /[A-Za-z0-9_]/.test(s)),
        (branch) => {
          const tag = renderTagTemplate('{{branch}}-{{build}}', { branch, buildNumber: 7 });
          expect(isValidTag(tag)).toBe(true);
          expect(renderTagTemplate('{{branch}}-{{build}}', { branch, buildNumber: 7 })).toBe(tag);
        },
      ),
      { numRuns: 500 },
    );
  });
});
