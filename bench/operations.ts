/**
 * The headline operations, shared by the query-count test and the benchmark: each is a real request a
 * user makes, over many parents, nested at least three levels.
 */
import { Kind, parse, type SelectionSetNode } from "graphql";

export type Operation = { name: string; query: string; variables?: Record<string, unknown> };

const SWINDON = "org:swindon-borough-council";

export const HEADLINE_OPERATIONS: Operation[] = [
  {
    name: "one authority → inspections → findings → themes",
    query: `{ organisation(id: "${SWINDON}") { inspections { id findings { id themes { label } } } } }`,
  },
  { name: "people → occupancies → post → organisation", query: "{ people { name occupancies { start post { title organisation { name } } } } }" },
  { name: "organisations → memberships → member + evidence", query: "{ organisations { name memberships { role member { id } evidence { quote } } } }" },
  {
    name: "findingsConnection → node → themes, areas, evidence → source",
    query: `{ findingsConnection(first: 100) { totalCount edges { node { summary themes { label } serviceAreas { name } evidence { quote source { title } } } } } }`,
  },
  {
    name: "accountability on 2024-10-01",
    query: `{ accountability(authority: "${SWINDON}", serviceArea: "area:children-in-care", on: "2024-10-01") {
      posts { certainty post { title } holders { certainty attestedOn person { name } occupancy { evidence { quote } } } }
      steps { line from { title } to { id } evidence { quote source { title } } }
      oversight { body { name } members { role member { id } membership { evidence { quote } } } posts { holders { person { description } } } } } }`,
  },
  {
    name: "recurringThemes 2019–2024",
    query: `{ recurringThemes(authority: "${SWINDON}", from: "2019", to: "2024", minInspections: 2) {
      themes { theme { label } occurrences { date inspection { id } finding { summary serviceAreas { name } evidence { quote source { title } } } } } } }`,
  },
  {
    name: "judgementHistory",
    query: `{ judgementHistory(authority: "${SWINDON}") { label points { date grade change mapping judgement { evidence { quote source { title } } } } } }`,
  },
  {
    name: "authorityContext on 2024-12-01",
    query: `{ authorityContext(authority: "${SWINDON}", on: "2024-12-01") {
      posts { post { title } holders { person { name } } } latestJudgements { grade area { label } }
      latestFindings { summary themes { label } } openInterventions { kind } oversight { body { name } } bodies { name } nextExpectedInspection { start } } }`,
  },
  { name: "search 'plans'", query: `{ search(text: "plans", first: 20) { score snippet node { id } } }` },
];

/** Levels of fields in the deepest branch: { a { b { c } } } is 3. Fragments count where they are spread. */
export function nestingDepth(query: string): number {
  const document = parse(query);
  const depth = (set: SelectionSetNode | undefined): number => {
    if (!set) return 0;
    let max = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) max = Math.max(max, 1 + depth(selection.selectionSet));
      else if (selection.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, depth(selection.selectionSet));
    }
    return max;
  };
  return Math.max(...document.definitions.map((d) => (d.kind === Kind.OPERATION_DEFINITION ? depth(d.selectionSet) : 0)));
}
