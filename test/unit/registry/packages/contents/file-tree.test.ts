import { describe, expect, test } from 'vitest';
import {
  FileTree,
  normalizeEntryPath,
  type LayerEntry,
} from '../../../../../src/registry/packages/contents/file-tree.js';

const file = (path: string, size = 1, mode = 0o644): LayerEntry => ({ path, type: 'file', size, mode });
const dir = (path: string, mode = 0o755): LayerEntry => ({ path, type: 'directory', size: 0, mode });
const paths = (tree: FileTree): string[] =>
  tree.list('sha256:x').entries.map((e) => `${e.type[0]} ${e.path}`);

describe('FileTree', () => {
  test('a whiteout removes the entry and everything under it from lower layers', () => {
    const tree = new FileTree();
    tree.applyLayer([dir('etc'), file('etc/a'), dir('etc/sub'), file('etc/sub/b'), file('keep')]);
    tree.applyLayer([file('etc/.wh.sub'), file('.wh.keep')]);
    expect(paths(tree)).toEqual(['d /etc', 'f /etc/a']);
  });

  test('an opaque whiteout hides the lower children but keeps its own layer', () => {
    const tree = new FileTree();
    tree.applyLayer([dir('app'), file('app/old1'), file('app/old2'), file('other')]);
    tree.applyLayer([dir('app'), file('app/new'), file('app/.wh..wh..opq')]);
    expect(paths(tree)).toEqual(['d /app', 'f /app/new', 'f /other']);
  });

  test('a whiteout does not remove the same layer entry, and a re-added path comes back', () => {
    const tree = new FileTree();
    tree.applyLayer([file('x', 5)]);
    tree.applyLayer([file('.wh.x'), file('x', 7)]);
    expect(tree.list('d').entries).toEqual([{ path: '/x', type: 'file', size: 7, mode: 0o644 }]);
  });

  test('a file replaces a directory; a directory over a directory keeps the children', () => {
    const tree = new FileTree();
    tree.applyLayer([dir('a'), file('a/child'), dir('b'), file('b/child')]);
    tree.applyLayer([file('a', 3), dir('b', 0o700)]);
    expect(tree.list('d').entries).toEqual([
      { path: '/a', type: 'file', size: 3, mode: 0o644 },
      { path: '/b', type: 'directory', size: 0, mode: 0o700 },
      { path: '/b/child', type: 'file', size: 1, mode: 0o644 },
    ]);
  });

  test('missing parent directories appear; totals count files and directories', () => {
    const tree = new FileTree();
    tree.applyLayer([
      file('usr/bin/env', 10),
      { path: 'usr/bin/sh', type: 'symlink', size: 0, mode: 0o777, link: 'env' },
    ]);
    const list = tree.list('sha256:d');
    expect(list.entries.map((e) => e.path)).toEqual(['/usr', '/usr/bin', '/usr/bin/env', '/usr/bin/sh']);
    expect(list.entries[3]).toMatchObject({ type: 'symlink', link: 'env' });
    expect([list.files, list.directories, list.bytes]).toEqual([2, 2, 10]);
  });

  test('siblings are in byte order, depth first', () => {
    const tree = new FileTree();
    tree.applyLayer([file('b'), file('a/z'), file('B'), file('a/a')]);
    expect(paths(tree)).toEqual(['f /B', 'd /a', 'f /a/a', 'f /a/z', 'f /b']);
  });

  test('a whiteout of something absent is harmless', () => {
    const tree = new FileTree();
    tree.applyLayer([file('nothere/.wh.x'), file('.wh.y')]);
    expect(paths(tree)).toEqual([]);
  });
});

describe('normalizeEntryPath', () => {
  test.each([
    ['./etc/passwd', 'etc/passwd'],
    ['/etc//x/', 'etc/x'],
    ['./', ''],
    ['a/./b', 'a/b'],
    ['../etc', undefined],
    ['a/../../b', undefined],
  ])('%s → %s', (input, expected) => {
    expect(normalizeEntryPath(input)).toBe(expected);
  });
});

describe('FileTree from a hostile layer', () => {
  const deep = (depth: number): string => Array.from({ length: depth }, () => 'a').join('/');

  test('a path 20,000 directories deep is listed without overflowing the call stack', () => {
    const tree = new FileTree();
    tree.applyLayer([file(deep(20_000))]);
    const { entries, files, directories } = tree.list('d');
    expect([files, directories]).toEqual([1, 19_999]);
    expect(entries.at(-1)).toMatchObject({ type: 'file', path: `/${deep(20_000)}` });
  });

  test('directories implied by a long path count toward the entry limit', () => {
    const tree = new FileTree(1_000);
    expect(() => tree.applyLayer([file(deep(999)), file('b')])).not.toThrow();
    expect(() => tree.applyLayer([file('c')])).toThrow(expect.objectContaining({ status: 413 }));
    expect(() => new FileTree(1_000).applyLayer([file(deep(1_001))])).toThrow(
      expect.objectContaining({ status: 413, apiCode: 'UNSUPPORTED' }),
    );
  });

  test('a listing whose paths exceed the byte budget fails with 413 instead of filling the memory', () => {
    const tree = new FileTree();
    tree.applyLayer([file(deep(2_000))]); // 2,000 entries repeating their parents: ~4 MB of paths
    expect(() => tree.list('d', 1_000_000)).toThrow(expect.objectContaining({ status: 413 }));
    expect(tree.list('d', 5_000_000).entries).toHaveLength(2_000);
  });
});
