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
import type { Deviation, FollowUpInput, FollowUpOwner } from '../../shared/api/types';
import { asApiError } from '../../shared/api/useApi';
import { parseIsoDate } from '../../shared/i18n/format';
import { labelOf, useI18n } from '../../shared/i18n/i18n';
import { ErrorMessage } from '../../shared/ui/Loading';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

const someoneElse = '';

type Errors = Partial<Record<'ownerId' | 'deadline', string>>;

export interface FollowUpDialogProps {
  deviation: Deviation | null;
  owners: FollowUpOwner[];
  onSave: (deviation: Deviation, input: FollowUpInput) => Promise<void>;
  onClose: () => void;
}

/**
 * Makes a deviation a follow-up area: an owner (the unit's leader, its Lean coordinators or the service-area leader,
 * or anyone in the organisation by e-mail) and a deadline. The service's messages appear next to their fields.
 */
export function FollowUpDialog({ open, formKey, ...props }: FollowUpDialogProps & { open: boolean; formKey: string }) {
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface>{props.deviation && <FollowUpForm key={formKey} {...props} deviation={props.deviation} />}</DialogSurface>
    </Dialog>
  );
}

function FollowUpForm({ deviation, owners, onSave, onClose }: FollowUpDialogProps & { deviation: Deviation }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [choice, setChoice] = useState(owners[0]?.id ?? someoneElse);
  const [email, setEmail] = useState('');
  const [deadline, setDeadline] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const ownerId = choice === someoneElse ? email.trim() : choice;
    const found: Errors = {};
    if (!ownerId) found.ownerId = t.fieldRequired;
    if (!parseIsoDate(deadline)) found.deadline = deadline ? t.invalidDate : t.fieldRequired;
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await onSave(deviation, { ownerId, deadline });
    } catch (error) {
      const apiError = asApiError(error);
      const fromService: Errors = {};
      for (const field of ['ownerId', 'deadline'] as const) {
        const message = apiError.fieldError(field);
        if (message) fromService[field] = message;
      }
      setErrors(fromService);
      if (Object.keys(fromService).length === 0) setFailure(apiError);
      setBusy(false);
    }
  }

  const message = (field: keyof Errors) => (errors[field] ? { validationMessage: errors[field] } : {});
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <DialogBody>
        <DialogTitle>{t.followUpDialogTitle}</DialogTitle>
        <DialogContent className={styles.fields}>
          <p>{deviation.text}</p>
          <Field label={t.followUpOwner} required {...(choice === someoneElse ? {} : message('ownerId'))}>
            <Select value={choice} onChange={(_, data) => setChoice(data.value)}>
              {owners.map((owner) => (
                <option key={owner.id} value={owner.id}>
                  {`${owner.name} (${labelOf(t.role, owner.role)})`}
                </option>
              ))}
              <option value={someoneElse}>{t.followUpSomeoneElse}</option>
            </Select>
          </Field>
          {choice === someoneElse && (
            <Field label={t.followUpOwnerEmail} required {...message('ownerId')}>
              <Input type="email" value={email} onChange={(_, data) => setEmail(data.value)} />
            </Field>
          )}
          <Field label={t.deadlineColumn} required {...message('deadline')}>
            <Input type="date" value={deadline} onChange={(_, data) => setDeadline(data.value)} />
          </Field>
          {failure && <ErrorMessage error={failure} />}
        </DialogContent>
        <DialogActions>
          <Button type="submit" appearance="primary" disabled={busy}>
            {t.followUpCreate}
          </Button>
          <Button onClick={onClose}>{t.cancel}</Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
