/** Validation of ids given by clients. */
import { badInput } from "../errors.js";
import { labelOf, type Label } from "../model/labels.js";

const ID_PATTERN = /^[a-z-]+:[a-z0-9][a-z0-9-]{0,199}$/;

/** Returns the label the id names, or throws BAD_USER_INPUT; with `expected`, the label must match. */
export function checkId(id: string, expected?: Label): Label {
  const label = ID_PATTERN.test(id) ? labelOf(id) : undefined;
  if (!label) throw badInput(`"${id.slice(0, 100)}" is not a valid id (expected e.g. "source:some-slug")`, { argument: "id" });
  if (expected && label !== expected) throw badInput(`"${id}" is not the id of a ${expected}`, { argument: "id" });
  return label;
}
