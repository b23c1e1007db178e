import { useEffect, useState } from 'react';
import type { ChainMap } from '../../../../../shared/model/ChainMap';
import type { ActivityEntry } from '../../../../../shared/model/types';
import { useAnnounceRemoteChanges } from '../../../a11y/announceSetting';
import { watchRemoteActivity } from '../../../a11y/remoteActivity';
import { ThrottledAnnouncer } from '../../../a11y/ThrottledAnnouncer';
import { type Translate, useT } from '../../../i18n/i18n';

export function announcementText(t: Translate, e: ActivityEntry): string {
  const name = e.by || t('announce.someone');
  const label = e.label || t('announce.untitled');
  if (e.op === 'restore') return t('announce.restore', { name });
  if (e.op === 'layout') return t('announce.layout', { name });
  return t(`announce.${e.op}`, { name, label });
}

/**
 * A polite live region that reads out other people's changes ("Karim heeft ‘VDAB’ toegevoegd"),
 * throttled by `ThrottledAnnouncer`; silent when the setting is off.
 */
export function RemoteAnnouncer({ model }: { model: ChainMap }) {
  const t = useT();
  const on = useAnnounceRemoteChanges();
  const [text, setText] = useState('');
  useEffect(() => {
    if (!on) return;
    const announcer = new ThrottledAnnouncer(setText, (name, count) => t('announce.many', { name, count }));
    const stop = watchRemoteActivity(model, (e) =>
      announcer.push({ by: e.by, text: announcementText(t, e), key: `${e.by}|${e.op}|${e.id}` }),
    );
    return () => {
      stop();
      announcer.clear();
    };
  }, [model, on, t]);
  return (
    <div className="kk-visually-hidden" role="status" aria-live="polite" data-testid="remote-announcer">
      {on ? text : ''}
    </div>
  );
}
