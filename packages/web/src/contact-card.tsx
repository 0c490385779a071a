/**
 * One traced contact: who, why (evidence in words), when (first and last exposure) and what follows
 * (quarantine end date, test days), with the accepting rules. A person outside the reader's
 * jurisdiction is shown only as "handled by another jurisdiction": no name, place or times.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Purpose } from '@epigrid/core';
import type { TracedContact } from './case-types.js';
import { EvidenceList } from './evidence-list.js';
import { formatTimestamp } from './format.js';
import { personHash } from './hash-route.js';
import { ManagementSummary } from './management-summary.js';

/** Props of {@link ContactCard}. */
export interface ContactCardProps {
  readonly contact: TracedContact;
  /** The purpose the case was read for (person links keep it). */
  readonly purpose: Purpose;
  /** For a sub-close contact: how to name the close contact it was exposed to. */
  readonly viaLabel: string | null;
}

/** A contact as a card. */
export function ContactCard({ contact, purpose, viaLabel }: ContactCardProps): ReactElement {
  const { t } = useTranslation();
  const outside = !contact.withinJurisdiction || contact.personName === null;
  // Rules already named beside an evidence item are not repeated below the card.
  const shownRules = new Set(outside ? [] : contact.evidence.map((item) => item.ruleId));
  const otherRules = contact.ruleIds.filter((rule) => !shownRules.has(rule));
  return (
    <li
      className={`contact${outside ? ' contact--outside' : ''}`}
      data-testid="contact-row"
      data-kind={contact.kind}
      data-person-id={outside ? undefined : contact.personId}
    >
      <div className="contact__who">
        {outside ? (
          <span className="contact__name contact__name--outside" title={t('contacts.otherJurisdictionHint')} data-testid="contact-outside">
            {t('contacts.otherJurisdiction')}
          </span>
        ) : (
          <a className="contact__name" href={personHash(contact.personId, purpose)} data-testid="contact-name">
            {contact.personName}
          </a>
        )}
        {!outside && contact.gridName !== null && <span className="muted contact__grid">{contact.gridName}</span>}
        {viaLabel !== null && (
          <span className="chip" data-testid="contact-via">
            {t('contacts.via', { name: viaLabel })}
          </span>
        )}
      </div>
      {outside ? (
        <p className="contact__body muted">{t('contacts.otherJurisdictionHint')}</p>
      ) : (
        <div className="contact__body">
          <div className="contact__why">
            <EvidenceList evidence={contact.evidence} sourceIsCase={contact.kind !== 'sub-close'} />
          </div>
          <div className="contact__when">
            <span className="contact__last" data-testid="contact-last-exposure">
              {t('contacts.lastExposure', { time: formatTimestamp(contact.lastExposure) })}
            </span>
            {contact.firstExposure !== contact.lastExposure && (
              <span className="muted">{t('contacts.firstExposure', { time: formatTimestamp(contact.firstExposure) })}</span>
            )}
          </div>
          <ManagementSummary management={contact.management} />
        </div>
      )}
      {otherRules.length > 0 && (
        <p className="contact__rules">
          <span>{t('contacts.rules')}:</span>
          {otherRules.map((rule) => (
            <code key={rule} className="rule-id">
              {rule}
            </code>
          ))}
        </p>
      )}
    </li>
  );
}
