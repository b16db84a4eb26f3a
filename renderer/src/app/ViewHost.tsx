import type { ViewId } from '../state/url-hash';
import { ComingNext } from '../views/coming/ComingNext';
import { ImportView } from '../views/import/ImportView';
import { ModelsView } from '../views/models/ModelsView';
import { OverviewView } from '../views/overview/OverviewView';
import { PivotView } from '../views/pivot/PivotView';

/** The page for a view id. */
export function ViewHost({ view }: { view: ViewId }) {
  switch (view) {
    case 'overview':
      return <OverviewView />;
    case 'models':
      return <ModelsView />;
    case 'pivot':
      return <PivotView />;
    case 'map':
    case 'trends':
    case 'shortlist':
      return <ComingNext view={view} />;
    case 'import':
      return <ImportView />;
  }
}
