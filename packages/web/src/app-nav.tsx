/** The section navigation: person search, cases, transmission chains, identity reviews (for reviewers). */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Purpose } from '@epigrid/core';
import { casesHash, chainsHash, homeHash, placeCodeHash, reviewHash, reviewsHash, riskAreasHash } from './hash-route.js';
import type { Section } from './hash-route.js';

/** Props of {@link AppNav}. */
export interface AppNavProps {
  /** The section shown now. */
  readonly section: Section;
  /** The session's declared purpose, carried to the case list. */
  readonly purpose: Purpose | null;
  /** Show the reviewers' section (appeals, overrides). */
  readonly canReview?: boolean | undefined;
  /** Whether the user decides identity reviews (the `person.write` ability). */
  readonly canReviewIdentities?: boolean | undefined;
}

/** Tabs linking to the sections; the current one is marked with `aria-current`. */
export function AppNav({ section, purpose, canReview = false, canReviewIdentities = false }: AppNavProps): ReactElement {
  const { t } = useTranslation();
  const links: ReadonlyArray<{ readonly section: Section; readonly href: string; readonly label: string }> = [
    { section: 'search', href: homeHash, label: t('nav.search') },
    { section: 'cases', href: casesHash(purpose), label: t('nav.cases') },
    { section: 'chains', href: chainsHash, label: t('nav.chains') },
    { section: 'risk-areas', href: riskAreasHash, label: t('nav.riskAreas') },
    ...(canReview ? [{ section: 'review' as const, href: reviewHash, label: t('nav.review') }] : []),
    ...(canReviewIdentities ? [{ section: 'reviews' as const, href: reviewsHash, label: t('nav.reviews') }] : []),
    { section: 'placeCodes', href: placeCodeHash(null), label: t('nav.placeCodes') },
  ];
  return (
    <nav className="topnav" aria-label={t('nav.label')}>
      {links.map((link) => (
        <a
          key={link.section}
          className="topnav__link"
          href={link.href}
          aria-current={link.section === section ? 'page' : undefined}
          data-testid={`nav-${link.section}`}
        >
          {link.label}
        </a>
      ))}
    </nav>
  );
}
