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
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type SubmitEvent } from 'react';
import type { ApiError } from '../../shared/api/ApiError';
import { tabApi } from '../../shared/api/tabApi';
import type { Appointment, AppointmentChanged, PersonRef } from '../../shared/api/types';
import { asApiError } from '../../shared/api/useApi';
import { parseIsoDate } from '../../shared/i18n/format';
import { useI18n } from '../../shared/i18n/i18n';
import { problemText } from '../../shared/i18n/problems';
import { ErrorMessage } from '../../shared/ui/Loading';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  hint: { color: tokens.colorNeutralForeground2, margin: 0 },
});

export type ChangeMode = 'move' | 'cancel' | 'owner';

export interface AppointmentDialogProps {
  mode: ChangeMode;
  appointment: Appointment;
  /** What the appointment is, for the title: "Gemba-besøk Byggesak". */
  what: string;
  people: PersonRef[];
  onChanged: (changed: AppointmentChanged) => void;
  onClose: () => void;
  onReload: () => void;
}

// As the action plan's dialog: the Dialog stays mounted and closes through `open`, so that Fluent gives focus back
// and undoes what it did to the rest of the page; the form inside starts afresh for each change.
export function AppointmentDialog({ open, formKey, ...props }: AppointmentDialogProps & { open: boolean; formKey: string }) {
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface>
        <ChangeForm key={formKey} {...props} />
      </DialogSurface>
    </Dialog>
  );
}

/** The wall-clock date and time the service sent: the unit's own, carried by the instant's offset. */
function wallClock(instant: string): { date: string; time: string } {
  return { date: instant.slice(0, 10), time: instant.slice(11, 16) };
}

type InputName = 'date' | 'time' | 'ownerId';

function ChangeForm({ mode, appointment, what, people, onChanged, onClose, onReload }: AppointmentDialogProps) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const [date, setDate] = useState(wallClock(appointment.start).date);
  const [time, setTime] = useState(wallClock(appointment.start).time);
  const [ownerId, setOwnerId] = useState('');
  const [errors, setErrors] = useState<Partial<Record<InputName, string>>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const candidates = people.filter((p) => p.id !== appointment.ownerId);

  function check(): Partial<Record<InputName, string>> {
    const found: Partial<Record<InputName, string>> = {};
    if (mode === 'move') {
      if (!parseIsoDate(date)) found.date = date ? t.invalidDate : t.fieldRequired;
      if (!/^\d{2}:\d{2}$/.test(time)) found.time = t.fieldRequired;
    }
    if (mode === 'owner' && !ownerId) found.ownerId = t.fieldRequired;
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
      const changed =
        mode === 'move'
          ? await tabApi.moveAppointment(appointment, date, time)
          : mode === 'cancel'
            ? await tabApi.cancelAppointment(appointment)
            : await tabApi.reassignAppointment(appointment, ownerId);
      onChanged(changed);
    } catch (error) {
      const apiError = asApiError(error);
      const fromService: Partial<Record<InputName, string>> = {};
      // A refusal (a holiday, the board meeting) has its own code, worded here; a malformed value only the field's.
      const refusal = apiError.code !== undefined && apiError.code !== 'invalidField' ? problemText(apiError, t, fmt) : undefined;
      for (const field of ['date', 'time', 'ownerId'] as const) {
        const message = apiError.fieldError(field);
        if (message) fromService[field] = refusal ?? message;
      }
      setErrors(fromService);
      if (Object.keys(fromService).length === 0) setFailure(apiError);
      setBusy(false);
    }
  }

  const message = (field: InputName) => (errors[field] ? { validationMessage: errors[field] } : {});
  const title = mode === 'move' ? t.moveTitle(what) : mode === 'cancel' ? t.cancelTitle(what) : t.reassignTitle(what);
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <DialogBody>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent className={styles.fields}>
          {mode === 'move' && (
            <>
              <p className={styles.hint}>{t.moveHint}</p>
              <Field label={t.newDate} required {...message('date')}>
                <Input type="date" value={date} onChange={(_, data) => setDate(data.value)} />
              </Field>
              <Field label={t.newTime} required {...message('time')}>
                <Input type="time" value={time} step={900} onChange={(_, data) => setTime(data.value)} />
              </Field>
            </>
          )}
          {mode === 'cancel' && <p>{t.cancelText}</p>}
          {mode === 'owner' && (
            <Field label={t.newOwner} required {...message('ownerId')}>
              <Select value={ownerId} onChange={(_, data) => setOwnerId(data.value)}>
                <option value="">{t.chooseOwner}</option>
                {candidates.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {failure &&
            (failure.isConflict ? (
              <MessageBar intent="warning" role="alert">
                <MessageBarBody>
                  <MessageBarTitle>{t.conflictTitle}</MessageBarTitle> {t.appointmentConflictText}
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
            {mode === 'cancel' ? t.confirmCancel : t.save}
          </Button>
          <Button onClick={onClose}>{t.cancel}</Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
