/**
 * The section navigation: person search, cases, transmission chains, risk areas, reviews (for reviewers),
 * imports (for users who run imports), place codes and the progress view; a grid worker gets their task app and the person search.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Purpose, Role } from '@epigrid/core';
import { casesHash, chainsHash, gridHash, homeHash, importsHash, placeCodeHash, progressHash, reviewHash, reviewsHash, riskAreasHash } from './hash-route.js';
import type { Section } from './hash-route.js';

/** Props of {@link AppNav}. */
export interface AppNavProps {
  /** The section shown now. */
  readonly section: Section;
  /** The session's declared purpose, carried to the case list. */
  readonly purpose: Purpose | null;
  /** The signed-in user's role, which decides the sections offered. */
  readonly role: Role;
  /** The signed-in user's abilities (reviews, progress view). */
  readonly abilities: readonly string[];
}

/** Tabs linking to the sections; the current one is marked with `aria-current`. */
export function AppNav({ section, purpose, role, abilities }: AppNavProps): ReactElement {
  const { t } = useTranslation();
  const canReview = abilities.includes('appeal.decide') || abilities.includes('code.override.request');
  const links: ReadonlyArray<{ readonly section: Section; readonly href: string; readonly label: string }> =
    role === 'grid_worker'
      ? [
          { section: 'grid', href: gridHash, label: t('nav.grid') },
          { section: 'search', href: homeHash, label: t('nav.search') },
        ]
      : [
          { section: 'search', href: homeHash, label: t('nav.search') },
          { section: 'cases', href: casesHash(purpose), label: t('nav.cases') },
          { section: 'chains', href: chainsHash, label: t('nav.chains') },
          ...(abilities.includes('task.read') ? [{ section: 'progress' as const, href: progressHash([]), label: t('nav.progress') }] : []),
          { section: 'risk-areas', href: riskAreasHash, label: t('nav.riskAreas') },
          ...(canReview ? [{ section: 'review' as const, href: reviewHash, label: t('nav.review') }] : []),
          ...(abilities.includes('person.write') ? [{ section: 'reviews' as const, href: reviewsHash, label: t('nav.reviews') }] : []),
          ...(abilities.includes('import.run') ? [{ section: 'imports' as const, href: importsHash, label: t('nav.imports') }] : []),
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
