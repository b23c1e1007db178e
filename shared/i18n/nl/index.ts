import { prefixed, type Translation } from '../catalogue';
import { analysis } from './analysis';
import { app } from './app';
import { collab } from './collab';
import { editor } from './editor';
import { home } from './home';
import { importExport } from './importExport';
import { inspector } from './inspector';
import { interchange } from './interchange';
import { phases } from './phases';
import { plan } from './plan';
import { room } from './room';
import { versions } from './versions';
import { voting } from './voting';
import { workshop } from './workshop';

/**
 * Every Dutch text of KetenKaart, one file per feature. Dutch is the default language and the source
 * of the key type: a new feature adds its file here and the same one under `en/`.
 */
export const nl = {
  ...app,
  ...home,
  ...editor,
  ...inspector,
  ...analysis,
  ...phases,
  ...plan,
  ...versions,
  ...collab,
  ...room,
  ...importExport,
  ...workshop,
  ...voting,
  ...prefixed('interchange', interchange),
} as const;

export type MessageKey = keyof typeof nl;
export type Messages = Translation<typeof nl>;
