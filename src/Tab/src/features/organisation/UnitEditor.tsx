import {
  Button,
  DialogBody,
  DialogContent,
  DialogTitle,
  Field,
  Input,
  Select,
} from '@fluentui/react-components';
import { useState, type SubmitEvent } from 'react';
import { PeoplePicker } from '../../shared/components/PeoplePicker';
import type { AreaForm, GoalChoice, KnownPerson, PersonChoice, UnitForm } from '../../shared/api/types';
import { useI18n } from '../../shared/i18n/i18n';
import { FailureNotice, FormDialog, SaveOrCancel, personOf, personText, Unplaced, useFormStyles, useSave, weekdays } from './formParts';

interface Draft {
  id: string;
  name: string;
  serviceArea: string;
  leader: PersonChoice | null;
  coordinator1: PersonChoice | null;
  coordinator2: PersonChoice | null;
  timeZone: string;
  weekday: string;
  time: string;
  minutes: string;
  leanStart: string;
  consultant: PersonChoice | null;
  guidanceFrom: string;
  guidanceTo: string;
  goals: GoalDraft[];
}

/** A goal as the form edits it; an indicator's three fields are all filled in, or all left empty. */
interface GoalDraft {
  title: string;
  supports: string;
  indicator: string;
  target: string;
  better: '' | 'higher' | 'lower';
}

const newGoal: GoalDraft = { title: '', supports: '', indicator: '', target: '', better: '' };

type DraftKey = keyof Draft;

/** A new unit as the form starts it: the board meeting most units have, in the organisation's usual time zone. */
export function newUnit(serviceArea: string): UnitForm {
  return {
    id: '', name: '', serviceArea, leader: null, coordinators: [], timeZone: 'Europe/Oslo',
    boardMeeting: { weekday: 'monday', time: '09:00', minutes: 15 }, leanStart: null, guidance: null, goals: [], etag: null,
    leaderName: null, archived: false, leaderOnly: false, people: [], goalChoices: [],
  };
}

function draftOf(form: UnitForm, people: readonly Pick<KnownPerson, 'id' | 'name'>[]): Draft {
  const coordinators = form.coordinators ?? [];
  return {
    id: form.id ?? '',
    name: form.name ?? '',
    serviceArea: form.serviceArea ?? '',
    leader: personOf(form.leader, people),
    coordinator1: personOf(coordinators[0], people),
    coordinator2: personOf(coordinators[1], people),
    timeZone: form.timeZone ?? '',
    weekday: form.boardMeeting?.weekday ?? '',
    time: form.boardMeeting?.time ?? '',
    minutes: form.boardMeeting?.minutes == null ? '' : String(form.boardMeeting.minutes),
    leanStart: form.leanStart ?? '',
    consultant: personOf(form.guidance?.consultant, people),
    guidanceFrom: form.guidance?.from ?? '',
    guidanceTo: form.guidance?.to ?? '',
    goals: (form.goals ?? []).map((g) => ({
      title: g.title ?? '',
      supports: g.supports ?? '',
      indicator: g.indicator ?? '',
      target: g.target == null ? '' : String(g.target),
      better: g.better === 'higher' || g.better === 'lower' ? g.better : '',
    })),
  };
}

const blank = (value: string) => (value.trim() === '' ? null : value.trim());

