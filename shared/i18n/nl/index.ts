import { prefixed, type Translation } from '../catalogue';
import { analysis } from './analysis';
import { api } from './api';
import { app } from './app';
import { canvasNames } from './canvasNames';
import { collab } from './collab';
import { device } from './device';
import { editor } from './editor';
import { home } from './home';
import { importExport } from './importExport';
import { inspector } from './inspector';
import { interchange } from './interchange';
import { keyboard } from './keyboard';
import { list } from './list';
import { phases } from './phases';
import { plan } from './plan';
import { room } from './room';
import { statement } from './statement';
import { versions } from './versions';
import { voting } from './voting';
import { werkvorm } from './werkvorm';
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
  ...werkvorm,
  ...list,
  ...keyboard,
  ...api,
  ...voting,
  ...prefixed('interchange', interchange),
  ...prefixed('device', device),
  ...prefixed('statement', statement),
  ...prefixed('a11y', canvasNames),
} as const;

export type MessageKey = keyof typeof nl;
export type Messages = Translation<typeof nl>;
