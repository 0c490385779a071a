/** A case as chain views name it: a link to the case page with the person's name and the case number. */
import type { ReactElement } from 'react';
import type { Purpose } from '@epigrid/core';
import type { ChainCase } from './case-types.js';
import { caseHash } from './hash-route.js';

/** Props of {@link ChainCaseLink}. */
export interface ChainCaseLinkProps {
  readonly caseId: number;
  /** The case, when the report lists it (cases outside the jurisdiction are only numbered). */
  readonly chainCase: ChainCase | undefined;
  /** The session's purpose, carried to the case page. */
  readonly purpose: Purpose | null;
}

/** "Name #id" linking to the case page. */
export function ChainCaseLink({ caseId, chainCase, purpose }: ChainCaseLinkProps): ReactElement {
  return (
    <a className="chain-case" href={caseHash(caseId, purpose)} data-testid="chain-case-link" data-case-id={caseId}>
      {chainCase !== undefined && <span className="chain-case__name">{chainCase.personName}</span>}
      <span className="chain-case__id mono">#{caseId}</span>
    </a>
  );
}
