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
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type SubmitEvent } from 'react';
import { ApiError } from '../../shared/api/ApiError';
import type { ActionPlanRowInput } from '../../shared/api/types';
import { actionStatuses } from '../../shared/api/types';
import { asApiError } from '../../shared/api/useApi';
import { parseIsoDate } from '../../shared/i18n/format';
import { useI18n, type I18n } from '../../shared/i18n/i18n';
import { ErrorMessage } from '../../shared/ui/Loading';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type FieldName = keyof ActionPlanRowInput;
type Errors = Partial<Record<FieldName, string>>;

/** The limits of docs/tab-api.md, checked here so that a slip is named before the round trip. */
const maxLength: Record<Exclude<FieldName, 'deadline' | 'status'>, number> = { challenge: 300, measures: 1000, responsible: 200 };

export function validate(row: ActionPlanRowInput, t: I18n['t']): Errors {
  const errors: Errors = {};
  for (const [field, max] of Object.entries(maxLength) as [keyof typeof maxLength, number][]) {
    const value = row[field].trim();
    if (value.length === 0) errors[field] = t.fieldRequired;
    else if (value.length > max) errors[field] = t.fieldTooLong(max);
  }
  if (!parseIsoDate(row.deadline)) errors.deadline = row.deadline ? t.invalidDate : t.fieldRequired;
  if (!actionStatuses.includes(row.status)) errors.status = t.fieldRequired;
  return errors;
}

/**
 * Adds or edits one row. The service's validation messages appear next to their fields; a 412 means someone else
 * saved first, and the only honest way on is to reload.
 */
export interface RowDialogProps {
  title: string;
  initial: ActionPlanRowInput;
  onSave: (row: ActionPlanRowInput) => Promise<void>;
  onClose: () => void;
  onReload: () => void;
}

// The Dialog stays mounted and is closed through `open`, so that Fluent can undo what it did to the rest of the
// page (aria-hidden, the focus trap) and give focus back; the form inside starts afresh for every edit.
export function RowDialog({ open, formKey, ...props }: RowDialogProps & { open: boolean; formKey: string }) {
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface>
        <RowForm key={formKey} {...props} />
      </DialogSurface>
    </Dialog>
  );
}

function RowForm({ title, initial, onSave, onClose, onReload }: RowDialogProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const [row, setRow] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: FieldName) => (value: string) => {
    setRow((current) => ({ ...current, [field]: value }));
    setErrors(({ [field]: _, ...rest }) => rest);
  };

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed: ActionPlanRowInput = {
      ...row,
      challenge: row.challenge.trim(),
      measures: row.measures.trim(),
      responsible: row.responsible.trim(),
    };
    const found = validate(trimmed, t);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await onSave(trimmed);
    } catch (error) {
      const apiError = asApiError(error);
      const fromService: Errors = {};
      for (const field of ['challenge', 'measures', 'responsible', 'deadline', 'status'] as const) {
        const message = apiError.fieldError(field);
        if (message) fromService[field] = message;
      }
      setErrors(fromService);
      if (Object.keys(fromService).length === 0) setFailure(apiError);
      setBusy(false);
    }
  }

  const message = (field: FieldName) => (errors[field] ? { validationMessage: errors[field] } : {});
  return (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.fields}>
              <Field label={t.challengeColumn} required {...message('challenge')}>
                <Textarea value={row.challenge} onChange={(_, data) => set('challenge')(data.value)} resize="vertical" />
              </Field>
              <Field label={t.measuresColumn} required {...message('measures')}>
                <Textarea value={row.measures} onChange={(_, data) => set('measures')(data.value)} resize="vertical" rows={4} />
              </Field>
              <Field label={t.responsibleColumn} required {...message('responsible')}>
                <Input value={row.responsible} onChange={(_, data) => set('responsible')(data.value)} />
              </Field>
              <Field label={t.deadlineColumn} required {...message('deadline')}>
                <Input type="date" value={row.deadline} onChange={(_, data) => set('deadline')(data.value)} />
              </Field>
              <Field label={t.statusColumn} required {...message('status')}>
                <Select value={row.status} onChange={(_, data) => set('status')(data.value)}>
                  {actionStatuses.map((status) => (
                    <option key={status} value={status}>
                      {t.actionStatus[status]}
                    </option>
                  ))}
                </Select>
              </Field>
              {failure &&
                (failure.isConflict ? (
                  <MessageBar intent="warning" role="alert">
                    <MessageBarBody>
                      <MessageBarTitle>{t.conflictTitle}</MessageBarTitle> {t.conflictText}
                    </MessageBarBody>
                    <MessageBarActions>
                      <Button onClick={onReload}>{t.reload}</Button>
                    </MessageBarActions>
                  </MessageBar>
                ) : (
                  <ErrorMessage error={failure} />
                ))}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={busy || failure?.isConflict === true}>
                {t.save}
              </Button>
              <Button onClick={onClose}>{t.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </form>
  );
}
