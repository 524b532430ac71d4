import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type SubmitEvent } from 'react';
import type { BoardPerson, Improvement } from '../../shared/api/types';
import { parseIsoDate } from '../../shared/i18n/format';
import { useI18n } from '../../shared/i18n/i18n';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

const noOwner = '';

export interface ImprovementDialogProps {
  open: boolean;
  improvement: Improvement | null;
  people: BoardPerson[];
  onSave: (improvement: Improvement, ownerId: string | null, dueDate: string | null) => Promise<void>;
  onClose: () => void;
}

/**
 * An improvement's owner (one of the unit's people; an owner who has left stays chosen until changed) and deadline.
 * Empty fields take them away.
 */
export function ImprovementDialog({ open, improvement, ...props }: ImprovementDialogProps) {
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface>{improvement && <ImprovementForm key={`${improvement.id}:${improvement.etag}`} improvement={improvement} {...props} />}</DialogSurface>
    </Dialog>
  );
}

function ImprovementForm({ improvement, people, onSave, onClose }: Omit<ImprovementDialogProps, 'open'> & { improvement: Improvement }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [ownerId, setOwnerId] = useState(improvement.ownerId ?? noOwner);
  const [dueDate, setDueDate] = useState(improvement.dueDate ?? '');
  const [error, setError] = useState('');
  const known = people.some((p) => p.id === improvement.ownerId);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (dueDate && !parseIsoDate(dueDate)) {
      setError(t.invalidDate);
      return;
    }
    await onSave(improvement, ownerId || null, dueDate || null);
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <DialogBody>
        <DialogTitle>{t.editImprovement}</DialogTitle>
        <DialogContent className={styles.fields}>
          <p>{improvement.title}</p>
          <Field label={t.improvementOwnerLabel}>
            <Select value={ownerId} onChange={(_, data) => setOwnerId(data.value)}>
              <option value={noOwner}>{t.noOwner}</option>
              {improvement.ownerId && !known && (
                <option value={improvement.ownerId}>
                  {improvement.ownerName === null ? t.ownerErased : improvement.ownerRemoved ? t.ownerRemoved(improvement.ownerName) : improvement.ownerName}
                </option>
              )}
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t.improvementDueLabel} {...(error ? { validationMessage: error } : {})}>
            <Input type="date" value={dueDate} onChange={(_, data) => setDueDate(data.value)} />
          </Field>
        </DialogContent>
        <DialogActions>
          <Button type="submit" appearance="primary">
            {t.save}
          </Button>
          <Button onClick={onClose}>{t.cancel}</Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
