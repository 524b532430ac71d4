import { apiDownload, apiFetch } from './apiFetch';
import type {
  ActionPlan,
  ActionPlanRow,
  ActionPlanRowInput,
  Appointment,
  AppointmentChanged,
  BenefitInput,
  ChannelUnits,
  Deviation,
  DeviationFollowUp,
  DevSignIn,
  FollowUpInput,
  Me,
  Overview,
  ReportFormat,
  UnitBenefit,
  UnitDetails,
  YearWheel,
} from './types';

// One function per route of docs/tab-api.md.
const base = '/api/tab';

export const tabApi = {
  devSignIn: (email: string) => apiFetch<DevSignIn>(`${base}/dev-signin`, { method: 'POST', json: { email }, anonymous: true }),
  me: () => apiFetch<Me>(`${base}/me`),
  overview: (areaId?: string) =>
    apiFetch<Overview>(areaId ? `${base}/overview?area=${encodeURIComponent(areaId)}` : `${base}/overview`),
  unit: (unitId: string) => apiFetch<UnitDetails>(`${base}/units/${encodeURIComponent(unitId)}`),
  closeDeviation: (unitId: string, deviation: Deviation) =>
    apiFetch<Deviation>(deviationPath(unitId, deviation.id, 'close'), { method: 'POST', json: { etag: deviation.etag } }),
  followUpDeviation: (unitId: string, deviation: Deviation, input: FollowUpInput) =>
    apiFetch<DeviationFollowUp>(deviationPath(unitId, deviation.id, 'followup'), { method: 'POST', json: { etag: deviation.etag, ...input } }),
  // The amount goes as the string typed, so that the service reads the very number (a JSON number would pass through a double).
  correctBenefit: (unitId: string, benefit: UnitBenefit, input: BenefitInput) =>
    apiFetch<UnitBenefit>(benefitPath(unitId, benefit.id), { method: 'PUT', json: { ...input, etag: benefit.etag } }),
  deleteBenefit: (unitId: string, benefit: UnitBenefit) =>
    apiFetch<void>(benefitPath(unitId, benefit.id), { method: 'DELETE', headers: { 'If-Match': benefit.etag ?? '' } }),
  channelUnits: (channelId: string) => apiFetch<ChannelUnits>(`${base}/channel-units?channelId=${encodeURIComponent(channelId)}`),
  yearWheel: (year: number) => apiFetch<YearWheel>(`${base}/yearwheel?year=${year}`),
  moveAppointment: (appointment: Appointment, date: string, time: string) =>
    apiFetch<AppointmentChanged>(appointmentPath(appointment, 'move'), { method: 'POST', json: { date, time, etag: appointment.etag } }),
  cancelAppointment: (appointment: Appointment) =>
    apiFetch<AppointmentChanged>(appointmentPath(appointment, 'cancel'), { method: 'POST', json: { etag: appointment.etag } }),
  reassignAppointment: (appointment: Appointment, ownerId: string) =>
    apiFetch<AppointmentChanged>(appointmentPath(appointment, 'owner'), { method: 'POST', json: { ownerId, etag: appointment.etag } }),
  actionPlan: () => apiFetch<ActionPlan>(`${base}/actionplan`),
  addActionPlanRow: (row: ActionPlanRowInput) => apiFetch<ActionPlanRow>(`${base}/actionplan`, { method: 'POST', json: row }),
  updateActionPlanRow: (row: ActionPlanRow) =>
    apiFetch<ActionPlanRow>(`${base}/actionplan/${encodeURIComponent(row.id)}`, { method: 'PUT', json: row }),
  deleteActionPlanRow: (id: string) => apiFetch<void>(`${base}/actionplan/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  report: (period: string, format: ReportFormat) => apiDownload(reportPath(period, format)),
};

function deviationPath(unitId: string, deviationId: string, action: 'close' | 'followup'): string {
  return `${base}/units/${encodeURIComponent(unitId)}/deviations/${encodeURIComponent(deviationId)}/${action}`;
}

function benefitPath(unitId: string, benefitId: string): string {
  return `${base}/units/${encodeURIComponent(unitId)}/benefits/${encodeURIComponent(benefitId)}`;
}

function appointmentPath(appointment: Appointment, change: 'move' | 'cancel' | 'owner'): string {
  return `${base}/yearwheel/${appointment.year}/appointments/${encodeURIComponent(appointment.id)}/${change}`;
}

/** `2026-Q3` or `2026`: a quarter of a year, or the year. */
export function reportPeriod(year: number, quarter: 1 | 2 | 3 | 4 | null): string {
  return quarter === null ? String(year) : `${year}-Q${quarter}`;
}

export function reportPath(period: string, format: ReportFormat): string {
  return `${base}/reports/${period}.${format}`;
}
