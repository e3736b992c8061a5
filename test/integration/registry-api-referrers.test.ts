/**
 * The referrers API and deletes, following the conformance suite's Content Discovery
 * ("listing references") and Content Management workflows.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  OCI_EMPTY,
  OCI_INDEX,
  OCI_MANIFEST,
  descriptorOf,
  digestOf,
  pushBlob,
  pushImage,
  send,
  startRegistry,
  type TestRegistry,
} from './registry-support.js';

let reg: TestRegistry;
let base: string;
const repo = 'conformance/referrers';
const key = 'org.opencontainers.conformance.test';
const typeA = 'application/vnd.nhl.peanut.butter.bagel';
const typeB = 'application/vnd.nba.strawberry.jam.croissant';

beforeAll(async () => {
  reg = await startRegistry();
  base = reg.url;
});
afterAll(async () => {
  await reg.registry.close();
});

const put = (name: string, reference: string, body: Uint8Array, mediaType = OCI_MANIFEST) =>
  send(base, 'PUT', `/v2/${name}/manifests/${reference}`, { headers: { 'Content-Type': mediaType }, body });
const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, '\t'));

interface Index {
  schemaVersion: number;
  mediaType: string;
  manifests: {
    digest: string;
    mediaType: string;
    size: number;
    artifactType?: string;
    annotations?: Record<string, string>;
  }[];
}

describe('Content Discovery: listing references', () => {
  const emptyJson = Buffer.from('{}');
  const blobA = Buffer.from('NHL Peanut Butter on my NHL bagel');
  const blobB = Buffer.from('NBA Strawberry Jam on my NBA croissant');
  let subject: { manifest: Buffer; digest: string };
  let missingSubject: string;
  const expected = new Map<string, string>();
  let refC: string;

  beforeAll(async () => {
    await pushBlob(base, repo, emptyJson);
    await pushBlob(base, repo, blobA);
    // The subject's descriptor is known before it is pushed: referrers may come first.
    const image = await pushImage(base, 'scratch', 'x', 4);
    const subjectDescriptor = descriptorOf(OCI_MANIFEST, image.manifest);
    missingSubject = digestOf('manifests[3] is never pushed');
    const configArtifact = (type: string, blob: Buffer, note: string) =>
      json({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: descriptorOf(type, blob),
        subject: subjectDescriptor,
        layers: [descriptorOf(OCI_EMPTY, emptyJson)],
        annotations: { [key]: note },
      });
    const layerArtifact = (type: string, blob: Buffer, note: string | undefined, subj = subjectDescriptor) =>
      json({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType: type,
        config: descriptorOf(OCI_EMPTY, emptyJson),
        subject: subj,
        layers: [descriptorOf(type, blob)],
        ...(note === undefined ? {} : { annotations: { [key]: note } }),
      });

    const pushRef = async (body: Buffer, note: string, mediaType = OCI_MANIFEST) => {
      const reply = await put(repo, digestOf(body), body, mediaType);
      expect(reply.status).toBe(201);
      expect(reply.headers.get('oci-subject')).toBe(subjectDescriptor.digest);
      expected.set(digestOf(body), note);
      return body;
    };
    const aConfig = await pushRef(configArtifact(typeA, blobA, 'test config a'), 'test config a');
    const aLayer = await pushRef(layerArtifact(typeA, blobA, 'test layer a'), 'test layer a');
    const index = json({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      artifactType: 'application/vnd.food.stand',
      manifests: [descriptorOf(OCI_MANIFEST, aConfig), descriptorOf(OCI_MANIFEST, aLayer)],
      subject: subjectDescriptor,
      annotations: { [key]: 'test index' },
    });
    await pushRef(index, 'test index', OCI_INDEX);
    // Now the subject itself, then more referrers after it.
    await pushBlob(base, repo, image.config);
    await pushBlob(base, repo, image.layer);
    expect((await put(repo, 'tagtest0', image.manifest)).status).toBe(201);
    subject = { manifest: image.manifest, digest: image.digest };
    await pushBlob(base, repo, blobB);
    await pushRef(configArtifact(typeB, blobB, 'test config b'), 'test config b');
    await pushRef(layerArtifact(typeB, blobB, 'test layer b'), 'test layer b');
    const c = layerArtifact(typeB, blobB, undefined, {
      mediaType: OCI_MANIFEST,
      size: 123,
      digest: missingSubject,
    });
    const reply = await put(repo, digestOf(c), c);
    expect(reply.headers.get('oci-subject')).toBe(missingSubject);
    refC = digestOf(c);
  });

  test('GET request to nonexistent blob should result in empty 200 response', async () => {
    const reply = await send(base, 'GET', `/v2/${repo}/referrers/${digestOf('hello world')}`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe(OCI_INDEX);
    expect(reply.json()).toEqual({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [] });
  });

  test('referrers of a repository that does not exist: an empty index', async () => {
    const reply = await send(base, 'GET', `/v2/never/pushed/referrers/${digestOf('x')}`);
    expect(reply.status).toBe(200);
    expect(reply.json<Index>().manifests).toEqual([]);
  });

  test('GET request to existing blob should yield 200 with all five referrers and their annotations', async () => {
    const reply = await send(base, 'GET', `/v2/${repo}/referrers/${subject.digest}`);
    expect(reply.status).toBe(200);
    const index = reply.json<Index>();
    expect(index.mediaType).toBe(OCI_INDEX);
    expect(index.schemaVersion).toBe(2);
    expect(index.manifests).toHaveLength(5);
    for (const entry of index.manifests) {
      expect(entry.annotations).toEqual({ [key]: expected.get(entry.digest) });
    }
    const types = index.manifests.map((m) => m.artifactType).sort();
    expect(types).toEqual(['application/vnd.food.stand', typeA, typeA, typeB, typeB].sort());
    const indexEntry = index.manifests.find((m) => m.artifactType === 'application/vnd.food.stand')!;
    expect(indexEntry.mediaType).toBe(OCI_INDEX);
  });

  test('GET request to existing blob with filter should yield 200 and OCI-Filters-Applied', async () => {
    const reply = await send(
      base,
      'GET',
      `/v2/${repo}/referrers/${subject.digest}?artifactType=${encodeURIComponent(typeA)}`,
    );
    expect(reply.headers.get('oci-filters-applied')).toBe('artifactType');
    const index = reply.json<Index>();
    expect(index.manifests).toHaveLength(2);
    expect(index.manifests.every((m) => m.artifactType === typeA)).toBe(true);
  });

  test('GET request to missing manifest should yield 200 listing its referrer', async () => {
    const reply = await send(base, 'GET', `/v2/${repo}/referrers/${missingSubject}`);
    expect(reply.json<Index>().manifests.map((m) => m.digest)).toEqual([refC]);
  });

  test('deleting a referrer removes it from the list', async () => {
    expect((await send(base, 'DELETE', `/v2/${repo}/manifests/${refC}`)).status).toBe(202);
    const reply = await send(base, 'GET', `/v2/${repo}/referrers/${missingSubject}`);
    expect(reply.json<Index>().manifests).toEqual([]);
  });

  test('an image referring to a subject without artifactType gets its config media type', async () => {
    const other = await pushImage(base, repo, 'plain', 5);
    const referrer = await pushImage(base, 'scratch', 'y', 6);
    const body = json({
      ...JSON.parse(referrer.manifest.toString()),
      subject: descriptorOf(OCI_MANIFEST, other.manifest),
    });
    await pushBlob(base, repo, referrer.config);
    await pushBlob(base, repo, referrer.layer);
    expect((await put(repo, 'with-subject', body)).status).toBe(201);
    const reply = await send(base, 'GET', `/v2/${repo}/referrers/${other.digest}`);
    expect(reply.json<Index>().manifests).toEqual([
      {
        mediaType: OCI_MANIFEST,
        digest: digestOf(body),
        size: body.length,
        artifactType: 'application/vnd.oci.image.config.v1+json',
      },
    ]);
  });
});

describe('Content Management: manifest delete', () => {
  const name = 'management/delete';
  let image: Awaited<ReturnType<typeof pushImage>>;
  beforeAll(async () => {
    image = await pushImage(base, name, 'tagtest0', 9);
    await put(name, 'second', image.manifest);
  });

  test('DELETE request to manifest tag should return 202; the tag is gone at once', async () => {
    expect((await send(base, 'DELETE', `/v2/${name}/manifests/tagtest0`)).status).toBe(202);
    expect((await send(base, 'HEAD', `/v2/${name}/manifests/tagtest0`)).status).toBe(404);
    expect((await send(base, 'HEAD', `/v2/${name}/manifests/${image.digest}`)).status).toBe(200);
  });

  test('GET request to tags list should reflect manifest deletion', async () => {
    const reply = await send(base, 'GET', `/v2/${name}/tags/list`);
    expect(reply.json<{ tags: string[] }>().tags).toEqual(['second']);
  });

  test('DELETE request to manifest (digest) should yield 202, and its tags go with it', async () => {
    expect((await send(base, 'DELETE', `/v2/${name}/manifests/${image.digest}`)).status).toBe(202);
    expect((await send(base, 'GET', `/v2/${name}/manifests/${image.digest}`)).status).toBe(404);
    expect((await send(base, 'HEAD', `/v2/${name}/manifests/second`)).status).toBe(404);
    expect((await send(base, 'GET', `/v2/${name}/tags/list`)).json<{ tags: string[] }>().tags).toEqual([]);
  });

  test('deleting what is not there is 404 MANIFEST_UNKNOWN', async () => {
    const byDigest = await send(base, 'DELETE', `/v2/${name}/manifests/${image.digest}`);
    expect(byDigest.status).toBe(404);
    expect(byDigest.errorCode).toBe('MANIFEST_UNKNOWN');
    expect((await send(base, 'DELETE', `/v2/${name}/manifests/never`)).status).toBe(404);
  });

  test('the blobs stay until deleted themselves', async () => {
    expect((await send(base, 'HEAD', `/v2/${name}/blobs/${digestOf(image.layer)}`)).status).toBe(200);
    expect((await send(base, 'DELETE', `/v2/${name}/blobs/${digestOf(image.layer)}`)).status).toBe(202);
    expect((await send(base, 'GET', `/v2/${name}/blobs/${digestOf(image.layer)}`)).status).toBe(404);
  });
});
