import { Button, Link, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import { tabApi } from '../../shared/api/tabApi';
import type { AppointmentChanged, YearWheel as YearWheelData } from '../../shared/api/types';
import { useApi } from '../../shared/api/useApi';
import { useI18n } from '../../shared/i18n/i18n';
import { personName } from '../../shared/i18n/people';
import { href } from '../../shared/routing/routes';
import { Loading } from '../../shared/ui/Loading';
import { PageHeading } from '../../shared/ui/PageHeading';
import { Section } from '../../shared/ui/Section';
import { AppointmentDialog, type ChangeMode } from './AppointmentDialog';
import { typeLabel, wheelItems, type WheelItem, type WheelItemType } from './items';
import { WheelList } from './WheelList';
import { markShape, overlapping, YearWheel } from './YearWheel';

const useStyles = makeStyles({
  years: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  layout: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXL, alignItems: 'flex-start' },
  wheel: { flex: '1 1 22rem', maxWidth: '34rem' },
  side: { flex: '1 1 16rem' },
  legend: { listStyle: 'none', padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  legendIcon: { width: '20px', height: '20px', verticalAlign: 'middle', marginInlineEnd: tokens.spacingHorizontalS },
  legendShape: { stroke: tokens.colorNeutralForeground1, strokeWidth: '1.5px' },
  details: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalL,
  },
  dl: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  dd: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
  changes: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalM },
  notes: { marginTop: tokens.spacingVerticalM },
  alsoHere: { marginTop: tokens.spacingVerticalM },
  alsoHereList: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
});

const legendTypes: WheelItemType[] = ['semiAnnualReview', 'gembaWalk', 'fishboneAnalysis', 'deadline', 'holiday', 'blackout'];
const legendColours: Record<WheelItemType, string> = {
  semiAnnualReview: tokens.colorPaletteBlueForeground2,
  gembaWalk: tokens.colorPaletteGreenForeground1,
  fishboneAnalysis: tokens.colorPaletteBerryForeground1,
  deadline: tokens.colorPaletteRedForeground1,
  holiday: tokens.colorPaletteMarigoldForeground1,
  blackout: tokens.colorPaletteMarigoldBackground2,
};

/** `#/yearwheel?year=2027` opens that year; otherwise this year. */
function initialYear(): number {
  const hash = window.location.hash;
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  const year = Number(new URLSearchParams(query).get('year'));
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : new Date().getFullYear();
}

export function YearWheelPage() {
  const { t } = useI18n();
  const styles = useStyles();
  const [year, setYear] = useState(initialYear);
  const [wheel, retry, replace] = useApi((signal) => tabApi.yearWheel(year, signal), `yearwheel:${year}`);

  return (
    <>
      <PageHeading title={t.yearWheelTitle}>
        {t.yearWheelTitle} {year}
      </PageHeading>
      <div className={styles.years}>
        <Button onClick={() => setYear(year - 1)}>
          <span aria-hidden="true">←{'\u00a0'}</span>
          {t.previousYear}
        </Button>
        <Button onClick={() => setYear(year + 1)}>
          {t.nextYear}
          <span aria-hidden="true">{'\u00a0'}→</span>
        </Button>
      </div>
      <Loading value={wheel} retry={retry}>
        {(data) => <WheelContent key={data.year} wheel={data} onReplace={replace} onReload={retry} />}
      </Loading>
    </>
  );
}

type Origin = 'wheel' | 'list';
type Changing = { mode: ChangeMode; item: WheelItem; origin: Origin };

