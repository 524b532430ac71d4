import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../shared/api/ApiError';
import { benefitStages, type BenefitRange, type BenefitStage, type StageInput, type UnitBenefit } from '../../shared/api/types';
import { asApiError } from '../../shared/api/useApi';
import { intlTag } from '../../shared/i18n/locale';
import { labelOf, useI18n, type I18n } from '../../shared/i18n/i18n';
import { ErrorMessage } from '../../shared/ui/Loading';
import { amountError } from './BenefitDialog';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type Errors = Partial<Record<'stage' | 'amount' | 'date' | 'text', string>>;

/** The stage after the one a benefit stands at: what is usually recorded next. Reinvested has none after it. */
export function nextStage(benefit: UnitBenefit): BenefitStage {
  const at = benefitStages.indexOf(benefit.stage);
  return benefitStages[Math.min(at + 1, benefitStages.length - 1)] ?? 'identified';
}

/** The figure a stage holds now, as the form starts from when that stage is chosen. */
function recorded(benefit: UnitBenefit, stage: BenefitStage): Omit<StageInput, 'stage' | 'inWorkYears'> {
  const amount = stage === 'identified' ? benefit.identified : stage === 'planned' ? benefit.planned : stage === 'realised' ? benefit.realised : null;
  const date = stage === 'planned' ? benefit.plannedOn : stage === 'realised' ? benefit.realisedOn : null;
  return { amount: amount === null ? '' : String(amount), date: date ?? '', text: stage === 'reinvested' ? (benefit.reinvested ?? '') : '' };
}

/** Up to two decimals, as årsverk are read (0,06 årsverk is 100 hours at 1 695 hours per årsverk). */
export function workYearsFormat(locale: I18n['locale']): Intl.NumberFormat {
  return new Intl.NumberFormat(intlTag[locale], { maximumFractionDigits: 2 });
}

/** Hours as årsverk or årsverk as hours by the organisation's hours per årsverk, both rounded as the service rounds. */
export function converted(amount: number, inWorkYears: boolean, hoursPerWorkYear: number): number {
  return inWorkYears ? Math.round(amount * hoursPerWorkYear * 100) / 100 : Math.round((amount / hoursPerWorkYear) * 100) / 100;
}

export interface StageDialogProps {
  /** The benefit as the page has it now: after someone else's change it arrives again with its new ETag. */
  benefit: UnitBenefit | null;
  ranges: BenefitRange[];
  hoursPerWorkYear: number;
  /** Shown above the fields: why the form is open again with what was typed (a change made meanwhile). */
  notice: string;
  onSave: (benefit: UnitBenefit, input: StageInput) => Promise<void>;
  onClose: () => void;
}

/**
 * Records a stage of a benefit or corrects one: the next stage is chosen to begin with; choosing a stage shows what it
 * holds. The amount may be given in årsverk when the benefit is counted in hours, and the other unit is shown as typed.
 */
export function StageDialog({ formKey, ...props }: StageDialogProps & { formKey: string }) {
  return (
    <Dialog open={props.benefit !== null} onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface>{props.benefit && <StageForm key={formKey} {...props} benefit={props.benefit} />}</DialogSurface>
    </Dialog>
  );
}

