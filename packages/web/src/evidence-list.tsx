/** The evidence of one contact, each item in plain words with the rule that accepted it. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from './case-types.js';
import { evidenceWords } from './evidence-text.js';

/** Props of {@link EvidenceList}. */
export interface EvidenceListProps {
  readonly evidence: readonly Evidence[];
  /** Whether the source of exposure is the case (false for sub-close contacts). */
  readonly sourceIsCase: boolean;
}

/** A list of evidence sentences. */
export function EvidenceList({ evidence, sourceIsCase }: EvidenceListProps): ReactElement {
  const { t } = useTranslation();
  return (
    <ul className="evidence" data-testid="contact-evidence">
      {evidence.map((item, index) => {
        const words = evidenceWords(t, item, sourceIsCase);
        return (
          <li key={`${item.kind}-${index}`} className={`evidence__item evidence__item--${item.kind}`} data-testid="evidence-item" data-kind={item.kind}>
            <span className="evidence__text" data-testid="evidence-text">
              {words.text}
            </span>
            {words.note !== null && (
              <span className="badge badge--warn" data-testid="evidence-note">
                {words.note}
              </span>
            )}
            {typeof item.ruleId === 'string' && (
              <code className="rule-id" title={t('evidence.rule')}>
                {item.ruleId}
              </code>
            )}
          </li>
        );
      })}
    </ul>
  );
}
