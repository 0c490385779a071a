/**
 * The signed-in layout: header with the section navigation; the region tree beside the search and
 * person pages; the case list, case pages and transmission chains at full width.
 */
import { useEffect, useState } from 'react';
import type { ReactElement } from 'react';
import type { Purpose } from '@epigrid/core';
import type { Me, RegionNode } from './api-client.js';
import { AppHeader } from './app-header.js';
import { CaseListPage } from './case-list-page.js';
import { CasePage } from './case-page.js';
import { ChainsPage } from './chains-page.js';
import { ReviewsPage } from './reviews-page.js';
import { DemoRunBar } from './demo-run-bar.js';
import { MyCodePage } from './my-code-page.js';
import { GridPage } from './grid-page.js';
import { ImportsPage } from './imports-page.js';
import { caseHash, casesHash, gridHash, navigate, personHash, sectionOf, useHashRoute } from './hash-route.js';
import { PersonPage } from './person-page.js';
import { PassPage } from './pass-page.js';
import { PersonSearch } from './person-search.js';
import { PlaceCodePage } from './place-code-page.js';
import { ProgressPage } from './progress-page.js';
import { RegionTree } from './region-tree.js';
import { ReviewPage } from './review-page.js';
import { RiskAreasPage } from './risk-areas-page.js';

/** Props of {@link Workspace}. */
export interface WorkspaceProps {
  readonly me: Me;
  /** The purpose declared in this session, shared by the search, person and case pages. */
  readonly purpose: Purpose | null;
  readonly onPurposeChange: (purpose: Purpose | null) => void;
  readonly onLogout: () => void;
}

/** The main screen after sign-in. */
export function Workspace({ me, purpose, onPurposeChange, onLogout }: WorkspaceProps): ReactElement {
  const route = useHashRoute();
  const [region, setRegion] = useState<RegionNode | null>(null);
  const section = sectionOf(route);
  const wide = section !== 'search';

  // A grid worker's home is the task app.
  useEffect(() => {
    if (me.role === 'grid_worker' && route.name === 'home') navigate(gridHash);
    // Only where the session starts: later visits to the search page stay there.
  }, []);
  if (me.role === 'public') return <PublicWorkspace me={me} onLogout={onLogout} />;

  /** Declares a purpose for the session (if one was chosen) and shows the page under it. */
  const changePurpose = (next: Purpose | null, hash: string): void => {
    if (next !== null) onPurposeChange(next);
    navigate(hash);
  };

  return (
    <div className="shell">
      <AppHeader me={me} section={section} purpose={purpose} onLogout={onLogout} />
      <DemoRunBar canControl={me.abilities.includes('demo.control')} />
      <div className={`layout${route.name === 'person' ? ' layout--person' : ''}${wide ? ' layout--wide' : ''}`}>
        <aside className="layout__side" hidden={wide}>
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
              onPurposeChange={(next) => changePurpose(next, personHash(route.id, next))}
            />
          )}
          {route.name === 'cases' && (
            <CaseListPage purpose={route.purpose ?? purpose} onPurposeChange={(next) => changePurpose(next, casesHash(next))} />
          )}
          {route.name === 'case' && (
            <CasePage
              id={route.id}
              purpose={route.purpose ?? purpose}
              onPurposeChange={(next) => changePurpose(next, caseHash(route.id, next))}
              canTrace={me.abilities.includes('person.write')}
              canPrintOrders={me.abilities.includes('quarantine_order.print')}
            />
          )}
          {route.name === 'chains' && <ChainsPage purpose={purpose} />}
          {route.name === 'risk-areas' && <RiskAreasPage canImport={me.abilities.includes('risk-area.import')} />}
          {route.name === 'review' && <ReviewPage me={me} />}
          {route.name === 'placeCode' && <PlaceCodePage placeId={route.id} />}
          {route.name === 'reviews' && <ReviewsPage />}
          {route.name === 'imports' && me.abilities.includes('import.run') && <ImportsPage />}
          {route.name === 'grid' && <GridPage me={me} taskId={route.taskId} />}
          {route.name === 'progress' && <ProgressPage trail={route.trail} showNotices={me.abilities.includes('task.notice.read')} />}
        </main>
      </div>
    </div>
  );
}

/** A member of the public sees their own pass, the reason for its colour (with an appeal) and scans place codes, nothing else. */
function PublicWorkspace({ me, onLogout }: Pick<WorkspaceProps, 'me' | 'onLogout'>): ReactElement {
  return (
    <div className="shell">
      <AppHeader me={me} section="search" purpose={null} onLogout={onLogout} />
      <main className="layout layout--wide">
        <PassPage />
        <MyCodePage />
      </main>
    </div>
  );
}
