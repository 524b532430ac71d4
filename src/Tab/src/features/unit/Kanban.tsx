import { Button, Field, Input, Select, makeStyles, mergeClasses, tokens, useRestoreFocusTarget } from '@fluentui/react-components';
import { useId, useRef, useState, type DragEvent, type RefObject, type SubmitEvent } from 'react';
import { tabApi } from '../../shared/api/tabApi';
import type { Improvement, Stage, UnitDetails } from '../../shared/api/types';
import { stages } from '../../shared/api/types';
import { asApiError } from '../../shared/api/useApi';
import { useI18n } from '../../shared/i18n/i18n';
import { ErrorMessage } from '../../shared/ui/Loading';
import { useBoardChange } from './boardChange';
import { ImprovementDialog } from './ImprovementDialog';
import { NewBenefitDialog, type NewBenefitTarget } from './NewBenefitDialog';

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
  dropTarget: { outline: `2px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '2px' },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalS}` },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
  },
  draggable: { cursor: 'grab' },
  detail: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXS },
  empty: { color: tokens.colorNeutralForeground2, margin: 0 },
  add: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM },
  title: { minWidth: '16rem', flexGrow: 1 },
});

const noOwner = '';

/** The owner as the board says it: by name, marked when they left the organisation, or as erased. */
export function ownerText(t: ReturnType<typeof useI18n>['t'], item: Improvement): string {
  if (!item.ownerId) return t.noOwner;
  if (item.ownerName === null) return t.owner(t.ownerErased);
  return t.owner(item.ownerRemoved ? t.ownerRemoved(item.ownerName) : item.ownerName);
}

/**
 * The improvements by lifecycle stage: one named region per stage, with its count in the heading. Those who may edit
 * the board add improvements, move a card by dragging it to another column or with its buttons (one per move the
 * lifecycle allows), and give it an owner and a deadline; those who work on the board record its benefit from the card
 * (one per improvement). Each change is said in the status line.
 */
export function Kanban({ unit, refresh }: { unit: UnitDetails; refresh: () => Promise<void> }) {
  const { t } = useI18n();
  const styles = useStyles();
  const change = useBoardChange(refresh);
  // The card being dragged, kept in a ref as well: the browser asks whether a column takes it (dragover) before React
  // has drawn the state the drag started.
  const [dragged, setDragged] = useState<Improvement | null>(null);
  const draggedRef = useRef<Improvement | null>(null);
  const [editing, setEditing] = useState<Improvement | null>(null);
  const [open, setOpen] = useState(false);
  const editable = unit.canEditImprovements;
  const [benefitFor, setBenefitFor] = useState<NewBenefitTarget | null>(null);
  const [benefitSession, setBenefitSession] = useState(0);
  // An improvement has one benefit: its stages are recorded on that one, in the list of benefits.
  // A rejected improvement realises nothing: it takes no benefit.
  const takesBenefit = (item: Improvement) =>
    editable && unit.canWorkOnBoard && item.stage !== 'rejected' && !unit.benefits.some((b) => b.improvementId === item.id);

  async function move(item: Improvement, to: Stage) {
    await change.run(() => tabApi.moveImprovement(unit.id, item, to), t.improvementMoved(item.title, t.stage[to]));
  }

  return (
    <>
      {editable && <AddImprovement unit={unit} refresh={refresh} />}
      {editable && <p>{t.boardHint}</p>}
      <p role="status">{change.announcement}</p>
      {change.failure && <ErrorMessage error={change.failure} />}
      <div className={styles.board}>
        {stages.map((stage) => (
          <Column
            key={stage}
            stage={stage}
            items={unit.improvements.filter((item) => item.stage === stage)}
            editable={editable}
            busy={change.busy}
            dragged={dragged}
            draggedRef={draggedRef}
            onDrag={(item) => {
              draggedRef.current = item;
              setDragged(item);
            }}
            onMove={(item, to) => void move(item, to)}
            onEdit={(item) => {
              setEditing(item);
              setOpen(true);
            }}
            takesBenefit={takesBenefit}
            onNewBenefit={(item) => {
              setBenefitFor({ improvement: item });
              setBenefitSession((n) => n + 1);
            }}
          />
        ))}
      </div>
      <ImprovementDialog
        open={open}
        improvement={editing}
        people={unit.boardPeople}
        onClose={() => setOpen(false)}
        onSave={async (item, ownerId, dueDate) => {
          setOpen(false);
          await change.run(async () => {
            let current = item;
            if ((item.ownerId ?? null) !== ownerId) current = await tabApi.setImprovementOwner(unit.id, current, ownerId);
            if ((item.dueDate ?? null) !== dueDate) await tabApi.setImprovementDueDate(unit.id, current, dueDate);
          }, t.improvementSaved(item.title));
        }}
      />
      <NewBenefitDialog
        formKey={String(benefitSession)}
        unit={unit}
        target={benefitFor}
        onClose={() => setBenefitFor(null)}
        onSaved={async (_, said) => {
          setBenefitFor(null);
          await change.after(said);
        }}
      />
    </>
  );
}

