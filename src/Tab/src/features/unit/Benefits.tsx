import { Button, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { ApiError } from '../../shared/api/ApiError';
import { tabApi } from '../../shared/api/tabApi';
import type { BenefitInput, UnitBenefit, UnitDetails } from '../../shared/api/types';
import { asApiError } from '../../shared/api/useApi';
import { labelOf, useI18n } from '../../shared/i18n/i18n';
import { ErrorMessage } from '../../shared/ui/Loading';
import { useTableStyles } from '../../shared/ui/tableStyles';
import { BenefitDialog, DeleteBenefitDialog } from './BenefitDialog';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  leftOut: { display: 'block', fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteRedForeground1 },
});

/**
 * The unit's recorded benefits. A figure out of bounds (stored before the bounds) is marked as left out of the sums;
 * the coordinator and the unit's leader and Lean coordinators correct or delete a wrong one. After a change, or when
 * someone else changed it first, the page shows the unit as it now is.
 */
export function Benefits({ unit, refresh }: { unit: UnitDetails; refresh: () => Promise<void> }) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const table = useTableStyles();
  const tableRef = useRef<HTMLTableElement>(null);
  const restoreFocusTarget = useRestoreFocusTarget();
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [editing, setEditing] = useState<UnitBenefit | null>(null);
  const [deleting, setDeleting] = useState<UnitBenefit | null>(null);
  const [session, setSession] = useState(0);

  const amountText = (benefit: UnitBenefit) => (benefit.amount === null ? t.benefitUnreadable : fmt.number(benefit.amount));
  const describe = (benefit: UnitBenefit) =>
    t.benefitDescribed(amountText(benefit), labelOf(t.measure, benefit.measure), labelOf(t.benefitKind, benefit.kind));

  // A benefit someone else changed or deleted meanwhile (412, 404) is shown as it is now, with a word why.
  async function afterFailure(apiError: ApiError): Promise<boolean> {
    if (apiError.status === 412 || apiError.status === 404) {
      setAnnouncement(t.benefitGoneAnotherWay);
      await refresh();
      return true;
    }
    return false;
  }

  async function correct(benefit: UnitBenefit, input: BenefitInput) {
    try {
      const saved = await tabApi.correctBenefit(unit.id, benefit, input);
      setEditing(null);
      setAnnouncement(t.benefitCorrected(describe(saved)));
      await refresh();
    } catch (error) {
      const apiError = asApiError(error);
      if (await afterFailure(apiError)) {
        setEditing(null);
        return;
      }
      throw apiError;
    }
  }

  async function remove(benefit: UnitBenefit) {
    setFailure(null);
    try {
      await tabApi.deleteBenefit(unit.id, benefit);
      setDeleting(null);
      setAnnouncement(t.benefitDeleted(describe(benefit)));
      await refresh();
      // The row is gone; the table is the nearest place to carry on from.
      tableRef.current?.focus();
    } catch (error) {
      const apiError = asApiError(error);
      setDeleting(null);
      if (!(await afterFailure(apiError))) setFailure(apiError);
    }
  }

  return (
    <>
      <p role="status">{announcement}</p>
      {failure && <ErrorMessage error={failure} />}
      {unit.benefits.length === 0 ? (
        <p>{t.noUnitBenefits}</p>
      ) : (
        <div className={table.wrapper}>
          <table className={table.table} ref={tableRef} tabIndex={-1}>
            <caption className={table.hiddenCaption}>{t.unitBenefitsTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.kindColumn}</th>
                <th scope="col" className={table.number}>
                  {t.amountColumn}
                </th>
                <th scope="col">{t.stageColumn}</th>
                <th scope="col">{t.realisedOnColumn}</th>
                <th scope="col">{t.affectsColumn}</th>
                {unit.canCorrectBenefits && <th scope="col">{t.benefitActionsColumn}</th>}
              </tr>
            </thead>
            <tbody>
              {unit.benefits.map((benefit) => (
                <tr key={benefit.id}>
                  <td>{labelOf(t.benefitKind, benefit.kind)}</td>
                  <td className={table.number}>
                    {amountText(benefit)} {labelOf(t.measure, benefit.measure)}
                    {!benefit.countable && (
                      <span className={styles.leftOut}>
                        <span aria-hidden="true">⚠ </span>
                        {t.benefitLeftOut}
                      </span>
                    )}
                  </td>
                  <td>{labelOf(t.benefitStage, benefit.stage)}</td>
                  <td>{benefit.realisedOn ? fmt.date(benefit.realisedOn) : '–'}</td>
                  <td>{benefit.affects.length > 0 ? benefit.affects.join(', ') : t.none}</td>
                  {unit.canCorrectBenefits && (
                    <td>
                      <div className={styles.actions}>
                        <Button
                          size="small"
                          aria-label={t.correctBenefitLabel(describe(benefit))}
                          onClick={() => {
                            setFailure(null);
                            setEditing(benefit);
                            setSession((n) => n + 1);
                          }}
                          {...restoreFocusTarget}
                        >
                          {t.correctBenefit}
                        </Button>
                        <Button
                          size="small"
                          aria-label={t.deleteBenefitLabel(describe(benefit))}
                          onClick={() => {
                            setFailure(null);
                            setDeleting(benefit);
                          }}
                          {...restoreFocusTarget}
                        >
                          {t.deleteBenefit}
                        </Button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <BenefitDialog
        formKey={String(session)}
        benefit={editing}
        ranges={unit.benefitRanges}
        onSave={correct}
        onClose={() => setEditing(null)}
      />
      <DeleteBenefitDialog
        benefit={deleting}
        describe={describe}
        onDelete={remove}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
