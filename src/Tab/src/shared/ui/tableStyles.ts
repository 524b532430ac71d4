import { makeStyles, tokens } from '@fluentui/react-components';

/** Where a stacked table turns into cards: a phone, or a Teams side panel. */
export const stackBelow = '40em';

/** Plain semantic tables (caption, th scope) styled to sit in Fluent; Fluent's Table adds roles a table already has. */
export const useTableStyles = makeStyles({
  // Positioned, so that the visually hidden texts in its cells (absolutely positioned) are clipped with the table
  // instead of widening the page they are placed in: that made a phone's page 718 px wide.
  wrapper: { overflowX: 'auto', maxWidth: '100%', position: 'relative' },
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase300,
    '& th, & td': {
      textAlign: 'start',
      verticalAlign: 'top',
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    },
    '& thead th': { fontWeight: tokens.fontWeightSemibold, borderBottom: `2px solid ${tokens.colorNeutralStroke1}` },
    // On a phone a long e-mail address or id breaks inside its cell rather than push the table (and, with no tab stop
    // in it, a scroll region a keyboard cannot reach) past the screen. A table meant to scroll sets `scrolls`.
    [`@media (max-width: ${stackBelow})`]: { '& th, & td': { overflowWrap: 'anywhere' } },
  },
  /** For a table that scrolls sideways in a `ScrollRegion` on a phone: its words are not broken to make it fit. */
  scrolls: { [`@media (max-width: ${stackBelow})`]: { '& th, & td': { overflowWrap: 'normal' } } },
  caption: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    paddingBlock: tokens.spacingVerticalS,
  },
  /** For a table whose heading already says what it is: screen readers still get the table's name. */
  hiddenCaption: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  /**
   * Below `stackBelow` each row becomes a card: its row header on top, then every cell under the name of its column
   * (the cell's `data-label`), so that a table of long texts reads on a phone without scrolling sideways. Use it with
   * the explicit roles of `stackedRoles`: a browser may drop a table's semantics once its display is changed.
   */
  stacked: {
    [`@media (max-width: ${stackBelow})`]: {
      display: 'block',
      '& tbody': { display: 'block' },
      '& thead': { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
      '& tr': {
        display: 'block',
        border: `1px solid ${tokens.colorNeutralStroke1}`,
        borderRadius: tokens.borderRadiusMedium,
        padding: tokens.spacingHorizontalS,
        marginBlockEnd: tokens.spacingVerticalM,
      },
      '& tbody th, & tbody td': { display: 'block', borderBottom: 'none', paddingInline: 0 },
      '& tbody th': { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
      // The column's name is shown, not read: the cell's role and its column header already give it to a screen reader.
      '& td[data-label]::before': {
        content: 'attr(data-label) / ""',
        display: 'block',
        fontWeight: tokens.fontWeightSemibold,
        color: tokens.colorNeutralForeground2,
        fontSize: tokens.fontSizeBase200,
      },
    },
  },
});


/** Roles that keep a stacked table a table for assistive technology whatever its CSS display is. */
export const stackedRoles = {
  table: { role: 'table' },
  row: { role: 'row' },
  columnHeader: { role: 'columnheader' },
  rowHeader: { role: 'rowheader' },
  cell: { role: 'cell' },
} as const;
