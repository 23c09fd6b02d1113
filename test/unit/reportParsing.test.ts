/** Reading a report's header, dates and judgement table: the parsing rules, on short made-up texts. */
import { describe, expect, it } from "vitest";
import { normaliseGrade, parseDateRange, parseDay, readReport } from "../../src/ingest/report.js";

describe("inspection dates", () => {
  it.each([
    ["17 to 28 July 2023", "2023-07-17", "2023-07-28"],
    ["29 April to 3 May 2024", "2024-04-29", "2024-05-03"],
    ["11 March – 2 April 2014", "2014-03-11", "2014-04-02"],
    ["13 November 2017 to 24 November 2017", "2017-11-13", "2017-11-24"],
    ["8 – 12 July 2013", "2013-07-08", "2013-07-12"],
    ["18 Feb 2014 – 12 March 2014", "2014-02-18", "2014-03-12"],
    ["20 June 2017 ─ 13 July 2017", "2017-06-20", "2017-07-13"],
    ["11 January 2016–4 February 2016", "2016-01-11", "2016-02-04"],
    ["12/09/2016 to 06/10/2016", "2016-09-12", "2016-10-06"],
    ["29 December to 9 January 2020", "2019-12-29", "2020-01-09"],
  ])("%s", (text, start, end) => {
    expect(parseDateRange(text)).toEqual({ start, end });
  });

  it("refuses impossible or backwards ranges and text that is no date", () => {
    expect(parseDateRange("30 to 31 February 2020")).toBeNull();
    expect(parseDateRange("28 July 2023 to 17 July 2023")).toBeNull();
    expect(parseDateRange("during the summer")).toBeNull();
    // One date is no range: readReport keeps it as the day printed, not as a start.
    expect(parseDateRange("28 July 2016")).toBeNull();
    expect(parseDay("25/11/2016")).toBe("2016-11-25");
    expect(parseDay("31 Sept 2020")).toBeNull();
  });
});

describe("grades", () => {
  it("reads every wording of Ofsted's four points (and the earlier 'adequate')", () => {
    expect(["Requires improvement to be good", "Require improvement", "requires improvement"].map(normaliseGrade)).toEqual(
      Array(3).fill("REQUIRES_IMPROVEMENT"),
    );
    expect(["Good", "Outstanding", "Inadequate", "Adequate"].map(normaliseGrade)).toEqual(["GOOD", "OUTSTANDING", "INADEQUATE", "ADEQUATE"]);
  });
});

describe("a report's facts", () => {
  it("reads an ILACS header and table, inferring a standard inspection from two weeks on site", () => {
    const facts = readReport({
      pages: [[
        "Inspection of Anytown Borough Council", "local authority children’s services",
        "Inspection dates: 2 to 13 October 2023", "Lead inspector: Jo Example, His Majesty’s Inspector",
        "Judgement Grade", "The impact of leaders on social work", "practice with children and families", "Good",
        "The experiences and progress of", "children who need help and protection", "Requires improvement to be good",
        "The experiences and progress of", "children in care", "Good",
        "The experiences and progress of care", "leavers", "Outstanding", "Overall effectiveness Good",
      ]],
    });
    expect(facts).toMatchObject({
      family: "ILACS",
      kind: { value: "ILACS_STANDARD", inferredFrom: expect.stringMatching(/on site for 12 days/) },
      authorityName: { value: "Anytown Borough Council", page: 1 },
      start: { value: "2023-10-02", page: 1 },
      end: { value: "2023-10-13" },
      leadInspector: { value: "Jo Example" },
    });
    expect(facts!.grades.map((g) => [g.area, g.grade])).toEqual([
      ["IMPACT_OF_LEADERS", "GOOD"], ["HELP_AND_PROTECTION", "REQUIRES_IMPROVEMENT"], ["CHILDREN_IN_CARE", "GOOD"],
      ["CARE_LEAVERS", "OUTSTANDING"], ["OVERALL_EFFECTIVENESS", "GOOD"],
    ]);
  });

  it("reads a SIF header, its overall judgement and the LSCB's on a later page", () => {
    const facts = readReport({
      pages: [
        ["1", "Anytown Council", "Inspection of services for children in need of help and", "protection, children looked after and care leavers",
          "Inspection date: 3 March 2015 – 26 March 2015", "Report published: 12 May 2015",
          "Children’s services in Anytown are inadequate", "1. Children who need help and protection Inadequate",
          "2. Children looked after and achieving", "permanence", "Requires improvement", "2.1 Adoption performance Good",
          "2.2 Experiences and progress of care leavers Requires improvement", "3. Leadership, management and governance Inadequate"],
        ["The inspection team", "Lead inspector: Sam Example HMI", "Deputy lead inspector: Alex Other HMI"],
        ["Section 2", "The Local Safeguarding Children Board is good"],
      ],
    });
    expect(facts).toMatchObject({
      family: "SIF", kind: { value: "SIF", inferredFrom: null }, authorityName: { value: "Anytown Council" },
      start: { value: "2015-03-03" }, end: { value: "2015-03-26" }, published: { value: "2015-05-12" },
      leadInspector: { value: "Sam Example", page: 2 },
    });
    expect(Object.fromEntries(facts!.grades.map((g) => [g.area, g.grade]))).toEqual({
      OVERALL_EFFECTIVENESS: "INADEQUATE", HELP_AND_PROTECTION: "INADEQUATE", LOOKED_AFTER_AND_PERMANENCE: "REQUIRES_IMPROVEMENT",
      ADOPTION: "GOOD", CARE_LEAVERS: "REQUIRES_IMPROVEMENT", LEADERSHIP: "INADEQUATE", LSCB: "GOOD",
    });
    expect(facts!.grades.find((g) => g.area === "LSCB")!.page).toBe(3);
  });

  it("keeps a single printed date as the inspection's last day, with no start", () => {
    const facts = readReport({ pages: [["1", "Anytown Council", "Inspection of services for children in need of help and protection", "Inspection date: 28 July 2016"]] });
    expect(facts).toMatchObject({ start: null, end: { value: "2016-07-28" } });
  });

  it("knows no family for a text that is not an inspection report", () => {
    expect(readReport({ pages: [["Annual report of the school governors", "2021"]] })).toBeNull();
  });
});
