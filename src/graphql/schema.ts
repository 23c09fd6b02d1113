/** Builds the executable schema from the domain resolvers; the SDL is printed sorted for a stable file. */
import "reflect-metadata";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { RESOLVERS } from "./resolvers.js";

let built: Promise<GraphQLSchema> | undefined;

/** The schema is built once per process: it depends only on the code, not on any request. */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers: RESOLVERS, validate: false, emitSchemaFile: false });
  return built;
}

export async function printSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
