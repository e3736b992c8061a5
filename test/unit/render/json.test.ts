import { describe, expect, it } from 'vitest';
import { jsonOutput, snakeCase, toSnakeCaseKeys } from '../../../src/render/json.js';

describe('--json field style', () => {
  it.each([
    ['mediaType', 'media_type'],
    ['totalFiles', 'total_files'],
    ['createdAt', 'created_at'],
    ['freedBytes', 'freed_bytes'],
    ['digest', 'digest'],
    ['tokens_file', 'tokens_file'],
    ['sha256', 'sha256'],
    ['graceMs', 'grace_ms'],
  ])('%s is %s', (camel, snake) => {
    expect(snakeCase(camel)).toBe(snake);
  });

  it('converts keys at every depth but keeps labels and annotations as written', () => {
    const value = {
      mediaType: 'x',
      images: [{ layerCount: 1, labels: { 'org.example.buildTool': 'y' }, annotations: { myKey: 'z' } }],
      registry: { kind: 'generic', visibility: 'private' },
    };
    expect(toSnakeCaseKeys(value)).toEqual({
      media_type: 'x',
      images: [{ layer_count: 1, labels: { 'org.example.buildTool': 'y' }, annotations: { myKey: 'z' } }],
      registry: { kind: 'generic', visibility: 'private' },
    });
    expect(JSON.parse(jsonOutput(value))).toEqual(toSnakeCaseKeys(value));
  });
});
