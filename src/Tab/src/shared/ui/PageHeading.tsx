import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';

const useStyles = makeStyles({
  heading: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    margin: `0 0 ${tokens.spacingVerticalM}`,
    // It is focused only by script, to announce the page; it is not a control, so it needs no focus ring.
    ':focus': { outline: 'none' },
  },
});

/**
 * The page's one `h1`. It takes focus when the page opens, so that a screen reader announces the new page after a
 * hash navigation, and it names the document.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – LeanTeamsApp`;
    ref.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1} className={useStyles().heading}>
      {children}
    </h1>
  );
}
