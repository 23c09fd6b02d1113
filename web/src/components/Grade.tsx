/** A grade as a GOV.UK tag: always its words, the colour only a second signal. */
const GRADES: Record<string, { label: string; short: string; colour: string; rank: number }> = {
  OUTSTANDING: { label: "Outstanding", short: "O", colour: "green", rank: 4 },
  GOOD: { label: "Good", short: "G", colour: "turquoise", rank: 3 },
  ADEQUATE: { label: "Adequate", short: "A", colour: "yellow", rank: 2 },
  REQUIRES_IMPROVEMENT: { label: "Requires improvement", short: "RI", colour: "orange", rank: 2 },
  INADEQUATE: { label: "Inadequate", short: "I", colour: "red", rank: 1 },
};

export const GRADE_ORDER = ["OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "ADEQUATE", "INADEQUATE"] as const;

export const gradeLabel = (grade: string | null | undefined) => (grade ? (GRADES[grade]?.label ?? grade) : "Not graded");
export const gradeShort = (grade: string | null | undefined) => (grade ? (GRADES[grade]?.short ?? grade) : "–");
export const gradeRank = (grade: string | null | undefined) => (grade ? (GRADES[grade]?.rank ?? 0) : 0);
export const gradeColourClass = (grade: string | null | undefined) => (grade ? `app-grade--${GRADES[grade]?.colour ?? "grey"}` : "app-grade--none");

export function GradeTag({ grade }: { grade: string | null | undefined }) {
  if (!grade) return <span className="govuk-tag govuk-tag--grey app-grade" data-grade="">Not graded</span>;
  return (
    <strong className={`govuk-tag govuk-tag--${GRADES[grade]?.colour ?? "grey"} app-grade`} data-grade={grade}>
      {gradeLabel(grade)}
    </strong>
  );
}
