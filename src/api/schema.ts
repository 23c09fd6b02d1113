/**
 * The composition root of the GraphQL schema: every domain's resolvers plus the relation fields generated
 * from the relation table. The SDL is printed sorted for a stable file.
 */
import "reflect-metadata";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema, type NonEmptyArray } from "type-graphql";
import { AccountabilityResolver } from "../domains/accountability/resolver.js";
import * as bodies from "../domains/bodies/resolver.js";
import { Intervention, Meeting, Membership, Organisation } from "../domains/bodies/types.js";
import { ChangeSetResolver } from "../domains/changes/resolver.js";
import { ChangeSet } from "../domains/changes/types.js";
import { AuthorityContextResolver } from "../domains/context/resolver.js";
import { ListConnectionsResolver } from "../domains/inspections/connections.js";
import * as inspections from "../domains/inspections/resolver.js";
import { Finding, Inspection, Judgement, JudgementArea, Review } from "../domains/inspections/types.js";
import { MutationResolver } from "../domains/mutations/resolver.js";
import * as national from "../domains/national/resolver.js";
import * as paths from "../domains/paths/resolver.js";
import * as people from "../domains/people/resolver.js";
import { Occupancy, Person, Post, Statement } from "../domains/people/types.js";
import { SearchResolver } from "../domains/search/resolver.js";
import { EvidenceResolver } from "../domains/sources/evidence.js";
import { SourceResolver } from "../domains/sources/resolver.js";
import { Source } from "../domains/sources/types.js";
import * as themeConnections from "../domains/themes/connections.js";
import * as themes from "../domains/themes/resolver.js";
import { ServiceArea, Theme } from "../domains/themes/types.js";
import { NodeResolver } from "../graphql/nodeResolver.js";
import { relationResolvers } from "../graphql/relationResolvers.js";
import { rootResolvers } from "../graphql/rootResolvers.js";
import type { Label } from "../model/labels.js";

/** Each label's GraphQL object type (a label's type has the label's name). */
const TYPE_OF_LABEL: Record<Label, Function> = {
  Source, Organisation, Post, Person, Occupancy, Membership, ServiceArea, JudgementArea, Theme, Inspection, Judgement,
  Finding, Intervention, Meeting, Statement, Review, ChangeSet,
};

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [
  NodeResolver,
  AccountabilityResolver,
  AuthorityContextResolver,
  SourceResolver,
  EvidenceResolver,
  ...Object.values(people),
  ...Object.values(bodies),
  ...Object.values(inspections),
  ...Object.values(themes),
  ...Object.values(national),
  ListConnectionsResolver,
  ...Object.values(themeConnections),
  SearchResolver,
  ...Object.values(paths),
  ChangeSetResolver,
  MutationResolver,
  ...rootResolvers((label) => TYPE_OF_LABEL[label]),
  ...relationResolvers((label) => TYPE_OF_LABEL[label]),
];

let built: Promise<GraphQLSchema> | undefined;

/** The schema is built once per process: it depends only on the code, not on any request. */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers: RESOLVERS, validate: false, emitSchemaFile: false });
  return built;
}

export async function printSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
