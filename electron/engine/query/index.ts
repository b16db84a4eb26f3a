/** Compile any validated spec to SQL. */
import type { Spec } from '../../../shared/specs';
import type { Sql } from '../db/sql';
import { compileAggregate } from './aggregate';
import type { CatalogCache } from './catalog-cache';
import { compileModelQuery, compileModelValues } from './models';
import { compilePivot } from './pivot-compile';
import { compileFieldBand } from './series-band';
import { compileSeries } from './series-compile';
import { compileMap } from './map-compile';
import { compileRank } from './rank-compile';

export function compileSpec(spec: Spec, catalog: CatalogCache): Sql {
  switch (spec.kind) {
    case 'models':
      return compileModelQuery(spec, { modelCount: catalog.modelCount });
    case 'aggregate':
      return compileAggregate(spec, catalog);
    case 'model_values':
      return compileModelValues(spec);
    case 'pivot':
      return compilePivot(spec, catalog);
    case 'series':
      return compileSeries(spec, catalog);
    case 'field_band':
      return compileFieldBand(spec, catalog);
    case 'map':
      return compileMap(spec, catalog);
    case 'rank':
      return compileRank(spec, catalog);
  }
}
