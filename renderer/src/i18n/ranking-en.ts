/** English strings of the ranking view and the integrity flags (`ranking.*`), merged into en.ts. */
import type { rankingVi } from './ranking-vi';
import type { Messages } from './vi';

import { RANK_WORDS_EN } from '../../../shared/rank-words';
import { FLAG_TEXT_EN } from '../../../shared/flag-text';

export const rankingEn: Messages<typeof rankingVi> = {
  title: 'Model ranking',
  intro:
    'A composite score from the components you choose; each is turned into a percentile rank within the peer group, so a single outlier cannot dominate.',
  preset: 'Question',
  presetCustom: 'Custom',
  presets: {
    households_per_vnd: 'Most households supported per VND mobilised',
    fast_turnaround_satisfaction: 'Fastest administrative turnaround with high satisfaction',
    reach_efficiency: 'Most beneficiaries per resident and per VND',
    sustained: 'Sustained: long-running, regular reporting, rising trend',
    participation_per_capita: 'Most citizen participation per 10,000 residents',
  },
  peer: 'Compare within',
  peers: { field: 'Same field', unit_type: 'Same unit type', all: 'All models' },
  weights: 'Components and weights',
  weight: 'Weight',
  weightOf: 'Weight of {{name}}',
  remove: 'Remove',
  removeComponent: 'Remove component {{name}}',
  add: 'Add a component',
  addIndicator: 'Indicator',
  addPer: 'Basis',
  addButton: 'Add',
  /** Component and basis labels live in shared/rank-words.ts (the replication brief uses them too). */
  per: RANK_WORDS_EN.per,
  component: RANK_WORDS_EN.component,
  indicatorPer: '{{name}} ({{per}})',
  exclude: 'Leave out models flagged with',
  excludeHint: 'Flags never remove a model by themselves; you choose which to leave out.',
  showFlag: 'Only show models flagged',
  anyFlag: 'All models',
  count: '{{n}} models ranked',
  shownOf: 'Showing {{shown}} of {{n}}',
  showMore: 'Show more',
  /** Title of the exported / presented table when it is not the plain ranking. */
  tableTitle: {
    sorted: '{{title}}, sorted by {{column}} ({{dir}})',
    asc: 'ascending',
    desc: 'descending',
    flagged: '{{title}} — only models flagged “{{flag}}”',
  },
  columns: {
    rank: 'Rank',
    score: 'Score',
    name: 'Model',
    unit: 'Ward/commune',
    field: 'Field',
    flags: 'Flags',
    shortlist: 'Shortlist',
  },
  sortBy: 'Sort by {{column}}',
  scoreOf: 'Score {{score}} out of 100',
  breakdown: 'Score breakdown',
  breakdownOf: 'Score breakdown: {{name}}',
  breakdownHint: 'Select a model in the table to see its score breakdown.',
  closeBreakdown: 'Close breakdown',
  bd: {
    component: 'Component',
    raw: 'Value',
    percentile: 'Percentile',
    weight: 'Weight',
    contribution: 'Contribution',
    notReported: 'not reported',
  },
  peerCompare: 'Against its peers ({{peer}})',
  median: 'Peer median',
  top10: 'Peer top decile',
  thisModel: 'This model',
  flagsTitle: 'Data integrity flags',
  noFlags: 'No flags.',
  save: {
    label: 'Save as a view',
    name: 'View name',
    button: 'Save',
    open: 'Open a saved view',
    none: '— choose —',
    savedAs: 'Saved “{{name}}”.',
    failed: 'Could not save (code {{code}}).',
  },
  /** The integrity flags' words live in shared/flag-text.ts (the replication brief uses them too). */
  flag: FLAG_TEXT_EN,
  shortlist: {
    add: 'Add to shortlist',
    remove: 'Remove from shortlist',
    added: 'On the shortlist',
  },
};
