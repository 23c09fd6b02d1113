/** Every resolver class in the schema. */
import type { NonEmptyArray } from "type-graphql";
import { AccountabilityResolver } from "../domains/accountability/resolver.js";
import * as bodies from "../domains/bodies/resolver.js";
import { ChangeSetResolver } from "../domains/changes/resolver.js";
import { AuthorityContextResolver } from "../domains/context/resolver.js";
import { ListConnectionsResolver } from "../domains/inspections/connections.js";
import * as inspections from "../domains/inspections/resolver.js";
import { MutationResolver } from "../domains/mutations/resolver.js";
import * as paths from "../domains/paths/resolver.js";
import * as people from "../domains/people/resolver.js";
import { SearchResolver } from "../domains/search/resolver.js";
import { EvidenceResolver } from "../domains/sources/evidence.js";
import { SourceResolver } from "../domains/sources/resolver.js";
import * as themeConnections from "../domains/themes/connections.js";
import * as themes from "../domains/themes/resolver.js";
import { NodeResolver } from "./nodeResolver.js";

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
  ListConnectionsResolver,
  ...Object.values(themeConnections),
  SearchResolver,
  ...Object.values(paths),
  ChangeSetResolver,
  MutationResolver,
];
