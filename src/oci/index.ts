/**
 * OCI formats and content addressing: digests (and hashing streams), plus the error classes of
 * this layer. May use node:crypto and node:stream; never the filesystem or the network.
 */
export {
  DIGEST_ALGORITHMS,
  DIGEST_HEX_LENGTH,
  assertDigest,
  createDigester,
  digestBytes,
  isDigest,
  parseDigest,
  parseDigestAlgorithm,
  type DigestAlgorithm,
  type Digester,
  type ParsedDigest,
} from './digest.js';
export {
  DigestStream,
  VerifyingStream,
  digestOfStream,
  verifyingStream,
  type DigestOfStreamOptions,
  type DigestStreamOptions,
  type ExpectedContent,
} from './digest-stream.js';
export {
  DigestMismatchError,
  DigestStateError,
  InvalidDigestError,
  OciFormatError,
  SizeMismatchError,
} from './errors.js';
export * from './media-types.js';
export * from './descriptor.js';
export * from './manifest.js';
export * from './image.js';
export * from './archive/image-archive.js';
export * from './archive/tar.js';
export * from './archive/from-artifact.js';
