import { describe, expect, test } from 'vitest';
import { aboutOf, labelsOf } from '../../../../src/registry/packages/about.js';

describe('aboutOf', () => {
  test('annotations win over labels; other keys and non-strings are ignored', () => {
    const about = aboutOf([
      { 'org.opencontainers.image.title': 'From index' },
      { 'org.opencontainers.image.title': 'From manifest', 'org.opencontainers.image.url': 'https://x' },
      labelsOf({
        config: {
          Labels: {
            'org.opencontainers.image.title': 'From label',
            'org.opencontainers.image.licenses': 'MIT',
            'org.opencontainers.image.version': 3,
            maintainer: 'someone',
          },
        },
      }),
    ]);
    expect(about).toEqual({
      title: 'From index',
      url: 'https://x',
      licenses: 'MIT',
      all: {
        'org.opencontainers.image.title': 'From index',
        'org.opencontainers.image.url': 'https://x',
        'org.opencontainers.image.licenses': 'MIT',
      },
    });
  });

  test('huge values are cut', () => {
    expect(
      aboutOf([{ 'org.opencontainers.image.description': 'x'.repeat(10_000) }]).description,
    ).toHaveLength(4096);
  });
});
