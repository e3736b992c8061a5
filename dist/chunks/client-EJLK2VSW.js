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
  redactText,
  redactUrl,
  removeCredentials,
  resolveClientOptions,
  splitReference,
  staticCredentials,
  storeCredentials,
  toRepositoryName
} from "./chunk-Y373DOAE.js";
import {
  jwtClaims,
  jwtExpiresAt
} from "./chunk-QAI7BF6I.js";
import "./chunk-W2BKWXYY.js";
import "./chunk-UMIJCHBN.js";
import {
  DOCKER_HUB_AUTH_KEY,
  credentialKey,
  keyMatches
} from "./chunk-VOPWR7NI.js";
import "./chunk-UWDPJ3P3.js";
import "./chunk-BTFJLG4I.js";
import "./chunk-3Z4QJIGU.js";
import "./chunk-WQLW65TX.js";
import "./chunk-43WCQIHM.js";
import "./chunk-P65RQTMN.js";
import "./chunk-DKSL4ZNQ.js";
import "./chunk-MFDBYX32.js";
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
