import { DomainError } from '@epigrid/core';
import type { SourceMapper } from '../model/source-mapper.js';
import { casesSource } from './sources/cases.js';
import { checkInsSource } from './sources/check-ins.js';
import { labResultsSource } from './sources/lab-results.js';
import { registrySource } from './sources/registry.js';
import { stationsSource } from './sources/stations.js';
import { telecomSource } from './sources/telecom.js';
import { transportSource } from './sources/transport.js';
import { vaccinationsSource } from './sources/vaccinations.js';

/** Every source EpiGrid imports, by name (docs/data-formats.md). Adding a source: one mapper file, one line here. */
export const sourceCatalogue: ReadonlyMap<string, SourceMapper> = new Map(
  [registrySource, casesSource, labResultsSource, checkInsSource, telecomSource, transportSource, vaccinationsSource, stationsSource].map((m) => [m.source, m]),
);

/**
 * Finds a source's mapper.
 * @param name - source name, e.g. `check-ins`
 * @throws DomainError validation_failed naming the known sources
 */
export function sourceMapper(name: string): SourceMapper {
  const mapper = sourceCatalogue.get(name);
  if (mapper === undefined) {
    throw new DomainError('validation_failed', { field: 'source', reason: `unknown source "${name}"; use one of: ${[...sourceCatalogue.keys()].join(', ')}` });
  }
  return mapper;
}
