/**
 * The data sets with a `subject` (`GenerateData` in `run.go`): an image with referrers (an image
 * and two tagged artifacts), an index with referrers (an artifact index whose images also refer
 * to it), and an artifact whose subject was never pushed.
 */
import { MT } from './oci-json.js';
import type { Runner } from './runner.js';
import {
  digestOf,
  genWithAnnotationUniq,
  genWithAnnotations,
  genWithArtifactType,
  genWithLayerMediaType,
  genWithSubject,
  genWithTag,
  type GenOpt,
} from './test-data.js';
import { genIndexFull, genManifestFull } from './test-data-manifests.js';

const hello = () => genWithAnnotations({ 'org.opencontainers.conformance': 'hello conformance test' });

/**
 * Adds the three subject data sets. `artifact` holds the options of an artifact with an empty
 * config and one layer (`artifactType`, config media type and bytes, layer count).
 */
export function setupSubjects(r: Runner, artifact: GenOpt[]): void {
  const { data } = r.config;
  const referrer = (artifactType: string, layerMediaType: string, tag: string): GenOpt[] => [
    ...artifact,
    genWithArtifactType(artifactType),
    hello(),
    genWithAnnotationUniq(),
    genWithLayerMediaType(layerMediaType),
    genWithTag(tag),
  ];
  r.addDataSet('artifacts-with-subject', 'Artifacts with Subject', data.subject, (td) => {
    const subject = genManifestFull(td, genWithTag('image'));
    const desc = { ...td.descOf(subject) };
    genManifestFull(td, genWithSubject(desc));
    genManifestFull(
      td,
      ...referrer(MT.exampleConf1, MT.exampleConf1, 'tagged-artifact1'),
      genWithSubject(desc),
    );
    genManifestFull(
      td,
      ...referrer(MT.exampleConf2, MT.octetStream, 'tagged-artifact2'),
      genWithSubject(desc),
    );
  });
  r.addDataSet('index-with-subject', 'Index with Subject', data.subjectList, (td) => {
    const subject = genIndexFull(td, genWithTag('index'));
    const desc = { ...td.descOf(subject) };
    genIndexFull(td, ...referrer(MT.exampleConf1, MT.exampleConf1, 'tagged-artifact'), genWithSubject(desc));
  });
  r.addDataSet('missing-subject', 'Missing Subject', data.subjectMissing, (td) => {
    const desc = { mediaType: MT.ociImage, size: 123, digest: digestOf(Buffer.from('missing content')) };
    genManifestFull(
      td,
      ...referrer(MT.exampleConf1, MT.exampleConf1, 'tagged-artifact'),
      genWithSubject(desc),
    );
  });
}
