import { Button, DialogBody, DialogContent, DialogTitle, Field, Input, Select } from '@fluentui/react-components';
import { useState, type SubmitEvent } from 'react';
import type { SettingsForm } from '../../shared/api/types';
import { capitalised, ownTermConcepts, term, type GlossaryLanguage } from '../../shared/i18n/glossary';
import { useI18n } from '../../shared/i18n/i18n';
import { locales } from '../../shared/i18n/locale';
import { FailureNotice, FormDialog, SaveOrCancel, Unplaced, useFormStyles, useSave, weekdays } from './formParts';

interface Draft {
  holidayPeriods: { name: string; from: string; to: string }[];
  reminderAfterHours: string;
  digestWeekday: string;
  digestTime: string;
  retentionYears: string;
  terms: Record<string, Record<GlossaryLanguage, string>>;
}

function draftOf(form: SettingsForm, retentionYears: number | null = null): Draft {
  return {
    retentionYears: retentionYears === null ? '' : String(retentionYears),
    holidayPeriods: (form.holidayPeriods ?? []).map((p) => ({ name: p.name ?? '', from: p.from ?? '', to: p.to ?? '' })),
    reminderAfterHours: form.reminderAfterHours == null ? '' : String(form.reminderAfterHours),
    digestWeekday: form.digestWeekday ?? '',
    digestTime: form.digestTime ?? '',
    terms: Object.fromEntries(
      ownTermConcepts.map((concept) => [concept, Object.fromEntries(locales.map((l) => [l, form.terms?.[concept]?.[l] ?? ''])) as Record<GlossaryLanguage, string>]),
    ),
  };
}

function ownTermsOf(terms: Draft['terms']): SettingsForm['terms'] {
  const set = Object.entries(terms)
    .map(([concept, words]) => [concept, Object.fromEntries(locales.filter((l) => words[l].trim() !== '').map((l) => [l, words[l].trim()]))] as const)
    .filter(([, words]) => Object.keys(words).length > 0);
  return set.length === 0 ? null : Object.fromEntries(set);
}

const blank = (value: string) => (value.trim() === '' ? null : value.trim());
const periodField = /^holidayPeriods\[\d+\]\.(name|from|to)$/;
const termField = /^terms\.(\w+)\.(nb|nn|sv|en)$/;
const noWords: Record<GlossaryLanguage, string> = { nb: '', nn: '', sv: '', en: '' };

export interface SettingsEditorProps {
  initial: SettingsForm;
  onSave: (form: SettingsForm) => Promise<SettingsForm>;
  onReload: () => Promise<SettingsForm>;
  onSaved: (saved: SettingsForm) => void;
  onClose: () => void;
  /** The years check-ins are kept, when read; saved apart from the rest (it is the privacy feature's), and first. */
  retentionYears?: number | null;
  onSaveRetention?: (years: number) => Promise<number>;
}

/**
 * Holiday periods (no prompts, no reviews planned), hours until a reminder, the weekly digest's day and time, how long
 * check-ins are kept, and the organisation's own words for its levels and roles in each language.
 */
