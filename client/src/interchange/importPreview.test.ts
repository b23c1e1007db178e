import { describe, expect, it } from 'vitest';
import { planImport, planTarget, readImportFiles } from '../../../shared/interchange';
import { utf8 } from '../../../shared/interchange/testing/encodings';
import { inMemoryMap } from '../../../shared/model/replicas';
import { translator } from '../i18n/i18n';
import { countByStatus, previewItems } from './importPreview';

const t = translator('nl');

describe('the import preview’s rows', () => {
  it('name each row’s status and kind, a connection by its ends, and an update by the fields it changes', async () => {
    const map = inMemoryMap({ title: 'Keten' });
    map.addActor({ id: 'vdab', kind: 'partner', label: 'VDAB', contact: 'oud@vdab.be' });
    const read = await readImportFiles([
      {
        name: 'elementen.csv',
        bytes: utf8('Label;Type;Contact\nVDAB;Partner;nieuw@vdab.be\nCAW;Partner;\n'),
      },
      { name: 'verbindingen.csv', bytes: utf8('From;To;Type\nVDAB;CAW;Warme overdracht\n') },
    ]);
    const plan = planImport(planTarget(map), read);
    expect(plan.problems).toEqual([]);
    const items = previewItems(plan, map.read(), t);
    expect(items.map((i) => [i.status, i.kind, i.name, i.changes, i.source.file, i.source.row])).toEqual([
      ['update', 'Partner', 'VDAB', ['Contact'], 'elementen.csv', 2],
      ['new', 'Partner', 'CAW', [], 'elementen.csv', 3],
      ['new', 'Warme overdracht', 'VDAB → CAW', [], 'verbindingen.csv', 2],
    ]);
    expect(countByStatus(items)).toEqual({ new: 2, update: 1, unchanged: 0 });
  });
});
