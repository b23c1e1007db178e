import { prefixed } from '../catalogue';
import type { Messages } from '../nl';
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
  ...voting,
  ...prefixed('interchange', interchange),
};
