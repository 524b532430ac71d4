import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../shared/api/ApiError';
import { benefitKinds, type BenefitInput, type BenefitRange, type UnitBenefit } from '../../shared/api/types';
import { asApiError } from '../../shared/api/useApi';
import { labelOf, useI18n, type I18n } from '../../shared/i18n/i18n';
import { ErrorMessage } from '../../shared/ui/Loading';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type Field = keyof BenefitInput;
type Errors = Partial<Record<Field, string>>;

/** A plain decimal number as the service reads it: no exponent, NaN, infinity or comma. */
const plainNumber = /^-?\d+(\.\d+)?$/;

/** The message for an amount outside its measure's range, or none: the service checks the same again. */
export function amountError(text: string, range: BenefitRange | undefined, { t, fmt }: Pick<I18n, 't' | 'fmt'>): string | undefined {
  const trimmed = text.trim();
  if (!plainNumber.test(trimmed) || !range) return t.amountNotANumber;
  const value = Number(trimmed);
  // Trailing zeros are no decimals: 500.00 places is 500.
  const decimals = (trimmed.split('.')[1] ?? '').replace(/0+$/, '').length;
  const whole = range.decimals === 0;
  const inRange = (whole ? value >= range.min : value > range.min) && value <= range.max && decimals <= range.decimals;
  return inRange ? undefined : t.amountOutOfRange(fmt.number(range.max), labelOf(t.measure, range.measure), whole);
}

export interface BenefitDialogProps {
  benefit: UnitBenefit | null;
  ranges: BenefitRange[];
  onSave: (benefit: UnitBenefit, input: BenefitInput) => Promise<void>;
  onClose: () => void;
}

/** Corrects a benefit's kind, measure and amount. The amount is checked against its measure's range before it is sent. */
export function BenefitDialog({ formKey, ...props }: BenefitDialogProps & { formKey: string }) {
  return (
    <Dialog open={props.benefit !== null} onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface>{props.benefit && <BenefitForm key={formKey} {...props} benefit={props.benefit} />}</DialogSurface>
    </Dialog>
  );
}

function BenefitForm({ benefit, ranges, onSave, onClose }: BenefitDialogProps & { benefit: UnitBenefit }) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const [kind, setKind] = useState(benefit.kind);
  const [measure, setMeasure] = useState(ranges.some((r) => r.measure === benefit.measure) ? benefit.measure : (ranges[0]?.measure ?? benefit.measure));
  const [amount, setAmount] = useState(benefit.amount === null ? '' : String(benefit.amount));
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Errors = {};
    if (!amount.trim()) found.amount = t.fieldRequired;
    else {
      const problem = amountError(amount, ranges.find((r) => r.measure === measure), { t, fmt });
      if (problem) found.amount = problem;
    }
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await onSave(benefit, { kind, measure, amount: amount.trim() });
    } catch (error) {
      const apiError = asApiError(error);
      const fromService: Errors = {};
      for (const field of ['kind', 'measure', 'amount'] as const) {
        const message = apiError.fieldError(field);
        if (message) fromService[field] = message;
      }
      setErrors(fromService);
      if (Object.keys(fromService).length === 0) setFailure(apiError);
      setBusy(false);
    }
  }

  const message = (field: Field) => (errors[field] ? { validationMessage: errors[field] } : {});
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <DialogBody>
        <DialogTitle>{t.benefitDialogTitle}</DialogTitle>
        <DialogContent className={styles.fields}>
          <Field label={t.benefitKindField} required {...message('kind')}>
            <Select value={kind} onChange={(_, data) => setKind(benefitKinds.find((k) => k === data.value) ?? kind)}>
              {Object.entries(t.benefitKind).map(([key, label]) => (
                <option key={key} value={key}>
                  {label}
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
          <Field label={t.benefitAmountField} required {...message('amount')}>
            <Input inputMode="decimal" value={amount} onChange={(_, data) => setAmount(data.value)} />
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

export interface DeleteBenefitDialogProps {
  benefit: UnitBenefit | null;
  describe: (benefit: UnitBenefit) => string;
  onDelete: (benefit: UnitBenefit) => Promise<void>;
  onClose: () => void;
}

/** Asks before a benefit is deleted: it leaves every sum, the digest's and the report's too. */
export function DeleteBenefitDialog({ benefit, describe, onDelete, onClose }: DeleteBenefitDialogProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  async function remove(chosen: UnitBenefit) {
    setBusy(true);
    try {
      await onDelete(chosen);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={benefit !== null} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        {benefit && (
          <DialogBody>
            <DialogTitle>{t.deleteBenefitTitle}</DialogTitle>
            <DialogContent>
              <p>{t.deleteBenefitText(describe(benefit))}</p>
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                disabled={busy}
                onClick={() => void remove(benefit)}
              >
                {t.deleteBenefit}
              </Button>
              <Button onClick={onClose}>{t.cancel}</Button>
            </DialogActions>
          </DialogBody>
        )}
      </DialogSurface>
    </Dialog>
  );
}