/** The form to send. A unit's leader sends only what they may change: a field left out (null) stays as stored. */
function formOf(draft: Draft, base: UnitForm, leaderOnly: boolean): UnitForm {
  const minutes = Number(draft.minutes);
  const coordinators = [draft.coordinator1, draft.coordinator2].map(personText).filter((c): c is string => c !== null);
  const hasGuidance = draft.consultant !== null || blank(draft.guidanceFrom) !== null || blank(draft.guidanceTo) !== null;
  const all: UnitForm = {
    ...base,
    id: blank(draft.id),
    name: blank(draft.name),
    serviceArea: blank(draft.serviceArea),
    leader: draft.leader?.email ?? null,
    leaderName: draft.leader && !draft.leader.inOrganisation ? draft.leader.name : null,
    coordinators,
    timeZone: blank(draft.timeZone),
    boardMeeting: {
      weekday: blank(draft.weekday),
      time: blank(draft.time),
      minutes: draft.minutes.trim() === '' || Number.isNaN(minutes) ? null : minutes,
    },
    leanStart: blank(draft.leanStart),
    guidance: hasGuidance ? { consultant: personText(draft.consultant), from: blank(draft.guidanceFrom), to: blank(draft.guidanceTo) } : null,
    goals: draft.goals.map((g) => ({
      title: g.title.trim(),
      supports: blank(g.supports),
      indicator: blank(g.indicator),
      // A comma is how Norwegian and Swedish write decimals; what is still no number goes as none, and the service names the field.
      target: g.target.trim() === '' || Number.isNaN(Number(g.target.trim().replace(',', '.'))) ? null : Number(g.target.trim().replace(',', '.')),
      better: blank(g.better),
    })),
  };
  return leaderOnly
    ? { ...all, name: null, serviceArea: null, leader: null, leaderName: null, timeZone: null, leanStart: null, guidance: null }
    : all;
}

// The service names a field as the form does; these are the keys a field here shows.
const fieldOf: Record<string, DraftKey> = {
  id: 'id', name: 'name', serviceArea: 'serviceArea', leader: 'leader', leaderName: 'leader', coordinators: 'coordinator1',
  timeZone: 'timeZone', 'boardMeeting.weekday': 'weekday', 'boardMeeting.time': 'time', 'boardMeeting.minutes': 'minutes',
  leanStart: 'leanStart', 'guidance.consultant': 'consultant', 'guidance.from': 'guidanceFrom', 'guidance.to': 'guidanceTo', goals: 'goals',
};
const goalField = /^goals\[\d+\]\.(title|supports|indicator|target|better)$/;

export interface UnitEditorProps {
  /** The unit as read (with its ETag), or `newUnit()` to add one. */
  initial: UnitForm;
  adding: boolean;
  areas: readonly AreaForm[];
  people: readonly Pick<KnownPerson, 'id' | 'name'>[];
  /** The goals a goal may support, when the caller has no list of areas (a unit's leader): its area's and the overall goals. */
  goalChoices?: readonly GoalChoice[] | undefined;
  /** Saves the form; resolves with the unit as stored. */
  onSave: (form: UnitForm) => Promise<UnitForm>;
  /** Reads the unit as stored now (after someone else saved it). */
  onReload: () => Promise<UnitForm>;
  onSaved: (saved: UnitForm) => void;
  onClose: () => void;
}

/**
 * Adds or edits one unit. The coordinator changes every field; a unit's leader (`initial.leaderOnly`) sees its board
 * meeting, unit coordinators and goals only. The service's messages appear next to their fields; when someone else
 * saved the unit meanwhile, the form keeps what was typed, names what they changed and saves against their version.
 */
