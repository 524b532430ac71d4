import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { typeLabel, type WheelItem } from './items';

const useStyles = makeStyles({
  month: { marginBlock: tokens.spacingVerticalL },
  heading: {
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    margin: `0 0 ${tokens.spacingVerticalXS}`,
  },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    // A full-width row is a target a thumb can hit, unlike a mark on the wheel a few pixels wide.
    width: '100%',
    minHeight: '44px',
    flexDirection: 'column',
    alignItems: 'flex-start',
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
  },
  when: { fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground2 },
  what: { fontWeight: tokens.fontWeightSemibold },
  panel: {
    borderInlineStartWidth: '3px',
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke1,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
    marginBlockStart: tokens.spacingVerticalXS,
  },
});

/** The month an item belongs under in this year's list: a period that began last year is listed in January. */
export function monthOf(item: WheelItem, year: number): number {
  const itemYear = Number(item.from.slice(0, 4));
  if (itemYear < year) return 0;
  if (itemYear > year) return 11;
  return Math.min(Math.max(Number(item.from.slice(5, 7)) - 1, 0), 11);
}

/**
 * Every item of the wheel as a button under its month, in date order: the way to the wheel's details on a phone,
 * where marks are too small to tap and several in one week cover each other. A button shows the item's details
 * below it, as a disclosure; `openId` is the one shown.
 */
export function WheelList({
  year,
  items,
  openId,
  onOpen,
  details,
}: {
  year: number;
  items: WheelItem[];
  openId: string | null;
  onOpen: (item: WheelItem | null) => void;
  details: (item: WheelItem) => ReactNode;
}) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const baseId = useId();
  const monthNames = fmt.monthNames('long');

  if (items.length === 0) return <p>{t.noEvents}</p>;
  const byMonth = monthNames.map((name, month) => ({ name, month, items: items.filter((item) => monthOf(item, year) === month) }));
  return (
    <>
      {byMonth
        .filter((group) => group.items.length > 0)
        .map((group) => {
          const headingId = `${baseId}-m${group.month}`;
          return (
            <div key={group.month} className={styles.month}>
              <h3 id={headingId} className={styles.heading}>
                {capitalise(group.name)}
              </h3>
              <ul className={styles.list} aria-labelledby={headingId}>
                {group.items.map((item, index) => {
                  const open = item.id === openId;
                  const panelId = `${headingId}-${index}`;
                  return (
                    <li key={item.id} data-item={item.id}>
                      <Button
                        appearance="subtle"
                        className={styles.item}
                        aria-expanded={open}
                        aria-controls={open ? panelId : undefined}
                        onClick={() => onOpen(open ? null : item)}
                      >
                        <span className={styles.when}>{item.when}</span>
                        <span>
                          {typeLabel(item.type, t)}: <span className={styles.what}>{item.what}</span>
                          {item.appointment && item.appointment.status !== 'planned' && ` (${t.appointmentStatus[item.appointment.status]})`}
                        </span>
                      </Button>
                      {open && (
                        <div id={panelId} className={styles.panel}>
                          {details(item)}
                        </div>
                      )}
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
    </>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
