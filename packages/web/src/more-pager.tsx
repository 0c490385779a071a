/** Previous / next paging for lists whose total the server does not count. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from './format.js';
import { useLanguage } from './use-language.js';

/** Props of {@link MorePager}. */
export interface MorePagerProps {
  readonly offset: number;
  readonly limit: number;
  /** Items on this page. */
  readonly shown: number;
  /** Whether there is at least one more item after this page. */
  readonly hasMore: boolean;
  readonly onChange: (offset: number) => void;
  /** i18n key of the range text, with `from` and `to`. */
  readonly rangeKey: string;
}

/** The pager below a list without a total. */
export function MorePager({ offset, limit, shown, hasMore, onChange, rangeKey }: MorePagerProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <button type="button" className="button" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))} data-testid="pager-prev">
        ‹ {t('pager.previous')}
      </button>
      <span className="pager__range" data-testid="pager-range">
        {t(rangeKey, { from: formatCount(language, shown === 0 ? 0 : offset + 1), to: formatCount(language, offset + shown) })}
      </span>
      <button type="button" className="button" disabled={!hasMore} onClick={() => onChange(offset + limit)} data-testid="pager-next">
        {t('pager.next')} ›
      </button>
    </nav>
  );
}
