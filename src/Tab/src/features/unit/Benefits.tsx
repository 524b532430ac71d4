import { Button, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useMe } from '../../shared/api/MeContext';
import type { ApiError } from '../../shared/api/ApiError';
import { tabApi } from '../../shared/api/tabApi';
import type { BenefitInput, BenefitStage, StageInput, UnitBenefit, UnitDetails } from '../../shared/api/types';
import { asApiError } from '../../shared/api/useApi';
import { labelOf, useI18n } from '../../shared/i18n/i18n';
import { ErrorMessage } from '../../shared/ui/Loading';
import { useTableStyles } from '../../shared/ui/tableStyles';
import { BenefitDialog, DeleteBenefitDialog } from './BenefitDialog';
import { NewBenefitDialog, type NewBenefitTarget } from './NewBenefitDialog';
import { StageDialog, workYearsFormat } from './StageDialog';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  leftOut: { display: 'block', fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteRedForeground1 },
  stages: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/**
 * The unit's recorded benefits. A figure out of bounds (stored before the bounds) is marked as left out of the sums;
 * the coordinator and the unit's leader and Lean coordinators correct or delete a wrong one. After a change, or when
 * someone else changed it first, the page shows the unit as it now is. Each benefit lists its stages; those who work on the
 * board record the next stage or correct one, and a change made meanwhile keeps what they typed for a second try. They
 * also record a new benefit of the unit where no improvement fits (an improvement's own is recorded from its card).
 */
export function Benefits({ unit, refresh }: { unit: UnitDetails; refresh: () => Promise<void> }) {
  const { t, fmt, locale } = useI18n();
  const { hoursPerWorkYear } = useMe();
  const styles = useStyles();
  const table = useTableStyles();
  const tableRef = useRef<HTMLTableElement>(null);
  const restoreFocusTarget = useRestoreFocusTarget();
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [editing, setEditing] = useState<UnitBenefit | null>(null);
  const [deleting, setDeleting] = useState<UnitBenefit | null>(null);
  const [session, setSession] = useState(0);
  // By id, so that the dialog follows the benefit when the page reloads it with a new ETag.
  const [staging, setStaging] = useState<string | null>(null);
  const [stageNotice, setStageNotice] = useState('');
  const [creating, setCreating] = useState<NewBenefitTarget | null>(null);
  const years = workYearsFormat(locale);

  const amountText = (benefit: UnitBenefit) => (benefit.amount === null ? t.benefitUnreadable : fmt.number(benefit.amount));
  const describe = (benefit: UnitBenefit) =>
    t.benefitDescribed(amountText(benefit), labelOf(t.measure, benefit.measure), labelOf(t.benefitKind, benefit.kind));

  /** A stage's figure in its measure, and in årsverk too when it is counted in hours. */
  function figure(benefit: UnitBenefit, amount: number, workYears: number | null | undefined) {
    const inMeasure = `${fmt.number(amount)} ${labelOf(t.measure, benefit.measure)}`;
    // A few hours are no part of an årsverk worth showing: "(0 årsverk)" would only mislead.
    return benefit.measure === 'hours' && workYears != null && workYears > 0 ? t.inHoursAndWorkYears(inMeasure, `${years.format(workYears)} ${t.workYears}`) : inMeasure;
  }

  function stageLines(benefit: UnitBenefit): [BenefitStage, string][] {
    const lines: [BenefitStage, string][] = [];
    if (benefit.identified !== null) lines.push(['identified', figure(benefit, benefit.identified, benefit.workYears?.identified)]);
    if (benefit.planned !== null)
      lines.push(['planned', t.plannedBy(figure(benefit, benefit.planned, benefit.workYears?.planned), benefit.plannedOn ? fmt.date(benefit.plannedOn) : '–')]);
    if (benefit.realised !== null && benefit.realisedOn)
      lines.push(['realised', t.realisedOn(figure(benefit, benefit.realised, benefit.workYears?.realised), fmt.date(benefit.realisedOn))]);
    if (benefit.reinvested !== null) lines.push(['reinvested', benefit.reinvested]);
    return lines;
  }

  async function recordStage(benefit: UnitBenefit, input: StageInput) {
    try {
      const saved = await tabApi.recordBenefitStage(unit.id, benefit, input);
      setStaging(null);
      setAnnouncement(t.stageRecorded(labelOf(t.benefitStage, input.stage), describe(saved)));
      await refresh();
    } catch (error) {
      const apiError = asApiError(error);
      if (apiError.status === 412) {
        // The form stays open with what was typed; the page reloads so that a second try carries the new ETag.
        setStageNotice(t.stageChangedMeanwhile);
        await refresh();
        return;
      }
      if (apiError.status === 404) {
        setStaging(null);
        await afterFailure(apiError);
        return;
      }
      throw apiError;
    }
  }

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
      {/* As on the board's cards: an archived unit's board (no improvements to edit) takes no new benefit. */}
      {unit.canWorkOnBoard && unit.canEditImprovements && (
        <Button
          onClick={() => {
            setFailure(null);
            setCreating({ improvement: null });
            setSession((n) => n + 1);
          }}
          {...restoreFocusTarget}
        >
          {t.newBenefit}
        </Button>
      )}
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
                <th scope="col">{t.stagesColumn}</th>
                <th scope="col">{t.realisedOnColumn}</th>
                <th scope="col">{t.affectsColumn}</th>
                {(unit.canCorrectBenefits || unit.canWorkOnBoard) && <th scope="col">{t.benefitActionsColumn}</th>}
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
                  <td>
                    {stageLines(benefit).length === 0 ? (
                      '–'
                    ) : (
                      <ul className={styles.stages}>
                        {stageLines(benefit).map(([stage, text]) => (
                          <li key={stage}>{t.stageLine(labelOf(t.benefitStage, stage), text)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>{benefit.realisedOn ? fmt.date(benefit.realisedOn) : '–'}</td>
                  <td>{benefit.affects.length > 0 ? benefit.affects.join(', ') : t.none}</td>
                  {(unit.canCorrectBenefits || unit.canWorkOnBoard) && (
                    <td>
                      <div className={styles.actions}>
                        {unit.canWorkOnBoard && (
                          <Button
                            size="small"
                            aria-label={t.recordStageLabel(describe(benefit))}
                            onClick={() => {
                              setFailure(null);
                              setStageNotice('');
                              setStaging(benefit.id);
                              setSession((n) => n + 1);
                            }}
                            {...restoreFocusTarget}
                          >
                            {t.recordStage}
                          </Button>
                        )}
                        {unit.canCorrectBenefits && (
                          <>
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
                          </>
                        )}
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
      <NewBenefitDialog
        formKey={String(session)}
        unit={unit}
        target={creating}
        onClose={() => setCreating(null)}
        onSaved={async (_, said) => {
          setCreating(null);
          await refresh();
          setAnnouncement(said);
        }}
      />
      <StageDialog
        formKey={String(session)}
        benefit={unit.benefits.find((b) => b.id === staging) ?? null}
        ranges={unit.benefitRanges}
        hoursPerWorkYear={hoursPerWorkYear}
        notice={stageNotice}
        onSave={recordStage}
        onClose={() => setStaging(null)}
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
