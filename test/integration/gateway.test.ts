import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cypher, Database, QueryCounter } from "../../src/db/gateway.js";
import { partialToNeo4j, plainToPartial } from "../../src/model/partialDates.js";
import { AppError } from "../../src/errors.js";
import { connectTestDb } from "../support/harness.js";

let db: Database;
beforeAll(async () => {
  db = await connectTestDb();
});
afterAll(() => db.close());

describe("gateway conversions (real Neo4j)", () => {
  it("turns Neo4j integers into numbers, and huge ones into exact strings", async () => {
    const [row] = await db.read(cypher("test.ints", "RETURN 42 AS small, 9007199254740993 AS huge, [1, 2] AS list, {n: 7} AS map"));
    expect(row).toEqual({ small: 42, huge: "9007199254740993", list: [1, 2], map: { n: 7 } });
  });

  it("turns temporal values into ISO strings", async () => {
    const [row] = await db.read(
      cypher("test.dates", "RETURN date('2024-09') AS month, datetime('2024-09-18T10:00:00Z') AS at, localtime('10:30') AS t"),
    );
    expect(row).toEqual({ month: "2024-09-01", at: "2024-09-18T10:00:00Z", t: "10:30:00" });
  });

  it("turns nodes into their properties", async () => {
    const [row] = await db.read(cypher("test.node", "MATCH (s:Source) WITH s ORDER BY s.id LIMIT 1 RETURN s"));
    expect(typeof (row!.s as Record<string, unknown>).title).toBe("string");
  });

  it("round-trips partial dates with their precision through Neo4j", async () => {
    for (const partial of ["2024", "2024-09", "2024-09-18"]) {
      const { date, precision } = partialToNeo4j(partial);
      const [row] = await db.read(cypher("test.partial", "RETURN $d AS d"), { d: date });
      expect(plainToPartial(row!.d as string, precision)).toBe(partial);
    }
  });

  it("passes user text as parameters, never as Cypher", async () => {
    const hostile = "x' }) DETACH DELETE n //";
    const [row] = await db.read(cypher("test.param", "RETURN $text AS text"), { text: hostile });
    expect(row!.text).toBe(hostile);
  });

  it("counts every query it sends, by name", async () => {
    const counter = new QueryCounter();
    await db.read(cypher("test.one", "RETURN 1 AS x"), {}, counter);
    await db.write(cypher("test.two", "RETURN 2 AS x"), {}, counter);
    expect(counter.count).toBe(2);
    expect(counter.names).toEqual(["test.one", "test.two"]);
  });

  it("rolls back a whole transaction when one statement fails", async () => {
    await expect(
      db.writeTransaction("test.rollback", async (tx) => {
        await tx.run(cypher("test.create", "CREATE (:RollbackProbe {id: 'probe'})"));
        await tx.run(cypher("test.fail", "RETURN 1 / 0 AS boom"));
      }),
    ).rejects.toThrow(/by zero/i);
    const [row] = await db.read(cypher("test.probe", "MATCH (n:RollbackProbe) RETURN count(n) AS n"));
    expect(row!.n).toBe(0);
  });
});

describe("gateway connection check", () => {
  it("gives DATABASE_UNAVAILABLE after bounded retries when nothing listens", async () => {
    const started = Date.now();
    const error = await Database.connect({
      uri: "bolt://127.0.0.1:1", user: "neo4j", password: "", database: "neo4j", retries: 2,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("DATABASE_UNAVAILABLE");
    expect((error as AppError).message).toMatch(/after 3 attempts/);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
