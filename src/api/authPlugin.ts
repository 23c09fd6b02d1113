/**
 * The one authorisation mechanism: before any variable is read or any resolver runs, the operation's
 * root fields are checked against the caller's key. Each mutation declares its role on the field
 * (`@Extensions({ role })`); a mutation without one needs admin (fail closed). A query field may declare a
 * role too (the audit trail needs an editor's key); other queries need a reader key only when config says
 * reads need one. Resolvers then read the checked principal from the context.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { Kind, type FragmentDefinitionNode, type GraphQLObjectType, type SelectionSetNode } from "graphql";
import { RANK, requireRole, unauthenticated } from "../auth/apiKeys.js";
import type { Config, Role } from "../config.js";
import type { Context } from "../graphql/context.js";

/** Root field names of a selection set, through fragments. */
function rootFields(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, seen = new Set<string>()): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, fragments, seen);
    const name = selection.name.value;
    const fragment = fragments[name];
    if (!fragment || seen.has(name)) return [];
    seen.add(name);
    return rootFields(fragment.selectionSet, fragments, seen);
  });
}

/** The highest role any of the mutation's root fields declares. */
function roleFor(mutationType: GraphQLObjectType, fields: string[]): Role {
  let needed: Role = "reader";
  for (const name of fields) {
    if (name === "__typename") continue;
    const declared = mutationType.getFields()[name]?.extensions?.role;
    // Undeclared or misspelt: the strictest role.
    const role: Role = typeof declared === "string" && declared in RANK ? (declared as Role) : "admin";
    if (RANK[role] > RANK[needed]) needed = role;
  }
  return needed === "reader" ? "editor" : needed;
}

/** The highest role the query's root fields declare: reader unless one declares more. */
function queryRole(queryType: GraphQLObjectType, fields: string[]): Role {
  let needed: Role = "reader";
  for (const name of fields) {
    const declared = queryType.getFields()[name]?.extensions?.role;
    if (typeof declared === "string" && declared in RANK && RANK[declared as Role] > RANK[needed]) needed = declared as Role;
  }
  return needed;
}

export function authPlugin(config: Config): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document, schema }) {
          if (contextValue.credentials.invalid) throw unauthenticated("The API key is not recognised");
          if (!operation) return;
          if (operation.operation === "mutation") {
            const fragments = Object.fromEntries(
              document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
            );
            requireRole(contextValue.credentials, roleFor(schema.getMutationType()!, rootFields(operation.selectionSet, fragments)));
          }
          if (operation.operation === "query") {
            const fragments = Object.fromEntries(
              document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
            );
            const needed = queryRole(schema.getQueryType()!, rootFields(operation.selectionSet, fragments));
            if (needed !== "reader") requireRole(contextValue.credentials, needed);
            else if (config.auth.readsRequireKey) requireRole(contextValue.credentials, "reader");
          }
        },
      };
    },
  };
}
