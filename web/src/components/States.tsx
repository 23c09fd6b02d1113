/** Loading, empty and error states, the same on every page. */
import type { ReactNode } from "react";
import type { ApiError, QueryState } from "../api.ts";

export function Loading({ what }: { what: string }) {
  return (
    <p className="govuk-body app-loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function ErrorSummary({ error, title = "There is a problem" }: { error: ApiError; title?: string }) {
  return (
    <div className="govuk-error-summary" role="alert" tabIndex={-1}>
      <h2 className="govuk-error-summary__title">{title}</h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">{error.message}</p>
        <p className="govuk-body-s app-error-code">Code: {error.code}</p>
      </div>
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="govuk-body govuk-hint app-empty">{children}</p>;
}

/** Renders a query's answer, or its loading or error state. */
export function Answer<R>({ state, what, children }: { state: QueryState<R>; what: string; children: (data: R) => ReactNode }) {
  if (state.error) return <ErrorSummary error={state.error} />;
  if (!state.data) return <Loading what={what} />;
  return <>{children(state.data)}</>;
}
