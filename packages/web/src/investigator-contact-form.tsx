/**
 * "Add a contact from an interview": a person the field investigator judged to be a close contact of
 * the case (domain rules §1.1 item 9), found by name within the jurisdiction, with the investigation
 * reference and the exposure in China time. The server stores it and traces the case again.
 */
import { useState } from 'react';
import type { FormEvent, KeyboardEvent, ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSummary, Purpose } from '@epigrid/core';
import { addInvestigatorContact, ApiError, searchPersons } from './api-client.js';
import type { InvestigatorContactResult } from './api-client.js';
import { ErrorMessage } from './error-message.js';
import { displayUtcOffsetMinutes } from './format.js';

/** Props of {@link InvestigatorContactForm}. */
export interface InvestigatorContactFormProps {
  readonly caseId: number;
  /** The purpose declared on the case page, also used for the person search. */
  readonly purpose: Purpose;
  /** Called after the contact was added and the case traced again, to reload the contacts. */
  readonly onAdded: (result: InvestigatorContactResult) => void;
}

type Status =
  | { readonly state: 'idle' }
  | { readonly state: 'busy' }
  | { readonly state: 'done'; readonly result: InvestigatorContactResult }
  | { readonly state: 'invalid'; readonly message: string }
  | { readonly state: 'failed'; readonly error: ApiError };

const pad = (n: number): string => String(n).padStart(2, '0');
const zone = `+${pad(Math.floor(displayUtcOffsetMinutes / 60))}:${pad(displayUtcOffsetMinutes % 60)}`;

/**
 * A `datetime-local` value read as China Standard Time, as an ISO time with its offset.
 * @param local - YYYY-MM-DDTHH:mm
 */
function chinaTime(local: string): string {
  return `${local.slice(0, 16)}:00${zone}`;
}

const asApiError = (error: unknown): ApiError => (error instanceof ApiError ? error : new ApiError(0, 'internal', String(error)));

/** The form, its person search and its outcome. */
export function InvestigatorContactForm({ caseId, purpose, onAdded }: InvestigatorContactFormProps): ReactElement {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<readonly PersonSummary[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [person, setPerson] = useState<PersonSummary | null>(null);
  const [reference, setReference] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<Status>({ state: 'idle' });

  const search = async (): Promise<void> => {
    const q = query.trim();
    if (q === '') return;
    setSearching(true);
    try {
      setFound((await searchPersons({ q, purpose, regionId: null, limit: 10, offset: 0 })).items);
    } catch (error) {
      setFound(null);
      setStatus({ state: 'failed', error: asApiError(error) });
    } finally {
      setSearching(false);
    }
  };

  const searchOnEnter = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void search();
  };

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (person === null || reference.trim() === '' || from === '' || to === '') {
      setStatus({ state: 'invalid', message: t('contactForm.required') });
      return;
    }
    if (chinaTime(from) > chinaTime(to)) {
      setStatus({ state: 'invalid', message: t('contactForm.order') });
      return;
    }
    setStatus({ state: 'busy' });
    try {
      const result = await addInvestigatorContact(caseId, {
        personId: person.id,
        reference: reference.trim(),
        from: chinaTime(from),
        to: chinaTime(to),
        ...(note.trim() === '' ? {} : { note: note.trim() }),
      });
      setStatus({ state: 'done', result });
      setPerson(null);
      setFound(null);
      setQuery('');
      setReference('');
      setNote('');
      onAdded(result);
    } catch (error) {
      setStatus({ state: 'failed', error: asApiError(error) });
    }
  };

  return (
    <details className="record__section" data-testid="investigator-contact">
      <summary>{t('contactForm.title')}</summary>
      <p className="panel__hint">{t('contactForm.hint')}</p>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <span className="field__label">{t('contactForm.person')}</span>
          {person === null ? (
            <>
              <div className="search__row">
                <input
                  className="input"
                  type="search"
                  value={query}
                  placeholder={t('contactForm.searchPlaceholder')}
                  aria-label={t('contactForm.searchPlaceholder')}
                  onChange={(event) => setQuery(event.target.value)}
                  onKeyDown={searchOnEnter}
                  autoComplete="off"
                  data-testid="investigator-contact-query"
                />
                <button type="button" className="button" disabled={searching} onClick={() => void search()} data-testid="investigator-contact-search">
                  {searching ? t('contactForm.searching') : t('contactForm.search')}
                </button>
              </div>
              {found !== null && found.length === 0 && <p className="muted">{t('contactForm.noMatch')}</p>}
              {found !== null && found.length > 0 && (
                <ul className="results" data-testid="investigator-contact-results">
                  {found.map((p) => (
                    <li key={p.id} className="results__row">
                      <span className="results__name">{p.name}</span> <span className="muted">{p.gridName}</span>{' '}
                      <span className="mono">{p.residentIdMasked}</span>{' '}
                      <button type="button" className="link-button" onClick={() => setPerson(p)} data-testid="investigator-contact-pick">
                        {t('contactForm.pick')}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : (
            <p data-testid="investigator-contact-person">
              {t('contactForm.picked', { name: person.name, grid: person.gridName, residentId: person.residentIdMasked })}{' '}
              <button type="button" className="link-button" onClick={() => setPerson(null)}>
                {t('contactForm.change')}
              </button>
            </p>
          )}
        </div>
        <label className="field">
          <span className="field__label">{t('contactForm.reference')}</span>
          <input
            className="input"
            value={reference}
            maxLength={200}
            placeholder={t('contactForm.referencePlaceholder')}
            onChange={(event) => setReference(event.target.value)}
            data-testid="investigator-contact-reference"
          />
        </label>
        <label className="field">
          <span className="field__label">{t('contactForm.from')}</span>
          <input className="input" type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} data-testid="investigator-contact-from" />
        </label>
        <label className="field">
          <span className="field__label">{t('contactForm.to')}</span>
          <input className="input" type="datetime-local" value={to} onChange={(event) => setTo(event.target.value)} data-testid="investigator-contact-to" />
        </label>
        <label className="field">
          <span className="field__label">{t('contactForm.note')}</span>
          <textarea className="input" value={note} maxLength={2000} rows={2} onChange={(event) => setNote(event.target.value)} data-testid="investigator-contact-note" />
        </label>
        <button type="submit" className="button button--primary" disabled={status.state === 'busy'} data-testid="investigator-contact-submit">
          {status.state === 'busy' ? t('contactForm.submitting') : t('contactForm.submit')}
        </button>
      </form>
      {status.state === 'invalid' && (
        <p className="alert alert--error" role="alert">
          {status.message}
        </p>
      )}
      {status.state === 'done' && (
        <p className="alert alert--info" role="status" data-testid="investigator-contact-result">
          {t(status.result.added ? 'contactForm.added' : 'contactForm.already', { ...status.result })}
        </p>
      )}
      {status.state === 'failed' && <ErrorMessage error={status.error} testId="investigator-contact-error" />}
    </details>
  );
}
