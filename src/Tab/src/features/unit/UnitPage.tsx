import { Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { tabApi } from '../../shared/api/tabApi';
import type { Goal, GoalStatus, UnitDetails } from '../../shared/api/types';
import { useApi } from '../../shared/api/useApi';
import { useI18n } from '../../shared/i18n/i18n';
import { personName } from '../../shared/i18n/people';
import { href } from '../../shared/routing/routes';
import { Loading } from '../../shared/ui/Loading';
import { PageHeading } from '../../shared/ui/PageHeading';
import { Section } from '../../shared/ui/Section';
import { useTableStyles } from '../../shared/ui/tableStyles';
import { VisuallyHidden } from '../../shared/ui/VisuallyHidden';
import { UnitEditButton } from '../organisation/LeaderEdits';
import { Benefits } from './Benefits';
import { Deviations } from './Deviations';
import { IndicatorTrend } from './IndicatorTrend';
import { Kanban } from './Kanban';
import { PickGrid } from './PickGrid';

const useStyles = makeStyles({
  subtitle: { color: tokens.colorNeutralForeground2, marginTop: 0 },
  goals: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  goalName: { fontWeight: tokens.fontWeightSemibold },
  trace: { display: 'block', color: tokens.colorNeutralForeground2 },
  unlinked: { fontStyle: 'italic' },
  status: {
    display: 'inline-block',
    marginInlineStart: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    fontSize: tokens.fontSizeBase200,
  },
  green: { backgroundColor: tokens.colorPaletteGreenBackground2 },
  yellow: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  red: { backgroundColor: tokens.colorPaletteRedBackground2 },
  none: { backgroundColor: tokens.colorNeutralBackground3 },
  overdue: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteRedForeground1 },
});

export function UnitPage({ unitId }: { unitId: string }) {
  const [unit, retry, replace] = useApi((signal) => tabApi.unit(unitId, signal), `unit:${unitId}`);
  // After a change the page is read again in place, keeping focus and what was announced.
  const refresh = async () => replace(await tabApi.unit(unitId));
  return (
    <Loading value={unit} retry={retry}>
      {(data) => <UnitContent unit={data} refresh={refresh} />}
    </Loading>
  );
}

function UnitContent({ unit, refresh }: { unit: UnitDetails; refresh: () => Promise<void> }) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const table = useTableStyles();

  return (
    <>
      <p>
        <Link href={href({ page: 'overview' })}>{t.backToOverview}</Link>
      </p>
      <PageHeading title={unit.name}>{unit.name}</PageHeading>
      <p className={styles.subtitle}>{t.unitSubtitle(unit.areaName, personName(unit.leader, t))}</p>
      <UnitEditButton unitId={unit.id} canEdit={unit.canEditUnit} onSaved={refresh} />

      <Section title={t.goalsTitle}>
        {unit.goals.length === 0 ? (
          <p>{t.noGoals}</p>
        ) : (
          <ul className={styles.goals}>
            {unit.goals.map((goal, index) => (
              <GoalItem key={`${index}:${goal.name}`} goal={goal} />
            ))}
          </ul>
        )}
      </Section>

      <Section title={t.improvementsTitle}>
        <Kanban unit={unit} refresh={refresh} />
      </Section>

      <Section title={t.pickTitle}>
        <PickGrid unit={unit} refresh={refresh} />
      </Section>

      <Section title={t.deviationsTitle}>
        <Deviations unit={unit} refresh={refresh} />
      </Section>

      <Section title={t.followUpsTitle}>
        {unit.followUps.length === 0 ? (
          <p>{t.noFollowUps}</p>
        ) : (
          <div className={table.wrapper}>
            <table className={table.table}>
              <caption className={table.hiddenCaption}>{t.followUpsTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.followUpColumn}</th>
                  <th scope="col">{t.ownerColumn}</th>
                  <th scope="col">{t.deadlineColumn}</th>
                  <th scope="col">{t.statusColumn}</th>
                </tr>
              </thead>
              <tbody>
                {unit.followUps.map((followUp) => (
                  <tr key={followUp.id}>
                    <td>{followUp.text}</td>
                    <td>{personName(followUp.owner, t)}</td>
                    <td>{fmt.date(followUp.deadline)}</td>
                    <td>
                      {t.openClosed[followUp.status]}
                      {followUp.overdue && followUp.status === 'open' && (
                        <span className={styles.overdue}>
                          {', '}
                          <span aria-hidden="true">⚠ </span>
                          {t.overdue}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section title={t.unitBenefitsTitle}>
        <Benefits unit={unit} refresh={refresh} />
      </Section>
    </>
  );
}

function GoalItem({ goal }: { goal: Goal }) {
  const { t } = useI18n();
  const styles = useStyles();
  const status: GoalStatus | 'none' = goal.status ?? 'none';
  return (
    <li>
      <span className={styles.goalName}>{goal.name}</span>
      <span className={mergeClasses(styles.status, styles[status])}>{t.goalStatusLabel(t.goalStatus[status])}</span>
      {goal.traces.length > 0 && (
        <span className={styles.trace}>
          <VisuallyHidden>{t.goalTraces}: </VisuallyHidden>
          {goal.traces.map((parent, index) => (
            <span key={`${index}:${parent}`}>
              {index > 0 && <VisuallyHidden>, </VisuallyHidden>}
              <span aria-hidden="true">{index > 0 ? ' → ' : '→ '}</span>
              {parent}
            </span>
          ))}
        </span>
      )}
      {goal.unlinked && <span className={mergeClasses(styles.trace, styles.unlinked)}>{t.goalUnlinked}</span>}
      {goal.indicator && <IndicatorTrend indicator={goal.indicator} />}
    </li>
  );
}
