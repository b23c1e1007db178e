import { useEffect, useRef, useState } from 'react';
import type { ChainMap } from '../../../../../shared/model/ChainMap';
import { addMinute, pauseTimer, resumeTimer, startTimer } from '../../../../../shared/model/records/timer';
import { useT } from '../../../i18n/i18n';
import { playSoftChime } from './softChime';
import { formatLeft, useWorkshopTimer } from './useWorkshopTimer';
import './timer.css';

/**
 * The workshop timer in the top bar: everyone sees the time left (on the server's clock); a
 * facilitator (edit link) starts, pauses, adds a minute and stops it. At zero a soft signal: the
 * display turns amber and pulses, with one quiet chime.
 */
export function WorkshopTimerControl({
  model,
  serverUrl,
  canControl,
}: {
  model: ChainMap;
  serverUrl: string;
  canControl: boolean;
}) {
  const t = useT();
  const { timer, left, clock } = useWorkshopTimer(model, serverUrl);
  const [choosing, setChoosing] = useState(false);
  const [minutes, setMinutes] = useState('10');
  const done = timer?.state === 'running' && left === 0;
  const wasRunning = useRef(false);
  useEffect(() => {
    const running = timer?.state === 'running' && left > 0;
    if (wasRunning.current && done) playSoftChime();
    wasRunning.current = running;
  }, [timer, left, done]);

  if (!timer && !canControl) return null;
  if (!timer) {
    return choosing ? (
      <form
        className="kk-timer kk-timer--choose"
        onSubmit={(e) => {
          e.preventDefault();
          const m = Number(minutes.replace(',', '.'));
          if (!(m > 0)) return;
          model.setTimer(startTimer(m * 60_000, clock.now()));
          setChoosing(false);
        }}
      >
        <label className="kk-timer__minutes">
          <span>{t('timer.minutes')}</span>
          <input
            type="number"
            // Fractions are fine: 0,5 is half a minute.
            min={0.05}
            max={720}
            step="any"
            value={minutes}
            // biome-ignore lint/a11y/noAutofocus: opened by the user to type the minutes
            autoFocus
            onChange={(e) => setMinutes(e.currentTarget.value)}
            onKeyDown={(e) => e.stopPropagation()}
          />
        </label>
        <button type="submit" className="kk-button kk-button--primary kk-button--small">
          {t('timer.start')}
        </button>
        <button
          type="button"
          className="kk-button kk-button--ghost kk-button--small"
          onClick={() => setChoosing(false)}
        >
          {t('comments.cancel')}
        </button>
      </form>
    ) : (
      <button type="button" className="kk-button" onClick={() => setChoosing(true)}>
        {t('timer.open')}
      </button>
    );
  }
  return (
    <div className={`kk-timer${done ? ' is-done' : ''}${timer.state === 'paused' ? ' is-paused' : ''}`}>
      <span className="kk-timer__time" role="timer" aria-label={t('timer.label')} aria-live="off">
        {done ? t('timer.done') : formatLeft(left)}
      </span>
      {timer.state === 'paused' && <span className="kk-timer__state">{t('timer.paused')}</span>}
      {canControl && (
        <span className="kk-timer__controls">
          {timer.state === 'running' ? (
            <button
              type="button"
              className="kk-button kk-button--small"
              disabled={done}
              onClick={() => model.setTimer(pauseTimer(timer, clock.now()))}
            >
              {t('timer.pause')}
            </button>
          ) : (
            <button
              type="button"
              className="kk-button kk-button--small"
              onClick={() => model.setTimer(resumeTimer(timer, clock.now()))}
            >
              {t('timer.resume')}
            </button>
          )}
          <button
            type="button"
            className="kk-button kk-button--small"
            onClick={() => model.setTimer(addMinute(timer, clock.now()))}
          >
            {t('timer.addMinute')}
          </button>
          <button type="button" className="kk-button kk-button--small" onClick={() => model.setTimer(null)}>
            {t('timer.stop')}
          </button>
        </span>
      )}
    </div>
  );
}
