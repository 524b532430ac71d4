import { makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';

const useStyles = makeStyles({
  section: { marginBlock: tokens.spacingVerticalXXL },
  heading: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    margin: `0 0 ${tokens.spacingVerticalS}`,
  },
});

/** A region named by its `h2`, so that headings and landmarks both lead to it. */
export function Section({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const styles = useStyles();
  const id = useId();
  return (
    <section aria-labelledby={id} className={className ? `${styles.section} ${className}` : styles.section}>
      <h2 id={id} className={styles.heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}
