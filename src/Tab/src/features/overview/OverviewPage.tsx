import { Field, Input, Link, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useMe } from '../../shared/api/MeContext';
import { tabApi } from '../../shared/api/tabApi';
import type { Overview, OverviewUnit } from '../../shared/api/types';
import { useApi } from '../../shared/api/useApi';
import { useOverviewPrefetch } from './overviewPrefetch';
import { useI18n } from '../../shared/i18n/i18n';
import { intlTag } from '../../shared/i18n/locale';
import { href } from '../../shared/routing/routes';
import { Loading } from '../../shared/ui/Loading';
import { PageHeading } from '../../shared/ui/PageHeading';
import { Section } from '../../shared/ui/Section';
import { DeliverySection } from '../delivery/DeliverySection';
import { BenefitsChart } from './BenefitsChart';
import { HeatMap } from './HeatMap';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', columnGap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalM },
  filter: { flex: '0 1 20rem' },
});

/**
 * `areaId` is where the filter starts: a channel tab may pin the overview of one service area. Someone who cannot see
 * that area gets the overview of what they can see, as without the pin.
 */
export function OverviewPage({ areaId }: { areaId?: string | undefined }) {
  const { t, fmt, locale } = useI18n();
  const me = useMe();
  const styles = useStyles();
  const [area, setArea] = useState(() => (me.areas.some((a) => a.id === areaId) ? (areaId ?? '') : ''));
  const [find, setFind] = useState('');
  const prefetched = useOverviewPrefetch();
  const [overview, retry] = useApi((signal) => prefetched?.take(area) ?? tabApi.overview(area || undefined, signal), `overview:${area}`);
  const inArea = useMemo(() => (overview.state === 'loaded' ? filterByArea(overview.data, area) : null), [overview, area]);
  const found = useMemo(() => inArea && unitsNamed(inArea.units, find, intlTag[locale]), [inArea, find, locale]);
  // Said when the rows change, in the field's hint, so that a screen reader hears it without leaving the field.
  const findStatus =
    !inArea || !found || found === inArea.units
      ? ''
      : found.length === 0
        ? t.unitFindNone(find.trim())
        : t.unitFindCount(fmt.number(found.length), fmt.number(inArea.units.length));

  return (
    <>
      <PageHeading title={t.overviewTitle}>{t.overviewTitle}</PageHeading>
      <div className={styles.filters}>
        {me.areas.length > 1 && (
          <Field label={t.areaFilter} className={styles.filter}>
            <Select value={area} onChange={(_, data) => setArea(data.value)}>
              <option value="">{t.allAreas}</option>
              {me.areas.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {/* The heat map renders only the rows near the screen, so the browser's own find cannot reach the others. */}
        <Field label={t.unitFind} className={styles.filter} hint={{ children: findStatus, role: 'status', 'aria-live': 'polite' }}>
          <Input type="search" value={find} onChange={(_, data) => setFind(data.value)} />
        </Field>
      </div>
      <Loading value={overview} retry={retry}>
        {() => inArea && found && <OverviewContent data={inArea} heatMapUnits={found} />}
      </Loading>
      {me.canViewDelivery && <DeliverySection areaId={area || undefined} />}
    </>
  );
}

/** `heatMapUnits` are the units found by name; the rest of the page is about every unit in the area. */
function OverviewContent({ data, heatMapUnits }: { data: Overview; heatMapUnits: OverviewUnit[] }) {
  const { t } = useI18n();
  const needingHelp = data.units.filter((unit) => unit.helpNeeded);
  return (
    <>
      <Section title={t.heatMapTitle}>
        <HeatMap weeks={data.weeks} units={heatMapUnits} caption={t.heatMapTitle} />
      </Section>
      <Section title={t.helpTitle}>
        {needingHelp.length === 0 ? (
          <p>{t.noHelpNeeded}</p>
        ) : (
          <ul>
            {needingHelp.map((unit) => (
              <li key={unit.id}>
                <Link href={href({ page: 'unit', unitId: unit.id })}>{unit.name}</Link>: {unit.helpNeeded}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t.benefitsTitle}>
        <BenefitsChart byMonth={data.benefitsByMonth} totals={data.benefitsThisYear} />
      </Section>
      {data.benefitsLeftOut.length > 0 && (
        <Section title={t.leftOutTitle}>
          <p>{t.leftOutText}</p>
          <ul>
            {data.benefitsLeftOut.map((unit) => (
              <li key={unit.unitId}>
                <Link href={href({ page: 'unit', unitId: unit.unitId })}>{unit.name}</Link>: {t.leftOutUnit(unit.count)}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}

/** The service filters by `?area=`; the tab filters too rather than trust that every answer was filtered. */
function filterByArea(data: Overview, area: string): Overview {
  return area ? { ...data, units: data.units.filter((unit) => unit.areaId === area) } : data;
}

/**
 * The units whose name holds `text`, ignoring case the language's way and nothing else: "ø" finds "Søndre" and not
 * "Sondre". Both sides are composed first, as a keyboard may type "å" as "a" and a ring. Every unit (the same list)
 * when there is nothing to find.
 */
function unitsNamed(units: OverviewUnit[], text: string, tag: string): OverviewUnit[] {
  const wanted = comparable(text.trim(), tag);
  return wanted ? units.filter((unit) => comparable(unit.name, tag).includes(wanted)) : units;
}

function comparable(text: string, tag: string): string {
  return text.normalize('NFC').toLocaleLowerCase(tag);
}
