export { FrontierChart, buildFrontierFigure } from './components/FrontierChart';
export { DeltaCards } from './components/DeltaCards';
export { ItemPanels } from './components/ItemPanels';
export { UserDiffPanel } from './components/UserDiffPanel';
export { JobProgress, type JobMember } from './components/JobProgress';
export { useRerankReport } from './api/get-rerank-report';
export { useUserDiff } from './api/get-user-diff';
export { useRerank } from './api/rerank';
export { useSweep } from './api/sweep';
export {
  OBJECTIVES, RERANK_KS, SWEEP_LAMBDAS, beyondMetricFor, calibrationColumns, closestByLambda, isObjective, lambdaLabel,
  objectiveInfo, parseUsers, similarityOptions, sourceOf, sweepSeries,
} from './lib/rerank';
export type { DerivedExperiment, FrontierPoint, Objective, RerankReport, RerankSpec, UserDiff } from './types';
export { MAX_USERS_PARAM, readUserGroup, rerankGroupHref, storeUserGroup, usersFromSearch } from './lib/group';
export { useRerankSpec, type RerankSpecState } from './hooks/use-rerank-spec';
export { useFrontier, useFrontierAxes } from './hooks/use-frontier';
export { useJobMembers, useRerankJob } from './hooks/use-rerank-job';
