import type { ViewId } from '../state/url-hash';
import { ComingNext } from '../views/coming/ComingNext';
import { ModelsView } from '../views/models/ModelsView';
import { OverviewView } from '../views/overview/OverviewView';

/** The page for a view id. */
export function ViewHost({ view }: { view: ViewId }) {
  switch (view) {
    case 'overview':
      return <OverviewView />;
    case 'models':
      return <ModelsView />;
    case 'pivot':
    case 'map':
    case 'trends':
    case 'shortlist':
      return <ComingNext view={view} />;
  }
}
