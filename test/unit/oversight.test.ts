/** Which meetings count as oversight on a day: held by the day's end, and within a year before it begins. */
import { describe, expect, it } from "vitest";
import { meetingWithinYearTo } from "../../src/domains/accountability/certainty.js";

describe("meetings in the year to a day", () => {
  it("counts a meeting on the day or up to a year before it, not after it", () => {
    expect(meetingWithinYearTo("2024-10-17", "2024-10-17")).toBe(true);
    expect(meetingWithinYearTo("2024-10-17", "2024-12-31")).toBe(true);
    expect(meetingWithinYearTo("2024-10-17", "2025-10-17")).toBe(true);
    expect(meetingWithinYearTo("2024-10-17", "2025-10-18")).toBe(false);
    expect(meetingWithinYearTo("2024-10-17", "2024-10-16")).toBe(false);
  });

  it("gives a meeting known to a month or a year every day it may mean", () => {
    expect(meetingWithinYearTo("2024-10", "2024-10-01")).toBe(true); // it may have been on the 1st
    expect(meetingWithinYearTo("2024-10", "2024-09-30")).toBe(false);
    expect(meetingWithinYearTo("2024", "2025-12-30")).toBe(true); // 31 December 2024 is within a year
    expect(meetingWithinYearTo("2024", "2026-01-01")).toBe(false);
  });

  it("asks about a month or a year as a whole", () => {
    expect(meetingWithinYearTo("2024-10-17", "2024-10")).toBe(true);
    // A year is 365 days (as for attestations): from 1 October 2025, back to 1 October 2024.
    expect(meetingWithinYearTo("2024-10-01", "2025-10")).toBe(true);
    expect(meetingWithinYearTo("2024-09-30", "2025-10")).toBe(false);
  });
});
