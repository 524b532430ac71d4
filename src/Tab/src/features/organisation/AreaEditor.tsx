import { Button, DialogBody, DialogContent, DialogTitle, Field, Input, Select } from '@fluentui/react-components';
import { useState, type SubmitEvent } from 'react';
import type { AreaForm, KnownPerson, PersonChoice } from '../../shared/api/types';
import { PeoplePicker } from '../../shared/components/PeoplePicker';
import { useI18n } from '../../shared/i18n/i18n';
import { FailureNotice, FormDialog, SaveOrCancel, personOf, Unplaced, useFormStyles, useSave } from './formParts';

interface Draft {
  name: string;
  leader: PersonChoice | null;
  goals: { id: string; title: string; supports: string }[];
}

function draftOf(form: AreaForm, people: readonly KnownPerson[]): Draft {
  return {
    name: form.name ?? '',
    leader: personOf(form.leader, people),
    goals: (form.goals ?? []).map((g) => ({ id: g.id ?? '', title: g.title ?? '', supports: g.supports ?? '' })),
  };
}

const blank = (value: string) => (value.trim() === '' ? null : value.trim());
const goalField = /^goals\[\d+\]\.(id|title|supports)$/;

export interface AreaEditorProps {
  initial: AreaForm;
  /** Only the goals: the caller leads the area and is not the coordinator. */
  goalsOnly: boolean;
  /** The overall goals an area goal may support (the top management group's). */
  overallGoals: readonly { id: string; title: string }[];
  people: readonly KnownPerson[];
  onSave: (form: AreaForm) => Promise<AreaForm>;
  onReload: () => Promise<AreaForm>;
  onSaved: (saved: AreaForm) => void;
  onClose: () => void;
}

/** A service area: its name and leader (the coordinator), and its goals with the overall goal each supports. */
export function AreaEditor({ initial, goalsOnly, overallGoals, people, onSave, onReload, onSaved, onClose }: AreaEditorProps) {
  const { t } = useI18n();
  const styles = useFormStyles();
  const [base, setBase] = useState(initial);
  const [draft, setDraft] = useState(() => draftOf(initial, people));
  const save = useSave(onReload, (latest) => {
    const was = draftOf(base, people);
    const now = draftOf(latest, people);
    const labels = { name: t.orgName, leader: t.orgAreaLeader, goals: t.orgGoals };
    return (Object.keys(labels) as (keyof Draft)[]).filter((k) => JSON.stringify(was[k]) !== JSON.stringify(now[k])).map((k) => labels[k]);
  }, { leaderName: 'leader' });
  const errors = save.errors;
  const message = (key: string) => (errors[key] ? { validationMessage: errors[key], validationState: 'error' as const } : {});
  const setGoal = (i: number, change: Partial<Draft['goals'][number]>) =>
    setDraft((d) => ({ ...d, goals: d.goals.map((g, j) => (j === i ? { ...g, ...change } : g)) }));
  const topManagement = initial.kind === 'topManagement';

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form: AreaForm = {
      ...base,
      name: goalsOnly ? null : blank(draft.name),
      leader: goalsOnly ? null : (draft.leader?.email ?? null),
      leaderName: !goalsOnly && draft.leader && !draft.leader.inOrganisation ? draft.leader.name : null,
      goals: draft.goals.map((g) => ({ id: blank(g.id), title: g.title.trim(), supports: blank(g.supports) })),
    };
    await save.run(async () => onSaved(await onSave(form)), (latest) => setBase(latest));
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <DialogBody>
        <DialogTitle>{goalsOnly ? t.orgEditAreaGoals(initial.name ?? '') : t.orgEditArea(initial.name ?? '')}</DialogTitle>
        <DialogContent className={styles.fields}>
          {!goalsOnly && (
            <>
              <Field label={t.orgName} required {...message('name')}>
                <Input value={draft.name} onChange={(_, d) => setDraft((x) => ({ ...x, name: d.value }))} />
              </Field>
              <PeoplePicker label={t.orgAreaLeader} value={draft.leader} onChange={(p) => setDraft((x) => ({ ...x, leader: p }))} error={errors['leader']} />
            </>
          )}
          <fieldset className={styles.group}>
            <legend className={styles.legend}>{topManagement ? t.orgOverallGoals : t.orgGoals}</legend>
            {draft.goals.map((goal, i) => (
              <div key={i} className={styles.item}>
                <Field label={t.orgGoalId(i + 1)} {...message(`goals[${i}].id`)}>
                  <Input value={goal.id} onChange={(_, d) => setGoal(i, { id: d.value })} />
                </Field>
                <Field label={t.orgGoalTitle(i + 1)} {...message(`goals[${i}].title`)}>
                  <Input value={goal.title} onChange={(_, d) => setGoal(i, { title: d.value })} />
                </Field>
                {!topManagement && (
                  <Field label={t.orgGoalSupports(i + 1)} {...message(`goals[${i}].supports`)}>
                    {overallGoals.length > 0 ? (
                      <Select value={goal.supports} onChange={(_, d) => setGoal(i, { supports: d.value })}>
                        <option value="">{t.none}</option>
                        {goal.supports && !overallGoals.some((g) => g.id === goal.supports) && <option value={goal.supports}>{goal.supports}</option>}
                        {overallGoals.map((g) => (
                          <option key={g.id} value={g.id}>
                            {g.title}
                          </option>
                        ))}
                      </Select>
                    ) : (
                      <Input value={goal.supports} onChange={(_, d) => setGoal(i, { supports: d.value })} />
                    )}
                  </Field>
                )}
                <Button onClick={() => setDraft((d) => ({ ...d, goals: d.goals.filter((_, j) => j !== i) }))}>{t.orgRemoveGoal(i + 1)}</Button>
              </div>
            ))}
            <Button onClick={() => setDraft((d) => ({ ...d, goals: [...d.goals, { id: '', title: '', supports: '' }] }))}>{t.orgAddGoal}</Button>
          </fieldset>
          <Unplaced errors={errors} placed={(key) => key === 'name' || key === 'leader' || goalField.test(key)} />
          <FailureNotice failure={save.failure} />
        </DialogContent>
        <SaveOrCancel busy={save.busy} onClose={onClose} />
      </DialogBody>
    </form>
  );
}

export function AreaDialog({ open, formKey, ...props }: AreaEditorProps & { open: boolean; formKey: string }) {
  return (
    <FormDialog open={open} onClose={props.onClose}>
      <AreaEditor key={formKey} {...props} />
    </FormDialog>
  );
}
