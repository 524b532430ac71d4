import { Field, Link, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useMe } from '../../shared/api/MeContext';
import { tabApi } from '../../shared/api/tabApi';
import type { Overview } from '../../shared/api/types';
import { useApi } from '../../shared/api/useApi';
import { useOverviewPrefetch } from './overviewPrefetch';
import { useI18n } from '../../shared/i18n/i18n';
import { href } from '../../shared/routing/routes';
import { Loading } from '../../shared/ui/Loading';
import { PageHeading } from '../../shared/ui/PageHeading';
import { Section } from '../../shared/ui/Section';
import { DeliverySection } from '../delivery/DeliverySection';
import { BenefitsChart } from './BenefitsChart';
import { HeatMap } from './HeatMap';

const useStyles = makeStyles({
  filter: { maxWidth: '20rem', marginBottom: tokens.spacingVerticalM },
});

/**
 * `areaId` is where the filter starts: a channel tab may pin the overview of one service area. Someone who cannot see
 * that area gets the overview of what they can see, as without the pin.
 */
export function OverviewPage({ areaId }: { areaId?: string | undefined }) {
  const { t } = useI18n();
  const me = useMe();
  const styles = useStyles();
  const [area, setArea] = useState(() => (me.areas.some((a) => a.id === areaId) ? (areaId ?? '') : ''));
  const prefetched = useOverviewPrefetch();
  const [overview, retry] = useApi((signal) => prefetched?.take(area) ?? tabApi.overview(area || undefined, signal), `overview:${area}`);

  return (
    <>
      <PageHeading title={t.overviewTitle}>{t.overviewTitle}</PageHeading>
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
      <Loading value={overview} retry={retry}>
        {(data) => <OverviewContent data={filterByArea(data, area)} />}
      </Loading>
      {me.canViewDelivery && <DeliverySection areaId={area || undefined} />}
    </>
  );
}

function OverviewContent({ data }: { data: Overview }) {
  const { t } = useI18n();
  const needingHelp = data.units.filter((unit) => unit.helpNeeded);
  return (
    <>
      <Section title={t.heatMapTitle}>
        <HeatMap weeks={data.weeks} units={data.units} caption={t.heatMapTitle} />
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
