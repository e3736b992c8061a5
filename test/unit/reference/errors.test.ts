import { describe, expect, test } from 'vitest';
import { ContainerPackageError, isContainerPackageError } from '../../../src/errors.js';
import { InvalidReferenceError, TagTemplateError } from '../../../src/reference/index.js';

describe('reference errors', () => {
  test('InvalidReferenceError carries name, code, message, input, part and hint', () => {
    const error = new InvalidReferenceError('REF_INVALID_TAG', 'invalid tag "x/y"', {
      input: 'app:x/y',
      part: 'x/y',
      hint: 'Sanitize it.',
    });
    expect(error).toBeInstanceOf(ContainerPackageError);
    expect(error).toBeInstanceOf(Error);
    expect(isContainerPackageError(error)).toBe(true);
    expect(error.name).toBe('InvalidReferenceError');
    expect(error.code).toBe('REF_INVALID_TAG');
    expect(error.message).toBe('invalid tag "x/y"');
    expect(error.input).toBe('app:x/y');
    expect(error.part).toBe('x/y');
    expect(error.hint).toBe('Sanitize it.');
  });

  test('the hint is optional', () => {
    const error = new InvalidReferenceError('REF_EMPTY', 'empty', { input: '', part: '' });
    expect(error.hint).toBeUndefined();
  });

  test('TagTemplateError carries name, code, template and placeholder', () => {
    const error = new TagTemplateError('REF_TEMPLATE_MISSING_VALUE', 'needs the commit', {
      template: '{{commit}}',
      placeholder: 'commit',
    });
    expect(isContainerPackageError(error)).toBe(true);
    expect(error.name).toBe('TagTemplateError');
    expect(error.code).toBe('REF_TEMPLATE_MISSING_VALUE');
    expect(error.message).toBe('needs the commit');
    expect(error.template).toBe('{{commit}}');
    expect(error.placeholder).toBe('commit');
  });
});
