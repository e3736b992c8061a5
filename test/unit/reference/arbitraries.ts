/** fast-check generators for strings built from the reference grammar (see src/reference/grammar.ts). */
import fc from 'fast-check';

const alnum = fc.stringMatching(/^[a-z0-9]{1,6}$/);
const separator = fc.constantFrom('.', '_', '__', '-', '--', '---');

/** One path component: `a`, `my-app`, `a__b.c`. */
export const pathComponent = fc
  .tuple(alnum, fc.array(fc.tuple(separator, alnum), { maxLength: 3 }))
  .map(([head, rest]) => head + rest.map(([s, a]) => s + a).join(''));

/** A repository path of 1 to 4 components. */
export const repositoryPath = fc.array(pathComponent, { minLength: 1, maxLength: 4 }).map((c) => c.join('/'));

const label = fc
  .tuple(fc.stringMatching(/^[a-zA-Z0-9]{1,6}$/), fc.option(fc.stringMatching(/^-{1,2}[a-zA-Z0-9]{1,4}$/)))
  .map(([a, b]) => a + (b ?? ''));
const port = fc.integer({ min: 1, max: 65535 }).map((p) => `:${p}`);
const ipv6 = fc
  .array(fc.stringMatching(/^[0-9a-f]{1,4}$/), { minLength: 2, maxLength: 8 })
  .map((groups) => `[${groups.join(':')}]`);

/** A host docker reads as a registry (dotted name, localhost, name with port, or IPv6), never Docker Hub. */
export const registryHost = fc
  .oneof(
    fc
      .tuple(fc.array(label, { minLength: 2, maxLength: 3 }), fc.option(port))
      .map(([l, p]) => l.join('.') + (p ?? '')),
    fc.option(port).map((p) => `localhost${p ?? ''}`),
    fc.tuple(label, port).map(([l, p]) => l + p),
    fc.tuple(ipv6, fc.option(port)).map(([h, p]) => h + (p ?? '')),
  )
  .filter((host) => !/^(index\.)?docker\.io$/.test(host) && host.toLowerCase() !== 'packages.buildkite.com');

/** A valid tag. */
export const tag = fc.stringMatching(/^[\w][\w.-]{0,40}$/);

/** A valid sha256 or sha512 digest. */
export const digest = fc.oneof(
  fc.stringMatching(/^[a-f0-9]{64}$/).map((hex) => `sha256:${hex}`),
  fc.stringMatching(/^[a-f0-9]{128}$/).map((hex) => `sha512:${hex}`),
);

/** A reference in canonical form: what formatReference prints. */
export const canonicalReference = fc
  .tuple(
    fc.oneof(
      fc.tuple(registryHost, repositoryPath),
      // Docker Hub: single components live under library/.
      repositoryPath.map((p) => ['docker.io', p.includes('/') ? p : `library/${p}`] as const),
    ),
    fc.option(tag),
    fc.option(digest),
  )
  .filter(([[, path]]) => path.length <= 255)
  .map(([[host, path], t, d]) => `${host}/${path}${t === null ? '' : `:${t}`}${d === null ? '' : `@${d}`}`);

/** Strings made mostly of the characters references use, so parsing gets past the first checks. */
export const referenceLike = fc.string({
  unit: fc.constantFrom(...'abcAB019._-/:@[]'.split(''), 'sha256:', 'localhost', '.com', 'library/', ' '),
  maxLength: 40,
});
