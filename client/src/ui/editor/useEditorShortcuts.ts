import { useEffect } from 'react';

export interface ShortcutHandlers {
  undo(): void;
  redo(): void;
  copy(): void;
  paste(): void;
  editSelected(): void;
  clearSelection(): void;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/**
 * Editor keyboard shortcuts. Text fields keep their own undo and clipboard, so shortcuts apply
 * only when focus is not in one. Delete is handled by React Flow (it knows the focused element).
 */
export function useEditorShortcuts(handlers: ShortcutHandlers, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (isTyping(e.target) || document.querySelector('[aria-modal="true"]')) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z') {
        e.preventDefault();
        e.shiftKey ? handlers.redo() : handlers.undo();
      } else if (mod && key === 'y') {
        e.preventDefault();
        handlers.redo();
      } else if (mod && key === 'c') {
        handlers.copy();
      } else if (mod && key === 'v') {
        e.preventDefault();
        handlers.paste();
      } else if (e.key === 'F2' && !mod) {
        handlers.editSelected();
      } else if (e.key === 'Escape' && !e.defaultPrevented) {
        handlers.clearSelection();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [handlers, enabled]);
}
