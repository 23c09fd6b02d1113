/**
 * Fields of value objects (a responsibility, a neighbour, a succession) that point at a node by id: each
 * resolves `root[idField]` through the request's by-id loader. One factory instead of a class per type.
 */
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Label } from "../model/labels.js";
import type { Context } from "./context.js";
import { fetchNode } from "./graphRead.js";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassType = Function;

export type ReferenceField = {
  name: string;
  type: () => ClassType;
  /** The root's property holding the id. */
  idField: string;
  /** The node's label; omitted, any label (the field is typed as an interface). */
  label?: Label;
  description?: string;
};

export function referenceResolver(owner: ClassType, className: string, fields: ReferenceField[]): ClassType {
  class Generated {}
  Object.defineProperty(Generated, "name", { value: className });
  const prototype = Generated.prototype as Record<string, unknown>;
  for (const field of fields) {
    prototype[field.name] = (root: Record<string, unknown>, ctx: Context) => fetchNode(ctx, root[field.idField] as string, field.label);
    Root()(prototype, field.name, 0);
    Ctx()(prototype, field.name, 1);
    FieldResolver(field.type, field.description ? { description: field.description } : {})(
      prototype, field.name, Object.getOwnPropertyDescriptor(prototype, field.name)!,
    );
  }
  Resolver(() => owner)(Generated);
  return Generated;
}
