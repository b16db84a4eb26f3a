import type { ViewId } from '../state/url-hash';
import { ImportView } from '../views/import/ImportView';
import { MapView } from '../views/map/MapView';
import { ModelsView } from '../views/models/ModelsView';
import { OverviewView } from '../views/overview/OverviewView';
import { PivotView } from '../views/pivot/PivotView';
import { RankingView } from '../views/ranking/RankingView';
import { ShortlistView } from '../views/shortlist/ShortlistView';
import { TrendsView } from '../views/trends/TrendsView';

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
      return <MapView />;
    case 'trends':
      return <TrendsView />;
    case 'ranking':
      return <RankingView />;
    case 'shortlist':
      return <ShortlistView />;
    case 'import':
      return <ImportView />;
  }
}
