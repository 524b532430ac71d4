import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  mergeClasses,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { ApiError } from '../../shared/api/ApiError';
import { useMe } from '../../shared/api/MeContext';
import { tabApi } from '../../shared/api/tabApi';
import type { ActionPlan, ActionPlanRow, ActionPlanRowInput } from '../../shared/api/types';
import { asApiError, useApi } from '../../shared/api/useApi';
import { useI18n } from '../../shared/i18n/i18n';
import { ErrorMessage, Loading } from '../../shared/ui/Loading';
import { PageHeading } from '../../shared/ui/PageHeading';
import { stackedRoles, useTableStyles } from '../../shared/ui/tableStyles';
import { RowDialog } from './RowDialog';

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', marginBottom: tokens.spacingVerticalM },
  measures: { whiteSpace: 'pre-line', maxWidth: '40rem' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  note: { color: tokens.colorNeutralForeground2 },
});

type Editing = { mode: 'add' } | { mode: 'edit'; row: ActionPlanRow } | { mode: 'delete'; row: ActionPlanRow } | null;

const emptyRow: ActionPlanRowInput = { challenge: '', measures: '', responsible: '', deadline: '', status: 'notStarted' };

/** Challenge -> measures -> responsible -> deadline -> status, as in the seeds' plan; only the coordinator edits. */
export function ActionPlanPage() {
  const { t } = useI18n();
  const me = useMe();
  const styles = useStyles();
  const [plan, reload, replace] = useApi(tabApi.actionPlan, 'actionplan');
  // What the dialogs show is kept while they close, so that they can close gracefully.
  const [editing, setEditing] = useState<Editing>(null);
  const [open, setOpen] = useState(false);
  const [session, setSession] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const editable = me.canEditActionPlan;
  // Fluent gives focus back to the button that opened a dialog when the button carries this attribute.
  const restoreFocusTarget = useRestoreFocusTarget();
  const addButtonId = useId();

  const rows = plan.state === 'loaded' ? plan.data.rows : [];
  const start = (next: NonNullable<Editing>) => {
    setEditing(next);
    setSession((n) => n + 1);
    setOpen(true);
  };
  const close = () => setOpen(false);
  const update = (next: ActionPlan, said: string) => {
    replace(next);
    close();
    setAnnouncement(said);
  };

  async function save(input: ActionPlanRowInput) {
    if (editing?.mode === 'edit') {
      const saved = await tabApi.updateActionPlanRow({ ...editing.row, ...input });
      update({ rows: rows.map((row) => (row.id === saved.id ? saved : row)) }, t.rowSaved);
    } else {
      const saved = await tabApi.addActionPlanRow(input);
      update({ rows: [...rows, saved] }, t.rowSaved);
    }
  }

  async function remove(row: ActionPlanRow) {
    await tabApi.deleteActionPlanRow(row.id);
    update({ rows: rows.filter((r) => r.id !== row.id) }, t.rowDeleted);
    // The row's own buttons are gone; the add button is the nearest place to carry on from.
    document.getElementById(addButtonId)?.focus();
  }

  return (
    <>
      <PageHeading title={t.actionPlanTitle}>{t.actionPlanTitle}</PageHeading>
      <div className={styles.toolbar}>
        {editable ? (
          <Button appearance="primary" id={addButtonId} onClick={() => start({ mode: 'add' })} {...restoreFocusTarget}>
            {t.addRow}
          </Button>
        ) : (
          <p className={styles.note}>{t.readOnlyNote}</p>
        )}
      </div>
      <p role="status">{announcement}</p>
      <Loading value={plan} retry={reload}>
        {(data) => (
          <PlanTable
            rows={data.rows}
            editable={editable}
            restoreFocusTarget={restoreFocusTarget}
            onEdit={(row) => start({ mode: 'edit', row })}
            onDelete={(row) => start({ mode: 'delete', row })}
          />
        )}
      </Loading>
      <RowDialog
        open={open && (editing?.mode === 'add' || editing?.mode === 'edit')}
        formKey={String(session)}
        title={editing?.mode === 'edit' ? t.editRowTitle : t.addRowTitle}
        initial={editing?.mode === 'edit' ? toInput(editing.row) : emptyRow}
        onSave={save}
        onClose={close}
        onReload={() => {
          close();
          reload();
        }}
      />
      <DeleteDialog open={open && editing?.mode === 'delete'} row={editing?.mode === 'delete' ? editing.row : null} onDelete={remove} onClose={close} />
    </>
  );
}

