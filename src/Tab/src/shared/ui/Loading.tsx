import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ApiError } from '../api/ApiError';
import type { Loadable } from '../api/useApi';
import { useI18n } from '../i18n/i18n';
import { problemText } from '../i18n/problems';

/** Renders the data once it is there, a labelled spinner until then, and the service's problem if it fails. */
export function Loading<T>({ value, retry, children }: { value: Loadable<T>; retry: () => void; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (value.state === 'loading') return <Spinner label={t.loading} size="small" />;
  if (value.state === 'failed') return <ErrorMessage error={value.error} retry={retry} />;
  return <>{children(value.data)}</>;
}

export function ErrorMessage({ error, retry }: { error: ApiError; retry?: () => void }) {
  const { t, fmt } = useI18n();
  const text =
    error.status === 0 ? t.networkError : error.code === undefined && error.status === 403 ? t.forbidden : problemText(error, t, fmt);
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{error.status === 404 ? t.notFoundTitle : t.errorTitle}</MessageBarTitle> {text}
      </MessageBarBody>
      {retry && (
        <MessageBarActions>
          <Button onClick={retry}>{t.retry}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
