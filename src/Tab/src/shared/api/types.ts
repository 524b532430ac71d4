// The tab's names for the service's types. The types themselves are generated from the service's OpenAPI document
// (generated.ts, by `bash scripts/tab-api.sh`; docs/tab-api.md says what they mean): a change on the server that the
// tab does not follow fails `npm run build:tab`, and the test command fails while generated.ts is stale.
import type { components } from './generated';

type Schemas = components['schemas'];

/**
 * A list of every value of the union `T`, checked: a value the service adds and the list lacks (or one it drops)
 * fails the build. `allOf<T>()([...])`.
 */
function allOf<T extends string>() {
  return <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)): readonly T[] => list;
}

export type Role = Schemas['Role'];
export const roles = allOf<Role>()(['coordinator', 'consultant', 'topManagement', 'serviceAreaLeader', 'unitLeader', 'unitCoordinator', 'member']);
export type AreaRef = Schemas['AreaDto'];
export type Me = Schemas['MeDto'];
export type DevSignIn = Schemas['DevSignInResponse'];
/** Someone to name, found by the people picker; `inOrganisation` false is a person the organisation does not know yet. */
export type PersonChoice = Schemas['PersonChoiceDto'];
export type People = Schemas['PeopleDto'];

export type MeetingStatus = Schemas['MeetingStatus'];
export const meetingStatuses = allOf<MeetingStatus>()(['held', 'notHeld', 'missing', 'dayOff', 'upcoming']);

export type BenefitKind = Schemas['BenefitKind'];
export const benefitKinds = allOf<BenefitKind>()(['timeSaved', 'money', 'quality', 'leadTime', 'capacityFreed', 'userSatisfaction']);
export type BenefitMeasure = Schemas['BenefitMeasure'];
export const benefitMeasures = allOf<BenefitMeasure>()(['hours', 'nok', 'sek', 'daysOfLeadTime', 'placesFreed']);
export type BenefitAmount = Schemas['BenefitTotalDto'];
/** `month` is `2026-11`. */
export type MonthlyBenefit = Schemas['MonthBenefitDto'];
/** `statuses` has one per entry of `Overview.weeks`, oldest first. */
export type OverviewUnit = Schemas['OverviewUnitDto'];
/** Counted from the improvement records: new and done in the weeks shown, in progress now. */
export type ImprovementCounts = Schemas['ImprovementCountsDto'];
/** A unit whose benefit figures were left out of the sums as out of bounds, to be corrected on its page. */
export type LeftOut = Schemas['LeftOutDto'];
/** `weeks` are ISO weeks, `2026-W47`, oldest first. */
export type Overview = Schemas['OverviewDto'];
/** `unitIds`: units registered to the channel (`register unit`) that the caller may see. */
export type ChannelUnits = Schemas['ChannelUnitsDto'];

export type GoalStatus = Schemas['GoalStatus'];
export type Stage = Schemas['ImprovementStage'];
export const stages = allOf<Stage>()(['suggested', 'inProgress', 'done', 'benefitRealised', 'rejected']);
export type OpenClosed = Schemas['DeviationStatus'];

/** `traces`: the goal's parents up to the overall goal, nearest first; `unlinked` when it reaches none of them. */
export type Goal = Schemas['GoalDto'];
export type Indicator = Schemas['IndicatorDto'];
export type IndicatorDirection = Schemas['IndicatorDirection'];
/**
 * `suggestedBy` put it up; `ownerName` is null for an owner the organisation no longer knows (erased) and `ownerRemoved`
 * true for one who left it; `moves` are the stages it may be moved to by hand; `etag` goes back with every change.
 */
