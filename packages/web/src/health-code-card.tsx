/** A person's health-code colour with its reason in plain words, its evidence and what comes next. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Purpose } from '@epigrid/core';
import { ErrorMessage } from './error-message.js';
import { formatTimestamp } from './format.js';
import { fetchHealthCode, fetchMyHealthCode, type HealthCode } from './judgment-api.js';
import { useAsync } from './use-async.js';

/** Props of {@link HealthCodeCard}: a person read by staff for a purpose, or the user's own code. */
export type HealthCodeCardProps = { readonly personId: number; readonly purpose: Purpose } | { readonly own: true };

function NextStep({ code }: { readonly code: HealthCode }): ReactElement | null {
  const { t } = useTranslation();
  if (code.colour === 'green') return null;
  if (code.expiresAt !== null && code.nextColour !== null) {
    return <p data-testid="code-next">{t('code.nextAt', { colour: t(`code.colours.${code.nextColour}`), time: formatTimestamp(code.expiresAt) })}</p>;
  }
  const condition = code.nextCondition;
  if (condition?.kind === 'evidence') {
    return <p data-testid="code-next">{t('code.nextTests', { count: condition.count, hours: condition.minHoursApart })}</p>;
  }
  if (condition?.kind === 'fact-ends') return <p data-testid="code-next">{t('code.nextFactEnds')}</p>;
  return null;
}

/** The card on the person page. */
export function HealthCodeCard(props: HealthCodeCardProps): ReactElement {
  const { t } = useTranslation();
  const key = 'own' in props ? 'own' : `${props.personId}/${props.purpose}`;
  const code = useAsync(() => ('own' in props ? fetchMyHealthCode() : fetchHealthCode(props.personId, props.purpose)), [key]);
  if (code.error !== null) return <ErrorMessage error={code.error} testId="code-error" />;
  if (code.data === null) return <p className="muted">{t('person.loading')}</p>;
  const c = code.data;
  return (
    <section className={`health-code health-code--${c.colour}`} data-testid="health-code" data-colour={c.colour}>
      <h3 className="panel__title">
        <span className={`health-code__dot health-code__dot--${c.colour}`} aria-hidden="true" />
        {t(`code.colours.${c.colour}`)}
        {c.manual && <span className="badge badge--warn">{t('code.manual')}</span>}
      </h3>
      <p data-testid="code-reason">{t(`code.reasons.${c.reasonKey}`, { defaultValue: c.reasonKey })}</p>
      {/* A person never judged has no rule behind their green code: nothing to cite. */}
      {c.ruleId !== 'none' && (
        <p className="muted">
          {t('code.rule')} <span className="mono">{c.ruleId}</span>
          {c.since !== null && ` · ${t('code.since', { time: formatTimestamp(c.since) })}`}
        </p>
      )}
      <NextStep code={c} />
      {c.evidence.length > 0 && (
        <p className="muted" data-testid="code-evidence">
          {t('code.evidence')} {c.evidence.map((e) => `${t(`code.sources.${e.source}`, { defaultValue: e.source })} #${e.id}`).join(', ')}
        </p>
      )}
      {c.history.length > 0 && (
        <details>
          <summary>{t('code.history')}</summary>
          <ul>
            {c.history.map((h) => (
              <li key={`${h.changedAt}-${h.toColour}`}>
                {formatTimestamp(h.changedAt)}: {t(`code.colours.${h.fromColour}`)} → {t(`code.colours.${h.toColour}`)} ({h.ruleId})
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
