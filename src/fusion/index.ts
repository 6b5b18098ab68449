/**
 * Fusion: mentions (events as each report tells them) → incidents, with
 * corroboration, conflicting figures and statistics. Pure functions; the store
 * runs them incrementally, one transaction per report.
 */
export { toMention, span, isPrecise, type Mention } from './mention.js';
export { Fusion, fuse, incidentOf, fusable, type Incident } from './cluster.js';
export { match, placeScore, typeScore, actorsCompatible } from './match.js';
export { independentSources, kindsOf, type SourceKind } from './sources.js';
export { figure, FIGURE_RULE } from './figures.js';
export { describe, type IncidentView } from './incident.js';
