import { apiError } from '../../errors.js';
import type { ContentEntry, EntryType, ImageContents } from '../types.js';

/** One entry of a layer tar, its path normalised (no leading `/` or `./`, no trailing `/`). */
export interface LayerEntry {
  readonly path: string;
  readonly type: EntryType;
  readonly size: number;
  readonly mode: number;
  readonly link?: string;
}

interface Node {
  type: EntryType;
  size: number;
  mode: number;
  link?: string;
  children?: Map<string, Node>;
}

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';

/**
 * An image's filesystem built layer by layer, with the OCI whiteouts applied: in a layer,
 * `dir/.wh.name` removes `dir/name` (and everything under it) of the layers below, and
 * `dir/.wh..wh..opq` removes every child of `dir` of the layers below. Entries of the same layer
 * are never removed by its whiteouts. A later entry replaces an earlier one at the same path,
 * except that a directory over a directory keeps its children.
 */
export class FileTree {
  readonly #root: Node = { type: 'directory', size: 0, mode: 0o755, children: new Map() };
  readonly #maxNodes: number;
  #nodes = 0;

  /**
   * `maxNodes`: most entries the tree may hold, the directories that paths imply included (one
   * long name implies as many directories as it has components); beyond, 413 `UNSUPPORTED`.
   */
  constructor(maxNodes = Number.POSITIVE_INFINITY) {
    this.#maxNodes = maxNodes;
  }

  /** Applies one layer, its entries in tar order. */
  applyLayer(entries: readonly LayerEntry[]): void {
    const added: LayerEntry[] = [];
    for (const entry of entries) {
      const slash = entry.path.lastIndexOf('/');
      const base = entry.path.slice(slash + 1);
      if (!base.startsWith(WHITEOUT)) {
        added.push(entry);
        continue;
      }
      const parent = this.#find(slash === -1 ? '' : entry.path.slice(0, slash));
      if (parent?.children === undefined) continue;
      if (base === OPAQUE) parent.children.clear();
      else parent.children.delete(base.slice(WHITEOUT.length));
    }
    for (const entry of added) this.#add(entry);
  }

  /**
   * Every entry, depth first with siblings in byte order, and the totals. Walked with a stack of
   * its own, so a tree as deep as a tar name is long (a hostile layer) does not overflow the call
   * stack; more than `maxPathBytes` of paths in all (a deep tree repeats its prefixes in every
   * entry, quadratic in the depth) fails with 413 `UNSUPPORTED` instead of filling the memory.
   */
  list(digest: string, maxPathBytes = Number.POSITIVE_INFINITY): ImageContents {
    const entries: ContentEntry[] = [];
    let files = 0;
    let directories = 0;
    let bytes = 0;
    let pathBytes = 0;
    const stack: { node: Node; prefix: string }[] = [];
    const pushChildren = (node: Node, prefix: string): void => {
      const names = [...node.children!.keys()].sort(byteOrder).reverse();
      for (const name of names) stack.push({ node: node.children!.get(name)!, prefix: `${prefix}/${name}` });
    };
    pushChildren(this.#root, '');
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      const { node: child, prefix: path } = next;
      pathBytes += path.length;
      if (pathBytes > maxPathBytes) {
        throw apiError('UNSUPPORTED', {
          status: 413,
          message: `the image's file paths are too long to list (over ${maxPathBytes} bytes together)`,
        });
      }
      entries.push({
        path,
        type: child.type,
        size: child.size,
        mode: child.mode,
        ...(child.link === undefined ? {} : { link: child.link }),
      });
      if (child.type === 'directory') {
        directories++;
        pushChildren(child, path);
      } else {
        files++;
        bytes += child.size;
      }
    }
    return { digest, files, directories, bytes, entries };
  }

  #find(path: string): Node | undefined {
    let node: Node | undefined = this.#root;
    if (path === '') return node;
    for (const part of path.split('/')) {
      node = node?.children?.get(part);
      if (node === undefined) return undefined;
    }
    return node;
  }

  #add(entry: LayerEntry): void {
    if (entry.path === '') {
      if (entry.type === 'directory') this.#root.mode = entry.mode;
      return;
    }
    const parts = entry.path.split('/');
    let node = this.#root;
    for (const part of parts.slice(0, -1)) {
      let next = node.children!.get(part);
      if (next?.children === undefined) {
        next = { type: 'directory', size: 0, mode: 0o755, children: new Map() };
        this.#set(node, part, next);
      }
      node = next;
    }
    const name = parts.at(-1)!;
    const existing = node.children!.get(name);
    if (entry.type === 'directory') {
      if (existing?.children !== undefined) {
        existing.mode = entry.mode;
        return;
      }
      this.#set(node, name, { type: 'directory', size: 0, mode: entry.mode, children: new Map() });
      return;
    }
    const leaf: Node = { type: entry.type, size: entry.type === 'file' ? entry.size : 0, mode: entry.mode };
    if (entry.link !== undefined) leaf.link = entry.link;
    this.#set(node, name, leaf);
  }

  #set(parent: Node, name: string, child: Node): void {
    if (!parent.children!.has(name) && ++this.#nodes > this.#maxNodes) {
      throw apiError('UNSUPPORTED', {
        status: 413,
        message: `the image holds more files than this registry lists (${this.#maxNodes} entries)`,
      });
    }
    parent.children!.set(name, child);
  }
}

/**
 * A tar entry name as a tree path: no leading `/` or `./`, no trailing `/`, no empty or `.`
 * components. Undefined for a name that climbs out (`..`): such entries are not listed.
 */
export function normalizeEntryPath(name: string): string | undefined {
  const parts: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') return undefined;
    parts.push(part);
  }
  return parts.join('/');
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
