/** One node of the region tree, with its lazily loaded children. */
import { useEffect, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fetchRegionChildren } from './api-client.js';
import type { RegionNode } from './api-client.js';
import { ErrorMessage } from './error-message.js';
import { formatCount, localName } from './format.js';
import { useLanguage } from './use-language.js';

/** Props of {@link RegionTreeNode}. */
export interface RegionTreeNodeProps {
  readonly node: RegionNode;
  readonly depth: number;
  readonly selectedId: number | null;
  readonly onSelect: (node: RegionNode) => void;
  readonly initiallyExpanded?: boolean;
}

/** A tree item: expand toggle, name, level, population and person count; children below when expanded. */
export function RegionTreeNode({ node, depth, selectedId, onSelect, initiallyExpanded = false }: RegionTreeNodeProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const [expanded, setExpanded] = useState(false);
  const [children, setChildren] = useState<readonly RegionNode[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const requested = useRef(false);
  const name = localName(language, node.nameZh, node.nameEn);
  const expandable = node.childCount > 0;

  const load = (): void => {
    requested.current = true;
    setLoading(true);
    setError(null);
    fetchRegionChildren(node.id).then(
      (items) => {
        setChildren(items);
        setLoading(false);
      },
      (caught: unknown) => {
        setError(caught instanceof ApiError ? caught : new ApiError(0, 'internal', String(caught)));
        setLoading(false);
      },
    );
  };

  const toggle = (): void => {
    if (!expanded && children === null && !loading) load();
    setExpanded(!expanded);
  };

  useEffect(() => {
    if (!initiallyExpanded || !expandable || requested.current) return;
    setExpanded(true);
    load();
    // Runs once, on mount: the root of the tree opens by itself.
  }, []);

  return (
    <li
      className="tree__item"
      role="treeitem"
      aria-expanded={expandable ? expanded : undefined}
      aria-selected={selectedId === node.id}
      data-testid="region-node"
      data-region-id={node.id}
    >
      <div className={`tree__row${selectedId === node.id ? ' tree__row--selected' : ''}`} style={{ paddingLeft: `${depth * 0.9}rem` }}>
        {expandable ? (
          <button
            type="button"
            className="tree__toggle"
            onClick={toggle}
            aria-label={t(expanded ? 'tree.collapse' : 'tree.expand', { name })}
            data-testid="region-toggle"
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span className="tree__toggle tree__toggle--leaf" aria-hidden="true">
            •
          </span>
        )}
        <button type="button" className="tree__label" onClick={() => onSelect(node)} data-testid="region-select">
          <span className="tree__name">
            {name}
            <span className="chip chip--level">{t(`levels.${node.level}`, { defaultValue: node.level })}</span>
          </span>
          <span className="tree__stats">
            <span>
              {t('tree.population')} {formatCount(language, node.population)}
            </span>
            <span>
              {t('tree.persons')} {formatCount(language, node.personCount)}
            </span>
          </span>
        </button>
      </div>
      {expanded && (
        <>
          {loading && (
            <p className="tree__status" style={{ paddingLeft: `${(depth + 1) * 0.9 + 1.6}rem` }}>
              {t('tree.loading')}
            </p>
          )}
          {error !== null && <ErrorMessage error={error} />}
          {children !== null && children.length > 0 && (
            <ul className="tree__group" role="group">
              {children.map((child) => (
                <RegionTreeNode key={child.id} node={child} depth={depth + 1} selectedId={selectedId} onSelect={onSelect} />
              ))}
            </ul>
          )}
        </>
      )}
    </li>
  );
}
