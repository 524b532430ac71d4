import { Combobox, Field, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/ApiError';
import { tabApi } from '../api/tabApi';
import type { PersonChoice } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { problemText } from '../i18n/problems';

/** Fewer letters than this match half the organisation; the service is not asked. */
const minimumLength = 2;

/** Long enough that typing a name sends one search, short enough that the list follows the typing. */
export const searchDelayMs = 300;

const useStyles = makeStyles({
  detail: { color: tokens.colorNeutralForeground3 },
});

type Search =
  | { state: 'idle' }
  | { state: 'searching' }
  | { state: 'found'; people: PersonChoice[] }
  | { state: 'failed'; message: string };

export interface PeoplePickerProps {
  label: string;
  /** The person picked, or null. */
  value: PersonChoice | null;
  onChange: (person: PersonChoice | null) => void;
  required?: boolean;
  /** A message from the form (a 400 naming this field), shown under the field. */
  error?: string | undefined;
}

/**
 * Picks a person: searches the tenant's directory through the service (or, where it has no Graph access, the
 * organisation's own people and a typed e-mail address) while the user types, and offers the matches in a combobox.
 * Arrow keys move through the matches, Enter picks one, Escape closes the list; a polite live region says how many matched.
 */
export function PeoplePicker({ label, value, onChange, required = false, error }: PeoplePickerProps) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const [query, setQuery] = useState(value?.name ?? '');
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const trimmed = query.trim();
  const wanted = trimmed.length >= minimumLength && trimmed !== value?.name;

  useEffect(() => {
    if (!wanted) return;
    const controller = new AbortController();
    // Waits for a pause in the typing; each keystroke cancels the search it would have sent and any still on its way.
    const timer = setTimeout(() => {
      setSearch({ state: 'searching' });
      tabApi.people(trimmed, controller.signal).then(
        (found) => setSearch({ state: 'found', people: found.people }),
        (failure: unknown) => {
          if (controller.signal.aborted) return;
          setSearch({ state: 'failed', message: failure instanceof ApiError ? problemText(failure, t, fmt) : t.networkError });
        },
      );
    }, searchDelayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [trimmed, wanted, t, fmt]);

  const people = wanted && search.state === 'found' ? search.people : [];
  const status = !wanted
    ? value ? '' : t.peoplePickerHint
    : search.state === 'searching'
      ? t.peoplePickerSearching
      : search.state === 'failed'
        ? search.message
        : search.state === 'found'
          ? search.people.length === 0 ? t.peoplePickerNoMatches : t.peoplePickerMatches(search.people.length)
          : '';

  return (
    // The status is the field's hint, so the combobox is described by it and a screen reader hears each change.
    <Field
      label={label}
      required={required}
      hint={{ children: status, role: 'status', 'aria-live': 'polite' }}
      validationMessage={error ?? null}
      validationState={error ? 'error' : 'none'}
    >
      <Combobox
        freeform
        value={query}
        selectedOptions={value ? [value.email] : []}
        onChange={(event) => {
          setQuery(event.target.value);
          if (value) onChange(null);
        }}
        onOptionSelect={(_, data) => {
          const picked = people.find((p) => p.email === data.optionValue) ?? null;
          onChange(picked);
          setQuery(picked?.name ?? '');
        }}
      >
        {people.map((person) => (
          <Option key={person.email} value={person.email} text={person.name}>
            <div>
              <Text>{person.name}</Text>{' '}
              <Text size={200} className={styles.detail}>
                {[person.email, person.jobTitle, person.inOrganisation ? null : t.peoplePickerNewPerson].filter(Boolean).join(' · ')}
              </Text>
            </div>
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
