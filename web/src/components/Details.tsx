/** A GOV.UK details (show/hide) element; other attributes (open, onToggle, data-*) pass through to <details>. */
import type { ComponentProps, ReactNode } from "react";

type Props = Omit<ComponentProps<"details">, "className" | "children"> & {
  summary: ReactNode;
  /** Classes added after govuk-details. */
  className?: string;
  children?: ReactNode;
};

export function Details({ summary, className, children, ...rest }: Props) {
  return (
    <details className={className ? `govuk-details ${className}` : "govuk-details"} {...rest}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}
