import { Checkbox, DialogBody, DialogContent, DialogTitle, Field } from '@fluentui/react-components';
import { useState, type SubmitEvent } from 'react';
import type { KnownPerson, PersonChoice, PersonRolesForm } from '../../shared/api/types';
import { PeoplePicker } from '../../shared/components/PeoplePicker';
import { useI18n } from '../../shared/i18n/i18n';
import type { Messages } from '../../shared/i18n/nb';
import { FailureNotice, FormDialog, SaveOrCancel, Unplaced, useFormStyles, useSave } from './formParts';

const roleKeys = ['coordinator', 'consultant', 'topManagement'] as const;
type RoleKey = (typeof roleKeys)[number];
type Roles = Record<RoleKey, boolean>;

const rolesOf = (person: KnownPerson | null): Roles => ({
  coordinator: person?.coordinator === true,
  consultant: person?.consultant === true,
  topManagement: person?.topManagement === true,
});

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** The organisation-wide roles as a form and a list name them. */
export function roleLabels(t: Messages): Record<RoleKey, string> {
  return { coordinator: capitalised(t.role.coordinator), consultant: capitalised(t.role.consultant), topManagement: t.orgRoleTopManagementMember };
}

export interface RolesEditorProps {
  /** The person whose roles are changed, or null to pick someone first. */
  initial: KnownPerson | null;
  /** The organisation's people: someone picked who is among them keeps their roles and is saved against their row's ETag. */
  people: readonly KnownPerson[];
  onSave: (form: PersonRolesForm) => Promise<KnownPerson>;
  /** Reads the person as stored now (after someone else changed them). */
  onReload: (personId: string) => Promise<KnownPerson>;
  onSaved: (saved: KnownPerson) => void;
  onClose: () => void;
}

/**
 * One person's organisation-wide roles: Lean coordinator, improvement consultant, member of the top management group.
 * Someone picked whom the organisation does not know yet is added with the name the directory gives. The service
 * keeps the last Lean coordinator from losing the role, and says so at that box.
 */
export function RolesEditor({ initial, people, onSave, onReload, onSaved, onClose }: RolesEditorProps) {
  const { t } = useI18n();
  const styles = useFormStyles();
  const [base, setBase] = useState<KnownPerson | null>(initial);
  const [person, setPerson] = useState<PersonChoice | null>(
    initial ? { email: initial.id, name: initial.name, jobTitle: null, inOrganisation: true } : null,
  );
  const [roles, setRoles] = useState<Roles>(() => rolesOf(initial));
  const labels = roleLabels(t);
  const save = useSave(
    () => onReload(person?.email ?? ''),
    (latest) => roleKeys.filter((k) => rolesOf(base)[k] !== rolesOf(latest)[k]).map((k) => labels[k]),
  );
  const errors = save.errors;

  function pick(picked: PersonChoice | null) {
    setPerson(picked);
    // Someone the organisation knows starts from the roles they hold, and is saved against their row as read.
    const known = picked ? (people.find((p) => p.id.toLowerCase() === picked.email.toLowerCase()) ?? null) : null;
    setBase(known);
    setRoles(rolesOf(known));
  }

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form: PersonRolesForm = {
      person: person?.email ?? null,
      name: person && !person.inOrganisation && !base ? person.name : null,
      ...roles,
      etag: base?.etag ?? null,
    };
    await save.run(async () => onSaved(await onSave(form)), (latest) => setBase(latest));
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <DialogBody>
        <DialogTitle>{initial ? t.orgEditRoles(initial.name) : t.orgAddRoleHolder}</DialogTitle>
        <DialogContent className={styles.fields}>
          {!initial && <PeoplePicker label={t.orgPerson} required value={person} onChange={pick} error={errors['person'] ?? errors['name']} />}
          <fieldset className={styles.group}>
            <legend className={styles.legend}>{t.orgRoles}</legend>
            {roleKeys.map((key) => (
              <Field key={key} {...(errors[key] ? { validationMessage: errors[key], validationState: 'error' as const } : {})}>
                <Checkbox label={labels[key]} checked={roles[key]} onChange={(_, d) => setRoles((r) => ({ ...r, [key]: d.checked === true }))} />
              </Field>
            ))}
          </fieldset>
          <Unplaced errors={errors} placed={(key) => (!initial && (key === 'person' || key === 'name')) || (roleKeys as readonly string[]).includes(key)} />
          <FailureNotice failure={save.failure} />
        </DialogContent>
        <SaveOrCancel busy={save.busy} onClose={onClose} />
      </DialogBody>
    </form>
  );
}

export function RolesDialog({ open, formKey, ...props }: RolesEditorProps & { open: boolean; formKey: string }) {
  return (
    <FormDialog open={open} onClose={props.onClose}>
      <RolesEditor key={formKey} {...props} />
    </FormDialog>
  );
}
