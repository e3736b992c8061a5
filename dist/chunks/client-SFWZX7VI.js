import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
  CREDENTIALS_REFRESH_MARGIN_MS,
  ClientError,
  ContentMismatchError,
  NetworkError,
  RegistryClient,
  RegistryError,
  RetriesExhaustedError,
  anonymousCredentials,
  dockerConfigCredentials,
  dockerConfigDir,
  dockerConfigPath,
  fetchArtifact,
  formatRepository,
  isExpiring,
  isTemporaryStatus,
  jwtClaims,
  jwtExpiresAt,
  redactText,
  redactUrl,
  removeCredentials,
  resolveClientOptions,
  splitReference,
  staticCredentials,
  storeCredentials,
  toRepositoryName
} from "./chunk-3P7JECV3.js";
import "./chunk-W2BKWXYY.js";
import {
  DOCKER_HUB_AUTH_KEY,
  credentialKey,
  keyMatches
} from "./chunk-CPQIE4UP.js";
import "./chunk-L2IY4NZN.js";
import "./chunk-IGTCLVDV.js";
import "./chunk-BOB5LCPH.js";
import "./chunk-UMIJCHBN.js";
import "./chunk-P65RQTMN.js";
import "./chunk-DSYMQGUV.js";
export {
  CREDENTIALS_REFRESH_MARGIN_MS,
  ClientError,
  ContentMismatchError,
  DOCKER_HUB_AUTH_KEY,
  NetworkError,
  RegistryClient,
  RegistryError,
  RetriesExhaustedError,
  anonymousCredentials,
  credentialKey,
  dockerConfigCredentials,
  dockerConfigDir,
  dockerConfigPath,
  fetchArtifact,
  formatRepository,
  isExpiring,
  isTemporaryStatus,
  jwtClaims,
  jwtExpiresAt,
  keyMatches,
  redactText,
  redactUrl,
  removeCredentials,
  resolveClientOptions,
  splitReference,
  staticCredentials,
  storeCredentials,
  toRepositoryName
};
