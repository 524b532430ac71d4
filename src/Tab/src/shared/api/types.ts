// Shapes of docs/tab-api.md, the one contract between the tab and the service.

export type Role = 'coordinator' | 'consultant' | 'serviceAreaLeader' | 'unitLeader' | 'unitCoordinator' | 'member';

export interface AreaRef {
  id: string;
  name: string;
}

export interface Me {
  tenantId: string;
  organisation: string;
  name: string;
  email: string;
  roles: Role[];
  canEditActionPlan: boolean;
  areas: AreaRef[];
}

export interface DevSignIn {
  token: string;
  name: string;
}

export type MeetingStatus = 'held' | 'notHeld' | 'missing' | 'dayOff' | 'upcoming';
export const meetingStatuses: readonly MeetingStatus[] = ['held', 'notHeld', 'missing', 'dayOff', 'upcoming'];

export type BenefitKind = 'timeSaved' | 'money' | 'quality' | 'leadTime' | 'capacityFreed' | 'userSatisfaction';

export interface BenefitAmount {
  /** A `BenefitKind`, or a kind this tab does not know yet (shown as is). */
  kind: BenefitKind | (string & {});
  measure: string;
  amount: number;
}

export interface MonthlyBenefit extends BenefitAmount {
  /** `2026-11` */
  month: string;
}

export interface OverviewUnit {
  id: string;
  name: string;
  areaId: string;
  /** One per entry of `Overview.weeks`, oldest first. */
  statuses: MeetingStatus[];
  helpNeeded: string | null;
  /** Counted from the improvement records: new and done in the weeks shown, in progress now. */
  improvements: ImprovementCounts;
}

export interface ImprovementCounts {
  new: number;
  inProgress: number;
  done: number;
}

/** A unit whose benefit figures were left out of the sums as out of bounds, to be corrected on its page. */
export interface LeftOut {
  unitId: string;
  name: string;
  count: number;
}

export interface Overview {
  /** ISO weeks, `2026-W47`, oldest first. */
  weeks: string[];
  units: OverviewUnit[];
  benefitsThisYear: BenefitAmount[];
  benefitsByMonth: MonthlyBenefit[];
  benefitsLeftOut: LeftOut[];
}

export interface ChannelUnits {
  /** Units registered to the channel (`register unit`) that the caller may see. */
  unitIds: string[];
}

export type GoalStatus = 'green' | 'yellow' | 'red';
export type Stage = 'suggested' | 'inProgress' | 'done' | 'benefitRealised' | 'rejected';
export const stages: readonly Stage[] = ['suggested', 'inProgress', 'done', 'benefitRealised', 'rejected'];
export type OpenClosed = 'open' | 'closed';

export interface Goal {
  name: string;
  status: GoalStatus | null;
  /** The goal's parents up to the overall goal, nearest first. */
  traces: string[];
  /** True when the organisation has overall goals and this goal does not trace to one. */
  unlinked: boolean;
}

export interface Improvement {
  id: string;
  title: string;
  stage: Stage;
  owner: string;
  createdAt: string;
}

export interface Deviation {
  id: string;
  text: string;
  reportedOn: string;
  status: OpenClosed;
  /** The follow-up area the deviation became, when it was closed as one. */
  followUpId: string | null;
  /** The version read; a change sends it back, so one made meanwhile is not overwritten. */
  etag: string | null;
}

export type OwnerRole = 'unitLeader' | 'unitCoordinator' | 'serviceAreaLeader';

/** Someone offered first as a follow-up area's owner; `id` is their e-mail. */
export interface FollowUpOwner {
  id: string;
  name: string;
  role: OwnerRole | (string & {});
}

export interface FollowUpInput {
  ownerId: string;
  deadline: string;
}

export interface DeviationFollowUp {
  deviation: Deviation;
  followUp: FollowUp;
}

export interface FollowUp {
  id: string;
  text: string;
  owner: string;
  deadline: string;
  status: OpenClosed;
  overdue: boolean;
}

export type BenefitStage = 'identified' | 'planned' | 'realised' | 'reinvested';

export interface UnitBenefit extends Omit<BenefitAmount, 'amount'> {
  id: string;
  /** Null when what is stored is no number (NaN, infinity). */
  amount: number | null;
  stage: BenefitStage | (string & {});
  realisedOn: string | null;
  affects: string[];
  /** False when the figure is out of bounds and left out of every sum: it wants correcting or deleting. */
  countable: boolean;
  correctedBy: string | null;
  improvementId: string | null;
  etag: string | null;
}

/** The amounts one measure takes: above `min` (from it, for a whole number), at most `max`. */
export interface BenefitRange {
  measure: string;
  min: number;
  max: number;
  decimals: number;
}

export interface BenefitInput {
  kind: string;
  measure: string;
  /** As typed, a plain number such as `12.5`; the service reads it exactly. */
  amount: string;
}

export interface UnitDetails {
  id: string;
  name: string;
  areaId: string;
  areaName: string;
  leader: string;
  goals: Goal[];
  improvements: Improvement[];
  deviations: Deviation[];
  followUps: FollowUp[];
  benefits: UnitBenefit[];
  /** The caller may close deviations (and move improvements). The service checks again. */
  canWorkOnBoard: boolean;
  /** The caller may make a deviation a follow-up area. The service checks again. */
  canManageFollowUps: boolean;
  followUpOwners: FollowUpOwner[];
  /** The caller may correct or delete a benefit (the coordinator, the unit's leader and Lean coordinators). The service checks again. */
  canCorrectBenefits: boolean;
  benefitRanges: BenefitRange[];
}

export type AppointmentKind = 'semiAnnualReview' | 'gembaWalk' | 'fishboneAnalysis';
export type AppointmentStatus = 'planned' | 'done' | 'cancelled';

export interface Appointment {
  id: string;
  kind: AppointmentKind;
  unitId: string;
  unitName: string;
  start: string;
  end: string;
  owner: string;
  status: AppointmentStatus;
  /** The plan it belongs to; a fishbone analysis may fall in the next year. */
  year: number;
  ownerId: string;
  /** The coordinator and the appointment's owner may move, cancel or hand it over. */
  canManage: boolean;
  /** Sent back with a change; a change by someone else meanwhile answers 412. */
  etag: string;
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface AppointmentChanged {
  appointment: Appointment;
  /** What the change left for someone to look at (a walk apart from its review, someone booked twice). */
  warnings: string[];
  /** How many people were told in Teams. */
  told: number;
}

export interface Holiday {
  date: string;
  name: string;
  country: string;
}

export interface Blackout {
  from: string;
  to: string;
  name: string;
}

export interface Deadline {
  date: string;
  name: string;
}

export interface YearWheel {
  year: number;
  appointments: Appointment[];
  holidays: Holiday[];
  blackouts: Blackout[];
  deadlines: Deadline[];
  /** Who an appointment can be handed to; empty unless the caller may hand one over. */
  people: PersonRef[];
}

export type ActionStatus = 'notStarted' | 'inProgress' | 'done';
export const actionStatuses: readonly ActionStatus[] = ['notStarted', 'inProgress', 'done'];

export interface ActionPlanRowInput {
  challenge: string;
  measures: string;
  responsible: string;
  deadline: string;
  status: ActionStatus;
}

export interface ActionPlanRow extends ActionPlanRowInput {
  id: string;
  etag: string;
}

export interface ActionPlan {
  rows: ActionPlanRow[];
}

export type ReportFormat = 'csv' | 'xlsx';
