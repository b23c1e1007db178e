import { useMemo } from 'react';
import { formatRelativeTime } from '../../../../../shared/i18n';
import type { ChainMap } from '../../../../../shared/model/ChainMap';
import { activityItems, formatActivityItem } from '../../../../../shared/versions';
import { useLocale, useT } from '../../../i18n/i18n';
import { absoluteTime } from './formatTime';
import { useActivity, useNow } from './useVersionsModel';
import './versions.css';

/** "Activiteit": a short, live feed of who changed what recently, derived from the model. */
export function ActivityPanel({ model }: { model: ChainMap }) {
  const t = useT();
  const locale = useLocale();
  const now = useNow();
  const entries = useActivity(model);
  const items = useMemo(() => activityItems(entries, { limit: 30 }), [entries]);
  return (
    <section className="kk-activity" aria-labelledby="kk-activity-title">
      <h2 id="kk-activity-title" className="kk-panel-title">
        {t('activity.title')}
      </h2>
      <p className="kk-muted kk-versions__intro">{t('activity.intro')}</p>
      {items.length === 0 ? (
        <p className="kk-muted">{t('activity.none')}</p>
      ) : (
        <ol className="kk-activity-list" aria-label={t('activity.list')}>
          {items.map((item) => (
            <li
              key={`${item.by}:${item.at}:${item.ids[0]}`}
              className={`kk-activity-item kk-activity-item--${item.op}`}
            >
              <span className="kk-activity-item__text">{formatActivityItem(item, locale)}</span>
              <time
                className="kk-activity-item__time kk-muted"
                dateTime={new Date(item.at).toISOString()}
                title={absoluteTime(item.at, locale)}
              >
                {formatRelativeTime(item.at, now, locale)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
