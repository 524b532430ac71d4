import { Button, Dialog, DialogActions, DialogSurface, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { ApiError } from '../../shared/api/ApiError';
import type { KnownPerson, PersonChoice } from '../../shared/api/types';
import { asApiError } from '../../shared/api/useApi';
import { useI18n } from '../../shared/i18n/i18n';
import type { Messages } from '../../shared/i18n/nb';
import { ErrorMessage } from '../../shared/ui/Loading';

export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof weekdays)[number];

/** The service writes a weekday in English, lower case; anything else is shown as it is. */
export function weekdayLabel(t: Messages, value: string | null | undefined): string {
  const day = weekdays.find((w) => w === value);
  return day ? t.weekday[day] : (value ?? '');
}

export const useFormStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-start' },
  group: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, margin: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
  item: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', marginBlockEnd: tokens.spacingVerticalS },
  surface: { maxWidth: '720px', width: '100%' },
  content: { maxHeight: '70vh', overflowY: 'auto' },
});

/** The service's messages by field path, and those no field of the form shows (listed under it, so none is lost). */
export type FieldErrors = Record<string, string>;

export function errorsOf(error: ApiError, aliases: Record<string, string> = {}): FieldErrors {
  const result: FieldErrors = {};
  for (const path of Object.keys(error.fieldErrorsByPath)) {
    const field = aliases[path] ?? path;
    const message = error.fieldErrorAt(path) ?? '';
    result[field] = result[field] ? `${result[field]} ${message}` : message;
  }
  return result;
}

/** The person a stored e-mail names, as the people picker shows them. */
export function personOf(email: string | null | undefined, people: readonly Pick<KnownPerson, 'id' | 'name'>[]): PersonChoice | null {
  if (!email) return null;
  const known = people.find((p) => p.id.toLowerCase() === email.toLowerCase());
  return { email, name: known?.name ?? email, jobTitle: null, inOrganisation: true };
}

/** How a form says a person: someone the organisation does not know yet goes with their name, and is added. */
export function personText(person: PersonChoice | null): string | null {
  if (!person) return null;
  return person.inOrganisation ? person.email : `${person.name} <${person.email}>`;
}

/** Messages for keys the form has no field for (the row's ETag, a rule about the whole record). */
export function Unplaced({ errors, placed }: { errors: FieldErrors; placed: (key: string) => boolean }) {
  const rest = Object.entries(errors).filter(([key]) => !placed(key));
  if (rest.length === 0) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <ul>
          {rest.map(([key, message]) => (
            <li key={key}>{`${key}: ${message}`}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Someone saved the same thing while this form was open. The form keeps what the user typed and now carries the
 * newest ETag; `changed` names the fields the other person changed, so the user can look before saving again.
 */
export function ConflictNotice({ changed }: { changed: string[] }) {
  const { t } = useI18n();
  return (
    <MessageBar intent="warning" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t.conflictTitle}</MessageBarTitle> {t.orgConflictText}{' '}
        {changed.length > 0 ? t.orgConflictChanged(changed.join(', ')) : t.orgConflictNothingShown}
      </MessageBarBody>
    </MessageBar>
  );
}

export type SaveFailure = { kind: 'fields'; errors: FieldErrors } | { kind: 'conflict'; changed: string[] } | { kind: 'other'; error: ApiError };

/**
 * Runs a save: a 400 gives the messages by field, a 412 reads the stored values again (through `reload`) and says what
 * differs from what the form was opened with; anything else is shown as it is.
 */
export function useSave<T>(reload: () => Promise<T>, changedFields: (latest: T) => string[], aliases: Record<string, string> = {}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<SaveFailure | null>(null);

  async function run(save: () => Promise<void>, onLatest: (latest: T) => void) {
    setBusy(true);
    setFailure(null);
    try {
      await save();
    } catch (error) {
      const apiError = asApiError(error);
      if (apiError.isConflict) {
        try {
          const latest = await reload();
          setFailure({ kind: 'conflict', changed: changedFields(latest) });
          onLatest(latest);
        } catch (reloadError) {
          setFailure({ kind: 'other', error: asApiError(reloadError) });
        }
      } else if (apiError.status === 400 || apiError.status === 409) {
        const errors = errorsOf(apiError, aliases);
        setFailure(Object.keys(errors).length > 0 ? { kind: 'fields', errors } : { kind: 'other', error: apiError });
      } else {
        setFailure({ kind: 'other', error: apiError });
      }
    } finally {
      setBusy(false);
    }
  }

  const errors = failure?.kind === 'fields' ? failure.errors : {};
  return { busy, failure, errors, run, clear: () => setFailure(null) };
}

export function FailureNotice({ failure }: { failure: SaveFailure | null }) {
  if (!failure) return null;
  if (failure.kind === 'conflict') return <ConflictNotice changed={failure.changed} />;
  if (failure.kind === 'other') return <ErrorMessage error={failure.error} />;
  return null;
}

export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return <Button onClick={onClick}>{label}</Button>;
}

/** A form's dialog, which stays mounted (Fluent gives focus back on close); the caller keys the form so each opening starts afresh. */
export function FormDialog({ open, onClose, children }: { open: boolean; onClose: () => void; children: ReactNode }) {
  const styles = useFormStyles();
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface}>{children}</DialogSurface>
    </Dialog>
  );
}

/** Save (submits the form) and Cancel under a form. */
export function SaveOrCancel({ busy, onClose }: { busy: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <DialogActions>
      <Button type="submit" appearance="primary" disabled={busy}>
        {t.save}
      </Button>
      <Button onClick={onClose}>{t.cancel}</Button>
    </DialogActions>
  );
}
