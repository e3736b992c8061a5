/**
 * Image references, tags, digests syntax, and Buildkite registry names. Pure: no I/O, no other
 * layer of src/. Import from here rather than from the individual files.
 */
export {
  InvalidReferenceError,
  TagTemplateError,
  type InvalidReferenceCode,
  type InvalidReferenceDetails,
  type TagTemplateCode,
} from './errors.js';
export {
  DEFAULT_TAG,
  DOCKER_HUB,
  REPOSITORY_MAX_LENGTH,
  TAG_MAX_LENGTH,
  isValidDomain,
  isValidRepositoryPath,
  isValidTag,
} from './grammar.js';
export {
  DIGEST_ALGORITHMS,
  DIGEST_HEX_LENGTH,
  checkDigest,
  isDigestAlgorithm,
  type DigestAlgorithm,
  type DigestCheck,
  type DigestParts,
} from './digest.js';
export {
  familiarReference,
  formatReference,
  parseReference,
  repositoryName,
  withDefaultTag,
  withDigest,
  withTag,
  type ParseOptions,
  type Reference,
} from './reference.js';
export { parseRepositoryPath } from './repository.js';
export { parseTag } from './tag.js';
export { familiarName } from './normalize.js';
export {
  BUILDKITE_PACKAGES_HOST,
  BUILDKITE_USERNAME,
  buildkiteAudience,
  imageInRegistry,
  parseBuildkiteRegistry,
  parsePackagesHost,
  type BuildkiteRegistry,
  type GenericRegistry,
  type RegistryOptions,
  type RegistryTarget,
} from './buildkite.js';
export { parseSlug, type SlugKind } from './buildkite-names.js';
export { fnv1a32 } from './fnv.js';
export { sanitizeTag } from './sanitize-tag.js';
export { TAG_PLACEHOLDERS, renderTagTemplate, type RenderOptions, type TagContext } from './tag-template.js';
