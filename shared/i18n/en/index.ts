import { prefixed } from '../catalogue';
import type { Messages } from '../nl';
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

/** Every English text, the same keys as `nl/` (the type `Messages` rejects a missing feature). */
export const en: Messages = {
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
};
