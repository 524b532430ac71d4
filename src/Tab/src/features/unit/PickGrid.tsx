import { Select, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useRef, useState, type DragEvent, type RefObject } from 'react';
import { tabApi } from '../../shared/api/tabApi';
import type { Improvement, PickQuadrant, UnitDetails } from '../../shared/api/types';
import { pickPlaces, pickQuadrants } from '../../shared/api/types';
import { useI18n } from '../../shared/i18n/i18n';
import { ErrorMessage } from '../../shared/ui/Loading';
import { useBoardChange } from './boardChange';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(10rem, 1fr))', gap: tokens.spacingHorizontalM },
  quadrant: {
    backgroundColor: tokens.colorNeutralBackground2,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    minHeight: '6rem',
  },
  dropTarget: { outline: `2px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '2px' },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  hint: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular },
  list: { listStyle: 'none', margin: `${tokens.spacingVerticalS} 0 0`, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalXS,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalXS,
  },
  draggable: { cursor: 'grab' },
  empty: { color: tokens.colorNeutralForeground2, margin: `${tokens.spacingVerticalS} 0 0` },
});

const unplaced = '';

/**
 * The open improvements on the effort/effect (PICK) grid: four named regions and one for those not placed yet. Those
 * who may edit the board place an improvement with its own select, or by dragging it to a square.
 */
export function PickGrid({ unit, refresh }: { unit: UnitDetails; refresh: () => Promise<void> }) {
  const { t } = useI18n();
  const styles = useStyles();
  const change = useBoardChange(refresh);
  // Kept in a ref as well: the browser asks whether a square takes the card before React has drawn the drag's state.
  const [dragged, setDragged] = useState<Improvement | null>(null);
  const draggedRef = useRef<Improvement | null>(null);
  const editable = unit.canEditImprovements;
  const open = unit.improvements.filter((item) => item.stage === 'suggested' || item.stage === 'inProgress' || item.pick);

  async function place(item: Improvement, quadrant: PickQuadrant | null) {
    if ((item.pick ?? null) === quadrant) return;
    await change.run(
      () => tabApi.placeImprovement(unit.id, item, quadrant ? pickPlaces[quadrant] : null),
      quadrant ? t.pickPlaced(item.title, t.pickQuadrant[quadrant]) : t.pickRemoved(item.title),
    );
  }

  const region = (quadrant: PickQuadrant | null) => (
    <Region
      key={quadrant ?? 'unplaced'}
      quadrant={quadrant}
      items={open.filter((item) => (item.pick ?? null) === quadrant)}
      editable={editable}
      busy={change.busy}
      dragged={dragged}
      draggedRef={draggedRef}
      onDrag={(item) => {
        draggedRef.current = item;
        setDragged(item);
      }}
      onPlace={(item, to) => void place(item, to)}
    />
  );

  return (
    <>
      {editable && <p>{t.pickHint}</p>}
      <p role="status">{change.announcement}</p>
      {change.failure && <ErrorMessage error={change.failure} />}
      <div className={styles.grid}>{pickQuadrants.map(region)}</div>
      {region(null)}
    </>
  );
}

interface RegionProps {
  quadrant: PickQuadrant | null;
  items: Improvement[];
  editable: boolean;
  busy: boolean;
  dragged: Improvement | null;
  draggedRef: RefObject<Improvement | null>;
  onDrag: (item: Improvement | null) => void;
  onPlace: (item: Improvement, quadrant: PickQuadrant | null) => void;
}

function Region({ quadrant, items, editable, busy, dragged, draggedRef, onDrag, onPlace }: RegionProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const id = useId();
  const takes = (item: Improvement | null): item is Improvement => editable && item !== null && (item.pick ?? null) !== quadrant;
  const accepts = takes(dragged);

  function over(event: DragEvent<HTMLElement>) {
    if (!takes(draggedRef.current)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  }

  function drop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    const item = draggedRef.current;
    if (takes(item)) onPlace(item, quadrant);
    onDrag(null);
  }

  return (
    <section
      aria-labelledby={id}
      className={mergeClasses(styles.quadrant, accepts && styles.dropTarget)}
      data-pick={quadrant ?? 'unplaced'}
      onDragOver={over}
      onDrop={drop}
    >
      <h3 id={id} className={styles.heading}>
        {quadrant ? t.pickQuadrant[quadrant] : t.pickUnplaced} ({items.length})
        {quadrant && <span className={styles.hint}>{t.pickQuadrantHint[quadrant]}</span>}
      </h3>
      {items.length === 0 ? (
        <p className={styles.empty}>{t.emptyColumn}</p>
      ) : (
        <ul className={styles.list}>
          {items.map((item) => (
            <li
              key={item.id}
              className={mergeClasses(styles.item, editable && styles.draggable)}
              data-improvement={item.id}
              draggable={editable}
              onDragStart={(event) => {
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', item.id);
                onDrag(item);
              }}
              onDragEnd={() => onDrag(null)}
            >
              <span>{item.title}</span>
              {editable && (
                <Select
                  size="small"
                  aria-label={t.pickPlacement(item.title)}
                  value={item.pick ?? unplaced}
                  disabled={busy}
                  onChange={(_, data) => onPlace(item, (data.value || null) as PickQuadrant | null)}
                >
                  <option value={unplaced}>{t.pickUnplaced}</option>
                  {pickQuadrants.map((q) => (
                    <option key={q} value={q}>
                      {`${t.pickQuadrant[q]} (${t.pickQuadrantHint[q]})`}
                    </option>
                  ))}
                </Select>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
