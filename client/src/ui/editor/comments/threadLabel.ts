import type { PlacedThread } from '../../../comments/threadPlacement';
import type { Translate } from '../../../i18n/i18n';

/** "Bij OCMW", "Bij de fase Onthaal", "Op de kaart": what a thread hangs on, in words. */
export function threadLabel(t: Translate, placed: PlacedThread): string {
  const { kind } = placed.thread.anchor;
  if (kind === 'free') return t('comments.on.free');
  if (kind === 'note') return t('comments.on.note');
  const name = placed.name.trim() || '…';
  return t(`comments.on.${kind}`, { name });
}
