import { invalid } from './errors.js';
import { PATH_COMPONENT, PATH_RULE, REPOSITORY_MAX_LENGTH } from './grammar.js';

/**
 * Checks the syntax of a repository path (`library/alpine`, `acme/images/app`) and throws the
 * first problem found: uppercase letters, an empty component (`a//b`, a leading or trailing `/`), or
 * a component that breaks the grammar (`-a`, `a-`, `a..b`, `a___b`). Length is not checked here.
 *
 * @param path the path to check
 * @param input the string the user wrote, quoted in the error (defaults to `path`)
 */
export function checkRepositoryComponents(path: string, input: string = path): void {
  if (path === '') {
    throw invalid(
      'REF_INVALID_REPOSITORY',
      'repository path',
      path,
      input,
      'a repository path cannot be empty',
    );
  }
  if (path.toLowerCase() !== path) {
    throw invalid(
      'REF_UPPERCASE_REPOSITORY',
      'repository path',
      path,
      input,
      'repository names must be lowercase (tags may use uppercase)',
      `Use ${JSON.stringify(path.toLowerCase())} instead.`,
    );
  }
  for (const component of path.split('/')) {
    if (component === '') {
      throw invalid(
        'REF_INVALID_REPOSITORY',
        'repository path',
        path,
        input,
        "it has an empty part: a path cannot start or end with '/' or contain '//'",
      );
    }
    if (!PATH_COMPONENT.test(component)) {
      throw invalid('REF_INVALID_REPOSITORY', 'repository path component', component, input, PATH_RULE);
    }
  }
}

/**
 * Throws `REF_NAME_TOO_LONG` when `path` is longer than 255 characters.
 *
 * @param path the full (normalised) path whose length counts
 * @param input the string the user wrote, quoted in the error (defaults to `path`)
 * @param part the piece of `input` to quote as the offender (defaults to `path`)
 * @param added a prefix normalisation put before `part` (`library/`), mentioned in the message
 */
export function checkRepositoryLength(
  path: string,
  input: string = path,
  part: string = path,
  added = '',
): void {
  if (path.length <= REPOSITORY_MAX_LENGTH) return;
  const counting = added === '' ? '' : ` counting the ${JSON.stringify(added)} put in front of it`;
  throw invalid(
    'REF_NAME_TOO_LONG',
    'repository path',
    part,
    input,
    `a repository path is at most ${REPOSITORY_MAX_LENGTH} characters, this one has ${path.length}${counting}`,
  );
}

/**
 * Validates a repository path on its own, without host, tag or digest: the OCI distribution
 * `<name>` grammar `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*`, at most
 * 255 characters. Nothing is normalised: `alpine` stays `alpine` (no `library/`).
 *
 * The registry server calls this before a name touches the filesystem, so a valid path never holds
 * `..`, an empty component, a leading `/`, or any character outside `[a-z0-9._/-]`.
 *
 * @returns `path` unchanged
 * @throws {InvalidReferenceError} `REF_INVALID_REPOSITORY`, `REF_UPPERCASE_REPOSITORY` or `REF_NAME_TOO_LONG`
 */
export function parseRepositoryPath(path: string): string {
  checkRepositoryComponents(path);
  checkRepositoryLength(path);
  return path;
}
