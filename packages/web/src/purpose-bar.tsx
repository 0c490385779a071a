/** The bar above a page that reads personal data: an optional back link and the declared purpose. */
import type { ReactElement } from 'react';
import type { Purpose } from '@epigrid/core';
import { PurposeSelect } from './purpose-select.js';

/** Props of {@link PurposeBar}. */
export interface PurposeBarProps {
  /** `id` of the select (unique on the page). */
  readonly id: string;
  readonly label: string;
  readonly purpose: Purpose | null;
  readonly onPurposeChange: (purpose: Purpose | null) => void;
  /** `data-testid` of the select. */
  readonly testId: string;
  /** A back link, if the page has one. */
  readonly back?: { readonly href: string; readonly label: string; readonly testId: string };
}

/** Back link on the left, purpose select on the right. */
export function PurposeBar({ id, label, purpose, onPurposeChange, testId, back }: PurposeBarProps): ReactElement {
  return (
    <div className="person__bar">
      {back !== undefined ? (
        <a className="button button--ghost" href={back.href} data-testid={back.testId}>
          ‹ {back.label}
        </a>
      ) : (
        <span />
      )}
      <div className="field person__purpose">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        <PurposeSelect id={id} value={purpose} onChange={onPurposeChange} testId={testId} />
      </div>
    </div>
  );
}
