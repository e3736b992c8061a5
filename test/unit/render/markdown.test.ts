import { describe, expect, test } from 'vitest';
import { codeBlock, codeSpan, escapeHtml, escapeText, formatBytes } from '../../../src/render/index.js';

describe('escapeText', () => {
  test.each([
    ['plain words', 'plain words'],
    ['*bold* _it_ `code`', '\\*bold\\* \\_it\\_ \\`code\\`'],
    ['[link](http://x)', '\\[link\\]\\(http\\://x\\)'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert\\(1\\)&lt;/script&gt;'],
    ['a | b', 'a \\| b'],
    ['# heading\n- item', '\\# heading \\- item'],
    ['AT&T', 'AT&amp;T'],
    ['back\\slash', 'back\\\\slash'],
  ])('%j becomes %j', (text, escaped) => {
    expect(escapeText(text)).toBe(escaped);
  });
});

describe('escapeHtml', () => {
  test('escapes the characters that open tags, entities and attributes', () => {
    expect(escapeHtml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });
});

describe('codeSpan', () => {
  test.each([
    ['docker:app:ci', '`docker:app:ci`'],
    ['a`b', '``a`b``'],
    ['`start', '`` `start ``'],
    ['x ``` y', '````x ``` y````'],
    ['two\nlines', '`two lines`'],
  ])('%j becomes %j', (text, span) => {
    expect(codeSpan(text)).toBe(span);
  });
});

describe('codeBlock', () => {
  test('uses a fence longer than any backtick run inside, so the text cannot close it', () => {
    expect(codeBlock('docker pull x', 'sh')).toBe('```sh\ndocker pull x\n```');
    expect(codeBlock('a\n```\nb\n')).toBe('````\na\n```\nb\n````');
  });
});

describe('formatBytes', () => {
  test.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [12.34 * 1024 * 1024, '12.3 MiB'],
    [150 * 1024 * 1024, '150 MiB'],
    [1024 * 1024 - 10, '1 MiB'],
    [3 * 1024 ** 3, '3 GiB'],
    [5 * 1024 ** 5, '5120 TiB'],
    [-1, 'unknown size'],
    [Number.NaN, 'unknown size'],
  ])('%d bytes is %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
