import type { Table, TableMapping } from '../../../shared/interchange';
import type { ActorKind } from '../../../shared/model/types';
import type { TableChoice } from './TableChoice';

/**
 * The column mappings chosen in earlier imports of this editor, by the table's headers: re-importing
 * next month's version of the same partner list starts from last time's choices (a column left out
 * stays left out) instead of the suggestion. Only header names and targets are kept, in memory.
 */
export class MappingMemory {
  private readonly byHeaders = new Map<string, { role: TableChoice; mapping: TableMapping }>();
  defaultKind: ActorKind | null = null;

  recall(table: Table): { role: TableChoice; mapping: TableMapping } | undefined {
    return this.byHeaders.get(signature(table));
  }

  remember(table: Table, role: TableChoice, mapping: TableMapping): void {
    this.byHeaders.set(signature(table), { role, mapping });
  }
}

function signature(table: Table): string {
  return JSON.stringify(table.header.map((h) => h.trim().toLowerCase()));
}
