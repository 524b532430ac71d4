import type { ActionPlan, Delivery, Me, Overview, UnitDetails, YearWheel } from '../shared/api/types';

// Shaped as docs/tab-api.md shows them, with Fjordvik's names from demo/organisation.yaml.

export const coordinator: Me = {
  tenantId: '3f6a8f52-7c1e-4b8e-9d3a-5e2b1c0d9a71',
  organisation: 'Fjordvik kommune',
  name: 'Jonas Vik',
  email: 'lean.koordinator@fjordvik.kommune.no',
  roles: ['coordinator'],
  canEditActionPlan: true,
  canManageOrganisation: true,
  canViewDelivery: true,
  areas: [
    { id: 'helse-og-omsorg', name: 'Helse og omsorg' },
    { id: 'samfunn-og-teknikk', name: 'Samfunn og teknikk' },
  ],
};

export const unitLeader: Me = {
  ...coordinator,
  name: 'Randi Lie',
  email: 'leder.byggesak@fjordvik.kommune.no',
  roles: ['unitLeader'],
  canEditActionPlan: false,
  canManageOrganisation: false,
  canViewDelivery: false,
  areas: [{ id: 'samfunn-og-teknikk', name: 'Samfunn og teknikk' }],
};

const weeks = Array.from({ length: 12 }, (_, i) => `2026-W${36 + i}`);

export const overview: Overview = {
  weeks,
  units: [
    {
      id: 'byggesak',
      name: 'Byggesak',
      areaId: 'samfunn-og-teknikk',
      statuses: ['held', 'held', 'notHeld', 'held', 'missing', 'held', 'dayOff', 'held', 'held', 'held', 'held', 'upcoming'],
      helpNeeded: 'Hjelp med verdistrømanalyse',
      improvements: { new: 4, inProgress: 1, done: 2 },
      archived: false,
    },
    {
      id: 'hjemmetjenesten-nord',
      name: 'Hjemmetjenesten nord',
      areaId: 'helse-og-omsorg',
      statuses: ['held', 'held', 'held', 'held', 'held', 'held', 'held', 'held', 'held', 'held', 'held', 'held'],
      helpNeeded: null,
      improvements: { new: 0, inProgress: 0, done: 0 },
      archived: false,
    },
  ],
  benefitsThisYear: [
    { kind: 'timeSaved', measure: 'hours', amount: 9.5 },
    { kind: 'leadTime', measure: 'daysOfLeadTime', amount: 12 },
  ],
  benefitsByMonth: [
    { month: '2026-10', kind: 'timeSaved', measure: 'hours', amount: 4 },
    { month: '2026-11', kind: 'timeSaved', measure: 'hours', amount: 5.5 },
    { month: '2026-11', kind: 'leadTime', measure: 'daysOfLeadTime', amount: 12 },
  ],
  benefitsLeftOut: [],
};

