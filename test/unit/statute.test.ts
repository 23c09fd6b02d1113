import { describe, expect, it } from "vitest";
import { statutoryChain } from "../../src/domains/accountability/statute.js";
import type { GraphObject } from "../../src/graphql/graphRead.js";

const post = (id: string, role: string, title = id, portfolio?: string) => ({ id, role, title, portfolio }) as unknown as GraphObject;

describe("statutory lines of accountability", () => {
  it("makes the DCS and the children's lead member responsible, answering to the chief executive and the leader", () => {
    const posts = [
      post("dcs", "DCS"),
      post("ce", "CHIEF_EXECUTIVE"),
      post("leader", "LEADER"),
      post("lm", "CABINET_MEMBER", "Cabinet Member", "Children and Families"),
      post("housing", "CABINET_MEMBER", "Cabinet Member for Housing"),
    ];
    const { responsible, lines } = statutoryChain(posts);
    expect(responsible.map((p) => p.id)).toEqual(["dcs", "lm"]);
    expect(lines.map((l) => `${l.from.id}>${l.to.id}:${l.line}`)).toEqual(["dcs>ce:MANAGERIAL", "lm>leader:POLITICAL"]);
    expect(lines.every((l) => l.inferredFrom.startsWith("statute: Children Act 2004"))).toBe(true);
  });

  it("invents no post: without a chief executive in the graph the DCS stands alone", () => {
    const { responsible, lines } = statutoryChain([post("dcs", "DCS"), post("leader", "LEADER")]);
    expect(responsible.map((p) => p.id)).toEqual(["dcs"]);
    expect(lines).toEqual([]);
    expect(statutoryChain([post("ce", "CHIEF_EXECUTIVE")]).responsible).toEqual([]);
  });
});
