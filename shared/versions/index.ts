/** The versions feature: checkpoints, compare, restore and the activity feed, framework-free. */
export {
  type ActivityItem,
  type ActivityItemsOptions,
  activityItems,
  formatActivityItem,
} from './activityFeed';
export { SUMMARY_KEYS, type SummaryItem, type SummaryKey, summarizeDiff } from './diffSummary';
export {
  type ChangeStatus,
  type CollectionDiff,
  type ContentDiff,
  changeStatusById,
  diffContent,
  type ElementChange,
  type FieldChange,
  isEmptyDiff,
} from './diffVersions';
export { restoreVersion } from './restoreVersion';
export {
  autoVersionId,
  calendarDay,
  type DailyVersionOptions,
  DEFAULT_TIME_ZONE,
  maybeSaveDailyVersion,
  type SaveVersionOptions,
  saveVersion,
} from './saveVersion';
export { contentOf, sameContent, type VersionContent } from './versionContent';
export {
  decodeVersionSnapshot,
  encodeVersionSnapshot,
  VERSION_SNAPSHOT_FORMAT,
  VersionSnapshotError,
  type VersionSnapshotErrorReason,
} from './versionSnapshot';
export {
  type ActivityMessageKey,
  formatActivityLine,
  formatSummary,
  formatSummaryItem,
  VERSION_MESSAGES,
  type VersionMessages,
  versionDisplayName,
} from './versionText';
