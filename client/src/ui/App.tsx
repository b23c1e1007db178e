import { useEffect, useState } from 'react';
import { useT } from '../i18n/i18n';
import { mapHash, navigate } from '../routing/route';
import { joinMap } from '../session/mapLifecycle';
import { localMapStore, serverOrigin } from './appServices';
import { EditorPage } from './editor/EditorPage';
import { HomePage } from './home/HomePage';
import { AccessibilityStatementPage } from './statement/AccessibilityStatementPage';
import { useRoute } from './useRoute';

export function App() {
  const route = useRoute();
  const t = useT();
  const [joinError, setJoinError] = useState<string | null>(null);

  useEffect(() => {
    if (route.name !== 'join') return;
    // Store the key on the device, then drop it from the address bar and history.
    joinMap(localMapStore, route, serverOrigin()).then(
      () => navigate(mapHash(route.id), true),
      (error: unknown) => setJoinError(t('error.storage', { message: String(error) })),
    );
  }, [route, t]);

  if (route.name === 'home') return <HomePage />;
  if (route.name === 'accessibility') return <AccessibilityStatementPage />;
  if (route.name === 'join') {
    return (
      <main className="kk-centered" aria-busy={!joinError}>
        <p role={joinError ? 'alert' : 'status'}>{joinError ?? t('loading.map')}</p>
      </main>
    );
  }
  return <EditorPage key={route.id} mapId={route.id} />;
}
