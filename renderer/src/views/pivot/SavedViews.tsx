import { SavedViewPicker } from '../../components/SavedViewPicker';
import { useAtlas } from '../../state/store';
import { PivotSpecSchema } from '../../../../shared/pivot-spec';
import { formatLayout, layoutFromSpec, toSpec, type PivotLayout } from './pivot-layout';

/** Props of SavedViews. */
export interface SavedViewsProps {
  layout: PivotLayout;
}

/**
 * Save the current pivot under a name, with the global filter in force (so re-exporting next month's
 * data is one click, also from `dvk export`); open or delete saved pivots (stored in the workspace).
 */
export function SavedViews({ layout }: SavedViewsProps) {
  const filter = useAtlas((s) => s.filter);
  return (
    <SavedViewPicker
      view="pivot"
      words="pivot.saved"
      cls="pivot-saved"
      makeSpec={() => toSpec(layout, filter)}
      open={(spec) => {
        const l = layoutFromSpec(spec);
        if (!l) return;
        // The saved filter comes back with the layout (none saved = no filter).
        const saved = PivotSpecSchema.safeParse(spec);
        const st = useAtlas.getState();
        st.applyUrl({
          view: st.view,
          filter: saved.success ? (saved.data.filter ?? {}) : st.filter,
          modelSort: st.modelSort,
          selectedModel: st.selectedModel,
          pivot: formatLayout(l),
        });
      }}
    />
  );
}
