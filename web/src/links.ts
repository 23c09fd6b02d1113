/** Stable URLs: every page and filter is in the address, so a view can be shared. */
import { useSearchParams } from "wouter";

export const idPath = (id: string) => encodeURIComponent(id).replace(/%3A/gi, ":");

export const authorityHref = (id: string) => `/authority/${idPath(id)}`;
export const nodeHref = (id: string) => `/node/${idPath(id)}`;

/** The page of any entity: authorities have their own, everything else the generic entity page. */
export function hrefFor(node: { __typename?: string; id: string; kind?: string | null; orgKind?: string | null }): string {
  if (node.__typename === "Organisation" && (node.orgKind ?? node.kind) === "COUNCIL") return authorityHref(node.id);
  return nodeHref(node.id);
}

/** A query string from the filters that are set, in a fixed order (so equal views have equal URLs). */
export function withParams(path: string, params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== "") search.set(name, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** Keys to set; an empty value (null, undefined or "") deletes its key, so a filter left at its default leaves no trace. */
export type UrlChanges = Record<string, string | null | undefined>;

/**
 * The address's query and `update`, which changes only the keys it is given and keeps the rest. `changes` may be a
 * function of the query as it is when applied (not as it was at render), for a change that depends on it.
 */
export function useUrlState() {
  const [params, setParams] = useSearchParams();
  const update = (changes: UrlChanges | ((current: URLSearchParams) => UrlChanges), options?: { replace?: boolean }) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      const entries = Object.entries(typeof changes === "function" ? changes(current) : changes);
      for (const [name, value] of entries) value ? next.set(name, value) : next.delete(name);
      return next;
    }, options);
  return { params, update };
}