export type Improvement = Schemas['ImprovementDto'];
export type PickLevel = Schemas['PickLevel'];
export type PickQuadrant = Schemas['PickQuadrant'];
export const pickQuadrants = allOf<PickQuadrant>()(['implement', 'challenge', 'possible', 'kill']);
/** Where each quadrant of the PICK grid sits: its effort and effect. */
export const pickPlaces: Record<PickQuadrant, { effort: PickLevel; effect: PickLevel }> = {
  possible: { effort: 'low', effect: 'low' },
  implement: { effort: 'low', effect: 'high' },
  challenge: { effort: 'high', effect: 'high' },
  kill: { effort: 'high', effect: 'low' },
};
/** Someone of the unit, offered as an improvement's owner; `id` is their e-mail. */
export type BoardPerson = Schemas['BoardPersonDto'];
/** A new improvement: `ownerId` and `dueDate` (yyyy-MM-dd) may be null. */
export type ImprovementInput = Schemas['CreateImprovementRequest'];
/** `followUpId` names the follow-up area it became; `etag` is sent back with a change. */
export type Deviation = Schemas['DeviationDto'];

/** Someone offered first as a follow-up area's owner; `id` is their e-mail. */
export type FollowUpOwner = Schemas['OwnerDto'];
/** The roles a follow-up area's owner is offered in. */
export type OwnerRole = Extract<Role, 'unitLeader' | 'unitCoordinator' | 'serviceAreaLeader'>;
export type FollowUpInput = Pick<Schemas['FollowUpRequest'], 'ownerId' | 'deadline'> & { ownerId: string; deadline: string };
// The service writes a follow-up area's status as text (its type lives where the tab's pages are, its states with the
// reviews): "open" or "closed", as a deviation's.
export type FollowUp = Omit<Schemas['FollowUpDto'], 'status'> & { status: OpenClosed };
export type DeviationFollowUp = Omit<Schemas['DeviationFollowUpDto'], 'followUp'> & { followUp: FollowUp };

export type ReportCycle = Schemas['ReportCycle'];
export type BenefitStage = Schemas['BenefitStage'];
export const benefitStages = allOf<BenefitStage>()(['identified', 'planned', 'realised', 'reinvested']);
/** `amount` is null when what is stored is no number; `countable` is false when it is left out of every sum. */
export type UnitBenefit = Schemas['BenefitDto'];
/** The amounts one measure takes: above `min` (from it, for a whole number), at most `max`. */
export type BenefitRange = Schemas['BenefitRangeDto'];
/** A correction; `amount` as typed, a plain number such as `12.5`, which the service reads exactly. */
export type BenefitInput = Omit<Schemas['CorrectBenefitRequest'], 'etag' | 'amount'> & { kind: BenefitKind; measure: BenefitMeasure; amount: string };
/** A new benefit: of an improvement (`improvementId`) or of the unit (`title`), at its estimate (`identified`, as typed). */
export type NewBenefitInput = Omit<Schemas['CreateBenefitRequest'], 'identified' | 'kind' | 'measure'> & { kind: BenefitKind; measure: BenefitMeasure; identified: string };

/** What one stage is recorded with: an amount as typed (in årsverk when `inWorkYears`), a date, or for reinvested a text. */
export interface StageInput {
  stage: BenefitStage;
  amount: string;
  inWorkYears: boolean;
  date: string;
  text: string;
}

/** `canWorkOnBoard`, `canManageFollowUps` and `canCorrectBenefits` say which buttons to show; the service checks again. */
export type UnitDetails = Omit<Schemas['UnitDto'], 'followUps'> & { followUps: FollowUp[] };

export type AppointmentKind = Schemas['AppointmentKind'];
export const appointmentKinds = allOf<AppointmentKind>()(['semiAnnualReview', 'gembaWalk', 'fishboneAnalysis']);
export type AppointmentStatus = Schemas['AppointmentStatus'];
/** `year` is the plan it belongs to; `canManage` for the coordinator and its owner; `etag` goes back with a change. */
export type Appointment = Schemas['WheelAppointmentDto'];
export type PersonRef = Schemas['WheelPersonDto'];
/** `warnings`: what the change left to look at; `told`: how many people were told in Teams. */
export type AppointmentChanged = Schemas['AppointmentChangedDto'];
export type Holiday = Schemas['WheelHolidayDto'];
export type Blackout = Schemas['WheelPeriodDto'];
export type Deadline = Schemas['WheelDeadlineDto'];
/** `people`: who an appointment can be handed to; empty unless the caller may hand one over. */
export type YearWheel = Schemas['YearWheelDto'];

