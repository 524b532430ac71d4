import { Link } from '@fluentui/react-components';
import { tabApi } from '../../shared/api/tabApi';
import type { UnreachableUnit } from '../../shared/api/types';
import { useApi } from '../../shared/api/useApi';
import { useI18n } from '../../shared/i18n/i18n';
import { href } from '../../shared/routing/routes';
import { Loading } from '../../shared/ui/Loading';
import { Section } from '../../shared/ui/Section';
import { useTableStyles } from '../../shared/ui/tableStyles';

/**
 * The units the app cannot reach in Teams, why, and what to do about it: for the coordinator (and top management),
 * whom `me.canViewDelivery` names. A section of its own so that any page can host it (the overview now, the
 * organisation page later); `areaId` narrows it to one service area.
 */
export function DeliverySection({ areaId }: { areaId?: string | undefined }) {
  const { t } = useI18n();
  const [delivery, retry] = useApi((signal) => tabApi.delivery(signal), 'delivery');
  return (
    <Section title={t.deliveryTitle}>
      <p>{t.deliveryIntro}</p>
      <Loading value={delivery} retry={retry}>
        {(data) => {
          const units = areaId ? data.units.filter((unit) => unit.areaId === areaId) : data.units;
          return units.length === 0 ? <p>{t.deliveryAllReachable}</p> : <DeliveryTable units={units} />;
        }}
      </Loading>
    </Section>
  );
}

function DeliveryTable({ units }: { units: UnreachableUnit[] }) {
  const { t, fmt } = useI18n();
  const styles = useTableStyles();
  return (
    <div className={styles.wrapper}>
      <table className={styles.table}>
        <caption className={styles.hiddenCaption}>{t.deliveryCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.deliveryUnit}</th>
            <th scope="col">{t.deliveryReasonHeader}</th>
            <th scope="col">{t.deliveryTeamsAnswer}</th>
            <th scope="col">{t.deliveryWhen}</th>
            <th scope="col">{t.deliveryAdviceHeader}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={`${unit.unitId}|${unit.route ?? ''}|${unit.person ?? ''}`}>
              <th scope="row">
                <Link href={href({ page: 'unit', unitId: unit.unitId })}>{unit.name}</Link>
              </th>
              <td>
                {t.deliveryReason[unit.reason]}
                {unit.route && ` (${[t.deliveryRoute[unit.route], unit.person].filter(Boolean).join(': ')})`}
              </td>
              <td>{unit.status ? `${unit.status} ${unit.code ?? ''}`.trim() : '–'}</td>
              <td>{unit.at ? fmt.dateTime(unit.at) : '–'}</td>
              <td>{t.deliveryAdvice[unit.advice]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
