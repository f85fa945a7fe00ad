export { ComparePage, preloadComparePage, parseSelection, MAX_COMPARE } from './components/ComparePage';
export { KSelector } from './components/KSelector';
export { useExperimentsByName } from './api/get-experiment';
export { useExperimentsTable, fetchAllTableRows, useAllExperimentRows } from './api/get-experiments-table';
export type { Experiment, TableRow } from './types';
