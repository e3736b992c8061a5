/**
 * The exports of a CommonJS module loaded with `import()`. Node.js names them on the namespace;
 * esbuild's split bundles (dist/) hand them over as the default export only. Shared by the CLI
 * (oclif's error handler) and the sources (tar-stream), layers that may not import each other.
 */
export function commonJsExports<T extends object>(namespace: T): T {
  const fallback = (namespace as { default?: T }).default;
  return Object.keys(namespace).some((key) => key !== 'default') || fallback === undefined
    ? namespace
    : fallback;
}
