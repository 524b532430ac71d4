import { apiDownload, apiFetch } from './apiFetch';
import type {
  ActionPlan,
  ActionPlanRow,
  ActionPlanRowInput,
  ImportPreview,
  Appointment,
  AppointmentChanged,
  BenefitInput,
  NewBenefitInput,
  ChannelUnits,
  Delivery,
  Deviation,
  DeviationFollowUp,
  DevSignIn,
  FollowUpInput,
  Improvement,
  ImprovementInput,
  PickLevel,
  Me,
  OrganisationChange,
  OrganisationForms,
  AreaForm,
  SettingsForm,
  KnownPerson,
  PersonRolesForm,
  Retention,
  UnitForm,
  Overview,
  People,
  ReportCycle,
  StageInput,
  ReportFormat,
  Requests,
  UnitBenefit,
  UnitDetails,
  YearWheel,
} from './types';

// One function per route of docs/tab-api.md. A read takes the signal of the page that asked: when the page goes away
// or asks for something else, the request is aborted.
const base = '/api/tab';

export const tabApi = {
  devSignIn: (email: string) =>
    apiFetch<DevSignIn>(`${base}/dev-signin`, { method: 'POST', json: { email, tenantId: null } satisfies Requests['devSignIn'], anonymous: true }),
  me: (signal?: AbortSignal) => apiFetch<Me>(`${base}/me`, { signal }),
  overview: (areaId?: string, signal?: AbortSignal) =>
    apiFetch<Overview>(areaId ? `${base}/overview?area=${encodeURIComponent(areaId)}` : `${base}/overview`, { signal }),
  unit: (unitId: string, signal?: AbortSignal) => apiFetch<UnitDetails>(`${base}/units/${encodeURIComponent(unitId)}`, { signal }),
  closeDeviation: (unitId: string, deviation: Deviation) =>
    apiFetch<Deviation>(deviationPath(unitId, deviation.id, 'close'), {
      method: 'POST',
      json: { etag: deviation.etag } satisfies Requests['closeDeviation'],
    }),
  followUpDeviation: (unitId: string, deviation: Deviation, input: FollowUpInput) =>
    apiFetch<DeviationFollowUp>(deviationPath(unitId, deviation.id, 'followup'), {
      method: 'POST',
      json: { etag: deviation.etag, ownerId: input.ownerId, deadline: input.deadline } satisfies Requests['followUpDeviation'],
    }),
  // The estimate goes as the string typed, as a correction's amount does; the service makes the caller its owner when none is named.
  createBenefit: (unitId: string, input: NewBenefitInput) =>
    apiFetch<UnitBenefit>(`${base}/units/${encodeURIComponent(unitId)}/benefits`, {
      method: 'POST',
      json: {
        improvementId: input.improvementId,
        title: input.title,
        kind: input.kind,
        measure: input.measure,
        identified: input.identified,
        ownerId: input.ownerId,
      } satisfies Requests['createBenefit'],
    }),
  // The amount goes as the string typed, so that the service reads the very number (a JSON number would pass through a double).
  correctBenefit: (unitId: string, benefit: UnitBenefit, input: BenefitInput) =>
    apiFetch<UnitBenefit>(benefitPath(unitId, benefit.id), {
      method: 'PUT',
      json: { kind: input.kind, measure: input.measure, amount: input.amount, etag: benefit.etag } satisfies Requests['correctBenefit'],
    }),
  // A stage's figure: the amount as typed (in årsverk when ticked, which the service turns into hours), guarded by the ETag.
  recordBenefitStage: (unitId: string, benefit: UnitBenefit, input: StageInput) =>
    apiFetch<UnitBenefit>(`${benefitPath(unitId, benefit.id)}/stages/${input.stage}`, {
      method: 'PUT',
      json: {
        amount: input.stage === 'reinvested' ? null : input.amount,
        inWorkYears: input.stage === 'reinvested' ? null : input.inWorkYears,
        date: input.date || null,
        text: input.stage === 'reinvested' ? input.text : null,
        etag: benefit.etag,
      } satisfies Requests['recordBenefitStage'],
    }),
  deleteBenefit: (unitId: string, benefit: UnitBenefit) =>
    apiFetch<undefined>(benefitPath(unitId, benefit.id), { method: 'DELETE', headers: { 'If-Match': benefit.etag ?? '' } }),
  addImprovement: (unitId: string, input: ImprovementInput) =>
    apiFetch<Improvement>(`${base}/units/${encodeURIComponent(unitId)}/improvements`, {
      method: 'POST',
      json: { title: input.title, ownerId: input.ownerId, dueDate: input.dueDate } satisfies Requests['createImprovement'],
    }),
  // Each change carries the ETag the improvement was read with as If-Match: a change made meanwhile answers 412.
  moveImprovement: (unitId: string, improvement: Improvement, to: Improvement['stage']) =>
    apiFetch<Improvement>(improvementPath(unitId, improvement.id, 'move'), {
      method: 'POST',
      headers: { 'If-Match': improvement.etag ?? '' },
      json: { to, etag: null } satisfies Requests['moveImprovement'],
    }),
  setImprovementOwner: (unitId: string, improvement: Improvement, ownerId: string | null) =>
    apiFetch<Improvement>(improvementPath(unitId, improvement.id, 'owner'), {
      method: 'PUT',
      headers: { 'If-Match': improvement.etag ?? '' },
      json: { ownerId, etag: null } satisfies Requests['improvementOwner'],
    }),
  setImprovementDueDate: (unitId: string, improvement: Improvement, dueDate: string | null) =>
    apiFetch<Improvement>(improvementPath(unitId, improvement.id, 'due'), {
      method: 'PUT',
      headers: { 'If-Match': improvement.etag ?? '' },
      json: { dueDate, etag: null } satisfies Requests['improvementDueDate'],
    }),
  placeImprovement: (unitId: string, improvement: Improvement, place: { effort: PickLevel; effect: PickLevel } | null) =>
    apiFetch<Improvement>(improvementPath(unitId, improvement.id, 'pick'), {
      method: 'PUT',
      headers: { 'If-Match': improvement.etag ?? '' },
      json: { effort: place?.effort ?? null, effect: place?.effect ?? null, etag: null } satisfies Requests['improvementPlace'],
    }),
  channelUnits: (channelId: string, signal?: AbortSignal) =>
    apiFetch<ChannelUnits>(`${base}/channel-units?channelId=${encodeURIComponent(channelId)}`, { signal }),
  yearWheel: (year: number, signal?: AbortSignal) => apiFetch<YearWheel>(`${base}/yearwheel?year=${year}`, { signal }),
  moveAppointment: (appointment: Appointment, date: string, time: string) =>
    apiFetch<AppointmentChanged>(appointmentPath(appointment, 'move'), {
      method: 'POST',
      json: { date, time, etag: appointment.etag } satisfies Requests['moveAppointment'],
    }),
  cancelAppointment: (appointment: Appointment) =>
    apiFetch<AppointmentChanged>(appointmentPath(appointment, 'cancel'), {
      method: 'POST',
      json: { etag: appointment.etag } satisfies Requests['cancelAppointment'],
    }),
  reassignAppointment: (appointment: Appointment, ownerId: string) =>
    apiFetch<AppointmentChanged>(appointmentPath(appointment, 'owner'), {
      method: 'POST',
      json: { ownerId, etag: appointment.etag } satisfies Requests['reassignAppointment'],
    }),
  delivery: (signal?: AbortSignal) => apiFetch<Delivery>(`${base}/delivery`, { signal }),
  actionPlan: (signal?: AbortSignal) => apiFetch<ActionPlan>(`${base}/actionplan`, { signal }),
  addActionPlanRow: (row: ActionPlanRowInput) =>
    apiFetch<ActionPlanRow>(`${base}/actionplan`, { method: 'POST', json: { ...actionRow(row), etag: null } satisfies Requests['actionPlanRow'] }),
  updateActionPlanRow: (row: ActionPlanRow) =>
    apiFetch<ActionPlanRow>(`${base}/actionplan/${encodeURIComponent(row.id)}`, {
      method: 'PUT',
      json: { ...actionRow(row), etag: row.etag } satisfies Requests['actionPlanRow'],
    }),
  deleteActionPlanRow: (id: string) => apiFetch<undefined>(`${base}/actionplan/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  report: (period: string, format: ReportFormat) => apiDownload(reportPath(period, format)),
  organisationFile: (format: 'yaml' | 'xlsx') => apiDownload(`${base}/organisation/file?format=${format}`),
  /** Everything stored about one person (the caller's own, unless the caller is the coordinator), as a workbook. */
  personalData: (email: string) => apiDownload(`${base}/people/${encodeURIComponent(email)}/data?format=xlsx`),
  /** Without `apply` the file is only previewed; with the fingerprint of that preview it is saved. */
  uploadOrganisation: (file: File, apply?: string) =>
    apiFetch<ImportPreview>(
      `${base}/organisation/file?fileName=${encodeURIComponent(file.name)}${apply === undefined ? '' : `&apply=${encodeURIComponent(apply)}`}`,
      { method: 'POST', file },
    ),
  /** The organisation's latest changes, or one unit's. */
  organisationHistory: (signal?: AbortSignal, unitId?: string) =>
    apiFetch<OrganisationChange[]>(unitId ? `${base}/organisation/history?unitId=${encodeURIComponent(unitId)}` : `${base}/organisation/history`, { signal }),
  organisationForms: (signal?: AbortSignal) => apiFetch<OrganisationForms>(`${base}/organisation/forms`, { signal }),
  addUnit: (form: UnitForm) => apiFetch<UnitForm>(`${base}/organisation/units`, { method: 'POST', json: form }),
  unitForm: (unitId: string, signal?: AbortSignal) => apiFetch<UnitForm>(unitFormPath(unitId), { signal }),
  /** Sent with the ETag the form was read with: a unit changed meanwhile is a 412. */
  saveUnit: (form: UnitForm) => apiFetch<UnitForm>(unitFormPath(form.id ?? ''), { method: 'PUT', json: form }),
  archiveUnit: (form: UnitForm, archived: boolean) =>
    apiFetch<UnitForm>(`${unitFormPath(form.id ?? '')}/${archived ? 'archive' : 'restore'}`, {
      method: 'POST',
      json: { etag: form.etag } satisfies Requests['archiveUnit'],
    }),
  areaForm: (areaId: string, signal?: AbortSignal) => apiFetch<AreaForm>(`${base}/organisation/areas/${encodeURIComponent(areaId)}`, { signal }),
  saveArea: (form: AreaForm) => apiFetch<AreaForm>(`${base}/organisation/areas/${encodeURIComponent(form.id ?? '')}`, { method: 'PUT', json: form }),
  saveSettings: (form: SettingsForm) => apiFetch<SettingsForm>(`${base}/organisation/settings`, { method: 'PUT', json: form }),
  /** Sent with the ETag of the person's row as read (none for someone new): a person changed meanwhile is a 412. */
  saveRoles: (form: PersonRolesForm) => apiFetch<KnownPerson>(`${base}/organisation/roles`, { method: 'PUT', json: form }),
  retention: (signal?: AbortSignal) => apiFetch<Retention>(`${base}/privacy/retention`, { signal }),
  saveRetention: (years: number) => apiFetch<Retention>(`${base}/privacy/retention`, { method: 'PUT', json: { years } satisfies Retention }),
  people: (query: string, signal?: AbortSignal) => apiFetch<People>(`${base}/people?q=${encodeURIComponent(query)}`, { signal }),
};

function unitFormPath(unitId: string): string {
  return `${base}/organisation/units/${encodeURIComponent(unitId)}`;
}

function actionRow(row: ActionPlanRowInput): ActionPlanRowInput {
  return { challenge: row.challenge, measures: row.measures, responsible: row.responsible, deadline: row.deadline, status: row.status };
}

function deviationPath(unitId: string, deviationId: string, action: 'close' | 'followup'): string {
  return `${base}/units/${encodeURIComponent(unitId)}/deviations/${encodeURIComponent(deviationId)}/${action}`;
}

function improvementPath(unitId: string, improvementId: string, change: 'move' | 'owner' | 'due' | 'pick'): string {
  return `${base}/units/${encodeURIComponent(unitId)}/improvements/${encodeURIComponent(improvementId)}/${change}`;
}

function benefitPath(unitId: string, benefitId: string): string {
  return `${base}/units/${encodeURIComponent(unitId)}/benefits/${encodeURIComponent(benefitId)}`;
}

function appointmentPath(appointment: Appointment, change: 'move' | 'cancel' | 'owner'): string {
  return `${base}/yearwheel/${appointment.year}/appointments/${encodeURIComponent(appointment.id)}/${change}`;
}

/** `2026-Q3`, `2026-T2` or `2026`: a quarter or a tertial of a year by the organisation's cycle, or the year. */
export function reportPeriod(year: number, part: number | null, cycle: ReportCycle = 'quarter'): string {
  return part === null ? String(year) : `${year}-${cycle === 'tertial' ? 'T' : 'Q'}${part}`;
}

export function reportPath(period: string, format: ReportFormat): string {
  return `${base}/reports/${period}.${format}`;
}
