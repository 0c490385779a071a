/** The members of a person's household, each linking to their own page under the same purpose. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { HouseholdMember, Purpose } from '@epigrid/core';
import { ageToday } from './format.js';
import { personHash } from './hash-route.js';

/** Props of {@link HouseholdMembers}. */
export interface HouseholdMembersProps {
  readonly members: readonly HouseholdMember[];
  /** The person whose page this is (marked, not linked, if the server lists them). */
  readonly selfId: number;
  readonly purpose: Purpose;
}

/** A list of household members. */
export function HouseholdMembers({ members, selfId, purpose }: HouseholdMembersProps): ReactElement {
  const { t } = useTranslation();
  const others = members.filter((member) => member.id !== selfId);
  if (others.length === 0) return <p className="muted">{t('person.noHousehold')}</p>;
  return (
    <ul className="household" data-testid="household-members">
      {others.map((member) => {
        const age = ageToday(member.birthDate);
        return (
          <li key={member.id} className="household__member">
            <a href={personHash(member.id, purpose)}>{member.name}</a>
            <span className="muted">
              {t(`sex.${member.sex}`, { defaultValue: member.sex })} · {member.birthDate}
              {age !== null && ` (${t('person.ageValue', { count: age })})`}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
