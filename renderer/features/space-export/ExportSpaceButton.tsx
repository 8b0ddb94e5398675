import { useContext, useState } from 'react';
import { AppServicesContext, useAppStore } from '../../services/index.ts';
import { selectRoom } from '../../store/index.ts';
import { spaceIndexRoom, useSpaceIndex } from '../tree/index.ts';
import { downloadZip } from './download-zip.ts';
import { sanitizeName } from './export-paths.ts';
import { exportSpace, type SpaceExportResult } from './export-space.ts';
import { formatRoomName } from '../../../shared/wire.ts';
import { Button } from '../../ui/index.ts';

export interface ExportSpaceButtonProps {
  readonly spaceId: string;
  readonly spaceName: string;
}

type State =
  | { readonly step: 'idle' }
  | { readonly step: 'working'; readonly done: number; readonly total: number }
  | { readonly step: 'done'; readonly result: SpaceExportResult }
  | { readonly step: 'failed'; readonly message: string };

/** What the export did, in words: how many pages, and which could not be had. */
function summary(result: SpaceExportResult): string[] {
  const lines = [`Exported ${String(result.exported)} page${result.exported === 1 ? '' : 's'}.`];
  if (result.stale.length > 0) {
    lines.push(
      `From this device’s copy, as the relay could not be reached: ${result.stale.join(', ')}.`,
    );
  }
  if (result.images > 0) {
    lines.push(`With ${String(result.images)} image${result.images === 1 ? '' : 's'} in _files.`);
  }
  for (const image of result.missingImages) {
    lines.push(
      `An image could not be exported (${image.reason}); it is in: ${image.notes.join(', ')}.`,
    );
  }
  if (result.missing.length > 0) {
    lines.push(
      `Not exported (never opened on this device and the relay cannot be reached now): ${result.missing.map((m) => m.title).join(', ')}.`,
    );
  }
  return lines;
}

/**
 * "Export space (zip)" (issue 4 point 9): every page of the space as
 * Markdown in folders that mirror its tree, archived pages in `_archive/`.
 * Says which pages could not be loaded (offline and never fetched here).
 */
export function ExportSpaceButton({ spaceId, spaceName }: ExportSpaceButtonProps) {
  const services = useContext(AppServicesContext);
  const { tree, loaded } = useSpaceIndex(spaceId);
  const indexConnection = useAppStore(
    (s) => selectRoom(formatRoomName(spaceIndexRoom(spaceId)))(s).connection,
  );
  const network = useAppStore((s) => s.network);
  const [state, setState] = useState<State>({ step: 'idle' });

  const run = async () => {
    if (services === null) return;
    setState({ step: 'working', done: 0, total: tree.size });
    try {
      const result = await exportSpace({
        spaceId,
        tree,
        registry: services.registry,
        store: services.store,
        files: services.files ?? null,
        // Offline (or the relay down): what this device holds, without waiting.
        online: network === 'online' && indexConnection === 'online',
        onProgress: (done, total) => {
          setState({ step: 'working', done, total });
        },
      });
      if (result.zip !== null) downloadZip(document, `${sanitizeName(spaceName)}.zip`, result.zip);
      setState({ step: 'done', result });
    } catch (error) {
      setState({ step: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="space-export">
      <Button disabled={state.step === 'working' || tree.size === 0} onClick={() => void run()}>
        {state.step === 'working'
          ? `Exporting… ${String(state.done)}/${String(state.total)}`
          : 'Export space (zip)'}
      </Button>
      {tree.size === 0 && (
        <p className="sidebar__hint">
          {loaded ? 'This space has no pages to export yet.' : 'Loading the page tree…'}
        </p>
      )}
      {!loaded && tree.size > 0 && (
        <p className="sidebar__hint">
          The page tree has not synced with the relay yet: pages added elsewhere may be missing.
        </p>
      )}
      {state.step === 'done' && (
        <div
          className="space-export__report"
          role={
            state.result.missing.length > 0 || state.result.missingImages.length > 0
              ? 'alert'
              : 'status'
          }
        >
          {summary(state.result).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      {state.step === 'failed' && (
        <p className="sidebar__error" role="alert">
          The export failed: {state.message}
        </p>
      )}
    </div>
  );
}
