/** One label/value line of a record (inside a `<dl>`). */
import type { ReactElement, ReactNode } from 'react';

/** Props of {@link RecordRow}. */
export interface RecordRowProps {
  readonly label: string;
  readonly children: ReactNode;
}

/** A `<dt>`/`<dd>` pair. */
export function RecordRow({ label, children }: RecordRowProps): ReactElement {
  return (
    <div className="record__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
