import { apiError, isRegistryApiError } from '../errors.js';
import { handleDownload } from '../http/download.js';
import type { ArchiveFormat, Checksums, ContentsPage, ImageRef } from '../packages/index.js';
import { noteViewer, type UiContext } from './context.js';
import { sendPage } from './headers.js';
import { html } from './html.js';
import { layout } from './layout.js';
import { imageBody } from './pages/image.js';
import type { ImageTab } from './pages/image-page.js';
import { registriesBody, registryHref } from './pages/registries.js';
import { imageHref, registryBody } from './pages/registry.js';
import { placeOf, type Place } from './place.js';
import type { SnippetTarget } from './snippets.js';

/** Entries per page of the Contents tab. */
export const CONTENTS_PAGE_SIZE = 500;

const TABS: readonly ImageTab[] = ['installation', 'contents', 'details'];

/** `/ui/`: the registries the visitor may see. */
export async function showRegistries(ui: UiContext): Promise<void> {
  const registries = await ui.options.packages.listRegistries(ui.viewer);
  noteViewer(ui);
  const open = registries.length > 0 ? !registries[0]!.configured : !ui.page.canSignIn;
  const body = registriesBody(registries, {
    open,
    hiddenHint: ui.page.canSignIn && !ui.page.signedIn,
    host: ui.host,
  });
  sendPage(ui.res, ui.method, 200, layout({ title: 'Registries', viewer: ui.page, here: '/ui/', body }));
}

/** `/ui/REST`: a registry's page or an image's details page. */
export async function showPlace(ui: UiContext, rest: string): Promise<void> {
  const place = await resolve(ui, rest);
  if (place.kind === 'none') throw apiError('NAME_UNKNOWN', { message: `no registry ${rest}` });
  const here = `${ui.req.url ?? '/ui/'}`.split('#')[0]!;
  const crumbs = [html`<a href="/ui/">Registries</a>`];
  if (place.kind === 'registry') {
    await showRegistry(ui, place.registry, here, crumbs);
    return;
  }
  const { registry, image } = place;
  const target: SnippetTarget = { host: ui.host, registry, auth: ui.page.canSignIn };
  const ref = refOf(ui.query);
  const service = ui.options.packages;
  let details;
  try {
    details = await service.details(ui.viewer, registry, image, ref);
  } catch (error) {
    // Open mode, nothing pushed under `acme/images` yet: that is an empty group to push to (the
    // name the docs use), not a missing image `images` of group `acme`.
    const emptyGroup =
      !ui.page.canSignIn &&
      rest.split('/').length === 2 &&
      isRegistryApiError(error) &&
      error.apiCode === 'NAME_UNKNOWN';
    if (!emptyGroup || ref.tag !== undefined || ref.digest !== undefined) throw error;
    await showRegistry(ui, rest, here, crumbs);
    return;
  }
  noteViewer(ui);
  const shown: ImageRef = details.tag !== null ? { tag: details.tag } : { digest: details.digest };
  const tab = TABS.find((t) => t === ui.query.get('tab')) ?? 'installation';
  let contents: ContentsPage | undefined;
  let contentsError: string | undefined;
  try {
    if (tab === 'contents') {
      contents = await service.contents(ui.viewer, registry, image, shown, {
        platform: ui.query.get('platform') ?? undefined,
        offset: offsetOf(ui.query.get('offset')),
        limit: CONTENTS_PAGE_SIZE,
      });
    } else if (details.total_files === null) {
      contents = await service.contents(ui.viewer, registry, image, shown, { limit: 0 });
    }
  } catch (error) {
    // An image whose layers are no filesystem (an artifact, a broken tar) still has a page.
    if (isRegistryApiError(error) && (error.status === 401 || error.status === 403)) throw error;
    contentsError = error instanceof Error ? error.message : String(error);
  }
  // Each format on its own: an artifact has an oci-archive but no docker-archive.
  const archives: Partial<Record<ArchiveFormat, Checksums>> = {};
  const archiveErrors: Partial<Record<ArchiveFormat, string>> = {};
  for (const format of ['oci-archive', 'docker-archive'] as const) {
    if (tab !== 'details' && format === 'oci-archive') continue;
    try {
      if (tab === 'details')
        archives[format] = await service.archiveChecksums(ui.viewer, registry, image, shown, format);
      else await service.planDownload(ui.viewer, registry, image, shown, format);
    } catch (error) {
      if (isRegistryApiError(error) && (error.status === 401 || error.status === 403)) throw error;
      archiveErrors[format] = error instanceof Error ? error.message : String(error);
    }
  }
  const href = imageHref(registry, image);
  const version =
    shown.tag !== undefined
      ? `tag=${encodeURIComponent(shown.tag)}`
      : `digest=${encodeURIComponent(shown.digest!)}`;
  const body = imageBody({
    details,
    target,
    tab,
    href,
    downloadHref: (format) => `/ui/-/download${href.slice('/ui'.length)}?${version}&format=${format}`,
    contents: tab === 'contents' ? contents : undefined,
    contentsError,
    archiveErrors,
    pageSize: CONTENTS_PAGE_SIZE,
    archives: tab === 'details' ? archives : undefined,
    totalFiles:
      details.total_files ??
      (tab === 'contents' && ui.query.has('platform') ? null : (contents?.total ?? null)),
  });
  crumbs.push(html`<a href="${registryHref(registry)}">${registry === '' ? '(no group)' : registry}</a>`);
  sendPage(
    ui.res,
    ui.method,
    200,
    layout({ title: `${image} · ${registry}`, viewer: ui.page, here, crumbs, body }),
  );
}

async function showRegistry(
  ui: UiContext,
  registry: string,
  here: string,
  crumbs: ReturnType<typeof html>[],
): Promise<void> {
  const target: SnippetTarget = { host: ui.host, registry, auth: ui.page.canSignIn };
  const listing = await ui.options.packages.listImages(ui.viewer, registry);
  noteViewer(ui);
  const body = registryBody(listing, target, ui.query.has('publish'));
  const title = registry === '' ? '(no group)' : registry;
  sendPage(ui.res, ui.method, 200, layout({ title, viewer: ui.page, here, crumbs, body }));
}

/** `/ui/-/download/REST?tag=…&format=…`: the Download button, with the session's rights. */
export async function download(ui: UiContext, rest: string): Promise<void> {
  const place = await resolve(ui, rest);
  if (place.kind !== 'image') throw apiError('NAME_UNKNOWN', { message: `no image ${rest}` });
  ui.res.setHeader('Cache-Control', 'no-store');
  // The download reads its viewer from `ctx.req`: give it the session's view of the request.
  await handleDownload({ ...ui, req: ui.viewer.request }, place.registry, place.image);
  noteViewer(ui);
}

async function resolve(ui: UiContext, rest: string): Promise<Place> {
  const configured = ui.page.canSignIn;
  const groups = configured ? [] : (await ui.options.packages.listRegistries(ui.viewer)).map((r) => r.name);
  return placeOf(rest, configured, groups);
}

function refOf(query: URLSearchParams): ImageRef {
  const tag = query.get('tag');
  if (tag !== null && tag !== '') return { tag };
  const digest = query.get('digest');
  if (digest !== null && digest !== '') return { digest };
  return {};
}

function offsetOf(value: string | null): number {
  if (value === null || !/^\d{1,9}$/.test(value)) return 0;
  return Number(value);
}