export type ActionStatus = Schemas['ActionStatus'];
export const actionStatuses = allOf<ActionStatus>()(['notStarted', 'inProgress', 'done']);
export type ActionPlanRow = Schemas['ActionRowDto'];
/** A row as the form makes it; the service also takes each field missing, to name it in its answer. */
export type ActionPlanRowInput = Omit<ActionPlanRow, 'id' | 'etag'>;
export type ActionPlan = Schemas['ActionPlanDto'];

export type DeliveryReason = Schemas['DeliveryReason'];
export const deliveryReasons = allOf<DeliveryReason>()(['blockedByPerson', 'botNotInTeam', 'conversationNotFound', 'noRoute', 'other']);
export type DeliveryAdvice = Schemas['DeliveryAdvice'];
export type DeliveryRoute = Schemas['DeliveryRoute'];
/**
 * A unit the app cannot reach. `route`, `person`, `status`, `code` and `at` describe the latest message that failed for
 * good (Teams' HTTP status and error code); all null for a unit with no channel and no chat with its leader at all.
 */
export type UnreachableUnit = Schemas['UnreachableUnitDto'];
export type Delivery = Schemas['DeliveryDto'];

/** The request bodies, as the service reads them. */
export type Requests = {
  devSignIn: Schemas['DevSignInRequest'];
  closeDeviation: Schemas['CloseDeviationRequest'];
  followUpDeviation: Schemas['FollowUpRequest'];
  createBenefit: Schemas['CreateBenefitRequest'];
  correctBenefit: Schemas['CorrectBenefitRequest'];
  recordBenefitStage: Schemas['RecordStageRequest'];
  moveAppointment: Schemas['MoveAppointmentDto'];
  cancelAppointment: Schemas['CancelAppointmentDto'];
  reassignAppointment: Schemas['ReassignAppointmentDto'];
  actionPlanRow: Schemas['ActionRowInput'];
  archiveUnit: Schemas['ArchiveRequest'];
  createImprovement: Schemas['CreateImprovementRequest'];
  moveImprovement: Schemas['MoveImprovementRequest'];
  improvementOwner: Schemas['ImprovementOwnerRequest'];
  improvementDueDate: Schemas['ImprovementDueDateRequest'];
  improvementPlace: Schemas['ImprovementPlaceRequest'];
};

export type ReportFormat = 'csv' | 'xlsx';

export type ImportChangeKind = Schemas['ImportChangeKind'];
export type ImportSubject = Schemas['ImportSubject'];
export type ImportChange = Schemas['ImportChangeDto'];
export type ImportProblem = Schemas['ImportProblemDto'];
export type ImportPreview = Schemas['ImportPreviewDto'];
export type OrganisationChange = Schemas['OrganisationChangeDto'];
export type ServiceAreaKind = Schemas['ServiceAreaKind'];
export const serviceAreaKinds = allOf<ServiceAreaKind>()(['serviceArea', 'topManagement']);

/** A unit as its form reads and sends it; `etag` goes back with a save, `leaderOnly` says the caller is its leader only. */
export type UnitForm = Schemas['UnitForm'];
export type UnitGoalForm = Schemas['UnitGoalForm'];
export type BoardMeetingForm = Schemas['BoardMeetingForm'];
export type GuidanceForm = Schemas['GuidanceForm'];
export type AreaForm = Schemas['AreaForm'];
export type AreaGoalForm = Schemas['AreaGoalForm'];
export type SettingsForm = Schemas['SettingsForm'];
export type HolidayPeriodForm = Schemas['HolidayPeriodForm'];
/** Someone the organisation knows: `id` is their e-mail. */
export type KnownPerson = Schemas['KnownPersonDto'];
export type OrganisationForms = Schemas['OrganisationFormsDto'];
/** One person's organisation-wide roles as the Organisation page sends them; `name` only for someone new. */
export type PersonRolesForm = Schemas['PersonRolesForm'];
/** A person a one-unit form names, and a goal its goals may support. */
export type PersonName = Schemas['PersonNameDto'];
export type GoalChoice = Schemas['GoalChoiceDto'];
/** The years the organisation keeps check-ins (and its change history). */
export type Retention = Schemas['RetentionDto'];