function PlanTable({
  rows,
  editable,
  restoreFocusTarget,
  onEdit,
  onDelete,
}: {
  rows: ActionPlanRow[];
  editable: boolean;
  restoreFocusTarget: ReturnType<typeof useRestoreFocusTarget>;
  onEdit: (row: ActionPlanRow) => void;
  onDelete: (row: ActionPlanRow) => void;
}) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const table = useTableStyles();
  if (rows.length === 0) return <p>{t.noRows}</p>;
  return (
    <div className={table.wrapper}>
      <table className={mergeClasses(table.table, table.stacked)} {...stackedRoles.table}>
        <caption className={table.hiddenCaption}>{t.actionPlanTitle}</caption>
        <thead>
          <tr {...stackedRoles.row}>
            <th scope="col" {...stackedRoles.columnHeader}>
              {t.challengeColumn}
            </th>
            <th scope="col" {...stackedRoles.columnHeader}>
              {t.measuresColumn}
            </th>
            <th scope="col" {...stackedRoles.columnHeader}>
              {t.responsibleColumn}
            </th>
            <th scope="col" {...stackedRoles.columnHeader}>
              {t.deadlineColumn}
            </th>
            <th scope="col" {...stackedRoles.columnHeader}>
              {t.statusColumn}
            </th>
            {editable && (
              <th scope="col" {...stackedRoles.columnHeader}>
                {t.actionsColumn}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} {...stackedRoles.row}>
              <th scope="row" {...stackedRoles.rowHeader}>
                {row.challenge}
              </th>
              <td className={styles.measures} data-label={t.measuresColumn} {...stackedRoles.cell}>
                {row.measures}
              </td>
              <td data-label={t.responsibleColumn} {...stackedRoles.cell}>
                {row.responsible}
              </td>
              <td data-label={t.deadlineColumn} {...stackedRoles.cell}>
                {fmt.date(row.deadline)}
              </td>
              <td data-label={t.statusColumn} {...stackedRoles.cell}>
                {t.actionStatus[row.status]}
              </td>
              {editable && (
                <td {...stackedRoles.cell}>
                  <div className={styles.actions}>
                    <Button size="small" aria-label={t.editRow(row.challenge)} onClick={() => onEdit(row)} {...restoreFocusTarget}>
                      {t.actionsColumn}
                    </Button>
                    <Button size="small" aria-label={t.deleteRow(row.challenge)} onClick={() => onDelete(row)} {...restoreFocusTarget}>
                      {t.delete}
                    </Button>
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DeleteDialog({ open, row, onDelete, onClose }: { open: boolean; row: ActionPlanRow | null; onDelete: (row: ActionPlanRow) => Promise<void>; onClose: () => void }) {
  const { t } = useI18n();
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function remove() {
    if (!row) return;
    setBusy(true);
    setFailure(null);
    try {
      await onDelete(row);
    } catch (error) {
      setFailure(asApiError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.deleteRowTitle}</DialogTitle>
          <DialogContent>
            <p>{row && t.deleteRowText(row.challenge)}</p>
            {failure && <ErrorMessage error={failure} />}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={busy || !row}
              onClick={() => void remove()}
            >
              {t.delete}
            </Button>
            <Button onClick={onClose}>{t.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function toInput({ challenge, measures, responsible, deadline, status }: ActionPlanRow): ActionPlanRowInput {
  return { challenge, measures, responsible, deadline, status };
}