export const byggesak: UnitDetails = {
  id: 'byggesak',
  name: 'Byggesak',
  areaId: 'samfunn-og-teknikk',
  areaName: 'Samfunn og teknikk',
  leader: 'Randi Lie',
  goals: [
    { name: 'Saksbehandlingstid under 3 uker', status: 'green', traces: ['Effektiv saksbehandling', 'Brukeren i sentrum'], unlinked: false },
    { name: 'Færre mangelbrev', status: null, traces: [], unlinked: true },
  ],
  improvements: [
    { id: 'i1', title: 'Sjekkliste for komplett søknad', stage: 'suggested', suggestedBy: 'Randi Lie', createdAt: '2026-10-01T08:00:00+02:00', etag: 'W/"i1"', ownerId: null, ownerName: null, ownerRemoved: false, dueDate: null, effort: null, effect: null, pick: null, moves: ['inProgress', 'rejected'] },
    { id: 'i2', title: 'Felles innboks', stage: 'suggested', suggestedBy: 'Randi Lie', createdAt: '2026-10-08T08:00:00+02:00', etag: 'W/"i2"', ownerId: null, ownerName: null, ownerRemoved: false, dueDate: null, effort: null, effect: null, pick: null, moves: ['inProgress', 'rejected'] },
    { id: 'i3', title: 'Digitalt ferdigattest-skjema', stage: 'inProgress', suggestedBy: 'Geir Bakke', createdAt: '2026-09-01T08:00:00+02:00', etag: 'W/"i3"', ownerId: 'linn.aasen@fjordvik.kommune.no', ownerName: 'Linn Aasen', ownerRemoved: false, dueDate: '2026-12-15', effort: 'low', effect: 'high', pick: 'implement', moves: ['done', 'rejected'] },
    { id: 'i4', title: 'Standardsvar på e-post', stage: 'benefitRealised', suggestedBy: 'Randi Lie', createdAt: '2026-05-01T08:00:00+02:00', etag: 'W/"i4"', ownerId: null, ownerName: null, ownerRemoved: false, dueDate: null, effort: null, effect: null, pick: null, moves: [] },
  ],
  deviations: [
    { id: 'd1', text: 'Tavlemøtet startet 10 minutter for sent', reportedOn: '2026-11-18', status: 'open', followUpId: null, etag: 'W/"e1"' },
    { id: 'd2', text: 'Mangler i nabovarsel', reportedOn: '2026-11-11', status: 'closed', followUpId: 'dev-d2', etag: 'W/"e2"' },
  ],
  followUps: [
    { id: 'f1', text: 'Oppdatere prosessbeskrivelsen', owner: 'Randi Lie', deadline: '2026-10-15', status: 'open', overdue: true },
    { id: 'f2', text: 'Måle ventetid i skranken', owner: 'Randi Lie', deadline: '2026-12-15', status: 'open', overdue: false },
  ],
  benefits: [
    {
      id: 'c20261118-b0',
      kind: 'timeSaved',
      measure: 'hours',
      amount: 3.5,
      stage: 'realised',
      realisedOn: '2026-11-18',
      affects: ['Servicetorget'],
      countable: true,
      correctedBy: null,
      improvementId: null,
      etag: 'W/"b1"',
      title: null,
      ownerId: null,
      identified: null,
      planned: null,
      plannedOn: null,
      realised: 3.5,
      reinvested: null,
      workYears: { identified: null, planned: null, realised: 0 },
    },
    {
      id: 'c20261111-b0',
      kind: 'money',
      measure: 'nok',
      amount: 79000000000000000000000000000,
      stage: 'realised',
      realisedOn: '2026-11-11',
      affects: [],
      countable: false,
      correctedBy: null,
      improvementId: null,
      etag: 'W/"b2"',
      title: null,
      ownerId: null,
      identified: null,
      planned: null,
      plannedOn: null,
      realised: 79000000000000000000000000000,
      reinvested: null,
      workYears: null,
    },
  ],
  canWorkOnBoard: true,
  canManageFollowUps: true,
  canCorrectBenefits: true,
  canEditImprovements: true,
  boardPeople: [
    { id: 'linn.aasen@fjordvik.kommune.no', name: 'Linn Aasen' },
    { id: 'leder.byggesak@fjordvik.kommune.no', name: 'Randi Lie' },
  ],
  benefitRanges: [
    { measure: 'hours', min: 0, max: 100000, decimals: 2 },
    { measure: 'nok', min: 0, max: 100000000, decimals: 2 },
    { measure: 'sek', min: 0, max: 100000000, decimals: 2 },
    { measure: 'daysOfLeadTime', min: 0, max: 3650, decimals: 2 },
    { measure: 'placesFreed', min: 1, max: 10000, decimals: 0 },
  ],
  followUpOwners: [
    { id: 'leder.byggesak@fjordvik.kommune.no', name: 'Randi Lie', role: 'unitLeader' },
    { id: 'linn.aasen@fjordvik.kommune.no', name: 'Linn Aasen', role: 'unitCoordinator' },
    { id: 'tol.samfunn@fjordvik.kommune.no', name: 'Mona Strand', role: 'serviceAreaLeader' },
  ],
};

