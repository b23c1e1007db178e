import { useEffect, useState, useSyncExternalStore } from 'react';
import { useT } from '../../i18n/i18n';
import { MapSession } from '../../session/MapSession';
import { isSyncError, statusMessageKey } from '../../sync/syncStatus';
import { localMapStore, serverOrigin } from '../appServices';
import { EditorLayout } from './EditorLayout';
import { useSyncStatus } from './useSyncStatus';

type Opening = { state: 'opening' } | { state: 'missing' } | { state: 'failed'; message: string };

/** Opens the map from the device, then hands over to the editor. */
export function EditorPage({ mapId }: { mapId: string }) {
  const t = useT();
  const [session, setSession] = useState<MapSession | null>(null);
  const [opening, setOpening] = useState<Opening>({ state: 'opening' });

  useEffect(() => {
    let alive = true;
    let opened: MapSession | null = null;
    localMapStore.get(mapId).then(
      async (record) => {
        if (!alive) return;
        if (!record) {
          setOpening({ state: 'missing' });
          return;
        }
        opened = new MapSession(localMapStore, record, serverOrigin());
        await opened.open();
        if (alive) setSession(opened);
      },
      (error: unknown) => alive && setOpening({ state: 'failed', message: String(error) }),
    );
    return () => {
      alive = false;
      opened?.destroy();
    };
  }, [mapId]);

  if (!session) {
    if (opening.state === 'opening') return <Centered busy message={t('loading.map')} />;
    return (
      <Centered
        alert
        message={
          opening.state === 'missing'
            ? t('error.mapMissing')
            : t('error.storage', { message: opening.message })
        }
      />
    );
  }
  return <OpenedMap session={session} />;
}

function OpenedMap({ session }: { session: MapSession }) {
  const t = useT();
  const phase = useSyncExternalStore(session.subscribe, session.getPhase);
  const status = useSyncStatus(session.sync);
  useEffect(() => {
    // Exposed for end-to-end tests only (a build with `--mode e2e`), never in production.
    if (import.meta.env.MODE !== 'e2e') return;
    (window as unknown as { __ketenkaart?: unknown }).__ketenkaart = { session };
    return () => {
      (window as unknown as { __ketenkaart?: unknown }).__ketenkaart = undefined;
    };
  }, [session]);
  if (phase !== 'ready') {
    if (status && isSyncError(status)) return <Centered alert message={t(statusMessageKey(status))} />;
    return (
      <Centered
        busy
        message={
          status === 'offline'
            ? t('loading.firstSyncOffline')
            : status === 'unreachable'
              ? t('loading.firstSyncUnreachable')
              : t('loading.firstSync')
        }
      />
    );
  }
  return <EditorLayout session={session} />;
}

function Centered({ message, busy, alert }: { message: string; busy?: boolean; alert?: boolean }) {
  const t = useT();
  return (
    <main className="kk-centered" aria-busy={busy}>
      {busy && <span className="kk-spinner" aria-hidden="true" />}
      <p role={alert ? 'alert' : 'status'}>{message}</p>
      {!busy && (
        <a className="kk-button" href="#/">
          {t('error.backHome')}
        </a>
      )}
      {busy && (
        <a className="kk-link-button" href="#/">
          {t('error.backHome')}
        </a>
      )}
    </main>
  );
}
