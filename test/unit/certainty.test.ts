import { describe, expect, it } from "vitest";
import { holderOn, lastEvidenced, mayCover, postCertainty } from "../../src/domains/accountability/certainty.js";
import { endsBeforeStart, partialRange, sortDay } from "../../src/model/partialDates.js";

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe("partial date ranges", () => {
  it("spans the whole year, month or day", () => {
    expect(partialRange("2024").map(iso)).toEqual(["2024-01-01", "2024-12-31"]);
    expect(partialRange("2024-02").map(iso)).toEqual(["2024-02-01", "2024-02-29"]);
    expect(partialRange("2024-09-18").map(iso)).toEqual(["2024-09-18", "2024-09-18"]);
  });
});

describe("holder on a date", () => {
  it("is CERTAIN only when the whole known interval contains the date", () => {
    expect(holderOn({ start: "2023-01-09", end: "2024-03" }, "2023-06-01")?.certainty).toBe("CERTAIN");
    // Started some time in 2023: on 1 June 2023 they may not have started yet.
    expect(holderOn({ start: "2023", end: "2025" }, "2023-06-01")).toBeNull();
    expect(holderOn({ start: "2023", end: "2025", attestedOn: ["2023-09"] }, "2023-06-01")).toMatchObject({ certainty: "ATTESTED", attestedOn: "2023-09" });
  });

  it("excludes dates certainly outside the interval", () => {
    expect(holderOn({ start: "2024-05", attestedOn: ["2024-05"] }, "2024-04-30")).toBeNull();
    expect(holderOn({ end: "2020-03-31", attestedOn: ["2020"] }, "2020-04-01")).toBeNull();
  });

  it("is ATTESTED within a year of an attestation, with the nearest attestation date", () => {
    const occupancy = { attestedOn: ["2023-09-18", "2024-12-06"] };
    expect(holderOn(occupancy, "2024-10-01")).toMatchObject({ certainty: "ATTESTED", attestedOn: "2024-12-06", distanceDays: 66 });
    expect(holderOn(occupancy, "2022-09-18")).toMatchObject({ certainty: "ATTESTED", attestedOn: "2023-09-18", distanceDays: 365 });
    expect(holderOn(occupancy, "2022-09-17")).toBeNull();
    expect(holderOn({ attestedOn: ["2019"] }, "2019-06-30")).toMatchObject({ distanceDays: 0 });
  });
});

describe("holder during a month or year", () => {
  it("is CERTAIN when the known interval certainly holds some day of it", () => {
    // Started in 2023 (some day of it), left in 2025: certainly in post on some day of 2024, and of 2023's last day.
    expect(holderOn({ start: "2023", end: "2025" }, "2024")?.certainty).toBe("CERTAIN");
    expect(holderOn({ start: "2023", end: "2025" }, "2023")?.certainty).toBe("CERTAIN");
    expect(holderOn({ start: "2023-01-09", end: "2023-03" }, "2023-02")?.certainty).toBe("CERTAIN");
    // Started and left in March 2023: in post on some day of March, whichever days those were.
    expect(holderOn({ start: "2023-03", end: "2023-03" }, "2023-03")?.certainty).toBe("CERTAIN");
    expect(holderOn({ start: "2023-03", end: "2024" }, "2023-02")).toBeNull();
  });

  it("counts an attestation within a year of any day of it, and excludes intervals that miss it", () => {
    expect(holderOn({ attestedOn: ["2020-11-30"] }, "2019")).toMatchObject({ certainty: "ATTESTED", distanceDays: 335 });
    expect(holderOn({ attestedOn: ["2021-01-01"] }, "2019")).toBeNull();
    expect(holderOn({ start: "2020-02", attestedOn: ["2020-02"] }, "2020-01")).toBeNull();
    expect(mayCover({ start: "2019-12-31" }, "2019")).toBe(true);
    expect(mayCover({ end: "2018-12" }, "2019")).toBe(false);
  });
});

describe("post certainty", () => {
  it("takes the best holder, and says VACANT only when every interval is fully known", () => {
    const certain = { start: "2020-01-01", end: "2021-01-01" };
    const on = (day: string, ...occupancies: { start: string; end?: string }[]) =>
      postCertainty(occupancies, occupancies.map((o) => holderOn(o, day)), day);
    expect(on("2020-06-01", certain)).toBe("CERTAIN");
    expect(on("2022-06-01", certain)).toBe("VACANT");
    expect(on("2022-06-01", certain, { start: "2020-01-01" })).toBe("UNKNOWN");
    // Dated only to the year: on 1 June 2023 the holder may or may not have started — not vacant.
    expect(on("2023-06-01", { start: "2023", end: "2025" })).toBe("UNKNOWN");
    expect(on("2022-12-31", { start: "2023", end: "2025" })).toBe("VACANT");
    expect(postCertainty([], [], "2024-01-01")).toBe("UNKNOWN");
  });

  it("lets open-ended bounds cover any later date", () => {
    expect(mayCover({ start: "2023-09" }, "2030-01-01")).toBe(true);
    expect(mayCover({ start: "2023-09" }, "2023-08-31")).toBe(false);
    expect(mayCover({ end: "2024" }, "2024-12-31")).toBe(true);
  });
});

describe("end before start", () => {
  it("is only a certain inversion of the two ranges", () => {
    expect(endsBeforeStart("2024-05", "2024-04-30")).toBe(true);
    expect(endsBeforeStart("2024", "2024-03")).toBe(false);
    expect(endsBeforeStart("2024-03-10", "2024-03")).toBe(false);
    expect(endsBeforeStart("2025", "2024")).toBe(true);
  });
});

