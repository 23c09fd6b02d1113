/** PartialDate: "2024", "2024-09" or "2024-09-18" — a date known only to its year, month or day. */
import { GraphQLScalarType, Kind } from "graphql";
import { PARTIAL_DATE_PATTERN, partialDate } from "../model/partialDates.js";
import { badInput } from "../errors.js";

function parse(value: unknown): string {
  if (typeof value !== "string" || !partialDate.safeParse(value).success) {
    throw badInput(`PartialDate must be "YYYY", "YYYY-MM" or "YYYY-MM-DD" and a real date; got ${JSON.stringify(value)}`);
  }
  return value;
}

export const PartialDateScalar = new GraphQLScalarType<string, string>({
  name: "PartialDate",
  description: 'A calendar date known to the year ("2024"), month ("2024-09") or day ("2024-09-18"); its length is its precision.',
  specifiedByURL: "https://www.iso.org/iso-8601-date-and-time-format.html",
  serialize(value) {
    if (typeof value !== "string" || !PARTIAL_DATE_PATTERN.test(value)) {
      throw new TypeError(`Cannot serialise ${JSON.stringify(value)} as PartialDate`);
    }
    return value;
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badInput("PartialDate must be a string");
    return parse(ast.value);
  },
});
