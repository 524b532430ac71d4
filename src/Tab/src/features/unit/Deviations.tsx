import { Button, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { ApiError } from '../../shared/api/ApiError';
import { tabApi } from '../../shared/api/tabApi';
import type { Deviation, FollowUpInput, UnitDetails } from '../../shared/api/types';
import { asApiError } from '../../shared/api/useApi';
import { useI18n } from '../../shared/i18n/i18n';
import { personName } from '../../shared/i18n/people';
import { ErrorMessage } from '../../shared/ui/Loading';
import { useTableStyles } from '../../shared/ui/tableStyles';
import { FollowUpDialog } from './FollowUpDialog';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
});

/**
 * The unit's deviations. Those who work on the board close an open one; those who manage follow-up areas make it
 * one. After a change, or when someone else changed it first, the page shows the unit as it now is.
 */
export function Deviations({ unit, refresh }: { unit: UnitDetails; refresh: () => Promise<void> }) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const table = useTableStyles();
  const tableRef = useRef<HTMLTableElement>(null);
  const restoreFocusTarget = useRestoreFocusTarget();
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [promoting, setPromoting] = useState<Deviation | null>(null);
  const [open, setOpen] = useState(false);
  const [session, setSession] = useState(0);
  const withActions = unit.canWorkOnBoard || unit.canManageFollowUps;

  // A deviation someone else closed or changed meanwhile (409, 412) is shown as it is now, with a word why.
  async function afterFailure(error: unknown) {
    const apiError = asApiError(error);
    if (apiError.status === 409 || apiError.status === 412) {
      setAnnouncement(t.deviationGoneAnotherWay);
      await refresh();
    } else {
      setFailure(apiError);
    }
  }

  async function close(deviation: Deviation) {
    setFailure(null);
    try {
      await tabApi.closeDeviation(unit.id, deviation);
      setAnnouncement(t.deviationClosed(deviation.text));
      await refresh();
      // The row's buttons are gone; the table is the nearest place to carry on from.
      tableRef.current?.focus();
    } catch (error) {
      await afterFailure(error);
    }
  }

  async function followUp(deviation: Deviation, input: FollowUpInput) {
    try {
      const made = await tabApi.followUpDeviation(unit.id, deviation, input);
      setOpen(false);
      setAnnouncement(t.followUpCreated(deviation.text, personName(made.followUp.owner, t)));
      await refresh();
    } catch (error) {
      const apiError = asApiError(error);
      if (apiError.status === 409 || apiError.status === 412) {
        setOpen(false);
        await afterFailure(apiError);
        return;
      }
      throw apiError;
    }
  }

  return (
    <>
      <p role="status">{announcement}</p>
      {failure && <ErrorMessage error={failure} />}
      {unit.deviations.length === 0 ? (
        <p>{t.noDeviations}</p>
      ) : (
        <div className={table.wrapper}>
          <table className={table.table} ref={tableRef} tabIndex={-1}>
            <caption className={table.hiddenCaption}>{t.deviationsTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.deviationColumn}</th>
                <th scope="col">{t.reportedOnColumn}</th>
                <th scope="col">{t.statusColumn}</th>
                {withActions && <th scope="col">{t.deviationActionsColumn}</th>}
              </tr>
            </thead>
            <tbody>
              {unit.deviations.map((deviation) => (
                <tr key={deviation.id}>
                  <td>{deviation.text}</td>
                  <td>{fmt.date(deviation.reportedOn)}</td>
                  <td>{deviation.followUpId ? t.deviationFollowedUp : t.openClosed[deviation.status]}</td>
                  {withActions && (
                    <td>
                      {deviation.status === 'open' && (
                        <div className={styles.actions}>
                          {unit.canWorkOnBoard && (
                            <Button size="small" aria-label={t.closeDeviationLabel(deviation.text)} onClick={() => void close(deviation)}>
                              {t.closeDeviation}
                            </Button>
                          )}
                          {unit.canManageFollowUps && (
                            <Button
                              size="small"
                              aria-label={t.makeFollowUpLabel(deviation.text)}
                              onClick={() => {
                                setFailure(null);
                                setPromoting(deviation);
                                setSession((n) => n + 1);
                                setOpen(true);
                              }}
                              {...restoreFocusTarget}
                            >
                              {t.makeFollowUp}
                            </Button>
                          )}
                        </div>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FollowUpDialog open={open} formKey={String(session)} deviation={promoting} owners={unit.followUpOwners} onSave={followUp} onClose={() => setOpen(false)} />
    </>
  );
}
