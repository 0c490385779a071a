/** The door keeper's view after a place-code scan: the visitor's colour, masked name, venue and time. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from './format.js';
import type { DoorKeeperView as View } from './pass-api.js';

/** Props of {@link DoorKeeperView}. */
export interface DoorKeeperViewProps {
  readonly view: View;
}

/** A big colour card to show at the door; a scan that looks forwarded says so instead of checking in. */
export function DoorKeeperView({ view }: DoorKeeperViewProps): ReactElement {
  const { t } = useTranslation();
  const colour = view.colour ?? 'unknown';
  return (
    <section className={`door door--${colour}`} data-testid="door-keeper" data-colour={colour} data-checked-in={view.checkedIn}>
      <p className="door__venue">{view.venue.name}</p>
      <p className="door__colour">{t(`passes.colours.${colour}`)}</p>
      <p className="door__name">{view.maskedName}</p>
      <p className="door__time">{formatTimestamp(view.scannedAt)}</p>
      {view.flagged === null ? (
        <p className="door__status">{t('passes.checkedIn')}</p>
      ) : (
        <p className="door__status door__status--flagged" role="alert" data-testid="door-flagged">
          {t(`passes.flags.${view.flagged}`)}
        </p>
      )}
    </section>
  );
}
