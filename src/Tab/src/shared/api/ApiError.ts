/** An RFC 9457 problem (`application/problem+json`), or a failure shaped like one. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
  /** The failure's stable name (src/Tab/src/shared/api/problemCodes.json), by which the tab words it. */
  code?: string;
  /** What some codes' texts name: a holiday or blackout period, and the dates (`2027-07-01`) around it. */
  name?: string | null;
  from?: string | null;
  to?: string | null;
}

/** What a problem's text may name besides its code. */
export interface ProblemArgs {
  name?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  /** Validation messages per field, keyed by the field's camelCase name (`challenge`, `deadline`). */
  readonly fieldErrors: Readonly<Record<string, readonly string[]>>;
  /**
   * The same messages keyed by the field's whole path, camelCase in each part (`boardMeeting.time`, `goals[0].supports`):
   * a form with nested or repeated fields places each message by it.
   */
  readonly fieldErrorsByPath: Readonly<Record<string, readonly string[]>>;
  readonly code: string | undefined;
  readonly args: ProblemArgs;

  constructor(
    status: number,
    title: string,
    detail?: string,
    fieldErrors: Record<string, string[]> = {},
    code?: string,
    args: ProblemArgs = {},
    fieldErrorsByPath: Record<string, string[]> = fieldErrors,
  ) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
    this.code = code;
    this.args = args;
    this.fieldErrorsByPath = fieldErrorsByPath;
  }

  /** 412: someone else changed the resource since it was read. */
  get isConflict(): boolean {
    return this.status === 412;
  }

  fieldError(field: string): string | undefined {
    return this.fieldErrors[field]?.join(' ');
  }

  /** The message for a field named by its path (`boardMeeting.time`); a plain name (`name`) is its own path. */
  fieldErrorAt(path: string): string | undefined {
    return this.fieldErrorsByPath[path]?.join(' ');
  }

  static fromProblem(status: number, problem: ProblemDetails): ApiError {
    return new ApiError(
      problem.status ?? status,
      problem.title ?? `HTTP ${status}`,
      problem.detail,
      normaliseFieldErrors(problem.errors),
      typeof problem.code === 'string' ? problem.code : undefined,
      { name: textOrUndefined(problem.name), from: textOrUndefined(problem.from), to: textOrUndefined(problem.to) },
      fieldErrorsByPath(problem.errors),
    );
  }
}

// ASP.NET names a field after the property (`Challenge`) or its JSON path (`$.challenge`, `row.challenge`);
// the tab's form knows it as `challenge`.
function normaliseFieldErrors(errors: ProblemDetails['errors']): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  if (!errors || typeof errors !== 'object') return result;
  for (const [key, messages] of Object.entries(errors)) {
    const last = key.split('.').pop() ?? key;
    const name = last.replace(/^\$/, '').replace(/\[\d+\]$/, '');
    const field = name.charAt(0).toLowerCase() + name.slice(1);
    const list = Array.isArray(messages) ? messages.filter((m): m is string => typeof m === 'string') : [];
    result[field] = [...(result[field] ?? []), ...list];
  }
  return result;
}

function textOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

// `$.boardMeeting.time`, `BoardMeeting.Time` and `boardMeeting.time` are one field of a nested form.
function fieldErrorsByPath(errors: ProblemDetails['errors']): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  if (!errors || typeof errors !== 'object') return result;
  for (const [key, messages] of Object.entries(errors)) {
    const path = key
      .replace(/^\$\.?/, '')
      .split('.')
      .map((part) => part.charAt(0).toLowerCase() + part.slice(1))
      .join('.');
    const list = Array.isArray(messages) ? messages.filter((m): m is string => typeof m === 'string') : [];
    result[path] = [...(result[path] ?? []), ...list];
  }
  return result;
}
