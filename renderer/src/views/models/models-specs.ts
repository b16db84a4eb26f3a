/** The specs of the Models page. Pure, so tests can check them. */
import type { Filter, ModelQuery, ModelValuesSpec } from '../../../../shared/specs';
import type { ModelSort } from '../../state/url-hash';

/** Rows fetched at once: the engine's maximum, so the whole filtered list scrolls without paging. */
export const MODEL_LIST_LIMIT = 200_000;

/** The full filtered model list, sorted by the engine. */
export function modelListSpec(filter: Filter, sort: ModelSort | null): ModelQuery {
  return {
    kind: 'models',
    ...(Object.keys(filter).length ? { filter } : {}),
    ...(sort ? { sort: { by: sort.by, dir: sort.dir } } : {}),
    limit: MODEL_LIST_LIMIT,
  };
}

/** One model's attributes (ignores the global filter: a selected model stays visible). */
export function modelDetailSpec(modelId: string): ModelQuery {
  return { kind: 'models', filter: { modelIds: [modelId] }, limit: 1 };
}

/** Every value the model reported. */
export function modelValuesSpec(modelId: string): ModelValuesSpec {
  return { kind: 'model_values', modelId };
}

/** Next sort after a header click: a new column sorts ascending, the same column flips direction. */
export function nextSort(current: ModelSort | null, column: ModelSort['by']): ModelSort {
  if (current?.by === column) return { by: column, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { by: column, dir: 'asc' };
}
