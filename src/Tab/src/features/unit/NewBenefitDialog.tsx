import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../shared/api/ApiError';
import { tabApi } from '../../shared/api/tabApi';
import { benefitKinds, type BenefitKind, type BenefitMeasure, type Improvement, type UnitBenefit, type UnitDetails } from '../../shared/api/types';
import { asApiError } from '../../shared/api/useApi';
import { labelOf, useI18n } from '../../shared/i18n/i18n';
import { ErrorMessage } from '../../shared/ui/Loading';
import { amountError } from './BenefitDialog';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** As the service names a new benefit's fields in its answer. */
const fields = ['title', 'kind', 'measure', 'identified', 'ownerId', 'improvementId'] as const;
type Field = (typeof fields)[number];
type Errors = Partial<Record<Field, string>>;

/** The caller: the service makes whoever records the benefit its owner when none is chosen. */
const me = '';

/** Where a new benefit goes: to an improvement, or (`improvement` null) to the unit under a short title. */
export interface NewBenefitTarget {
  improvement: Improvement | null;
}

export interface NewBenefitDialogProps {
  unit: UnitDetails;
  target: NewBenefitTarget | null;
  /** Called with the benefit as stored and the words that say it was recorded. */
  onSaved: (benefit: UnitBenefit, said: string) => Promise<void>;
  onClose: () => void;
}

/**
 * A benefit identified at the board: its kind, measure, estimate and owner, for an improvement or for the unit under a
 * short title. The estimate is checked against its measure's range before it is sent; what the service refuses is said
 * next to its field, anything else (403, an improvement that has its benefit already: 409) by its code.
 */
export function NewBenefitDialog({ formKey, ...props }: NewBenefitDialogProps & { formKey: string }) {
  return (
    <Dialog open={props.target !== null} onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface>{props.target && <NewBenefitForm key={formKey} {...props} improvement={props.target.improvement} />}</DialogSurface>
    </Dialog>
  );
}

function NewBenefitForm({ unit, improvement, onSaved, onClose }: Omit<NewBenefitDialogProps, 'target'> & { improvement: Improvement | null }) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const ranges = unit.benefitRanges;
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<BenefitKind>('timeSaved');
  const [measure, setMeasure] = useState<BenefitMeasure>(ranges.some((r) => r.measure === 'hours') ? 'hours' : (ranges[0]?.measure ?? 'hours'));
  const [identified, setIdentified] = useState('');
  const [ownerId, setOwnerId] = useState(me);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Errors = {};
    const typedTitle = title.trim();
    if (!improvement && !typedTitle) found.title = t.fieldRequired;
    if (!identified.trim()) found.identified = t.fieldRequired;
    else {
      const problem = amountError(identified, ranges.find((r) => r.measure === measure), { t, fmt });
      if (problem) found.identified = problem;
    }
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    let saved: UnitBenefit;
    try {
      saved = await tabApi.createBenefit(unit.id, {
        improvementId: improvement?.id ?? null,
        title: improvement ? null : typedTitle,
        kind,
        measure,
        identified: identified.trim(),
        ownerId: ownerId || null,
      });
    } catch (error) {
      const apiError = asApiError(error);
      const fromService: Errors = {};
      for (const field of fields) {
        const message = apiError.fieldError(field);
        if (message) fromService[field] = message;
      }
      // The improvement is no field of the form: what the service says of it is said with the form's failure.
      const { improvementId, ...shown } = fromService;
      setErrors(shown);
      if (Object.keys(shown).length === 0 || improvementId) setFailure(apiError);
      setBusy(false);
      return;
    }
    const amount = saved.identified === null ? t.benefitUnreadable : fmt.number(saved.identified);
    await onSaved(saved, t.benefitCreated(t.benefitDescribed(amount, labelOf(t.measure, saved.measure), labelOf(t.benefitKind, saved.kind))));
  }

  const message = (field: Field) => (errors[field] ? { validationMessage: errors[field] } : {});
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <DialogBody>
        <DialogTitle>{t.newBenefitTitle}</DialogTitle>
        <DialogContent className={styles.fields}>
          {improvement ? (
            <p>{t.newBenefitOf(improvement.title)}</p>
          ) : (
            <Field label={t.benefitTitleField} hint={t.benefitTitleHint} required {...message('title')}>
              <Input value={title} maxLength={200} onChange={(_, data) => setTitle(data.value)} />
            </Field>
          )}
          <Field label={t.benefitKindField} required {...message('kind')}>
            <Select value={kind} onChange={(_, data) => setKind(benefitKinds.find((k) => k === data.value) ?? kind)}>
              {benefitKinds.map((key) => (
                <option key={key} value={key}>
                  {labelOf(t.benefitKind, key)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t.benefitMeasureField} required {...message('measure')}>
            <Select value={measure} onChange={(_, data) => setMeasure(ranges.find((r) => r.measure === data.value)?.measure ?? measure)}>
              {ranges.map((range) => (
                <option key={range.measure} value={range.measure}>
                  {labelOf(t.measure, range.measure)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t.benefitIdentifiedField} required {...message('identified')}>
            <Input inputMode="decimal" value={identified} onChange={(_, data) => setIdentified(data.value)} />
          </Field>
          <Field label={t.improvementOwnerLabel} {...message('ownerId')}>
            <Select value={ownerId} onChange={(_, data) => setOwnerId(data.value)}>
              <option value={me}>{t.benefitOwnerMe}</option>
              {unit.boardPeople.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </Select>
          </Field>
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
