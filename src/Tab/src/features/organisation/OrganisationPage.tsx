import { Button, Label, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useId, useState } from 'react';
import type { ApiError } from '../../shared/api/ApiError';
import { saveFile } from '../../shared/api/saveFile';
import { tabApi } from '../../shared/api/tabApi';
import type { ImportChange, ImportPreview, OrganisationChange } from '../../shared/api/types';
import { asApiError, useApi } from '../../shared/api/useApi';
import { useI18n } from '../../shared/i18n/i18n';
import { personName } from '../../shared/i18n/people';
import { ErrorMessage, Loading } from '../../shared/ui/Loading';
import { PageHeading } from '../../shared/ui/PageHeading';
import { Section } from '../../shared/ui/Section';
import { useMe } from '../../shared/api/MeContext';
import { ChangeTable } from './ChangeTable';
import { historyEntry } from './changeSource';
import { AreaGoalsSection } from './LeaderEdits';

// The forms, with the people picker's combobox, are the coordinator's alone: they load with her page, not with the app.
const OrganisationForms = lazy(() => import('./OrganisationForms').then((m) => ({ default: m.OrganisationForms })));

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', marginBlock: tokens.spacingVerticalM },
  problems: { color: tokens.colorPaletteRedForeground1 },
  file: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  entry: { marginBlockEnd: tokens.spacingVerticalL },
  when: { fontWeight: tokens.fontWeightSemibold },
});

type Busy = 'download' | 'preview' | 'apply' | null;

/**
 * The coordinator keeps the organisation up to date: downloads its file, uploads it changed (or HR's units sheet),
 * sees what it changes or every problem before anything is saved, saves exactly what she saw, and reads the history.
 */
export function OrganisationPage() {
  const { t } = useI18n();
  const me = useMe();
  if (me.canManageOrganisation) return <CoordinatorPage />;
  // A service area's leader comes here for the area's goals; everything else is the coordinator's.
  return (
    <>
      <PageHeading title={t.organisationTitle}>{t.organisationTitle}</PageHeading>
      <AreaGoalsSection />
    </>
  );
}

function CoordinatorPage() {
  const { t, fmt } = useI18n();
  const styles = useStyles();
  const fileId = useId();
  const [history, reloadHistory] = useApi(tabApi.organisationHistory, 'organisation-history');
  const [file, setFile] = useState<File | null>(null);
  // The bytes that were previewed are the ones saved: the file on disk may change after the preview.
  const [preview, setPreview] = useState<{ answer: ImportPreview; file: File } | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<ApiError | null>(null);

  async function run(what: Busy, work: () => Promise<void>) {
    setBusy(what);
    setFailure(null);
    try {
      await work();
    } catch (error) {
      const failed = asApiError(error);
      setStatus('');
      setFailure(failed);
      // The organisation changed since the preview: what it showed is no longer what would be saved.
      if (failed.status === 409) setPreview(null);
    } finally {
      setBusy(null);
    }
  }

  const download = (format: 'yaml' | 'xlsx') =>
    run('download', async () => {
      const saved = await tabApi.organisationFile(format);
      saveFile(saved.blob, saved.fileName);
      setStatus(t.downloaded(saved.fileName));
    });

  const previewFile = () =>
    run('preview', async () => {
      if (!file) {
        setStatus(t.organisationChooseFile);
        return;
      }
      setStatus(t.organisationPreviewing);
      setPreview(null);
      const previewed = new File([await file.arrayBuffer()], file.name);
      const answer = await tabApi.uploadOrganisation(previewed);
      setPreview({ answer, file: previewed });
      setStatus(answer.problems.length > 0 ? t.organisationProblems(answer.problems.length) : changesOf(answer).length === 0 ? t.organisationNoChanges : t.organisationChanges(changesOf(answer).length));
    });

  const apply = () =>
    run('apply', async () => {
      if (!preview?.answer.fingerprint) return;
      setStatus(t.organisationApplying);
      const answer = await tabApi.uploadOrganisation(preview.file, preview.answer.fingerprint);
      setPreview(null);
      setFile(null);
      setStatus(t.organisationApplied(changesOf(answer).length));
      reloadHistory();
    });

  const shown = preview?.answer ?? null;
  const changes = shown ? changesOf(shown) : [];
  return (
    <>
      <PageHeading title={t.organisationTitle}>{t.organisationTitle}</PageHeading>
      <p>{t.organisationIntro}</p>
      <Suspense fallback={<Spinner label={t.loading} size="small" />}>
        <OrganisationForms onChanged={reloadHistory} />
      </Suspense>
      <Section title={t.organisationFileTitle}>
        <div className={styles.row}>
          <Button disabled={busy !== null} onClick={() => void download('yaml')}>
            {t.organisationDownload}
          </Button>
          <Button disabled={busy !== null} onClick={() => void download('xlsx')}>
            {t.organisationDownloadSheet}
          </Button>
        </div>
      </Section>
      <Section title={t.organisationUploadTitle}>
        <div className={styles.row}>
          <div className={styles.file}>
            <Label htmlFor={fileId}>{t.organisationFile}</Label>
            <input
              id={fileId}
              type="file"
              accept=".yaml,.yml,.csv,.xlsx"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setPreview(null);
              }}
            />
          </div>
          <Button disabled={busy !== null || file === null} onClick={() => void previewFile()}>
            {t.organisationPreview}
          </Button>
          <Button appearance="primary" disabled={busy !== null || !shown?.fingerprint || changes.length === 0} onClick={() => void apply()}>
            {t.organisationApply}
          </Button>
        </div>
        <p role="status">{status}</p>
        {failure && <ErrorMessage error={failure} />}
        {shown && shown.problems.length > 0 && (
          <ul className={styles.problems}>
            {shown.problems.map((p, i) => (
              <li key={i}>{t.organisationProblem(p.line, p.field, p.reason)}</li>
            ))}
          </ul>
        )}
        {shown && shown.problems.length === 0 && (
          <>
            <p>{t.organisationInFile(shown.serviceAreas, shown.people, shown.units)}</p>
            {changes.length > 0 && <ChangeTable changes={changes} caption={t.organisationChanges(changes.length)} />}
          </>
        )}
      </Section>
      <Section title={t.organisationHistoryTitle}>
        <Loading value={history} retry={reloadHistory}>
          {(entries: OrganisationChange[]) =>
            entries.length === 0 ? (
              <p>{t.organisationHistoryEmpty}</p>
            ) : (
              entries.map((entry, i) => (
                <div key={i} className={styles.entry}>
                  <p>
                    <span className={styles.when}>{fmt.dateTime(entry.at)}</span> {historyEntry(t, personName(entry.byName, t), entry)}
                  </p>
                  <ChangeTable changes={entry.changes} caption={t.organisationChanges(entry.changes.length + entry.leftOut)} />
                  {entry.leftOut > 0 && <p>{t.organisationLeftOut(entry.leftOut)}</p>}
                </div>
              ))
            )
          }
        </Loading>
      </Section>
    </>
  );
}

/** What the coordinator decides on: the file's own notes (the encoding it was read in) are not changes. */
function changesOf(preview: ImportPreview): ImportChange[] {
  return preview.changes.filter((c) => c.kind !== 'note');
}
