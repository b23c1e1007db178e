export { ChainMap, type ChainMapCreateOptions, type ChainMapTemplateOptions, LOCAL_ORIGIN } from './ChainMap';
export { ACTOR_HEIGHT, ACTOR_WIDTH, LANE_WIDTH, laneIndexAt, laneX, phaseIdAt } from './laneGeometry';
export { MIGRATIONS, type Migration } from './migrations';
export { CURRENT_SCHEMA_VERSION, NewerSchemaError } from './schemaVersion';
export { defaultPhaseLabels, ketenaanpakStarter } from './starterTemplate';
export * from './types';
