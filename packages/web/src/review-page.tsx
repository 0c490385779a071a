/** The reviewers' page: appeals and manual colour changes. */
import type { ReactElement } from 'react';
import type { Me } from './api-client.js';
import { AppealsPanel } from './appeals-panel.js';
import { OverridesPanel } from './overrides-panel.js';

/** Props of {@link ReviewPage}. */
export interface ReviewPageProps {
  readonly me: Me;
}

/** Appeals (all who may see them) and overrides (those who may ask for or approve them). */
export function ReviewPage({ me }: ReviewPageProps): ReactElement {
  const canOverride = me.abilities.includes('code.override.request') || me.abilities.includes('code.override.approve');
  return (
    <div className="review" data-testid="review-page">
      <AppealsPanel canDecide={me.abilities.includes('appeal.decide')} />
      {canOverride && <OverridesPanel username={me.username} />}
    </div>
  );
}
