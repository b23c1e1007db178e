import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { CsvTable, ExportFormat } from '../../../../../shared/interchange';
import { fileNameBase } from '../../../../../shared/interchange/fileNameBase';
import type { ChainMap } from '../../../../../shared/model/ChainMap';
import { localToday } from '../../../analysis/ChainAnalysis';
import { type MessageKey, useLocale, useT } from '../../../i18n/i18n';
import { downloadFile } from '../../../interchange/downloadFile';
import { type KetenplanContent, ketenplanContent } from '../../../interchange/ketenplanContent';
import { loadInterchange } from '../../../interchange/loadInterchange';
import type { PictureSize } from '../../../interchange/pictureSizes';
import {
  type CanvasView,
  captureMap,
  EmptyMapError,
  type PictureArea,
  type PictureFormat,
} from './captureMap';
import { KetenplanDocument } from './KetenplanDocument';
import './picture.css';

interface DataItem {
  readonly label: MessageKey;
  readonly format: ExportFormat;
  readonly table?: CsvTable;
  readonly includeVersions?: boolean;
}

const DATA_ITEMS: readonly DataItem[] = [
  { label: 'export.xlsx', format: 'xlsx' },
  { label: 'export.csv.actors', format: 'csv', table: 'actors' },
  { label: 'export.csv.links', format: 'csv', table: 'links' },
  { label: 'export.csv.notes', format: 'csv', table: 'notes' },
  { label: 'export.graphml', format: 'graphml' },
  { label: 'export.gexf', format: 'gexf' },
  { label: 'export.json', format: 'json' },
  { label: 'export.jsonVersions', format: 'json', includeVersions: true },
];

const PICTURE_ITEMS: readonly { label: MessageKey; format: PictureFormat; size: PictureSize }[] = [
  { label: 'export.pngSlide', format: 'png', size: 'slide' },
  { label: 'export.pngA3', format: 'png', size: 'a3' },
  { label: 'export.svg', format: 'svg', size: 'slide' },
];

type Outcome = { kind: 'error'; message: MessageKey } | null;

/**
 * "Exporteren": pictures of the map (PNG for a slide or A3 print, SVG; the whole map or what is
 * visible), the Ketenplan as a printable A4 document, and the data in every format the
 * interchange module writes. Everything is made in the browser from the local map: offline too,
 * and nothing but content leaves it (no keys, no presence).
 */
