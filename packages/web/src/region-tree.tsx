/** The region tree of the user's jurisdiction; selecting a node filters the person search. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchRegion } from './api-client.js';
import type { RegionNode } from './api-client.js';
import { ErrorMessage } from './error-message.js';
import { RegionTreeNode } from './region-tree-node.js';
import { useAsync } from './use-async.js';

/** Props of {@link RegionTree}. */
export interface RegionTreeProps {
  /** The root of the user's jurisdiction. */
  readonly rootId: number;
  readonly selectedId: number | null;
  readonly onSelect: (node: RegionNode) => void;
}

/** The region tree panel. */
export function RegionTree({ rootId, selectedId, onSelect }: RegionTreeProps): ReactElement {
  const { t } = useTranslation();
  const root = useAsync(() => fetchRegion(rootId), [rootId]);
  return (
    <section className="panel tree" aria-labelledby="tree-title" data-testid="region-tree">
      <h2 id="tree-title" className="panel__title">
        {t('tree.title')}
      </h2>
      <p className="panel__hint">{t('tree.filterHint')}</p>
      {root.loading && <p className="muted">{t('tree.loading')}</p>}
      {root.error !== null && <ErrorMessage error={root.error} />}
      {root.data !== null && (
        <ul className="tree__root" role="tree" aria-labelledby="tree-title">
          <RegionTreeNode node={root.data} depth={0} selectedId={selectedId} onSelect={onSelect} initiallyExpanded />
        </ul>
      )}
    </section>
  );
}