export function SettingsEditor({ initial, onSave, onReload, onSaved, onClose, retentionYears = null, onSaveRetention }: SettingsEditorProps) {
  const { t, locale } = useI18n();
  const styles = useFormStyles();
  const [base, setBase] = useState(initial);
  const [keptYears, setKeptYears] = useState(retentionYears);
  const [draft, setDraft] = useState(() => draftOf(initial, retentionYears));
  // One language's words at a time: the reader's first, the others a choice away.
  const [termLanguage, setTermLanguage] = useState<GlossaryLanguage>(locale);
  const save = useSave(onReload, (latest) => {
    const was = draftOf(base);
    const now = draftOf(latest);
    const labels = {
      holidayPeriods: t.orgHolidayPeriods,
      reminderAfterHours: t.orgReminderHours,
      digestWeekday: t.orgDigestWeekday,
      digestTime: t.orgDigestTime,
      terms: t.orgTermsTitle,
    };
    return (Object.keys(labels) as (keyof typeof labels)[]).filter((k) => JSON.stringify(was[k]) !== JSON.stringify(now[k])).map((k) => labels[k]);
  }, { years: 'retentionYears' });
  const errors = save.errors;
  const message = (key: string) => (errors[key] ? { validationMessage: errors[key], validationState: 'error' as const } : {});
  const setPeriod = (i: number, change: Partial<Draft['holidayPeriods'][number]>) =>
    setDraft((d) => ({ ...d, holidayPeriods: d.holidayPeriods.map((p, j) => (j === i ? { ...p, ...change } : p)) }));

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const hours = Number(draft.reminderAfterHours);
    const form: SettingsForm = {
      ...base,
      holidayPeriods: draft.holidayPeriods.map((p) => ({ name: blank(p.name), from: blank(p.from), to: blank(p.to) })),
      reminderAfterHours: draft.reminderAfterHours.trim() === '' || Number.isNaN(hours) ? null : hours,
      digestWeekday: blank(draft.digestWeekday),
      digestTime: blank(draft.digestTime),
      // Only the words set: one left empty is cleared, and the glossary's word stands again.
      terms: ownTermsOf(draft.terms),
    };
    const years = draft.retentionYears.trim() === '' ? NaN : Number(draft.retentionYears);
    await save.run(async () => {
      if (onSaveRetention && keptYears !== null && draft.retentionYears !== String(keptYears)) {
        // A number the service refuses (or none) comes back as a message at the field, and nothing else is saved.
        setKeptYears(await onSaveRetention(Number.isNaN(years) ? 0 : years));
      }
      onSaved(await onSave(form));
    }, (latest) => setBase(latest));
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <DialogBody>
        <DialogTitle>{t.orgSettingsTitle}</DialogTitle>
        <DialogContent className={styles.fields}>
          <fieldset className={styles.group}>
            <legend className={styles.legend}>{t.orgHolidayPeriods}</legend>
            {errors['holidayPeriods'] && <p role="alert">{errors['holidayPeriods']}</p>}
            {draft.holidayPeriods.map((period, i) => (
              <div key={i} className={styles.item}>
                <Field label={t.orgHolidayName(i + 1)} {...message(`holidayPeriods[${i}].name`)}>
                  <Input value={period.name} onChange={(_, d) => setPeriod(i, { name: d.value })} />
                </Field>
                <Field label={t.orgFrom} {...message(`holidayPeriods[${i}].from`)}>
                  <Input type="date" value={period.from} onChange={(_, d) => setPeriod(i, { from: d.value })} />
                </Field>
                <Field label={t.orgTo} {...message(`holidayPeriods[${i}].to`)}>
                  <Input type="date" value={period.to} onChange={(_, d) => setPeriod(i, { to: d.value })} />
                </Field>
                <Button onClick={() => setDraft((d) => ({ ...d, holidayPeriods: d.holidayPeriods.filter((_, j) => j !== i) }))}>
                  {t.orgRemoveHoliday(i + 1)}
                </Button>
              </div>
            ))}
            <Button onClick={() => setDraft((d) => ({ ...d, holidayPeriods: [...d.holidayPeriods, { name: '', from: '', to: '' }] }))}>
              {t.orgAddHoliday}
            </Button>
          </fieldset>
          <Field label={t.orgReminderHours} {...message('reminderAfterHours')}>
            <Input type="number" value={draft.reminderAfterHours} onChange={(_, d) => setDraft((x) => ({ ...x, reminderAfterHours: d.value }))} />
          </Field>
          <div className={styles.row}>
            <Field label={t.orgDigestWeekday} {...message('digestWeekday')}>
              <Select value={draft.digestWeekday} onChange={(_, d) => setDraft((x) => ({ ...x, digestWeekday: d.value }))}>
                {weekdays.map((w) => (
                  <option key={w} value={w}>
                    {t.weekday[w]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t.orgDigestTime} hint="HH:MM" {...message('digestTime')}>
              <Input value={draft.digestTime} onChange={(_, d) => setDraft((x) => ({ ...x, digestTime: d.value }))} />
            </Field>
          </div>
          {onSaveRetention && keptYears !== null && (
            <Field label={t.orgRetentionYears} hint={t.orgRetentionHint} {...message('retentionYears')}>
              <Input type="number" min={1} value={draft.retentionYears} onChange={(_, d) => setDraft((x) => ({ ...x, retentionYears: d.value }))} />
            </Field>
          )}
          <fieldset className={styles.group}>
            <legend className={styles.legend}>{t.orgTermsTitle}</legend>
            <p>{t.orgTermsHint}</p>
            <Field label={t.orgTermsLanguage}>
              <Select value={termLanguage} onChange={(_, d) => setTermLanguage(d.value as GlossaryLanguage)}>
                {locales.map((l) => (
                  <option key={l} value={l}>
                    {t.languageNames[l]}
                  </option>
                ))}
              </Select>
            </Field>
            {ownTermConcepts.map((concept) => (
              <Field
                key={`${concept}.${termLanguage}`}
                label={t.orgTermIn(capitalised(term(concept, locale), locale), t.languageNames[termLanguage])}
                {...message(`terms.${concept}.${termLanguage}`)}
              >
                <Input
                  value={draft.terms[concept]?.[termLanguage] ?? ''}
                  placeholder={term(concept, termLanguage)}
                  onChange={(_, d) =>
                    setDraft((x) => ({ ...x, terms: { ...x.terms, [concept]: { ...noWords, ...x.terms[concept], [termLanguage]: d.value } } }))
                  }
                />
              </Field>
            ))}
          </fieldset>
          <Unplaced
            errors={errors}
            placed={(key) =>
              ['holidayPeriods', 'reminderAfterHours', 'digestWeekday', 'digestTime', 'retentionYears'].includes(key) ||
              periodField.test(key) ||
              (ownTermConcepts.includes(termField.exec(key)?.[1] ?? '') && termField.exec(key)?.[2] === termLanguage)
            }
          />
          <FailureNotice failure={save.failure} />
        </DialogContent>
        <SaveOrCancel busy={save.busy} onClose={onClose} />
      </DialogBody>
    </form>
  );
}

export function SettingsDialog({ open, formKey, ...props }: SettingsEditorProps & { open: boolean; formKey: string }) {
  return (
    <FormDialog open={open} onClose={props.onClose}>
      <SettingsEditor key={formKey} {...props} />
    </FormDialog>
  );
}
