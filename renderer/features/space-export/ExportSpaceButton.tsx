import { t, useFormat, useT } from '../../i18n/index.ts';
import { useContext, useState } from 'react';
import { AppServicesContext, useAppStore } from '../../services/index.ts';
import { selectRoom } from '../../store/index.ts';
import { spaceIndexRoom, useSpaceIndex } from '../tree/index.ts';
import { downloadZip } from './download-zip.ts';
import { sanitizeName } from './export-paths.ts';
import { exportSpace, type SpaceExportResult } from './export-space.ts';
import { formatRoomName } from '../../../shared/wire.ts';
import { Button } from '../../ui/index.ts';
import { exportRefusal, requestExport, useClassificationService } from '../classification/index.ts';

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
function summary(result: SpaceExportResult, number: (n: number) => string): string[] {
  const lines: string[] = [
    t('spaceExport.exported', { count: result.exported, formatted: number(result.exported) }),
  ];
  if (result.stale.length > 0) {
    lines.push(t('spaceExport.stale', { notes: result.stale.join(', ') }));
  }
  if (result.images > 0) {
    lines.push(t('spaceExport.images', { count: result.images, formatted: number(result.images) }));
  }
  for (const image of result.missingImages) {
    lines.push(
      t('spaceExport.missingImage', { reason: image.reason, notes: image.notes.join(', ') }),
    );
  }
  if (result.missing.length > 0) {
    lines.push(t('spaceExport.missing', { notes: result.missing.map((m) => m.title).join(', ') }));
  }
  return lines;
}

/**
 * "Export space (zip)": every page of the space as
 * Markdown in folders that mirror its tree, archived pages in `_archive/`.
 * Says which pages could not be loaded (offline and never fetched here).
 */
export function ExportSpaceButton({ spaceId, spaceName }: ExportSpaceButtonProps) {
  const services = useContext(AppServicesContext);
  const format = useFormat();
  const t = useT();
  const { tree, loaded } = useSpaceIndex(spaceId);
  const indexConnection = useAppStore(
    (s) => selectRoom(formatRoomName(spaceIndexRoom(spaceId)))(s).connection,
  );
  const network = useAppStore((s) => s.network);
  const [state, setState] = useState<State>({ step: 'idle' });
  const classification = useClassificationService();

  const run = async () => {
    if (services === null) return;
    setState({ step: 'working', done: 0, total: tree.size });
    try {
      // The relay decides whether this space's label allows export, and audits the grant.
      if (classification !== null) await requestExport(classification, spaceId);
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
      if (result.zip !== null) {
        downloadZip(document, `${sanitizeName(spaceName)}.zip`, result.zip);
        // Without the classification service (tests), the export is still recorded for the audit log.
        if (classification === null)
          void services.admin?.recordExport(spaceId).catch(() => undefined);
      }
      setState({ step: 'done', result });
    } catch (error) {
      const message =
        exportRefusal(error) ?? (error instanceof Error ? error.message : String(error));
      setState({ step: 'failed', message });
    }
  };

  return (
    <div className="space-export">
      <Button disabled={state.step === 'working' || tree.size === 0} onClick={() => void run()}>
        {state.step === 'working'
          ? t('spaceExport.progress', {
              done: format.number(state.done),
              total: format.number(state.total),
            })
          : t('spaceExport.button')}
      </Button>
      {tree.size === 0 && (
        <p className="sidebar__hint">
          {loaded ? t('spaceExport.empty') : t('spaceExport.loadingTree')}
        </p>
      )}
      {!loaded && tree.size > 0 && <p className="sidebar__hint">{t('spaceExport.notSynced')}</p>}
      {state.step === 'done' && (
        <div
          className="space-export__report"
          role={
            state.result.missing.length > 0 || state.result.missingImages.length > 0
              ? 'alert'
              : 'status'
          }
        >
          {summary(state.result, format.number).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      {state.step === 'failed' && (
        <p className="sidebar__error" role="alert">
          {t('spaceExport.failed', { reason: state.message })}
        </p>
      )}
    </div>
  );
}
