/** The facility a transfer names, chosen from the isolation facilities serving the worker's area. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { freeRooms, orderFacilities } from './facility-choice.js';
import { loadFacilities } from './facility-list.js';
import type { FacilityView } from './task-types.js';
import { useAsync } from './use-async.js';

/** Props of {@link FacilitySelect}. */
export interface FacilitySelectProps {
  /** The chosen facility id as text, '' for none. */
  readonly value: string;
  readonly onChange: (value: string) => void;
}

/** A select of the facilities (rooms free first), or a note when the list cannot be had. */
export function FacilitySelect({ value, onChange }: FacilitySelectProps): ReactElement {
  const { t } = useTranslation();
  // Wrapped so "still loading" (no data) differs from "no list anywhere" (list null).
  const facilities = useAsync(async () => ({ list: await loadFacilities() }), []);
  // Rooms before the area: a phone cuts a long option short, and the rooms decide the choice.
  const rooms = (f: FacilityView): string | null => {
    const free = freeRooms(f);
    return free === null ? null : t('outcomeForm.freeRooms', { count: free });
  };
  const label = (f: FacilityView): string => [f.name, rooms(f), f.region.name].filter((part) => part !== null).join(' · ');
  const chosen = facilities.data?.list?.find((f) => String(f.id) === value) ?? null;
  return (
    <label className="field">
      <span className="field__label">{t('outcomeForm.facility')}</span>
      {facilities.data === null && <span className="muted">{t('app.loading')}</span>}
      {facilities.data?.list === null && (
        <span className="alert alert--error" data-testid="outcome-facility-unavailable">
          {t('outcomeForm.facilitiesUnavailable')}
        </span>
      )}
      {facilities.data?.list?.length === 0 && <span className="muted">{t('outcomeForm.noFacilities')}</span>}
      {facilities.data?.list !== undefined && facilities.data.list !== null && facilities.data.list.length > 0 && (
        <select className="input" value={value} onChange={(event) => onChange(event.target.value)} data-testid="outcome-facility">
          <option value="">{t('outcomeForm.chooseFacility')}</option>
          {orderFacilities(facilities.data.list).map((f) => (
            <option key={f.id} value={String(f.id)}>
              {label(f)}
            </option>
          ))}
        </select>
      )}
      {chosen !== null && (
        <span className="facilityselect__chosen" data-testid="outcome-facility-chosen">
          <strong>{chosen.name}</strong>
          <span className="muted">{[chosen.region.name, rooms(chosen)].filter((part) => part !== null).join(' · ')}</span>
        </span>
      )}
    </label>
  );
}
