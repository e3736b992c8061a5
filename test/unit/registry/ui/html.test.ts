import { describe, expect, test } from 'vitest';
import { escapeHtml, html, join, namePath, path } from '../../../../src/registry/ui/html.js';

const HOSTILE = `<img src=x onerror=alert(1)>"'\`&`;

describe('escapeHtml', () => {
  test.each([
    ['<script>', '&lt;script&gt;'],
    ['a & b', 'a &amp; b'],
    [`"'\``, '&quot;&#39;&#96;'],
    ['tab\tnew\nline', 'tab\tnew\nline'],
    ['bell\u0007null\u0000', 'bell\ufffdnull\ufffd'],
    ['evil\u202etxt.exe', 'evil\ufffdtxt.exe'],
    [
      '\u2066a\u2067b\u2068c\u2069\u202a\u202b\u202c\u202d',
      '\ufffda\ufffdb\ufffdc\ufffd\ufffd\ufffd\ufffd\ufffd',
    ],
  ])('%j -> %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe('html', () => {
  test('escapes every interpolated string, in content and attributes', () => {
    const out = html`<a href="${HOSTILE}" title="${HOSTILE}">${HOSTILE}</a>`.toString();
    expect(out).not.toContain('<img');
    expect(out).toBe(
      '<a href="&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&#96;&amp;" title="&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&#96;&amp;">&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&#96;&amp;</a>',
    );
  });

  test('keeps nested markup built by html, escapes strings in lists, drops null and false', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${['<', inner]}${null}${undefined}${false}${0}</p>`.toString()).toBe(
      '<p><b>&lt;i&gt;</b>&lt;<b>&lt;i&gt;</b>0</p>',
    );
  });

  test('a string that looks like markup is never trusted', () => {
    const fake = { toString: () => '<script>alert(1)</script>' } as unknown as string;
    expect(html`${fake}`.toString()).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  test('join escapes strings and the separator', () => {
    expect(join(['<a>', html`<b></b>`], '<br>').toString()).toBe('&lt;a&gt;&lt;br&gt;<b></b>');
  });
});

describe('paths', () => {
  test('path encodes each segment, slashes included', () => {
    expect(path('ui', 'a/b', '<x>')).toBe('/ui/a%2Fb/%3Cx%3E');
  });
  test('namePath keeps the slashes of a name and encodes the rest', () => {
    expect(namePath('/ui/acme/images', 'team/app"x')).toBe('/ui/acme/images/team/app%22x');
  });
});
