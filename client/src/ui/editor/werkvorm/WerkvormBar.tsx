import { useId } from 'react';
import type { Finding } from '../../../../../shared/analysis';
import type { ChainMap } from '../../../../../shared/model/ChainMap';
import {
  WERKVORM_STEPS,
  type WerkvormSession,
} from '../../../../../shared/model/conversation/werkvormSession';
import { pauseTimer, resumeTimer, startTimer } from '../../../../../shared/model/records/timer';
import { useT } from '../../../i18n/i18n';
import { useWorkshopTimer } from '../timer/useWorkshopTimer';
import type { Werkvorm } from './useWerkvorm';
import { useVotePanel } from './votePanelRequest';
import { WerkvormEnd } from './WerkvormEnd';
import type { WerkvormStepView } from './werkvormSteps';
import './werkvorm.css';

/**
 * The Werkvorm band under the view bar: which of the four steps the room is at, its prompt, what
 * the analysis found for it, and for the facilitator the step buttons, the step's timer and pause.
 * Everyone sees the same step (it is in the conversation doc); `onShow` brings this device back to
 * the step's view after looking elsewhere (`away`).
 */
export function WerkvormBar(props: {
  werkvorm: Werkvorm;
  model: ChainMap;
  serverUrl: string;
  findings: readonly Finding[];
  away: boolean;
  onShow: (step: WerkvormStepView) => void;
  onOpenVersions: () => void;
}) {
  const { session, step } = props.werkvorm;
  if (!session) return null;
  if (session.state === 'ended' || !step) {
    return (
      <WerkvormEnd werkvorm={props.werkvorm} model={props.model} onOpenVersions={props.onOpenVersions} />
    );
  }
  // Mounted only while a session runs or is paused, so its server clock measures only then.
  return <WerkvormStepBand {...props} step={step} session={session} />;
}

function WerkvormStepBand({
  werkvorm,
  model,
  serverUrl,
  findings,
  away,
  onShow,
  step,
  session,
}: Parameters<typeof WerkvormBar>[0] & { step: WerkvormStepView; session: WerkvormSession }) {
  const t = useT();
  const titleId = useId();
  const { clock, timer } = useWorkshopTimer(model, serverUrl);
  const openVote = useVotePanel();
  const { leads } = werkvorm;
  const paused = session.state === 'paused';
  const count = findings.filter((f) => step.rules.includes(f.rule)).length;
  const last = session.step === WERKVORM_STEPS.length - 1;
  return (
    <section
      className={`kk-werkvorm${paused ? ' is-paused' : ''}`}
      aria-labelledby={`${titleId}-eyebrow ${titleId}`}
    >
      <div className="kk-werkvorm__text">
        <p id={`${titleId}-eyebrow`} className="kk-werkvorm__eyebrow">
          {t('werkvorm.title')} ·{' '}
          {t('werkvorm.stepOf', { number: session.step + 1, total: WERKVORM_STEPS.length })}
        </p>
        <h2 id={titleId} className="kk-werkvorm__title">
          {t(`werkvorm.step.${step.id}`)}
        </h2>
        <p className="kk-werkvorm__prompt">{t(`werkvorm.step.${step.id}.prompt`)}</p>
        {count > 0 && <p className="kk-werkvorm__findings">{t('werkvorm.findings', { count })}</p>}
        {paused && (
          <p className="kk-werkvorm__paused" role="status">
            {t(leads ? 'werkvorm.paused' : 'werkvorm.pausedParticipant')}
          </p>
        )}
      </div>
      <ol className="kk-werkvorm__steps" aria-label={t('werkvorm.steps')}>
        {WERKVORM_STEPS.map((id, i) => (
          <li
            key={id}
            className={i === session.step ? 'is-current' : i < session.step ? 'is-done' : undefined}
            {...(i === session.step ? { 'aria-current': 'step' as const } : {})}
          >
            <span className="kk-werkvorm__number" aria-hidden="true">
              {i + 1}
            </span>
            {t(`werkvorm.step.${id}`)}
          </li>
        ))}
      </ol>
      <div className="kk-werkvorm__actions">
        {away && (
          <button type="button" className="kk-button" onClick={() => onShow(step)}>
            {t('werkvorm.backToStep')}
          </button>
        )}
        {step.vote && (
          <>
            <button
              type="button"
              className="kk-button"
              disabled={!openVote}
              aria-describedby={openVote ? undefined : `${titleId}-novote`}
              onClick={() => openVote?.({ kinds: ['quickWin', 'gap'] })}
            >
              {t('werkvorm.vote')}
            </button>
            {!openVote && (
              <span id={`${titleId}-novote`} className="kk-visually-hidden">
                {t('werkvorm.voteUnavailable')}
              </span>
            )}
          </>
        )}
        {leads && (
          <>
            <button
              type="button"
              className="kk-button"
              title={t('werkvorm.timerHint')}
              disabled={paused}
              onClick={() => model.setTimer(startTimer(step.minutes * 60_000, clock.now()))}
            >
              {t('werkvorm.timer', { minutes: step.minutes })}
            </button>
            {paused ? (
              <button
                type="button"
                className="kk-button kk-button--primary"
                onClick={() => {
                  werkvorm.resume();
                  // The step's time goes on where it stood when the session was paused.
                  if (timer?.state === 'paused') model.setTimer(resumeTimer(timer, clock.now()));
                }}
              >
                {t('werkvorm.resume')}
              </button>
            ) : (
              <button
                type="button"
                className="kk-button"
                onClick={() => {
                  werkvorm.pause();
                  if (timer?.state === 'running') model.setTimer(pauseTimer(timer, clock.now()));
                }}
              >
                {t('werkvorm.pause')}
              </button>
            )}
            <button
              type="button"
              className="kk-button"
              disabled={session.step === 0}
              onClick={() => werkvorm.go(session.step - 1)}
            >
              {t('werkvorm.previous')}
            </button>
            <button
              type="button"
              className="kk-button kk-button--primary"
              onClick={() => (last ? werkvorm.finish() : werkvorm.go(session.step + 1))}
            >
              {t(last ? 'werkvorm.finish' : 'werkvorm.next')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
