import { createRequire as __cpCreateRequire } from 'node:module';
const require = __cpCreateRequire(import.meta.url);
import {
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
  isTemporaryStatus,
  redactText,
  redactUrl,
  removeCredentials,
  resolveClientOptions,
  splitReference,
  staticCredentials,
  storeCredentials,
  toRepositoryName
} from "./chunk-ZD6DQ5ML.js";
import "./chunk-T7NJDQNI.js";
import {
  DOCKER_HUB_AUTH_KEY,
  credentialKey
} from "./chunk-CPQIE4UP.js";
import "./chunk-42VI6ERD.js";
import "./chunk-HUKKYD2D.js";
import "./chunk-BOB5LCPH.js";
import "./chunk-UMIJCHBN.js";
import "./chunk-P65RQTMN.js";
import "./chunk-DSYMQGUV.js";
export {
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
  isTemporaryStatus,
  redactText,
  redactUrl,
  removeCredentials,
  resolveClientOptions,
  splitReference,
  staticCredentials,
  storeCredentials,
  toRepositoryName
};
