/** The worker's grid drawn as inline SVG (no map tiles: the field often has no internet), with a pin per task whose address has a location. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { urgencyOf } from './deadline.js';
import { fitProjection, polygonPath } from './grid-projection.js';
import { gridTaskHash } from './hash-route.js';
import type { GridInfo, TaskView } from './task-types.js';

/** Props of {@link GridMap}. */
export interface GridMapProps {
  readonly grid: GridInfo;
  readonly tasks: readonly TaskView[];
  readonly now: number;
}

const width = 360;
const height = 180;

/** The grid outline and task pins, coloured like the task cards. */
export function GridMap({ grid, tasks, now }: GridMapProps): ReactElement {
  const { t } = useTranslation();
  if (grid.polygon === null) {
    return (
      <p className="gridmap gridmap--empty muted" data-testid="grid-map">
        {t('grid.noMap', { name: grid.name })}
      </p>
    );
  }
  const projection = fitProjection(grid.polygon, width, height, 14);
  const pins = tasks.flatMap((task) => {
    const location = task.person?.location;
    if (location == null) return [];
    const tone = task.status === 'open' ? urgencyOf(task.deadline, now) : 'closed';
    return [{ task, tone, ...projection.project(location) }];
  });
  return (
    <figure className="gridmap" data-testid="grid-map">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('grid.mapLabel', { name: grid.name, count: pins.length })}>
        <path className="gridmap__area" d={polygonPath(grid.polygon, projection)} fillRule="evenodd" data-testid="grid-map-area" />
        {pins.map(({ task, tone, x, y }) => (
          <a key={task.id} href={gridTaskHash(task.id)} aria-label={task.person?.name ?? String(task.id)}>
            <circle className={`gridmap__pin gridmap__pin--${tone}`} cx={x} cy={y} r={7} data-testid="grid-map-pin" />
          </a>
        ))}
      </svg>
      <figcaption className="gridmap__caption">
        <span className="gridmap__name">{grid.name}</span>
        <span className="muted">{t('grid.workers', { count: grid.workers })}</span>
      </figcaption>
    </figure>
  );
}
