import type { ArchiveFormat, Checksums, ContentsPage, ImageDetails } from '../../packages/index.js';
import type { SnippetTarget } from '../snippets.js';

/** The tabs of the details page. */
export type ImageTab = 'installation' | 'contents' | 'details';

/** What the details page shows: the image, the tab, and that tab's data. */
export interface ImagePage {
  readonly details: ImageDetails;
  readonly target: SnippetTarget;
  readonly tab: ImageTab;
  /** The page's own path (`/ui/ORG/REG/IMAGE`), for tab and pager links. */
  readonly href: string;
  /** Where the Download buttons point (format appended). */
  readonly downloadHref: (format: ArchiveFormat) => string;
  readonly contents?: ContentsPage;
  /** Why the contents could not be listed (not a filesystem image, a broken layer). */
  readonly contentsError?: string;
  readonly pageSize?: number;
  /** Checksums of the Download archive per format (Details tab), of the formats there are. */
  readonly archives?: Readonly<Partial<Record<ArchiveFormat, Checksums>>>;
  /**
   * Why there is no archive of a format (an artifact has no docker-archive), or its checksums
   * could not be computed. The page offers no Download of such a format.
   */
  readonly archiveErrors?: Readonly<Partial<Record<ArchiveFormat, string>>>;
  /** Total files when known (from the contents cache). */
  readonly totalFiles: number | null;
}

/** The query selecting this version: `tag=…` or `digest=…`. */
export function versionQuery(details: ImageDetails): string {
  return details.tag !== null
    ? `tag=${encodeURIComponent(details.tag)}`
    : `digest=${encodeURIComponent(details.digest)}`;
}
