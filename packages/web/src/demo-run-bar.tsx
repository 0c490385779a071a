/** A strip showing the demo outbreak's progress, with controls for those allowed to steer it. */
import { useEffect, useState } from 'react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { controlDemoRun, fetchDemoRun, type DemoRunState } from './api-client.js';

/** Props of {@link DemoRunBar}. */
export interface DemoRunBarProps {
  /** The user may pause, step and reset the demo (ability demo.control). */
  readonly canControl: boolean;
}

const REFRESH_MS = 3000;

/** The demo strip; renders nothing when the server runs no demo outbreak. */
export function DemoRunBar({ canControl }: DemoRunBarProps): ReactElement | null {
  const { t } = useTranslation();
  const [state, setState] = useState<DemoRunState | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    let alive = true;
    const load = (): void => {
      fetchDemoRun().then(
        (next) => alive && setState(next),
        () => undefined,
      );
    };
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);

  if (state === null) return null;
  const act = (action: 'pause' | 'resume' | 'step' | 'reset'): void => {
    setPending(true);
    controlDemoRun(action)
      .then(setState, () => undefined)
      .finally(() => setPending(false));
  };
  const status = state.finished ? t('demoRun.finished') : state.paused ? t('demoRun.paused') : t('demoRun.running');
  return (
    <div className="demo-run" data-testid="demo-run">
      <span className="demo-run__label">{t('demoRun.label')}</span>
      <span data-testid="demo-run-day">{t('demoRun.day', { done: state.daysDone, days: state.days, date: state.lastDate ?? '—' })}</span>
      <span>{t('demoRun.totals', { infections: state.totals.infections, cases: state.totals.reportedCases })}</span>
      <span className="demo-run__status">{status}</span>
      {canControl && (
        <span className="demo-run__actions">
          {state.paused ? (
            <button type="button" className="button" disabled={pending} onClick={() => act('resume')} data-testid="demo-run-resume">
              {t('demoRun.resume')}
            </button>
          ) : (
            <button type="button" className="button" disabled={pending || state.finished} onClick={() => act('pause')} data-testid="demo-run-pause">
              {t('demoRun.pause')}
            </button>
          )}
          <button type="button" className="button" disabled={pending || !state.paused || state.finished} onClick={() => act('step')} data-testid="demo-run-step">
            {t('demoRun.step')}
          </button>
          <button type="button" className="button" disabled={pending} onClick={() => act('reset')} data-testid="demo-run-reset">
            {t('demoRun.reset')}
          </button>
        </span>
      )}
    </div>
  );
}
