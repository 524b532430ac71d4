import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { Improvement, Stage } from '../../shared/api/types';
import { stages } from '../../shared/api/types';
import { useI18n } from '../../shared/i18n/i18n';

const useStyles = makeStyles({
  board: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(11rem, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  column: {
    backgroundColor: tokens.colorNeutralBackground2,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
  },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalS}` },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
  },
  owner: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  empty: { color: tokens.colorNeutralForeground2, margin: 0 },
});

/** The owner as the board says it: by name, marked when they left the organisation, or as erased. */
function ownerText(t: ReturnType<typeof useI18n>['t'], item: Improvement): string {
  if (!item.ownerId) return t.noOwner;
  if (item.ownerName === null) return t.owner(t.ownerErased);
  return t.owner(item.ownerRemoved ? t.ownerRemoved(item.ownerName) : item.ownerName);
}

/** The improvements by lifecycle stage: one named region per stage, with its count in the heading. */
export function Kanban({ improvements }: { improvements: Improvement[] }) {
  const styles = useStyles();
  return (
    <div className={styles.board}>
      {stages.map((stage) => (
        <Column key={stage} stage={stage} items={improvements.filter((item) => item.stage === stage)} />
      ))}
    </div>
  );
}

function Column({ stage, items }: { stage: Stage; items: Improvement[] }) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const id = useId();
  return (
    <section aria-labelledby={id} className={styles.column} data-stage={stage}>
      <h3 id={id} className={styles.heading}>
        {t.stage[stage]} ({items.length})
      </h3>
      {items.length === 0 ? (
        <p className={styles.empty}>{t.emptyColumn}</p>
      ) : (
        <ul className={styles.list}>
          {items.map((item) => (
            <li key={item.id} className={styles.card}>
              {item.title}
              <span className={styles.owner}>{ownerText(t, item)}</span>
              {item.dueDate && <span className={styles.owner}>{t.dueDate(fmt.date(item.dueDate))}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
