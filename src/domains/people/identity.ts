/** One person across records: the record the API answers with, and every record identified with it. */
import type { DbSession } from "../../db/session.js";
import { primeObject, type GraphObject } from "../../graphql/graphRead.js";
import { PERSON_RECORDS } from "./queries.js";

export type PersonRecords = { canonical: GraphObject; records: GraphObject[] };

export async function personRecords(session: DbSession, personId: string): Promise<PersonRecords> {
  const rows = await session.loaders.related(PERSON_RECORDS).load(personId);
  if (rows.length === 0) throw new Error(`No Person with id "${personId}"`);
  return {
    canonical: primeObject(session, "Person", rows[0]!.canonicalId as string, rows[0]!.canonicalProps),
    records: rows.map((row) => primeObject(session, "Person", row.recordId as string, row.recordProps)),
  };
}