export function UnitEditor({ initial, adding, areas, people, goalChoices: given, onSave, onReload, onSaved, onClose }: UnitEditorProps) {
  const { t } = useI18n();
  const styles = useFormStyles();
  const leaderOnly = initial.leaderOnly;
  const [base, setBase] = useState(initial);
  const [draft, setDraft] = useState(() => draftOf(initial, people));
  const labels: Record<DraftKey, string> = {
    id: t.orgUnitId, name: t.orgName, serviceArea: t.orgServiceArea, leader: t.orgUnitLeader, coordinator1: t.orgUnitCoordinator(1),
    coordinator2: t.orgUnitCoordinator(2), timeZone: t.orgTimeZone, weekday: t.orgWeekday, time: t.orgTime, minutes: t.orgMinutes,
    leanStart: t.orgLeanStart, consultant: t.orgConsultant, guidanceFrom: t.orgFrom, guidanceTo: t.orgTo, goals: t.orgGoals,
  };
  const save = useSave(
    onReload,
    (latest) => {
      const was = draftOf(base, people);
      const now = draftOf(latest, people);
      return (Object.keys(labels) as DraftKey[]).filter((k) => JSON.stringify(was[k]) !== JSON.stringify(now[k])).map((k) => labels[k]);
    },
  );
  const errors = save.errors;
  const errorAt = (key: DraftKey) => Object.entries(errors).filter(([path]) => fieldOf[path] === key).map(([, m]) => m).join(' ') || undefined;
  const message = (key: DraftKey) => {
    const text = errorAt(key);
    return text ? { validationMessage: text, validationState: 'error' as const } : {};
  };
  const set = <K extends DraftKey>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setGoal = (index: number, change: Partial<GoalDraft>) =>
    setDraft((d) => ({ ...d, goals: d.goals.map((g, j) => (j === index ? { ...g, ...change } : g)) }));
  const invalid = (key: string) => (errors[key] ? { validationMessage: errors[key], validationState: 'error' as const } : {});

  const area = areas.find((a) => a.id === draft.serviceArea);
  const overall = areas.filter((a) => a.kind === 'topManagement');
  const goalChoices = given ?? [...(area?.goals ?? []), ...overall.flatMap((a) => a.goals ?? [])].filter((g) => g.id);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = formOf(draft, base, leaderOnly);
    await save.run(
      async () => onSaved(await onSave(form)),
      (latest) => setBase(latest),
    );
  }

  const title = adding ? t.orgAddUnit : leaderOnly ? t.orgEditOwnUnit(initial.name ?? '') : t.orgEditUnit(initial.name ?? '');
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <DialogBody>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent className={styles.fields}>
          {leaderOnly && <p>{t.orgLeaderOnlyHint}</p>}
          {adding && (
            <Field label={labels.id} required hint={t.orgUnitIdHint} {...message('id')}>
              <Input value={draft.id} onChange={(_, d) => set('id', d.value)} />
            </Field>
          )}
          {!leaderOnly && (
            <>
              <Field label={labels.name} required {...message('name')}>
                <Input value={draft.name} onChange={(_, d) => set('name', d.value)} />
              </Field>
              <Field label={labels.serviceArea} required hint={adding ? null : t.orgMoveHint} {...message('serviceArea')}>
                <Select value={draft.serviceArea} onChange={(_, d) => set('serviceArea', d.value)}>
                  {!area && <option value={draft.serviceArea}>{draft.serviceArea}</option>}
                  {areas
                    .filter((a) => a.kind === 'serviceArea')
                    .map((a) => (
                      <option key={a.id} value={a.id ?? ''}>
                        {a.name}
                      </option>
                    ))}
                </Select>
              </Field>
              <PeoplePicker label={labels.leader} required value={draft.leader} onChange={(p) => set('leader', p)} error={errorAt('leader')} />
            </>
          )}
          <PeoplePicker label={labels.coordinator1} value={draft.coordinator1} onChange={(p) => set('coordinator1', p)} error={errorAt('coordinator1')} />
          <PeoplePicker label={labels.coordinator2} value={draft.coordinator2} onChange={(p) => set('coordinator2', p)} />
          {!leaderOnly && (
            <Field label={labels.timeZone} hint={t.orgTimeZoneHint} {...message('timeZone')}>
              <Input value={draft.timeZone} onChange={(_, d) => set('timeZone', d.value)} />
            </Field>
          )}
          <fieldset className={styles.group}>
            <legend className={styles.legend}>{t.orgBoardMeeting}</legend>
            <div className={styles.row}>
              <Field label={labels.weekday} {...message('weekday')}>
                <Select value={draft.weekday} onChange={(_, d) => set('weekday', d.value)}>
                  {weekdays.map((w) => (
                    <option key={w} value={w}>
                      {t.weekday[w]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={labels.time} hint="HH:MM" {...message('time')}>
                <Input value={draft.time} onChange={(_, d) => set('time', d.value)} />
              </Field>
              <Field label={labels.minutes} {...message('minutes')}>
                <Input type="number" value={draft.minutes} onChange={(_, d) => set('minutes', d.value)} />
              </Field>
            </div>
          </fieldset>
          {!leaderOnly && (
            <>
              <Field label={labels.leanStart} {...message('leanStart')}>
                <Input type="date" value={draft.leanStart} onChange={(_, d) => set('leanStart', d.value)} />
              </Field>
              <fieldset className={styles.group}>
                <legend className={styles.legend}>{t.orgGuidance}</legend>
                <PeoplePicker label={labels.consultant} value={draft.consultant} onChange={(p) => set('consultant', p)} error={errorAt('consultant')} />
                <div className={styles.row}>
                  <Field label={labels.guidanceFrom} {...message('guidanceFrom')}>
                    <Input type="date" value={draft.guidanceFrom} onChange={(_, d) => set('guidanceFrom', d.value)} />
                  </Field>
                  <Field label={labels.guidanceTo} {...message('guidanceTo')}>
                    <Input type="date" value={draft.guidanceTo} onChange={(_, d) => set('guidanceTo', d.value)} />
                  </Field>
                </div>
              </fieldset>
            </>
          )}
          <fieldset className={styles.group}>
            <legend className={styles.legend}>{labels.goals}</legend>
            {errorAt('goals') && <p role="alert">{errorAt('goals')}</p>}
            {draft.goals.map((goal, i) => (
              <div key={i} className={styles.item}>
                <Field label={t.orgGoalTitle(i + 1)} {...(errors[`goals[${i}].title`] ? { validationMessage: errors[`goals[${i}].title`], validationState: 'error' as const } : {})}>
                  <Input value={goal.title} onChange={(_, d) => set('goals', draft.goals.map((g, j) => (j === i ? { ...g, title: d.value } : g)))} />
                </Field>
                <Field label={t.orgGoalSupports(i + 1)} {...(errors[`goals[${i}].supports`] ? { validationMessage: errors[`goals[${i}].supports`], validationState: 'error' as const } : {})}>
                  {goalChoices.length > 0 ? (
                    <Select value={goal.supports} onChange={(_, d) => set('goals', draft.goals.map((g, j) => (j === i ? { ...g, supports: d.value } : g)))}>
                      <option value="">{t.none}</option>
                      {goal.supports && !goalChoices.some((c) => c.id === goal.supports) && <option value={goal.supports}>{goal.supports}</option>}
                      {goalChoices.map((c) => (
                        <option key={c.id} value={c.id ?? ''}>
                          {c.title}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    <Input value={goal.supports} onChange={(_, d) => set('goals', draft.goals.map((g, j) => (j === i ? { ...g, supports: d.value } : g)))} />
                  )}
                </Field>
                <Field label={t.orgGoalIndicator(i + 1)} {...invalid(`goals[${i}].indicator`)}>
                  <Input value={goal.indicator} maxLength={60} onChange={(_, d) => setGoal(i, { indicator: d.value })} />
                </Field>
                <Field label={t.orgGoalTarget(i + 1)} {...invalid(`goals[${i}].target`)}>
                  <Input value={goal.target} inputMode="decimal" onChange={(_, d) => setGoal(i, { target: d.value })} />
                </Field>
                <Field label={t.orgGoalBetter(i + 1)} {...invalid(`goals[${i}].better`)}>
                  <Select value={goal.better} onChange={(_, d) => setGoal(i, { better: d.value === 'higher' || d.value === 'lower' ? d.value : '' })}>
                    <option value="">{t.none}</option>
                    <option value="higher">{t.indicatorBetter.higher}</option>
                    <option value="lower">{t.indicatorBetter.lower}</option>
                  </Select>
                </Field>
                <Button onClick={() => set('goals', draft.goals.filter((_, j) => j !== i))}>{t.orgRemoveGoal(i + 1)}</Button>
              </div>
            ))}
            <Button onClick={() => set('goals', [...draft.goals, newGoal])}>{t.orgAddGoal}</Button>
          </fieldset>
          <Unplaced errors={errors} placed={(key) => key in fieldOf || goalField.test(key)} />
          <FailureNotice failure={save.failure} />
        </DialogContent>
        <SaveOrCancel busy={save.busy} onClose={onClose} />
      </DialogBody>
    </form>
  );
}

/** The editor in a dialog that stays mounted (Fluent gives focus back on close); each opening starts the form afresh. */
export function UnitDialog({ open, formKey, ...props }: UnitEditorProps & { open: boolean; formKey: string }) {
  return (
    <FormDialog open={open} onClose={props.onClose}>
      <UnitEditor key={formKey} {...props} />
    </FormDialog>
  );
}
