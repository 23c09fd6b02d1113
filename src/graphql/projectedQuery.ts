/**
 * A headline question's one query (history, recurring themes, the context card) over nodes projected as the
 * client asked (compiledReads.ts), within the bound on query texts (queryVariants.ts).
 */
import type { NamedQuery } from "../db/gateway.js";
import { WHOLE_NODE, type NodeProjection, type Shape } from "./compiledReads.js";
import { fixedCypher, VARIANTS } from "./queryVariants.js";

/**
 * A question's one query over nodes projected as the client asked: each projection is applied to its variable
 * (`vars`), `build` writes the query around the resulting maps; with the shapes materialise needs. A null
 * projection (a node the client does not ask for) gives a null map. Past the variants' limit, every node is
 * read whole: a fixed text (one per choice `build` itself makes, such as the parts of the context card read).
 */
export function projectedQuery<P extends Record<string, NodeProjection | null>>(
  name: string,
  projections: P,
  vars: Record<keyof P, string>,
  build: (maps: { [K in keyof P]: P[K] extends NodeProjection ? string : string | null }) => string,
  variants = VARIANTS,
): { query: NamedQuery; shapes: { [K in keyof P]: P[K] extends NodeProjection ? Shape : Shape | undefined } } {
  type Maps = Parameters<typeof build>[0];
  type Shapes = { [K in keyof P]: P[K] extends NodeProjection ? Shape : Shape | undefined };
  const apply = (each: (key: keyof P) => NodeProjection | null) => {
    const applied = (Object.keys(projections) as (keyof P)[]).map((key) => {
      const p = each(key)?.(vars[key]) ?? null;
      // A node an OPTIONAL MATCH did not find is null, as its map would be, not a list of nulls.
      return [key, p?.shape.keys ? { ...p, text: `CASE WHEN ${vars[key]} IS NULL THEN null ELSE ${p.text} END` } : p] as const;
    });
    const maps = Object.fromEntries(applied.map(([key, p]) => [key, p?.text ?? null])) as Maps;
    return { text: build(maps), shapes: Object.fromEntries(applied.map(([key, p]) => [key, p?.shape])) as Shapes };
  };
  const asked = apply((key) => projections[key] ?? null);
  const query = variants.named(name, asked.text);
  if (query) return { query, shapes: asked.shapes };
  const whole = apply((key) => (projections[key] ? WHOLE_NODE : null));
  return { query: fixedCypher(name, whole.text), shapes: whole.shapes };
}