interface ColumnProps {
  stage: Stage;
  items: Improvement[];
  editable: boolean;
  busy: boolean;
  dragged: Improvement | null;
  draggedRef: RefObject<Improvement | null>;
  onDrag: (item: Improvement | null) => void;
  onMove: (item: Improvement, to: Stage) => void;
  onEdit: (item: Improvement) => void;
  takesBenefit: (item: Improvement) => boolean;
  onNewBenefit: (item: Improvement) => void;
}

function Column({ stage, items, editable, busy, dragged, draggedRef, onDrag, onMove, onEdit, takesBenefit, onNewBenefit }: ColumnProps) {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const restoreFocusTarget = useRestoreFocusTarget();
  const id = useId();
  const takes = (item: Improvement | null): item is Improvement => editable && item !== null && item.moves.includes(stage);
  const accepts = takes(dragged);

  function over(event: DragEvent<HTMLElement>) {
    if (!takes(draggedRef.current)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  }

  function drop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    const item = draggedRef.current;
    if (takes(item)) onMove(item, stage);
    onDrag(null);
  }

  return (
    <section
      aria-labelledby={id}
      className={mergeClasses(styles.column, accepts && styles.dropTarget)}
      data-stage={stage}
      onDragOver={over}
      onDrop={drop}
    >
      <h3 id={id} className={styles.heading}>
        {t.stage[stage]} ({items.length})
      </h3>
      {items.length === 0 ? (
        <p className={styles.empty}>{t.emptyColumn}</p>
      ) : (
        <ul className={styles.list}>
          {items.map((item) => (
            <li
              key={item.id}
              className={mergeClasses(styles.card, editable && styles.draggable)}
              data-improvement={item.id}
              draggable={editable && item.moves.length > 0}
              onDragStart={(event) => {
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', item.id);
                onDrag(item);
              }}
              onDragEnd={() => onDrag(null)}
            >
              {item.title}
              <span className={styles.detail}>{ownerText(t, item)}</span>
              {item.dueDate && <span className={styles.detail}>{t.dueDate(fmt.date(item.dueDate))}</span>}
              {item.pick && <span className={styles.detail}>{`PICK: ${t.pickQuadrant[item.pick]}`}</span>}
              {editable && (
                <div className={styles.actions}>
                  {item.moves.map((to) => (
                    <Button key={to} size="small" disabled={busy} aria-label={t.moveToLabel(item.title, t.stage[to])} onClick={() => onMove(item, to)}>
                      {t.moveTo(t.stage[to])}
                    </Button>
                  ))}
                  <Button size="small" disabled={busy} aria-label={t.editImprovementLabel(item.title)} onClick={() => onEdit(item)} {...restoreFocusTarget}>
                    {t.editImprovement}
                  </Button>
                  {takesBenefit(item) && (
                    <Button size="small" disabled={busy} aria-label={t.newBenefitLabel(item.title)} onClick={() => onNewBenefit(item)} {...restoreFocusTarget}>
                      {t.newBenefit}
                    </Button>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A new improvement: its title, and if the board knows already, its owner and deadline. */
function AddImprovement({ unit, refresh }: { unit: UnitDetails; refresh: () => Promise<void> }) {
  const { t } = useI18n();
  const styles = useStyles();
  const titleRef = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState(noOwner);
  const [dueDate, setDueDate] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'title' | 'ownerId' | 'dueDate', string>>>({});
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<ReturnType<typeof asApiError> | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const typed = title.trim();
    if (!typed) {
      setErrors({ title: t.fieldRequired });
      titleRef.current?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await tabApi.addImprovement(unit.id, { title: typed, ownerId: ownerId || null, dueDate: dueDate || null });
      setTitle('');
      setOwnerId(noOwner);
      setDueDate('');
      await refresh();
      setAnnouncement(t.improvementAdded(typed));
      titleRef.current?.focus();
    } catch (error) {
      const apiError = asApiError(error);
      const fromService: Partial<Record<'title' | 'ownerId' | 'dueDate', string>> = {};
      for (const field of ['title', 'ownerId', 'dueDate'] as const) {
        const text = apiError.fieldError(field);
        if (text) fromService[field] = text;
      }
      setErrors(fromService);
      if (Object.keys(fromService).length === 0) setFailure(apiError);
    } finally {
      setBusy(false);
    }
  }

  const message = (field: 'title' | 'ownerId' | 'dueDate') => (errors[field] ? { validationMessage: errors[field] } : {});
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t.addImprovementTitle}>
      <div className={styles.add}>
        <Field label={t.improvementTitleLabel} required className={styles.title} {...message('title')}>
          <Input input={{ ref: titleRef }} value={title} maxLength={200} onChange={(_, data) => setTitle(data.value)} />
        </Field>
        <Field label={t.improvementOwnerLabel} {...message('ownerId')}>
          <Select value={ownerId} onChange={(_, data) => setOwnerId(data.value)}>
            <option value={noOwner}>{t.noOwner}</option>
            {unit.boardPeople.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.improvementDueLabel} {...message('dueDate')}>
          <Input type="date" value={dueDate} onChange={(_, data) => setDueDate(data.value)} />
        </Field>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t.addImprovement}
        </Button>
      </div>
      <p role="status">{announcement}</p>
      {failure && <ErrorMessage error={failure} />}
    </form>
  );
}
