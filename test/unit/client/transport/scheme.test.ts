import { describe, expect, it } from 'vitest';
import {
  apiHost,
  isInsecure,
  isLoopback,
  registryOrigin,
  splitHostPort,
} from '../../../../src/client/transport/scheme.js';

describe('splitHostPort', () => {
  it.each([
    ['registry.example', { host: 'registry.example', port: undefined }],
    ['Registry.Example:5000', { host: 'registry.example', port: '5000' }],
    ['[::1]:5000', { host: '::1', port: '5000' }],
    ['[::1]', { host: '::1', port: undefined }],
    ['127.0.0.1:80', { host: '127.0.0.1', port: '80' }],
  ])('%s', (input, expected) => {
    expect(splitHostPort(input)).toEqual(expected);
  });
});

describe('isLoopback / isInsecure', () => {
  it.each([
    ['localhost', true],
    ['localhost:5000', true],
    ['registry.localhost:5000', true],
    ['127.0.0.1:5000', true],
    ['127.12.0.3', true],
    ['[::1]:5000', true],
    ['128.0.0.1', false],
    ['localhost.example.com', false],
    ['ghcr.io', false],
  ])('%s -> %s', (registry, expected) => {
    expect(isLoopback(registry)).toBe(expected);
    expect(isInsecure(registry, [])).toBe(expected);
  });

  it('honours the insecure list by host or host:port', () => {
    expect(isInsecure('reg.internal:5000', ['reg.internal'])).toBe(true);
    expect(isInsecure('reg.internal:5000', ['reg.internal:5000'])).toBe(true);
    expect(isInsecure('reg.internal:5001', ['reg.internal:5000'])).toBe(false);
    expect(isInsecure('other.internal', ['reg.internal'])).toBe(false);
  });
});

describe('registryOrigin', () => {
  it.each([
    ['docker.io', [], 'https://registry-1.docker.io'],
    ['index.docker.io', [], 'https://registry-1.docker.io'],
    ['packages.buildkite.com', [], 'https://packages.buildkite.com'],
    ['localhost:5000', [], 'http://localhost:5000'],
    ['reg.internal:8080', ['reg.internal'], 'http://reg.internal:8080'],
  ])('%s', (registry, insecure, expected) => {
    expect(registryOrigin(registry, insecure).origin).toBe(expected);
    expect(apiHost('quay.io')).toBe('quay.io');
  });
});