function WheelContent({ wheel, onReplace, onReload }: { wheel: YearWheelData; onReplace: (wheel: YearWheelData) => void; onReload: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const items = useMemo(() => wheelItems(wheel, i18n), [wheel, i18n]);
  const covering = useMemo(() => overlapping(items, wheel.year), [items, wheel.year]);
  // By id, so that the details follow the appointment when a change replaces it.
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = items.find((item) => item.id === selectedId) ?? null;
  const setSelected = (item: WheelItem) => setSelectedId(item.id);
  const [listOpenId, setListOpenId] = useState<string | null>(null);
  const hintId = useId();
  // What the dialog shows is kept while it closes, so that it can close gracefully.
  const [changing, setChanging] = useState<Changing | null>(null);
  const [open, setOpen] = useState(false);
  const [session, setSession] = useState(0);
  const [outcome, setOutcome] = useState<AppointmentChanged | null>(null);

  const start = (mode: ChangeMode, item: WheelItem, origin: Origin) => {
    setChanging({ mode, item, origin });
    setSession((n) => n + 1);
    setOutcome(null);
    setOpen(true);
  };
  const changed = (result: AppointmentChanged) => {
    onReplace({ ...wheel, appointments: wheel.appointments.map((a) => (a.id === result.appointment.id ? result.appointment : a)) });
    setOpen(false);
    setOutcome(result);
  };
  // The outcome is shown where the change was started: on a phone the panel beside the wheel is a screen away.
  const outcomeIn = (origin: Origin) => (outcome && changing?.origin === origin ? <ChangeOutcome outcome={outcome} /> : null);

  return (
    <>
      <div className={styles.layout}>
        <div className={styles.wheel}>
          <p id={hintId} className={styles.hint}>
            {t.wheelHint}
          </p>
          <YearWheel year={wheel.year} items={items} selectedId={selected?.id ?? null} onSelect={setSelected} describedBy={hintId} />
        </div>
        <div className={styles.side}>
          <p>{t.legend}:</p>
          <ul className={styles.legend}>
            {legendTypes.map((type) => (
              <li key={type}>
                <svg viewBox="0 0 20 20" className={styles.legendIcon} aria-hidden="true" focusable="false">
                  <path d={type === 'blackout' ? 'M2 5h16v10h-16Z' : markShape(type, 10, 10)} fill={legendColours[type]} className={styles.legendShape} />
                </svg>
                {typeLabel(type, t)}
              </li>
            ))}
          </ul>
          <section className={styles.details} aria-labelledby={`${hintId}-details`} aria-live="polite">
            <h2 id={`${hintId}-details`}>{t.detailsTitle}</h2>
            {selected ? (
              <Details item={selected} onChange={(mode) => start(mode, selected, 'wheel')} alsoHere={covering.get(selected.id) ?? []} onPick={setSelected} />
            ) : (
              <p>{t.noSelection}</p>
            )}
            {outcomeIn('wheel')}
          </section>
        </div>
      </div>
      <Section title={t.listTitle}>
        <WheelList
          year={wheel.year}
          items={items}
          openId={listOpenId}
          onOpen={(item) => setListOpenId(item?.id ?? null)}
          details={(item) => (
            <>
              <Details item={item} onChange={(mode) => start(mode, item, 'list')} />
              {outcomeIn('list')}
            </>
          )}
        />
      </Section>
      {changing?.item.appointment && (
        <AppointmentDialog
          open={open}
          formKey={String(session)}
          mode={changing.mode}
          appointment={changing.item.appointment}
          what={`${typeLabel(changing.item.type, t)} ${changing.item.what}`}
          people={wheel.people}
          onChanged={changed}
          onClose={() => setOpen(false)}
          onReload={() => {
            setOpen(false);
            onReload();
          }}
        />
      )}
    </>
  );
}

function ChangeOutcome({ outcome }: { outcome: AppointmentChanged }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <MessageBar intent={outcome.warnings.length > 0 ? 'warning' : 'success'} className={styles.notes}>
      <MessageBarBody>
        <MessageBarTitle>{t.appointmentChanged(outcome.told)}</MessageBarTitle>
        {outcome.warnings.map((warning) => (
          <p key={warning}>
            {t.changeNotes}: {warning}
          </p>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

/** `alsoHere` are the marks that cover this one on the wheel, so that a tap on a cluster can reach each of them. */
function Details({
  item,
  onChange,
  alsoHere = [],
  onPick,
}: {
  item: WheelItem;
  onChange: (mode: ChangeMode) => void;
  alsoHere?: WheelItem[];
  onPick?: (item: WheelItem) => void;
}) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  // Fluent gives focus back to the button that opened a dialog when the button carries this attribute.
  const restoreFocusTarget = useRestoreFocusTarget();
  const a = item.appointment;
  const what = `${typeLabel(item.type, t)} ${item.what}`;
  return (
    <>
      <dl className={styles.dl}>
        <dt>{t.typeColumn}</dt>
        <dd className={styles.dd}>{typeLabel(item.type, t)}</dd>
        <dt>{t.whatColumn}</dt>
        <dd className={styles.dd}>{a ? <Link href={href({ page: 'unit', unitId: a.unitId })}>{item.what}</Link> : item.what}</dd>
        <dt>{t.dateColumn}</dt>
        <dd className={styles.dd}>{a ? `${fmt.dateTime(a.start)} – ${fmt.dateTime(a.end)}` : item.when}</dd>
        {a && (
          <>
            <dt>{t.ownerColumn}</dt>
            <dd className={styles.dd}>{personName(a.owner, t)}</dd>
            <dt>{t.statusColumn}</dt>
            <dd className={styles.dd}>{t.appointmentStatus[a.status]}</dd>
          </>
        )}
      </dl>
      {a?.canManage && a.status === 'planned' && (
        <div className={styles.changes} role="group" aria-label={t.manageLabel(what)}>
          <Button {...restoreFocusTarget} onClick={() => onChange('move')}>
            {t.moveAppointment}
          </Button>
          <Button {...restoreFocusTarget} onClick={() => onChange('cancel')}>
            {t.cancelAppointment}
          </Button>
          <Button {...restoreFocusTarget} onClick={() => onChange('owner')}>
            {t.reassignAppointment}
          </Button>
        </div>
      )}
      {onPick && alsoHere.length > 0 && (
        <div className={styles.alsoHere}>
          <p>{t.alsoHere}</p>
          <ul className={styles.alsoHereList}>
            {alsoHere.map((other) => (
              <li key={other.id}>
                <Button size="small" onClick={() => onPick(other)}>
                  {other.label}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
