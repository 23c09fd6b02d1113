/** Every resolver class in the schema. */
import type { NonEmptyArray } from "type-graphql";
import { SourceResolver } from "../domains/sources/resolver.js";
import { NodeResolver } from "./nodeResolver.js";

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [NodeResolver, SourceResolver];
