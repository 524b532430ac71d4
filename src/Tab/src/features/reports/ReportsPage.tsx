import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiError } from '../../shared/api/ApiError';
import { useMe } from '../../shared/api/MeContext';
import { saveFile } from '../../shared/api/saveFile';
import { reportPeriod, tabApi } from '../../shared/api/tabApi';
import type { ReportCycle, ReportFormat } from '../../shared/api/types';
import { asApiError } from '../../shared/api/useApi';
import { useI18n } from '../../shared/i18n/i18n';
import { ErrorMessage } from '../../shared/ui/Loading';
import { PageHeading } from '../../shared/ui/PageHeading';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end', marginBlock: tokens.spacingVerticalL },
  field: { minWidth: '10rem' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** Four quarters, or three tertials (January–April, May–August, September–December). */
const partsOf = (cycle: ReportCycle) => (cycle === 'tertial' ? [1, 2, 3] : [1, 2, 3, 4]);

/** The quarter or tertial that has just ended is the one people report on. */
export function defaultPeriod(today: Date, cycle: ReportCycle = 'quarter'): { year: number; part: number } {
  const months = cycle === 'tertial' ? 4 : 3;
  const current = Math.floor(today.getMonth() / months) + 1;
  return current === 1 ? { year: today.getFullYear() - 1, part: 12 / months } : { year: today.getFullYear(), part: current - 1 };
}

export function ReportsPage({ today = new Date() }: { today?: Date }) {
  const { t } = useI18n();
  const { reportCycle: cycle } = useMe();
  const styles = useStyles();
  const initial = defaultPeriod(today, cycle);
  const [year, setYear] = useState(initial.year);
  const [part, setPart] = useState<number | null>(initial.part);
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);
  const years = Array.from({ length: 4 }, (_, i) => today.getFullYear() - i);

  async function download(format: ReportFormat) {
    setBusy(format);
    setFailure(null);
    setStatus(t.downloading);
    try {
      const file = await tabApi.report(reportPeriod(year, part, cycle), format);
      saveFile(file.blob, file.fileName);
      setStatus(t.downloaded(file.fileName));
    } catch (error) {
      setStatus('');
      setFailure(asApiError(error));
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <PageHeading title={t.reportsTitle}>{t.reportsTitle}</PageHeading>
      <p>{t.reportsIntro}</p>
      <div className={styles.form}>
        <Field label={t.reportYear} className={styles.field}>
          <Select value={String(year)} onChange={(_, data) => setYear(Number(data.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.reportPeriod} className={styles.field}>
          <Select value={part === null ? 'year' : String(part)} onChange={(_, data) => setPart(data.value === 'year' ? null : Number(data.value))}>
            {partsOf(cycle).map((n) => (
              <option key={n} value={n}>
                {cycle === 'tertial' ? t.tertial(n) : t.quarter(n)}
              </option>
            ))}
            <option value="year">{t.wholeYear}</option>
          </Select>
        </Field>
        <div className={styles.buttons}>
          <Button appearance="primary" disabled={busy !== null} onClick={() => void download('csv')}>
            {t.downloadCsv}
          </Button>
          <Button disabled={busy !== null} onClick={() => void download('xlsx')}>
            {t.downloadXlsx}
          </Button>
        </div>
      </div>
      <p role="status">{status}</p>
      {failure && <ErrorMessage error={failure} />}
    </>
  );
}
