/** The signed-in layout: header, region tree beside the search, and the person page when one is open. */
import { useState } from 'react';
import type { ReactElement } from 'react';
import type { Purpose } from '@epigrid/core';
import type { Me, RegionNode } from './api-client.js';
import { AppHeader } from './app-header.js';
import { navigate, personHash, useHashRoute } from './hash-route.js';
import { PersonPage } from './person-page.js';
import { PersonSearch } from './person-search.js';
import { RegionTree } from './region-tree.js';

/** Props of {@link Workspace}. */
export interface WorkspaceProps {
  readonly me: Me;
  /** The purpose declared in this session, shared by the search and the person page. */
  readonly purpose: Purpose | null;
  readonly onPurposeChange: (purpose: Purpose | null) => void;
  readonly onLogout: () => void;
}

/** The main screen after sign-in. */
export function Workspace({ me, purpose, onPurposeChange, onLogout }: WorkspaceProps): ReactElement {
  const route = useHashRoute();
  const [region, setRegion] = useState<RegionNode | null>(null);

  const changePersonPurpose = (id: number, next: Purpose | null): void => {
    if (next !== null) onPurposeChange(next);
    navigate(personHash(id, next));
  };

  return (
    <div className="shell">
      <AppHeader me={me} onLogout={onLogout} />
      <div className={`layout${route.name === 'person' ? ' layout--person' : ''}`}>
        <aside className="layout__side">
          <RegionTree rootId={me.regionId} selectedId={region?.id ?? null} onSelect={setRegion} />
        </aside>
        <main className="layout__main">
          <PersonSearch
            purpose={purpose}
            onPurposeChange={onPurposeChange}
            region={region}
            onClearRegion={() => setRegion(null)}
            hidden={route.name !== 'home'}
          />
          {route.name === 'person' && (
            <PersonPage
              id={route.id}
              purpose={route.purpose ?? purpose}
              onPurposeChange={(next) => changePersonPurpose(route.id, next)}
            />
          )}
        </main>
      </div>
    </div>
  );
}
