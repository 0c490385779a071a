/** The contacts of one kind (close, sub-close or companions) as a list of cards, long lists folded. */
import { useState } from 'react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Purpose } from '@epigrid/core';
import type { ContactKind, TracedContact } from './case-types.js';
import { ContactCard } from './contact-card.js';
import { formatCount } from './format.js';
import { useLanguage } from './use-language.js';

/** How many contacts a group shows before "show all". */
export const foldedContacts = 30;

const titleKey: Readonly<Record<ContactKind, string>> = { close: 'contacts.close', 'sub-close': 'contacts.subClose', companion: 'contacts.companion' };
const hintKey: Readonly<Record<ContactKind, string>> = {
  close: 'contacts.closeHint',
  'sub-close': 'contacts.subCloseHint',
  companion: 'contacts.companionHint',
};

/** Props of {@link ContactGroup}. */
export interface ContactGroupProps {
  readonly kind: ContactKind;
  readonly contacts: readonly TracedContact[];
  readonly purpose: Purpose;
  /** Names of the case's close contacts by person id, to say via whom a sub-close contact was exposed. */
  readonly closeNames: ReadonlyMap<number, string | null>;
}

/** A titled section of contact cards. */
export function ContactGroup({ kind, contacts, purpose, closeNames }: ContactGroupProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? contacts : contacts.slice(0, foldedContacts);
  const viaLabel = (contact: TracedContact): string | null => {
    if (contact.kind !== 'sub-close' || contact.viaPersonId === null) return null;
    const name = closeNames.get(contact.viaPersonId);
    if (name === undefined) return t('contacts.viaPerson', { id: contact.viaPersonId });
    return name ?? t('contacts.viaOther');
  };
  return (
    <section className="contact-group" aria-labelledby={`contacts-${kind}`} data-testid={`contacts-${kind}`}>
      <h3 id={`contacts-${kind}`} className="contact-group__title">
        {t(titleKey[kind])}
        <span className="contact-group__count" data-testid={`contacts-${kind}-count`}>
          {formatCount(language, contacts.length)}
        </span>
      </h3>
      <p className="panel__hint">{t(hintKey[kind])}</p>
      {contacts.length === 0 ? (
        <p className="muted">{t('contacts.none')}</p>
      ) : (
        <ul className="contacts">
          {shown.map((contact) => (
            <ContactCard key={`${contact.personId}-${contact.viaPersonId ?? 0}`} contact={contact} purpose={purpose} viaLabel={viaLabel(contact)} />
          ))}
        </ul>
      )}
      {!expanded && contacts.length > shown.length && (
        <button type="button" className="button contact-group__more" onClick={() => setExpanded(true)} data-testid={`contacts-${kind}-more`}>
          {t('contacts.showAll', { count: contacts.length, formattedCount: formatCount(language, contacts.length) })}
        </button>
      )}
    </section>
  );
}
