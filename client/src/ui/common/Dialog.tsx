import { type ReactNode, useEffect, useId, useRef } from 'react';
import './dialog.css';

interface DialogProps {
  title: string;
  onClose?: () => void;
  children: ReactNode;
  wide?: boolean;
}

/** A modal dialog: labelled, focus moved inside on open and restored on close, Escape closes. */
export function Dialog({ title, onClose, children, wide }: DialogProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('input, button, select, textarea, [tabindex]');
    first?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="kk-overlay">
      <div
        ref={ref}
        className={`kk-dialog${wide ? ' kk-dialog--wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && onClose) {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id={titleId} className="kk-dialog__title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