describe("sort order of partial dates", () => {
  it("puts a partial date at the middle of its range", () => {
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    expect(iso(sortDay("2024"))).toBe("2024-07-01");
    expect(iso(sortDay("2024-02"))).toBe("2024-02-15");
    expect(iso(sortDay("2024-09-18"))).toBe("2024-09-18");
    expect(["2024-09", "2024", "2024-02"].sort((a, b) => sortDay(a) - sortDay(b))).toEqual(["2024-02", "2024", "2024-09"]);
  });
});

describe("last known holder", () => {
  it("is placed in post by the latest start, attestation or end that begins no later than the time asked", () => {
    expect(lastEvidenced({ start: "2019-03", attestedOn: ["2021-06-01", "2023-07"] }, "2026-12-01")).toBe("2023-07");
    // An attestation after the day asked says nothing about before it.
    expect(lastEvidenced({ start: "2019-03", attestedOn: ["2027-01"] }, "2026-12-01")).toBe("2019-03");
    // A year asked as a whole admits evidence from any time in it; an end counts as evidence too.
    expect(lastEvidenced({ start: "2019", end: "2024-02" }, "2024")).toBe("2024-02");
    expect(lastEvidenced({ start: "2027" }, "2026")).toBeNull();
    expect(lastEvidenced({}, "2026")).toBeNull();
  });
});

describe("attestations at each precision", () => {
  const attested = (attestedOn: string, on: string) => holderOn({ attestedOn: [attestedOn] }, on)?.certainty ?? null;
  it("a day attests the year either side of it", () => {
    expect(attested("2024-10-17", "2023-10-18")).toBe("ATTESTED");
    expect(attested("2024-10-17", "2023-10-16")).toBeNull();
    expect(attested("2024-10-17", "2025-10-17")).toBe("ATTESTED");
    expect(attested("2024-10-17", "2025-10-18")).toBeNull();
  });
  it("a month attests only what is within a year of every day of it", () => {
    // "2024-09" may mean 30 September 2024: 1 October 2023 is 365 days before that, 30 September 2023 is not.
    expect(attested("2024-09", "2023-10-01")).toBe("ATTESTED");
    expect(attested("2024-09", "2023-09-30")).toBeNull();
    // …and it may mean 1 September 2024: a year after that, and no later.
    expect(attested("2024-09", "2025-09-01")).toBe("ATTESTED");
    expect(attested("2024-09", "2025-09-02")).toBeNull();
  });
  it("a year-dated source makes no one ATTESTED before or after that year", () => {
    expect(attested("2024", "2023-12-15")).toBeNull();
    expect(attested("2024", "2023-06-01")).toBeNull();
    expect(attested("2024", "2024-01-01")).toBe("ATTESTED");
    expect(attested("2024", "2024-12-31")).toBe("ATTESTED");
    expect(attested("2024", "2025-01-01")).toBeNull();
    // Asked as a whole year or month, the same reading: the year itself, or a month inside it.
    expect(attested("2024", "2024")).toBe("ATTESTED");
    expect(attested("2024", "2024-06")).toBe("ATTESTED");
    expect(attested("2024", "2023")).toBeNull();
  });
  it("still reports the nearest attestation and its distance", () => {
    expect(holderOn({ attestedOn: ["2024", "2024-10-17"] }, "2024-10-01")).toEqual({ certainty: "ATTESTED", attestedOn: "2024", distanceDays: 0 });
    expect(holderOn({ attestedOn: ["2023-07", "2024-10-17"] }, "2024-02-01")).toEqual({ certainty: "ATTESTED", attestedOn: "2023-07", distanceDays: 185 });
  });
});

describe("bounded dates", () => {
  const bounded = { startBefore: "2020", endAfter: "2021-03" };
  it("make a holder CERTAIN for every day between the bounds, and only then", () => {
    expect(holderOn(bounded, "2020-01-01")?.certainty).toBe("CERTAIN");
    expect(holderOn(bounded, "2021-03-31")?.certainty).toBe("CERTAIN");
    expect(holderOn(bounded, "2020")?.certainty).toBe("CERTAIN");
    // Began before 2020, so by 31 December 2019 at the latest; a day earlier they may not have started yet, and
    // after March 2021 they may have left: not certain, not excluded.
    expect(holderOn(bounded, "2021-04-01")?.certainty).toBe("CERTAIN"); // ended after March: still in post on 1 April
    expect(holderOn(bounded, "2019-12-31")?.certainty).toBe("CERTAIN");
    expect(holderOn(bounded, "2019-12-30")).toBeNull();
    expect(mayCover(bounded, "2019-12-30")).toBe(true);
    expect(holderOn(bounded, "2021-04-02")).toBeNull();
    expect(mayCover(bounded, "2030")).toBe(true);
  });

  it("exclude what they rule out", () => {
    // Began after March 2021: not in post in March 2021 at all; ended before 2020: not in 2020.
    expect(mayCover({ startAfter: "2021-03" }, "2021-03")).toBe(false);
    expect(mayCover({ startAfter: "2021-03" }, "2021-04-01")).toBe(true);
    expect(mayCover({ endBefore: "2020" }, "2020-01-01")).toBe(false);
    expect(mayCover({ endBefore: "2020" }, "2019")).toBe(true);
    expect(postCertainty([{ startAfter: "2021-03", end: "2022" }], [null], "2021-02-01")).toBe("VACANT");
    expect(postCertainty([{ startAfter: "2021-03" }], [null], "2021-02-01")).toBe("UNKNOWN");
  });

  it("count as evidence of being in post for the last known holder", () => {
    expect(lastEvidenced({ start: "2019-05", endAfter: "2021-03" }, "2024")).toBe("2021-03");
    expect(lastEvidenced({ startBefore: "2020" }, "2024")).toBeNull();
  });
});

