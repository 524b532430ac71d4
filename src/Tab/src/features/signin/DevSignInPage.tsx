import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type SubmitEvent } from 'react';
import { ApiError } from '../../shared/api/ApiError';
import { tabApi } from '../../shared/api/tabApi';
import type { DevSignIn } from '../../shared/api/types';
import { asApiError } from '../../shared/api/useApi';
import { useI18n } from '../../shared/i18n/i18n';
import { ErrorMessage } from '../../shared/ui/Loading';
import { PageHeading } from '../../shared/ui/PageHeading';

const useStyles = makeStyles({
  page: { maxWidth: '36rem', margin: '0 auto', padding: tokens.spacingHorizontalXL },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginTop: tokens.spacingVerticalL },
  submit: { alignSelf: 'flex-start' },
});

/**
 * Outside Teams there is no SSO token: the local run command's service hands out a development token for the
 * e-mail given here. It is clearly marked, and the service refuses it in production (404).
 */
export function DevSignInPage({ expired, onSignedIn }: { expired: boolean; onSignedIn: (session: DevSignIn) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await tabApi.devSignIn(email.trim()));
    } catch (failure) {
      setError(asApiError(failure));
      setBusy(false);
    }
  }

  const fieldError = error?.fieldError('email');
  return (
    <main className={styles.page}>
      <PageHeading title={t.devSignInTitle}>{t.devSignInTitle}</PageHeading>
      <MessageBar intent="warning">
        <MessageBarBody>{t.devSignInWarning}</MessageBarBody>
      </MessageBar>
      {expired && (
        <MessageBar intent="info">
          <MessageBarBody>{t.devSignInExpired}</MessageBarBody>
        </MessageBar>
      )}
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
        <Field label={t.devSignInEmail} required {...(fieldError ? { validationMessage: fieldError } : {})}>
          <Input type="email" autoComplete="email" value={email} onChange={(_, data) => setEmail(data.value)} placeholder="lean.koordinator@fjordvik.kommune.no" />
        </Field>
        <Button type="submit" appearance="primary" className={styles.submit} disabled={busy || email.trim() === ''}>
          {t.devSignInSubmit}
        </Button>
      </form>
      {error && !fieldError && (error.status === 404 ? <Unavailable /> : <ErrorMessage error={error} />)}
    </main>
  );
}

function Unavailable() {
  const { t } = useI18n();
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t.errorTitle}</MessageBarTitle> {t.devSignInUnavailable}
      </MessageBarBody>
    </MessageBar>
  );
}
