import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  region: {
    overflowX: 'auto',
    maxWidth: '100%',
    // The containing block of the visually hidden texts in it, which would otherwise widen the page (see tableStyles).
    position: 'relative',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
});

/**
 * Something wider than a phone (a table of twelve weeks) that scrolls sideways inside the page instead of making the
 * whole page scroll. It is a tab stop with a name, so that it can be scrolled with the arrow keys and a screen reader
 * says what it is (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // A scroll container has to take focus for the keyboard to scroll it; the region role gives the stop its name.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div role="region" aria-label={label} tabIndex={0} className={useStyles().region}>
      {children}
    </div>
  );
}
