import { Field, Link, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useMe } from '../../shared/api/MeContext';
import { tabApi } from '../../shared/api/tabApi';
import type { OverviewUnit } from '../../shared/api/types';
import { useApi, type Loadable } from '../../shared/api/useApi';
import { useI18n } from '../../shared/i18n/i18n';
import type { TabConfigHost } from '../../shared/teams/host';
import { Loading } from '../../shared/ui/Loading';
import { PageHeading } from '../../shared/ui/PageHeading';
import { Section } from '../../shared/ui/Section';
import { choiceOf, currentTabUrl, settingsOf, tabPages, type TabChoice, type TabPage } from './tabConfig';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '28rem' },
  address: { wordBreak: 'break-all' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
});

/**
 * The configuration page of a channel or chat tab (`#/config`): whoever adds the tab picks the page it shows. In
 * Teams, Teams' own Save button saves the choice through `host`; outside Teams (`host` null) the page shows what
 * would be saved, so that it can be tried and tested without Teams.
 */
export function ConfigPage({ host, tabUrl = currentTabUrl() }: { host: TabConfigHost | null; tabUrl?: string }) {
  const { t } = useI18n();
  const channelId = host?.channelId;
  const [overview, retry] = useApi((signal) => tabApi.overview(undefined, signal), 'overview');
  const [channel] = useApi((signal) => (channelId ? tabApi.channelUnits(channelId, signal) : Promise.resolve({ unitIds: [] })), `channel:${channelId ?? ''}`);

  // The form waits for the channel's unit too, so that the preselection never replaces what someone already picked.
  // Not knowing the channel's unit is no reason to refuse the page: it is then simply not preselected.
  const ready: Loadable<{ units: OverviewUnit[]; bound: string[] }> =
    overview.state !== 'loaded'
      ? overview
      : channel.state === 'loading'
        ? channel
        : { state: 'loaded', data: { units: overview.data.units, bound: channel.state === 'loaded' ? channel.data.unitIds : [] } };

  return (
    <>
      <PageHeading title={t.configTitle}>{t.configTitle}</PageHeading>
      <p>{t.configIntro}</p>
      <Loading value={ready} retry={retry}>
        {(data) => <ConfigForm host={host} tabUrl={tabUrl} units={data.units} bound={data.bound} />}
      </Loading>
    </>
  );
}

function ConfigForm({ host, tabUrl, units, bound }: { host: TabConfigHost | null; tabUrl: string; units: OverviewUnit[]; bound: string[] }) {
  const { t } = useI18n();
  const me = useMe();
  const styles = useStyles();
  const channelUnit = units.find((unit) => bound.includes(unit.id)) ?? null;
  const [initial] = useState(() => choiceOf(host?.entityId) ?? (channelUnit ? { page: 'unit' as const, unitId: channelUnit.id } : null));
  const [page, setPage] = useState<TabPage | null>(initial?.page ?? null);
  const [areaId, setAreaId] = useState(initial?.page === 'overview' ? (initial.areaId ?? '') : '');
  const [unitId, setUnitId] = useState(initial?.page === 'unit' ? (initial.unitId ?? '') : '');

  const choice = choiceFrom(page, areaId, unitId);
  const areaName = (id: string) => me.areas.find((area) => area.id === id)?.name ?? id;
  const names: Record<TabPage, string> = {
    overview: t.navOverview,
    unit: t.configUnitPage,
    yearwheel: t.navYearWheel,
    actionplan: t.navActionPlan,
    reports: t.navReports,
  };
  const displayName =
    page === 'overview' && areaId ? t.configOverviewOf(areaName(areaId)) : page === 'unit' ? (units.find((unit) => unit.id === unitId)?.name ?? unitId) : page ? names[page] : '';
  const settings = settingsOf(choice, tabUrl, displayName);

  // Teams calls the save handler long after this render; it must see the choice as it is then.
  const latest = useRef(settings);
  const key = settings ? `${settings.contentUrl}|${settings.suggestedDisplayName}` : '';
  const settingsChanged = useEffectEvent(() => {
    latest.current = settings;
    host?.setValidityState(settings !== null);
  });
  // `key` says when the settings changed; the object itself is new on every render.
  useEffect(() => settingsChanged(), [host, key]);
  useEffect(() => {
    host?.registerOnSaveHandler(() => latest.current);
  }, [host]);

  const areas = me.areas.filter((area) => units.some((unit) => unit.areaId === area.id));
  const otherUnits = units.filter((unit) => !me.areas.some((area) => area.id === unit.areaId));

  return (
    <div className={styles.form}>
      <Field label={t.configShows}>
        <RadioGroup value={page ?? ''} onChange={(_, data) => setPage(data.value as TabPage)}>
          {tabPages.map((p) => (
            <Radio key={p} value={p} label={names[p]} />
          ))}
        </RadioGroup>
      </Field>
      {page === 'overview' && (
        <Field label={t.areaFilter}>
          <Select value={areaId} onChange={(_, data) => setAreaId(data.value)}>
            <option value="">{t.allAreas}</option>
            {me.areas.map((area) => (
              <option key={area.id} value={area.id}>
                {area.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {page === 'unit' && (
        <Field
          label={t.configUnit}
          required
          {...(channelUnit ? { hint: t.configChannelUnit(channelUnit.name) } : {})}
          {...(unitId ? {} : { validationState: 'error' as const, validationMessage: t.configUnitRequired })}
        >
          <Select value={unitId} onChange={(_, data) => setUnitId(data.value)}>
            <option value="">{t.configChooseUnit}</option>
            {areas.map((area) => (
              <optgroup key={area.id} label={area.name}>
                {units.filter((unit) => unit.areaId === area.id).map(unitOption)}
              </optgroup>
            ))}
            {otherUnits.map(unitOption)}
          </Select>
        </Field>
      )}
      {!host && (
        <Section title={t.configOutsideTeamsTitle}>
          <p>{t.configOutsideTeamsText}</p>
          {settings ? (
            <dl className={styles.facts}>
              <dt className={styles.term}>{t.configTabName}</dt>
              <dd className={styles.value}>{settings.suggestedDisplayName}</dd>
              <dt className={styles.term}>{t.configTabAddress}</dt>
              <dd className={styles.value}>
                <Link href={settings.contentUrl} className={styles.address}>
                  {settings.contentUrl}
                </Link>
              </dd>
            </dl>
          ) : (
            <p>{t.configNothingChosen}</p>
          )}
        </Section>
      )}
    </div>
  );
}

function unitOption(unit: OverviewUnit) {
  return (
    <option key={unit.id} value={unit.id}>
      {unit.name}
    </option>
  );
}

function choiceFrom(page: TabPage | null, areaId: string, unitId: string): TabChoice | null {
  switch (page) {
    case null:
      return null;
    case 'overview':
      return { page, areaId: areaId || null };
    case 'unit':
      return { page, unitId: unitId || null };
    default:
      return { page };
  }
}
