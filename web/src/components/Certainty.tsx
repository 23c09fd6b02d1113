/** How sure the graph is that someone held a post then, in words as well as colour. */
const CERTAINTY: Record<string, { label: string; colour: string; hint: string }> = {
  CERTAIN: { label: "Certain", colour: "green", hint: "the source's dates cover this time" },
  ATTESTED: { label: "Attested", colour: "blue", hint: "a source says they held the post near this time" },
  VACANT: { label: "Vacant", colour: "yellow", hint: "the post is known to have been vacant" },
  UNKNOWN: { label: "Unknown", colour: "grey", hint: "no holder is known" },
};

export function CertaintyTag({ certainty }: { certainty: string }) {
  const known = CERTAINTY[certainty] ?? { label: certainty, colour: "grey", hint: "" };
  return (
    <strong className={`govuk-tag govuk-tag--${known.colour} app-certainty`} data-certainty={certainty} title={known.hint}>
      {known.label}
    </strong>
  );
}

export function PersonName({ person }: { person: { name?: string | null; unnamed: boolean } }) {
  return person.unnamed || !person.name ? <span className="app-unnamed">Unnamed holder</span> : <>{person.name}</>;
}