export const yearWheel: YearWheel = {
  year: 2027,
  appointments: [
    {
      id: 'a1',
      kind: 'semiAnnualReview',
      unitId: 'byggesak',
      unitName: 'Byggesak',
      start: '2027-03-10T09:00:00+01:00',
      end: '2027-03-10T11:00:00+01:00',
      owner: 'Mona Strand',
      status: 'planned',
      year: 2027,
      ownerId: 'tol.samfunn@fjordvik.kommune.no',
      canManage: true,
      etag: 'W/"e1"',
    },
    {
      id: 'a2',
      kind: 'gembaWalk',
      unitId: 'byggesak',
      unitName: 'Byggesak',
      start: '2027-03-10T12:00:00+01:00',
      end: '2027-03-10T13:00:00+01:00',
      owner: 'Mona Strand',
      status: 'planned',
      year: 2027,
      ownerId: 'tol.samfunn@fjordvik.kommune.no',
      canManage: true,
      etag: 'W/"e2"',
    },
    {
      id: 'a3',
      kind: 'fishboneAnalysis',
      unitId: 'hjemmetjenesten-nord',
      unitName: 'Hjemmetjenesten nord',
      start: '2027-10-01T09:00:00+02:00',
      end: '2027-10-01T11:00:00+02:00',
      owner: 'Kari Nordby',
      status: 'cancelled',
      year: 2027,
      ownerId: 'tol.helse@fjordvik.kommune.no',
      canManage: false,
      etag: 'W/"e3"',
    },
  ],
  holidays: [{ date: '2027-05-17', name: 'Grunnlovsdag', country: 'NO' }],
  blackouts: [{ from: '2027-07-12', to: '2027-08-01', name: 'Fellesferie' }],
  deadlines: [{ date: '2027-04-15', name: 'Rapport 1. kvartal' }],
  people: [
    { id: 'petter.aas@fjordvik.kommune.no', name: 'Petter Aas' },
    { id: 'tol.samfunn@fjordvik.kommune.no', name: 'Mona Strand' },
  ],
};

export const actionPlan: ActionPlan = {
  rows: [
    {
      id: 'r1',
      challenge: 'TOL har ikke god nok oversikt over forbedringsarbeidet i egne enheter',
      measures: 'Integrert del av kvartals- og årsrapportering etter fastsatte målepunkter',
      responsible: 'Rådmannens ledergruppe',
      deadline: '2027-03-01',
      status: 'inProgress',
      etag: 'W/"datetime\'2026-11-20T10%3A00%3A00Z\'"',
    },
    {
      id: 'r2',
      challenge: 'Det er ikke innført gjennomgående målnedbrytning',
      measures: 'Gjennomgående målnedbrytning som synliggjøres på alle tavler',
      responsible: 'Utviklingsenheten',
      deadline: '2027-06-01',
      status: 'notStarted',
      etag: 'W/"datetime\'2026-11-20T10%3A05%3A00Z\'"',
    },
  ],
};

export const delivery: Delivery = {
  units: [
    {
      unitId: 'byggesak',
      name: 'Byggesak',
      areaId: 'samfunn-og-teknikk',
      reason: 'blockedByPerson',
      advice: 'askToUnblock',
      route: 'leaderChat',
      person: 'Randi Lie',
      status: 403,
      code: 'ConversationBlockedByUser',
      at: '2026-11-23T08:21:00+00:00',
    },
    {
      unitId: 'hjemmetjenesten',
      name: 'Hjemmetjenesten',
      areaId: 'helse-og-omsorg',
      reason: 'botNotInTeam',
      advice: 'addAppToTeam',
      route: 'unitChannel',
      person: null,
      status: 403,
      code: 'BotNotInConversationRoster',
      at: '2026-11-23T08:21:00+00:00',
    },
    {
      unitId: 'sykehjemmet',
      name: 'Sykehjemmet',
      areaId: 'helse-og-omsorg',
      reason: 'noRoute',
      advice: 'bindChannel',
      route: null,
      person: null,
      status: null,
      code: null,
      at: null,
    },
  ],
};
