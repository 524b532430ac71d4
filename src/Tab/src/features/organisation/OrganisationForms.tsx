import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiError } from '../../shared/api/ApiError';
import { tabApi } from '../../shared/api/tabApi';
import type { AreaForm, KnownPerson, OrganisationChange, OrganisationForms as Forms, SettingsForm, UnitForm } from '../../shared/api/types';
import { asApiError, useApi } from '../../shared/api/useApi';
import { useI18n } from '../../shared/i18n/i18n';
import { ErrorMessage, Loading } from '../../shared/ui/Loading';
import { Section } from '../../shared/ui/Section';
import { useTableStyles } from '../../shared/ui/tableStyles';
import { AreaDialog } from './AreaEditor';
import { ChangeTable } from './ChangeTable';
import { historyEntry } from './changeSource';
import { roleLabels, RolesDialog } from './RolesEditor';
import { SettingsDialog } from './SettingsEditor';
import { weekdayLabel } from './formParts';
import { newUnit, UnitDialog } from './UnitEditor';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, marginBlock: tokens.spacingVerticalM },
  areaHeading: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalM },
  h3: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalS}` },
  entry: { marginBlockEnd: tokens.spacingVerticalL },
  when: { fontWeight: tokens.fontWeightSemibold },
});

type Open =
  | { kind: 'unit'; unit: UnitForm; adding: boolean; key: number }
  | { kind: 'area'; area: AreaForm; key: number }
  | { kind: 'settings'; settings: SettingsForm; key: number }
  | { kind: 'roles'; person: KnownPerson | null; key: number }
  | { kind: 'archive'; unit: UnitForm; archive: boolean; key: number }
  | { kind: 'history'; unit: UnitForm; key: number };
type Opening = Open extends infer O ? (O extends Open ? Omit<O, 'key'> : never) : never;

/**
 * The organisation one thing at a time: service areas with their units, archived units apart, and the settings. Each
 * opens a form that saves through the service's rules; `onChanged` lets the page read its history again.
 */
export function OrganisationForms({ onChanged }: { onChanged: () => void }) {
  const [forms, retry, replace] = useApi(tabApi.organisationForms, 'organisation-forms');
  const [retention, , replaceRetention] = useApi(tabApi.retention, 'privacy-retention');
  return (
    <Loading value={forms} retry={retry}>
      {(data) => (
        <FormsContent
          forms={data}
          retentionYears={retention.state === 'loaded' ? retention.data.years : null}
          onRetentionSaved={(years) => replaceRetention({ years })}
          refresh={async () => {
            replace(await tabApi.organisationForms());
            onChanged();
          }}
        />
      )}
    </Loading>
  );
}

function FormsContent({
  forms,
  retentionYears,
  onRetentionSaved,
  refresh,
}: {
  forms: Forms;
  /** The years check-ins are kept, once read (the settings form offers it then). */
  retentionYears: number | null;
  onRetentionSaved: (years: number) => void;
  refresh: () => Promise<void>;
}) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const table = useTableStyles();
  // The dialog keeps what it last showed while it closes, so Fluent can animate it away and give focus back.
  const [open, setOpen] = useState<Open | null>(null);
  const [shown, setShown] = useState<Open | null>(null);
  const [status, setStatus] = useState('');
  const [openings, setOpenings] = useState(0);
  const show = (next: Opening) => {
    const opened: Open = { ...next, key: openings + 1 };
    setOpenings(openings + 1);
    setOpen(opened);
    setShown(opened);
  };
  const close = () => setOpen(null);
  const saved = async (message: string) => {
    close();
    setStatus(message);
    await refresh();
  };

  const active = forms.units.filter((u) => !u.archived);
  const archived = forms.units.filter((u) => u.archived);
  const areaName = (id: string | null) => forms.areas.find((a) => a.id === id)?.name ?? id ?? '';
  const personName = (id: string | null) => forms.people.find((p) => p.id === id)?.name ?? id ?? '';
  const overallGoals = forms.areas
    .filter((a) => a.kind === 'topManagement')
    .flatMap((a) => a.goals ?? [])
    .filter((g): g is { id: string; title: string; supports: string | null } => g.id !== null && g.title !== null);
  const serviceAreas = forms.areas.filter((a) => a.kind === 'serviceArea');
  const roleHolders = forms.people.filter((p) => p.coordinator || p.consultant || p.topManagement);
  const roleNames = roleLabels(t);
  const rolesText = (p: KnownPerson) =>
    [p.coordinator && roleNames.coordinator, p.consultant && roleNames.consultant, p.topManagement && roleNames.topManagement].filter(Boolean).join(', ');

  function unitTable(units: UnitForm[], caption: string, restoring: boolean) {
    return (
      <div className={table.wrapper}>
        <table className={table.table}>
          <caption className={table.hiddenCaption}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.orgUnit}</th>
              {restoring && <th scope="col">{t.orgServiceArea}</th>}
              <th scope="col">{t.orgUnitLeader}</th>
              <th scope="col">{t.orgBoardMeeting}</th>
              <th scope="col">{t.orgActions}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((unit) => (
              <tr key={unit.id}>
                <th scope="row">{unit.name}</th>
                {restoring && <td>{areaName(unit.serviceArea)}</td>}
                <td>{personName(unit.leader)}</td>
                <td>
                  {weekdayLabel(t, unit.boardMeeting?.weekday)}{' '}
                  {unit.boardMeeting?.time ?? ''}
                </td>
                <td>
                  <div className={styles.actions}>
                    {!restoring && (
                      <Button size="small" aria-label={t.orgEditUnit(unit.name ?? '')} onClick={() => show({ kind: 'unit', unit, adding: false })}>
                        {t.edit}
                      </Button>
                    )}
                    <Button size="small" aria-label={t.orgUnitHistory(unit.name ?? '')} onClick={() => show({ kind: 'history', unit })}>
                      {t.orgHistory}
                    </Button>
                    <Button
                      size="small"
                      aria-label={restoring ? t.orgRestoreUnit(unit.name ?? '') : t.orgArchiveUnit(unit.name ?? '')}
                      onClick={() => show({ kind: 'archive', unit, archive: !restoring })}
                    >
                      {restoring ? t.orgRestore : t.orgArchive}
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  const dialog = open ?? shown;
  return (
    <>
      <Section title={t.orgUnitsTitle}>
        <div className={styles.toolbar}>
          <Button appearance="primary" onClick={() => show({ kind: 'unit', unit: newUnit(serviceAreas[0]?.id ?? ''), adding: true })}>
            {t.orgAddUnit}
          </Button>
        </div>
        <p role="status">{status}</p>
        {forms.areas.map((area) => {
          const units = active.filter((u) => u.serviceArea === area.id);
          return (
            <div key={area.id}>
              <div className={styles.areaHeading}>
                <h3 className={styles.h3}>
                  {area.name}
                  {area.kind === 'topManagement' && ` (${t.serviceAreaKind.topManagement})`}
                </h3>
                <Button size="small" aria-label={t.orgEditArea(area.name ?? '')} onClick={() => show({ kind: 'area', area })}>
                  {t.edit}
                </Button>
              </div>
              <p>
                {t.orgAreaLeader}: {personName(area.leader) || t.none}. {t.orgGoals}: {(area.goals ?? []).map((g) => g.title).join('; ') || t.none}
              </p>
              {area.kind === 'serviceArea' && (units.length === 0 ? <p>{t.orgNoUnits}</p> : unitTable(units, t.orgUnitsIn(area.name ?? ''), false))}
            </div>
          );
        })}
      </Section>
      <Section title={t.orgArchivedTitle}>
        <p>{t.orgArchivedIntro}</p>
        {archived.length === 0 ? <p>{t.orgNoArchived}</p> : unitTable(archived, t.orgArchivedTitle, true)}
      </Section>
      <Section title={t.orgRolesTitle}>
        <p>{t.orgRolesIntro}</p>
        <div className={table.wrapper}>
          <table className={table.table}>
            <caption className={table.hiddenCaption}>{t.orgRolesTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.orgPerson}</th>
                <th scope="col">{t.orgRoles}</th>
                <th scope="col">{t.orgActions}</th>
              </tr>
            </thead>
            <tbody>
              {roleHolders.map((person) => (
                <tr key={person.id}>
                  <th scope="row">{person.name}</th>
                  <td>{rolesText(person)}</td>
                  <td>
                    <Button size="small" aria-label={t.orgEditRoles(person.name)} onClick={() => show({ kind: 'roles', person })}>
                      {t.edit}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className={styles.toolbar}>
          <Button onClick={() => show({ kind: 'roles', person: null })}>{t.orgAddRoleHolder}</Button>
        </div>
      </Section>
      <Section title={t.orgSettingsTitle}>
        <ul>
          <li>
            {t.orgHolidayPeriods}:{' '}
            {(forms.settings.holidayPeriods ?? []).map((p) => `${p.name ?? ''} (${fmt.date(p.from ?? '')} – ${fmt.date(p.to ?? '')})`).join('; ') || t.none}
          </li>
          <li>
            {t.orgReminderHours}: {forms.settings.reminderAfterHours ?? ''}
          </li>
          <li>
            {t.orgDigest}: {weekdayLabel(t, forms.settings.digestWeekday)} {forms.settings.digestTime}
          </li>
          {retentionYears !== null && (
            <li>
              {t.orgRetentionYears}: {retentionYears}
            </li>
          )}
        </ul>
        <Button onClick={() => show({ kind: 'settings', settings: forms.settings })}>{t.orgEditSettings}</Button>
      </Section>

      {dialog?.kind === 'unit' && (
        <UnitDialog
          open={open?.kind === 'unit'}
          formKey={String(dialog.key)}
          initial={dialog.unit}
          adding={dialog.adding}
          areas={forms.areas}
          people={forms.people}
          onSave={(form) => (dialog.adding ? tabApi.addUnit(form) : tabApi.saveUnit(form))}
          onReload={() => tabApi.unitForm(dialog.unit.id ?? '')}
          onSaved={(unit) => void saved(dialog.adding ? t.orgUnitAdded(unit.name ?? '') : t.orgUnitSaved(unit.name ?? ''))}
          onClose={close}
        />
      )}
      {dialog?.kind === 'area' && (
        <AreaDialog
          open={open?.kind === 'area'}
          formKey={String(dialog.key)}
          initial={dialog.area}
          goalsOnly={false}
          overallGoals={overallGoals.map((g) => ({ id: g.id, title: g.title }))}
          people={forms.people}
          onSave={tabApi.saveArea}
          onReload={() => tabApi.areaForm(dialog.area.id ?? '')}
          onSaved={(area) => void saved(t.orgAreaSaved(area.name ?? ''))}
          onClose={close}
        />
      )}
      {dialog?.kind === 'settings' && (
        <SettingsDialog
          open={open?.kind === 'settings'}
          formKey={String(dialog.key)}
          initial={dialog.settings}
          onSave={tabApi.saveSettings}
          onReload={async () => (await tabApi.organisationForms()).settings}
          retentionYears={retentionYears}
          onSaveRetention={async (years) => {
            const kept = await tabApi.saveRetention(years);
            onRetentionSaved(kept.years);
            return kept.years;
          }}
          onSaved={() => void saved(t.orgSettingsSaved)}
          onClose={close}
        />
      )}
      {dialog?.kind === 'roles' && (
        <RolesDialog
          open={open?.kind === 'roles'}
          formKey={String(dialog.key)}
          initial={dialog.person}
          people={forms.people}
          onSave={tabApi.saveRoles}
          onReload={async (id) => {
            const latest = (await tabApi.organisationForms()).people.find((p) => p.id === id);
            if (!latest) throw new Error(id);
            return latest;
          }}
          onSaved={(person) => void saved(t.orgRolesSaved(person.name))}
          onClose={close}
        />
      )}
      {dialog?.kind === 'archive' && (
        <ArchiveDialog
          key={dialog.key}
          open={open?.kind === 'archive'}
          unit={dialog.unit}
          archive={dialog.archive}
          onDone={(unit) => void saved(dialog.archive ? t.orgUnitArchived(unit.name ?? '') : t.orgUnitRestored(unit.name ?? ''))}
          onStale={() => void refresh()}
          onClose={close}
        />
      )}
      {dialog?.kind === 'history' && <HistoryDialog key={dialog.key} open={open?.kind === 'history'} unit={dialog.unit} onClose={close} />}
    </>
  );
}

/** Archiving asks first: an archived unit gets no prompts; its history stays in the reports, and it can be restored. */
function ArchiveDialog({
  open,
  unit,
  archive,
  onDone,
  onStale,
  onClose,
}: {
  open: boolean;
  unit: UnitForm;
  archive: boolean;
  onDone: (unit: UnitForm) => void;
  onStale: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  async function confirm() {
    setBusy(true);
    setFailure(null);
    try {
      onDone(await tabApi.archiveUnit(unit, archive));
    } catch (error) {
      const apiError = asApiError(error);
      setFailure(apiError);
      // The list shows the unit as someone else left it; confirming again acts on that version.
      if (apiError.isConflict) onStale();
    } finally {
      setBusy(false);
    }
  }
  const name = unit.name ?? '';
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{archive ? t.orgArchiveUnit(name) : t.orgRestoreUnit(name)}</DialogTitle>
          <DialogContent>
            <p>{archive ? t.orgArchiveConfirm(name) : t.orgRestoreConfirm(name)}</p>
            {failure && (failure.isConflict ? <p role="alert">{t.orgArchiveStale}</p> : <ErrorMessage error={failure} />)}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy || failure?.isConflict === true} onClick={() => void confirm()}>
              {archive ? t.orgArchive : t.orgRestore}
            </Button>
            <Button onClick={onClose}>{t.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** Who changed the unit, when, and what it was before and after, newest first. */
function HistoryDialog({ open, unit, onClose }: { open: boolean; unit: UnitForm; onClose: () => void }) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const [history, retry] = useApi((signal) => tabApi.organisationHistory(signal, unit.id ?? ''), `unit-history:${unit.id}`);
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.orgUnitHistory(unit.name ?? '')}</DialogTitle>
          <DialogContent>
            <Loading value={history} retry={retry}>
              {(entries: OrganisationChange[]) =>
                entries.length === 0 ? (
                  <p>{t.organisationHistoryEmpty}</p>
                ) : (
                  entries.map((entry, i) => (
                    <div key={i} className={styles.entry}>
                      <p>
                        <span className={styles.when}>{fmt.dateTime(entry.at)}</span> {historyEntry(t, entry.byName, entry)}
                      </p>
                      <ChangeTable changes={entry.changes} caption={t.organisationChanges(entry.changes.length + entry.leftOut)} />
                    </div>
                  ))
                )
              }
            </Loading>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t.close}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
