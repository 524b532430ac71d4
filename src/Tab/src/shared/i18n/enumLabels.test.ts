import { describe, expect, it } from 'vitest';
import openApi from '../../../../../docs/tab-api.openapi.json';
import { dictionaries } from './i18n';
import { locales } from './locale';
import type { Messages } from './nb';

// The service's OpenAPI document (checked against the running service by the test command) lists every enum the tab
// API can return. The compiler holds a label table to the tab's own copy of a type; this holds the tables to the
// document, so a value the service adds, or an enum the tab never gave a table, fails here rather than showing the
// raw key ("5 daysOfLeadTime") to a user.
const labelTables: Record<string, keyof Messages> = {
  ActionStatus: 'actionStatus',
  AppointmentKind: 'appointmentKind',
  AppointmentStatus: 'appointmentStatus',
  BenefitKind: 'benefitKind',
  BenefitMeasure: 'measure',
  BenefitStage: 'benefitStage',
  DeliveryAdvice: 'deliveryAdvice',
  DeliveryReason: 'deliveryReason',
  DeliveryRoute: 'deliveryRoute',
  DeviationStatus: 'openClosed',
  GoalStatus: 'goalStatus',
  ImportChangeKind: 'organisationChangeKind',
  ImportSubject: 'organisationSubject',
  ImprovementStage: 'stage',
  IndicatorDirection: 'indicatorBetter',
  MeetingStatus: 'meetingStatus',
  PickLevel: 'pickLevel',
  PickQuadrant: 'pickQuadrant',
  ReportCycle: 'reportCycle',
  Role: 'role',
  ServiceAreaKind: 'serviceAreaKind',
};

/** Every enum in the document by where it is: a named schema by its name, one written inline by its JSON path. */
function enumsIn(node: unknown, path: string[] = []): [string, string[]][] {
  if (Array.isArray(node)) return node.flatMap((item, i) => enumsIn(item, [...path, String(i)]));
  if (!node || typeof node !== 'object') return [];
  const found: [string, string[]][] = [];
  const values = (node as { enum?: unknown }).enum;
  if (Array.isArray(values)) {
    const named = path.length === 3 && path[0] === 'components' && path[1] === 'schemas';
    found.push([named ? path[2]! : path.join('/'), values.map(String)]);
  }
  for (const [key, inner] of Object.entries(node)) {
    if (key !== 'enum') found.push(...enumsIn(inner, [...path, key]));
  }
  return found;
}

const enums = enumsIn(openApi);

describe('enum labels', () => {
  it('document_ListsTheEnumsTheTabShows', () => {
    // A document that lost its enums would make every case below pass vacuously.
    expect(enums.map(([name]) => name)).toEqual(expect.arrayContaining(['BenefitMeasure', 'BenefitKind', 'ImprovementStage', 'Role']));
  });

  it.each(enums)('enum_%s_HasALabelTable', (name) => {
    expect(labelTables[name], `no label table for the enum ${name}: add one in nb, sv and en, and name it above`).toBeDefined();
  });

  const cases = enums.flatMap(([name, values]) => locales.flatMap((locale) => values.map((value) => [name, value, locale] as const)));

  it.each(cases)('enum_%s_Value_%s_HasALabelIn_%s', (name, value, locale) => {
    const table = labelTables[name];
    if (!table) return; // reported once per enum above
    const labels = dictionaries[locale][table] as unknown as Record<string, unknown>;
    const label = labels[value];
    expect(typeof label === 'string' && label.trim().length > 0, `${locale}.${table}.${value}`).toBe(true);
  });
});
