/**
 * A case page, read for a declared purpose: the case facts, a re-trace button for roles that may
 * write, and the traced contacts grouped by kind with the evidence for each.
 */
import { useMemo, useState } from 'react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Purpose } from '@epigrid/core';
import { fetchCase } from './api-client.js';
import type { ContactKind, TracedContact } from './case-types.js';
import { CaseFacts } from './case-facts.js';
import { PrintOrdersButton } from './bulk-actions.js';
import { ContactGroup } from './contact-group.js';
import { ErrorMessage } from './error-message.js';
import { casesHash } from './hash-route.js';
import { InvestigatorContactForm } from './investigator-contact-form.js';
import { PurposeBar } from './purpose-bar.js';
import { RetraceButton } from './retrace-button.js';
import { useAsync } from './use-async.js';

const kinds: readonly ContactKind[] = ['close', 'sub-close', 'companion'];

/** Props of {@link CasePage}. */
export interface CasePageProps {
  /** Case report row id. */
  readonly id: number;
  /** The declared purpose; the case is read only once there is one. */
  readonly purpose: Purpose | null;
  readonly onPurposeChange: (purpose: Purpose | null) => void;
  /** Whether the user may re-trace (ability `person.write`). */
  readonly canTrace: boolean;
  /** Whether the user may print quarantine orders (ability `quarantine_order.print`). */
  readonly canPrintOrders?: boolean;
}

/** The case page. */
export function CasePage({ id, purpose, onPurposeChange, canTrace, canPrintOrders = false }: CasePageProps): ReactElement {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const detail = useAsync(() => (purpose === null ? null : fetchCase(id, purpose)), [id, purpose, version]);
  const data = detail.data !== null && detail.data.case.id === id ? detail.data : null;

  const groups = useMemo(() => {
    const byKind = new Map<ContactKind, TracedContact[]>(kinds.map((kind) => [kind, []]));
    for (const contact of data?.contacts ?? []) byKind.get(contact.kind)?.push(contact);
    return byKind;
  }, [data]);
  const closeNames = useMemo(
    () => new Map((groups.get('close') ?? []).map((contact) => [contact.personId, contact.withinJurisdiction ? contact.personName : null])),
    [groups],
  );
  const count = (kind: ContactKind): number => groups.get(kind)?.length ?? 0;
  const toQuarantine = useMemo(
    () => [...(groups.get('close') ?? []), ...(groups.get('sub-close') ?? [])].filter((c) => c.withinJurisdiction).map((c) => c.personId),
    [groups],
  );

  return (
    <section className="panel case" data-testid="case-page" data-case-id={id}>
      <PurposeBar
        id="case-purpose"
        label={t('person.purpose')}
        purpose={purpose}
        onPurposeChange={onPurposeChange}
        testId="case-purpose-select"
        back={{ href: casesHash(purpose), label: t('case.back'), testId: 'case-back' }}
      />
      {purpose === null && <p className="alert alert--info">{t('case.choosePurpose')}</p>}
      {detail.loading && data === null && <p className="muted">{t('case.loading')}</p>}
      {detail.error !== null && <ErrorMessage error={detail.error} testId="case-error" />}
      {data !== null && purpose !== null && (
        <div className="record" data-testid="case-record">
          <div className="case__head">
            <h2 className="record__name" data-testid="case-title">
              {t('case.title', { reportId: data.case.reportId })}
            </h2>
            {canTrace && <RetraceButton caseId={id} onTraced={() => setVersion((v) => v + 1)} />}
          </div>
          <CaseFacts record={data.case} purpose={purpose} />
          {canPrintOrders && toQuarantine.length > 0 && <PrintOrdersButton personIds={[...new Set(toQuarantine)]} purpose={purpose} />}
          {canTrace && <InvestigatorContactForm caseId={id} purpose={purpose} onAdded={() => setVersion((v) => v + 1)} />}
          <section className="record__section" aria-labelledby="case-contacts">
            <h3 id="case-contacts">
              {t('contacts.title')}
              <span className="muted case__summary" data-testid="contacts-summary">
                {' '}
                · {t('contacts.summary', { close: count('close'), subClose: count('sub-close'), companions: count('companion') })}
              </span>
            </h3>
            {data.case.tracedAt === null && data.contacts.length === 0 ? (
              <p className="muted" data-testid="case-never-traced">
                {t('contacts.neverTraced')}
              </p>
            ) : (
              kinds.map((kind) => <ContactGroup key={kind} kind={kind} contacts={groups.get(kind) ?? []} purpose={purpose} closeNames={closeNames} />)
            )}
          </section>
        </div>
      )}
    </section>
  );
}
