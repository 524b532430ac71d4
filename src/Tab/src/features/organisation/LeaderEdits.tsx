import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import { useMe } from '../../shared/api/MeContext';
import { tabApi } from '../../shared/api/tabApi';
import type { AreaForm, UnitForm } from '../../shared/api/types';
import { useApi } from '../../shared/api/useApi';
import { useI18n } from '../../shared/i18n/i18n';
import { Section } from '../../shared/ui/Section';

// The forms (and the people picker's combobox) load when a form is first offered: most people never get one.
const UnitDialog = lazy(() => import('./UnitEditor').then((m) => ({ default: m.UnitDialog })));
const AreaDialog = lazy(() => import('./AreaEditor').then((m) => ({ default: m.AreaDialog })));

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'baseline' },
});

/**
 * On a unit's page, the unit's form for whoever may change it: the coordinator every field, the unit's leader its board
 * meeting, unit coordinators and goals. `canEdit` is the unit page's word for it (the service's access rule); the form
 * is read only then, and without it there is no button.
 */
export function UnitEditButton({ unitId, canEdit, onSaved }: { unitId: string; canEdit: boolean; onSaved: () => Promise<void> }) {
  return canEdit ? <UnitEditLoaded unitId={unitId} onSaved={onSaved} /> : null;
}

function UnitEditLoaded({ unitId, onSaved }: { unitId: string; onSaved: () => Promise<void> }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [form, , replace] = useApi((signal) => tabApi.unitForm(unitId, signal), `unit-form:${unitId}`);
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(0);
  const [status, setStatus] = useState('');
  if (form.state !== 'loaded') return null;
  const unit: UnitForm = form.data;
  return (
    <div className={styles.row}>
      <Button
        onClick={() => {
          setOpened(opened + 1);
          setOpen(true);
        }}
      >
        {t.orgEditThisUnit}
      </Button>
      <span role="status">{status}</span>
      <Suspense fallback={null}>
        <UnitDialog
          open={open}
          formKey={String(opened)}
          initial={unit}
          adding={false}
          areas={[]}
          people={unit.people}
          goalChoices={unit.goalChoices}
          onSave={tabApi.saveUnit}
          onReload={() => tabApi.unitForm(unitId)}
          onSaved={(saved) => {
            setOpen(false);
            replace(saved);
            setStatus(t.orgUnitSaved(saved.name ?? ''));
            void onSaved();
          }}
          onClose={() => setOpen(false)}
        />
      </Suspense>
    </div>
  );
}

/**
 * A service area's leader changes the area's goals (each linked to the overall goal it supports). The areas offered are
 * those the service lets the caller edit; the others are left out.
 */
export function AreaGoalsSection() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <Section title={t.orgYourAreasTitle}>
      {me.areas.map((area) => (
        <AreaGoals key={area.id} areaId={area.id} />
      ))}
    </Section>
  );
}

function AreaGoals({ areaId }: { areaId: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [form, , replace] = useApi((signal) => tabApi.areaForm(areaId, signal), `area-form:${areaId}`);
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(0);
  const [status, setStatus] = useState('');
  if (form.state !== 'loaded') return null;
  const area: AreaForm = form.data;
  return (
    <div>
      <h3>{area.name}</h3>
      <ul>
        {(area.goals ?? []).map((goal, i) => (
          <li key={`${i}:${goal.id ?? ''}`}>{goal.title}</li>
        ))}
      </ul>
      <div className={styles.row}>
        <Button
          onClick={() => {
            setOpened(opened + 1);
            setOpen(true);
          }}
        >
          {t.orgEditAreaGoals(area.name ?? '')}
        </Button>
        <span role="status">{status}</span>
      </div>
      <Suspense fallback={null}>
        <AreaDialog
          open={open}
          formKey={String(opened)}
          initial={area}
          goalsOnly
          overallGoals={[]}
          people={[]}
          onSave={tabApi.saveArea}
          onReload={() => tabApi.areaForm(areaId)}
          onSaved={(saved) => {
            setOpen(false);
            replace(saved);
            setStatus(t.orgAreaSaved(saved.name ?? ''));
          }}
          onClose={() => setOpen(false)}
        />
      </Suspense>
    </div>
  );
}
