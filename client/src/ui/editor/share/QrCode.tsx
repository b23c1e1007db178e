import { useEffect, useState } from 'react';

/** The dark modules of a QR code, row by row; `size` modules a side. */
interface Modules {
  readonly size: number;
  readonly dark: (row: number, col: number) => boolean;
}

/** Four light modules around the code, as the standard asks, so phone cameras find its edges. */
const QUIET_ZONE = 4;

/**
 * A QR code of `value` as an SVG of squares, drawn from the `qrcode` library's module matrix (so
 * no markup is injected and the page's CSP needs nothing new). The library is loaded when the first
 * code is shown, keeping it out of the initial bundle. Error correction M: a projected or printed
 * code still scans with a smudge or a glare on it.
 */
export function QrCode({ value, label, className }: { value: string; label: string; className?: string }) {
  const [modules, setModules] = useState<Modules | null>(null);
  useEffect(() => {
    let alive = true;
    void import('qrcode').then(({ create }) => {
      if (!alive) return;
      const { modules: m } = create(value, { errorCorrectionLevel: 'M' });
      setModules({ size: m.size, dark: (row, col) => Boolean(m.get(row, col)) });
    });
    return () => {
      alive = false;
    };
  }, [value]);
  const side = (modules?.size ?? 21) + 2 * QUIET_ZONE;
  let path = '';
  if (modules) {
    for (let row = 0; row < modules.size; row++)
      for (let col = 0; col < modules.size; col++)
        if (modules.dark(row, col)) path += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
  }
  return (
    <svg
      className={className ? `kk-qr ${className}` : 'kk-qr'}
      viewBox={`0 0 ${side} ${side}`}
      role="img"
      aria-label={label}
      aria-busy={modules === null}
      shapeRendering="crispEdges"
    >
      <rect width={side} height={side} style={{ fill: 'var(--kk-white)' }} />
      {modules && <path d={path} style={{ fill: 'var(--kk-black)' }} />}
    </svg>
  );
}
