import type { Messages } from './vi';
import type { geoVi } from './geo-vi';

/** English strings of boundary matching and the 2025 unit crosswalk. */
export const geoEn: Messages<typeof geoVi> = {
  match: {
    title: 'Matching boundaries to units',
    summary: '{{matched}}/{{features}} boundaries matched to a unit',
    byCode: 'by code: {{n}}',
    byName: 'by name: {{n}}',
    byAlias: 'by a name confirmed earlier: {{n}}',
    byConfirmed: 'chosen by you: {{n}}',
    registered: 'The workspace has no unit list yet: {{n}} units will be created from this boundary file.',
    registeredDone: '{{n}} units were created from the boundary file.',
    withoutGeometry: '{{n}} features have no shape and were rejected.',
    unmatchedFeatures: '{{n}} boundaries not matched',
    unmatchedUnits: '{{n}} units without a boundary',
    more: '… and {{n}} more',
    reasons: {
      no_key: 'no code and no name',
      no_match: 'no such unit',
      ambiguous: 'the name fits several units',
      duplicate: 'this unit already has another boundary in the file',
    },
    candidates: 'Could be: {{list}}',
    noCandidates: 'no unit with a similar name',
    score: '{{name}} ({{pct}})',
  },
  review: {
    title: 'Needs your confirmation',
    intro:
      'Nothing is guessed: choose the right unit for each item below, then press “Confirm”. Your choices are remembered for later imports.',
    loading: 'Loading what needs confirmation…',
    nothing: 'Nothing left to confirm.',
    boundaries: 'Boundaries not matched ({{n}})',
    reassignments: 'Models naming a pre-2025 unit that was split ({{n}})',
    feature: 'Boundary',
    model: 'Model',
    oldUnit: 'Old unit',
    unit: 'Unit',
    choose: 'Choose a unit…',
    chooseFor: 'Choose the unit for {{name}}',
    confirm: 'Confirm',
    confirmAll: 'Confirm {{n}} choices',
    saving: 'Saving…',
    saved: '{{n}} choices saved.',
    failed: 'The choices could not be saved: {{message}}',
    truncated: 'Showing the first {{shown}} of {{total}}.',
    featureName: 'Feature {{n}}',
    candidate: '{{name}} ({{code}}) · {{pct}} alike',
  },
  crosswalk: {
    title: 'Old units to new units (2025 reorganisation)',
    rows: '{{rows}} crosswalk rows: {{full}} whole, {{partial}} split.',
    reassigned: '{{n}} models moved to their new unit.',
    pending: '{{n}} models name a split old unit: choose the new unit.',
    unresolved: '{{n}} models name a unit that is neither registered nor in the crosswalk.',
  },
};