export function ExportMenu({ model }: { model: ChainMap }) {
  const t = useT();
  const locale = useLocale();
  const flow = useReactFlow();
  const [open, setOpen] = useState(false);
  const [area, setArea] = useState<PictureArea>('whole');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [ketenplan, setKetenplan] = useState<{ content: KetenplanContent; url: string | null } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
    const close = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node))
        setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);

  const run = async (work: () => Promise<void>) => {
    setOpen(false);
    setBusy(true);
    setOutcome(null);
    try {
      await work();
    } catch (error) {
      setOutcome({
        kind: 'error',
        message: error instanceof EmptyMapError ? 'export.empty' : 'export.failed',
      });
    } finally {
      setBusy(false);
      button.current?.focus();
    }
  };

  const canvasView = (): CanvasView | null => {
    const canvas = document.querySelector<HTMLElement>('.kk-canvas .react-flow');
    return canvas
      ? { viewport: flow.getViewport(), width: canvas.clientWidth, height: canvas.clientHeight }
      : null;
  };
  const picture = (format: PictureFormat, size: PictureSize) =>
    run(async () => {
      const state = model.read();
      const meta = state.meta;
      const blob = await captureMap(
        state,
        {
          format,
          area,
          size,
          heading: { title: meta.title, municipality: meta.municipality, date: Date.now() },
        },
        canvasView(),
      );
      const suffix = size === 'a3' ? ' - A3' : '';
      downloadFile(blob, `${fileNameBase(meta.title)}${suffix}.${format}`);
    });

  const data = (item: DataItem) =>
    run(async () => {
      const lib = await loadInterchange();
      const file = await lib.exportMap(model, item.format, {
        locale,
        ...(item.table ? { table: item.table } : {}),
        ...(item.includeVersions ? { includeVersions: true } : {}),
      });
      downloadFile(file.bytes, file.fileName, file.contentType);
    });

  const printKetenplan = () =>
    run(async () => {
      const content = ketenplanContent(model, { locale, now: new Date(), today: localToday() });
      let url: string | null = null;
      try {
        const blob = await captureMap(
          model.read(),
          { format: 'png', area: 'whole', size: 'report', heading: null },
          null,
        );
        url = URL.createObjectURL(blob);
      } catch (error) {
        // An empty map makes a Ketenplan without a picture; any other failure is reported.
        if (!(error instanceof EmptyMapError)) throw error;
      }
      setKetenplan({ content, url });
    });

  // Prints once the document (and its picture) is in the page; removed again after printing.
  const print = useCallback(() => {
    if (!ketenplan) return;
    const previousTitle = document.title;
    document.title = `${fileNameBase(ketenplan.content.title)} - ${t('ketenplan.kicker')}`;
    const done = () => {
      window.removeEventListener('afterprint', done);
      document.title = previousTitle;
      if (ketenplan.url) URL.revokeObjectURL(ketenplan.url);
      setKetenplan(null);
    };
    window.addEventListener('afterprint', done);
    window.print();
  }, [ketenplan, t]);
  // A document without a picture (an empty map) prints at once; one with a picture when it loaded.
  useEffect(() => {
    if (ketenplan && ketenplan.url === null) print();
  }, [ketenplan, print]);

  const onMenuKey = (e: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items[next]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      items[e.key === 'Home' ? 0 : items.length - 1]?.focus();
    }
  };

  return (
    <div className="kk-export">
      <button
        ref={button}
        type="button"
        className="kk-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-busy={busy}
        disabled={busy}
        onClick={() => setOpen(!open)}
      >
        {busy && <span className="kk-spinner kk-spinner--small" aria-hidden="true" />}
        {busy ? t('export.busy') : t('export.button')}
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          className="kk-export__menu"
          role="menu"
          aria-label={t('export.menu')}
          onKeyDown={onMenuKey}
        >
          {/* biome-ignore lint/a11y/useSemanticElements: an ARIA menu's groups; a fieldset is a form's */}
          <div role="group" aria-labelledby={`${menuId}-picture`}>
            <p id={`${menuId}-picture`} className="kk-export__heading">
              {t('export.picture')}
            </p>
            {/* biome-ignore lint/a11y/useSemanticElements: an ARIA menu's groups; a fieldset is a form's */}
            <div role="group" aria-label={t('export.area')} className="kk-export__area">
              {(['whole', 'visible'] as const).map((a) => (
                <button
                  key={a}
                  type="button"
                  role="menuitemradio"
                  aria-checked={area === a}
                  className="kk-export__radio"
                  onClick={() => setArea(a)}
                >
                  {t(`export.area.${a}`)}
                </button>
              ))}
            </div>
            {PICTURE_ITEMS.map((item) => (
              <button
                key={item.label}
                type="button"
                role="menuitem"
                className="kk-export__item"
                onClick={() => void picture(item.format, item.size)}
              >
                {t(item.label)}
              </button>
            ))}
          </div>
          {/* biome-ignore lint/a11y/useSemanticElements: an ARIA menu's groups; a fieldset is a form's */}
          <div role="group" aria-labelledby={`${menuId}-document`}>
            <p id={`${menuId}-document`} className="kk-export__heading">
              {t('export.document')}
            </p>
            <button
              type="button"
              role="menuitem"
              className="kk-export__item"
              onClick={() => void printKetenplan()}
            >
              {t('export.ketenplan')}
              <span className="kk-export__hint">{t('export.ketenplanHelp')}</span>
            </button>
          </div>
          {/* biome-ignore lint/a11y/useSemanticElements: an ARIA menu's groups; a fieldset is a form's */}
          <div role="group" aria-labelledby={`${menuId}-data`}>
            <p id={`${menuId}-data`} className="kk-export__heading">
              {t('export.data')}
            </p>
            {DATA_ITEMS.map((item) => (
              <button
                key={item.label}
                type="button"
                role="menuitem"
                className="kk-export__item"
                onClick={() => void data(item)}
              >
                {t(item.label)}
              </button>
            ))}
          </div>
        </div>
      )}
      {outcome && (
        <span role="alert" className="kk-error-text">
          {t(outcome.message)}
        </span>
      )}
      {ketenplan &&
        createPortal(
          <KetenplanDocument
            content={ketenplan.content}
            pictureUrl={ketenplan.url}
            onPictureLoaded={print}
          />,
          document.body,
        )}
    </div>
  );
}
