/** The specs of the Models page. Pure, so tests can check them. */
import type { AggregateSpec, Filter, ModelQuery, ModelValuesSpec } from '../../../../shared/specs';
import type { ModelSort } from '../../state/url-hash';

/**
 * Rows of one page of the list. The table fetches only the pages on screen (plus one ahead): a page is a
 * cheap top-N on the engine, where the whole list of a large workspace is megabytes per filter change.
 */
export const MODEL_PAGE_SIZE = 500;

/** The engine's maximum rows per `models` spec: the whole filtered list for an export. */
export const MODEL_LIST_LIMIT = 200_000;

const filterPart = (filter: Filter) => (Object.keys(filter).length ? { filter } : {});
const sortPart = (sort: ModelSort | null) => (sort ? { sort: { by: sort.by, dir: sort.dir } } : {});

/** The whole filtered model list, sorted by the engine (the export); past the engine's maximum, from `offset`. */
export function modelListSpec(filter: Filter, sort: ModelSort | null, offset = 0): ModelQuery {
  return {
    kind: 'models',
    ...filterPart(filter),
    ...sortPart(sort),
    limit: MODEL_LIST_LIMIT,
    ...(offset ? { offset } : {}),
  };
}

/** Page `page` (from 0) of the same list: same filter, same sort (ties broken by id on the engine). */
export function modelPageSpec(filter: Filter, sort: ModelSort | null, page: number): ModelQuery {
  return {
    kind: 'models',
    ...filterPart(filter),
    ...sortPart(sort),
    limit: MODEL_PAGE_SIZE,
    offset: page * MODEL_PAGE_SIZE,
  };
}

/**
 * How many models the list holds: a count over `model_dim` with the list's own filter semantics (both
 * apply the filter to models active in the period), so the scrollbar is right before any page arrives.
 */
export function modelCountSpec(filter: Filter): AggregateSpec {
  return { kind: 'aggregate', measures: [{ type: 'count_models' }], ...filterPart(filter) };
}

/**
 * The pages to hold for rows `first`..`last` (inclusive) of a list of `total` rows: the pages those rows
 * fall in, then one ahead, in the order they should load.
 */
export function pagesForRows(first: number, last: number, total: number): number[] {
  if (total <= 0) return [];
  const lastPage = Math.ceil(total / MODEL_PAGE_SIZE) - 1;
  const from = Math.min(lastPage, Math.max(0, Math.floor(first / MODEL_PAGE_SIZE)));
  const to = Math.min(lastPage, Math.max(from, Math.floor(last / MODEL_PAGE_SIZE)) + 1);
  const pages: number[] = [];
  for (let p = from; p <= to; p++) pages.push(p);
  return pages;
}

/** One model's attributes (ignores the global filter: a selected model stays visible). */
export function modelDetailSpec(modelId: string): ModelQuery {
  return { kind: 'models', filter: { modelIds: [modelId] }, limit: 1 };
}

/** Every value one model reported. */
export function modelValuesSpec(modelId: string): ModelValuesSpec {
  return { kind: 'model_values', modelId };
}

/** Next sort after a header click: a new column sorts ascending, the same column flips direction. */
export function nextSort(current: ModelSort | null, column: ModelSort['by']): ModelSort {
  if (current?.by === column) return { by: column, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { by: column, dir: 'asc' };
}