function StageForm({ benefit, ranges, hoursPerWorkYear, notice, onSave, onClose }: StageDialogProps & { benefit: UnitBenefit }) {
  const { t, fmt, locale } = useI18n();
  const styles = useStyles();
  const first = nextStage(benefit);
  const [stage, setStage] = useState<BenefitStage>(first);
  const [draft, setDraft] = useState(recorded(benefit, first));
  const [inWorkYears, setInWorkYears] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const inHours = benefit.measure === 'hours';
  const years = workYearsFormat(locale);

  function choose(chosen: BenefitStage) {
    setStage(chosen);
    setDraft(recorded(benefit, chosen));
    setInWorkYears(false);
    setErrors({});
  }

  function check(): Errors {
    const found: Errors = {};
    if (stage === 'reinvested') {
      if (!draft.text.trim()) found.text = t.fieldRequired;
      return found;
    }
    if (!draft.amount.trim()) found.amount = t.fieldRequired;
    else if (inWorkYears) {
      if (!/^\d+(\.\d+)?$/.test(draft.amount.trim())) found.amount = t.amountNotANumber;
    } else {
      const problem = amountError(draft.amount, ranges.find((r) => r.measure === benefit.measure), { t, fmt });
      if (problem) found.amount = problem;
    }
    if (stage === 'planned' && !draft.date) found.date = t.fieldRequired;
    return found;
  }

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = check();
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await onSave(benefit, { stage, amount: draft.amount.trim(), inWorkYears, date: draft.date, text: draft.text.trim() });
    } catch (error) {
      const apiError = asApiError(error);
      const fromService: Errors = {};
      for (const field of ['stage', 'amount', 'date', 'text'] as const) {
        const message = apiError.fieldError(field) ?? (field === 'amount' ? apiError.fieldError('inWorkYears') : undefined);
        if (message) fromService[field] = message;
      }
      setErrors(fromService);
      if (Object.keys(fromService).length === 0) setFailure(apiError);
    } finally {
      setBusy(false);
    }
  }

  const typed = Number(draft.amount.trim());
  const conversion =
    inHours && draft.amount.trim() && Number.isFinite(typed) && typed > 0
      ? inWorkYears
        ? t.convertsTo(`${fmt.number(converted(typed, true, hoursPerWorkYear))} ${labelOf(t.measure, 'hours')}`)
        : t.convertsTo(`${years.format(converted(typed, false, hoursPerWorkYear))} ${t.workYears}`)
      : undefined;
  const message = (field: keyof Errors) => (errors[field] ? { validationMessage: errors[field] } : {});
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <DialogBody>
        <DialogTitle>{t.stageDialogTitle}</DialogTitle>
        <DialogContent className={styles.fields}>
          {notice && <p role="status">{notice}</p>}
          <Field label={t.stageField} required {...message('stage')}>
            <Select value={stage} onChange={(_, data) => choose(benefitStages.find((s) => s === data.value) ?? stage)}>
              {benefitStages.map((s) => (
                <option key={s} value={s}>
                  {t.stageOption(labelOf(t.benefitStage, s), s === benefit.stage || benefitStages.indexOf(s) < benefitStages.indexOf(benefit.stage))}
                </option>
              ))}
            </Select>
          </Field>
          {stage === 'reinvested' ? (
            <Field label={t.reinvestedField} required {...message('text')}>
              <Textarea value={draft.text} maxLength={500} onChange={(_, data) => setDraft({ ...draft, text: data.value })} />
            </Field>
          ) : (
            <>
              <Field
                label={`${t.benefitAmountField} (${inWorkYears ? t.workYears : labelOf(t.measure, benefit.measure)})`}
                required
                {...(conversion ? { hint: conversion } : {})}
                {...message('amount')}
              >
                <Input inputMode="decimal" value={draft.amount} onChange={(_, data) => setDraft({ ...draft, amount: data.value })} />
              </Field>
              {inHours && (
                <Checkbox checked={inWorkYears} label={t.amountInWorkYears} onChange={(_, data) => setInWorkYears(data.checked === true)} />
              )}
              {stage !== 'identified' && (
                <Field label={stage === 'planned' ? t.plannedByField : t.realisedOnField} required={stage === 'planned'} {...message('date')}>
                  <Input type="date" value={draft.date} onChange={(_, data) => setDraft({ ...draft, date: data.value })} />
                </Field>
              )}
            </>
          )}
          {failure && <ErrorMessage error={failure} />}
        </DialogContent>
        <DialogActions>
          <Button type="submit" appearance="primary" disabled={busy}>
            {t.saveBenefit}
          </Button>
          <Button onClick={onClose}>{t.cancel}</Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
