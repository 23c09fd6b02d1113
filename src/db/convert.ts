/** Converts Neo4j driver values (Integer, temporal types, nodes) into plain JS at the gateway boundary. */
import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isTime, isInt, isNode, isRelationship, isPath } from "neo4j-driver";

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

export function toPlain(value: unknown): Plain {
  // Most values of a row are strings, numbers and booleans: answer them before the driver's type checks.
  const type = typeof value;
  if (type === "string" || type === "number" || type === "boolean") return value as Plain;
  if (value === null || value === undefined) return null;
  if (isInt(value)) {
    const integer = neo4j.int(value as never);
    // Integers beyond 2^53 would lose precision as numbers; keep their exact digits.
    return integer.inSafeRange() ? integer.toNumber() : integer.toString();
  }
  if (typeof value === "bigint") {
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  }
  if (isDate(value as never) || isLocalDateTime(value as never) || isDateTime(value as never)) {
    return (value as { toString(): string }).toString();
  }
  if (isTime(value as never) || isLocalTime(value as never) || isDuration(value as never)) {
    return (value as { toString(): string }).toString();
  }
  if (isNode(value as never) || isRelationship(value as never)) {
    return toPlain((value as { properties: unknown }).properties);
  }
  if (isPath(value as never)) {
    throw new TypeError("Paths are not converted implicitly; return nodes and relationships explicitly");
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (type === "object") {
    const out: Record<string, Plain> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) out[key] = toPlain(inner);
    return out;
  }
  throw new TypeError(`Unsupported value from Neo4j: ${typeof value}`);
}
