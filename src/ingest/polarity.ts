/**
 * Whether a sentence of a judgement section reports a strength, a weakness, or neither (an observation):
 * a lexicon of evaluative cues, negation ("not effective" is a weakness), and clause weight (in "While X is
 * good, Y is poor" or "X is good; however, Y is poor" the main clause counts double). Explainable by design:
 * the result lists every cue that counted, with its sign and weight, and is stored on the finding.
 */

export type Polarity = "STRENGTH" | "WEAKNESS" | "OBSERVATION";
export type PolarityResult = { polarity: Polarity; score: number; cues: string[] };

/** Words and phrases that report something done well. */
const STRENGTH = [
  "good", "well(?:-(?!being)[a-z]+)?", "effective(?:ly)?", "strong(?:ly|er)?", "robust(?:ly)?", "timely", "thorough(?:ly)?", "appropriate(?:ly)?",
  "positive(?:ly)?", "benefit(?:s|ed|ing)? from", "improv(?:ed|ing|ements?)", "outstanding", "high[- ]quality", "clear(?:ly)?",
  "skil(?:l)?ed", "supportive", "comprehensive(?:ly)?", "proactive(?:ly)?", "prompt(?:ly)?", "successful(?:ly)?", "strengths?",
  "creative(?:ly)?", "committed", "impressive", "excellent", "valued", "sensitive(?:ly)?", "purposeful(?:ly)?", "child-(?:focused|centred)",
  "swift(?:ly)?", "quickly", "regular(?:ly)?", "routine(?:ly)?", "persistent(?:ly)?", "determined", "relentless(?:ly)?", "valuable", "manageable",
  "closely", "flexibl(?:e|y)", "constant", "wide-ranging", "actively", "strengthened", "clearer", "greater", "confidence", "(?:are|is|well|effectively) supported",
  "supported to", "helped to", "offered", "opportunit(?:y|ies) to", "not only", "proud", "rigorous(?:ly)?", "helpful", "sustained", "enabl(?:es|ed|ing)", "consistent(?:ly)?",
  "better", "meaningful(?:ly)?", "knowledgeable", "(?<=\\b(?:an?|are|is|very|highly|more|and|most|well) )experienced", "experienced (?:social workers?|staff|managers?|practitioners?|team|workers?|leaders?)", "dedicated", "tenacious(?:ly)?", "passionate", "caring", "warm",
  "innovative", "responsive", "engaged", "confident(?:ly)?", "effectively", "achiev(?:e|es|ed|ing)", "helps", "helped",
  "secure(?:s|d)?", "stable", "detailed", "insightful", "accurate(?:ly)?", "reflective", "well established", "embedded",
  "highly", "exceed(?:s|ed)?", "above (?:the )?(?:national|average|comparators?)", "celebrat(?:e|es|ed)", "enjoy", "thriv(?:e|es|ing)",
  "understand(?:s)? well", "ensures", "ensured", "balanced", "know (?:children|them|their) well", "trusting", "focused", "without (?:undue |any )?delay",
  "reduc(?:ed|ing) (?:the )?(?:number|delay|drift|caseloads)", "no longer", "no (?:child|children) (?:was|were) found",
];

/** Words and phrases that report a shortfall. */
const WEAKNESS = [
  "too (?:many|much|long|often|few|little|slow(?:ly)?|variable|high|late|narrow|early|great)", "lack(?:s|ing|ed)?", "insufficient(?:ly)?",
  "poor(?:ly)?", "weak(?:ness|nesses|er)?", "inconsisten(?:t|tly|cy|cies)", "variab(?:le|ility)", "delay(?:s|ed)?", "drift(?:s|ed)?",
  "limited", "fail(?:s|ed|ure|ures|ing)?", "inadequate(?:ly)?", "deficits?", "shortfalls?", "gaps?", "unable", "deteriorat(?:e|ed|ion|ing)",
  "concerning", "unclear", "unassessed", "missed", "absence of", "overly", "less than", "slow(?:ly|er)?", "declin(?:ed|ing)",
  "unacceptabl(?:e|y)", "embryonic", "unlawful", "little (?:evidence|focus|impact|reflection|progress)", "(?:task|compliance)(?:[- ]| and compliance )focused",
  "wait(?:ed|s)? (?:almost |nearly |over |more than |up to )?(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|several|many) (?:days|weeks|months|years)", "ineffective(?:ly)?", "vacanc(?:y|ies)", "turnover", "backlogs?", "bureaucratic", "lapsed?", "barriers?", "struggl(?:e|es|ed|ing)",
  "requires? improvement", "needs? (?:to (?:improve|be improved|strengthen|be strengthened)|further (?:development|work|improvement))",
  "remains? (?:too|weak|poor|inconsistent|variable|underdeveloped|under-developed|a concern|an area|high|low)", "under-?developed",
  "sporadic", "patchy", "superficial", "generic", "out of date", "overdue", "rarely", "seldom", "minimal", "only (?:a few|some|partially|recently|just)",
  "not (?:yet|always|consistently|routinely|sufficiently|fully|all|enough|effective|timely|clear|robust|well)", "not", "no", "never", "none",
  "without", "neither", "nor", "yet to", "has not", "have not", "had not", "do not", "does not", "did not", "are not", "is not", "cannot",
  "unmet", "unsafe", "wait(?:ing|ed)? (?:too long|for)", "repeated(?:ly)?", "multiple changes",
  "changes of social workers?", "high caseloads", "(?:more )?difficult(?:y|ies)?", "not been", "errors?", "inaccura(?:te|cies)", "unsuitable", "disrupt(?:ed|ion)",
];

/** Phrases that look evaluative but are not: consumed so that their words count for nothing. */
const NEUTRAL = [
  "(?:(?:are|is|were|was) )?not in (?:education|employment|training)(?:,? (?:employment|training|education))*(?:,? (?:or|and) (?:employment|training|education))?",
  "to address (?:these|this|the|those|any) (?:shortfalls?|weaknesses|deficits|gaps|issues|concerns|delays?)", "whether or not", "if not",
  "to ensure", "children in need", "child in need", "no (?:further )?action", "looked after", "at risk of", "in order to",
];
/** Weakness cues that are judgements in themselves: they count double. */
const STRONG = /^(?:inadequate(?:ly)?|poor(?:ly)?|weak(?:ness|nesses|er)?|under-?developed|embryonic|ineffective(?:ly)?|unacceptabl(?:e|y)|insufficient(?:ly)?|too .+)$/;
/** Weakness cues that negate: they count double, and a strength cue after them in the same clause part
 * ("not always complete or consistently matched") is negated rather than counted. */
const NEGATION = /^(?:(?:is|are|was|were|has|have|had|do|does|did) not|not(?: .+)?|no|never|nor|neither|none|without|cannot|yet to|insufficient(?:ly)?|lack(?:s|ing|ed)?|unable|fail(?:s|ed|ing)?|rarely|seldom|overly)$/;
/** Negations that deny a whole thing ("no delay", "never drift"), so a shortfall after them is good news. */
const DENIAL = /^(?:no|never|none|neither|nor)$/;
/** Where a negation's scope ends: punctuation or a conjunction that starts a new statement. */
const SCOPE_END = /[,;:]|\b(?:and|but|which|when|while|whilst|because|so|although|as a result)\b/;
/** Markers after which the main clause follows. */
const CONTRAST_AFTER = /\b(?:however|but|nevertheless|nonetheless|yet|although this|despite this)\b/;
const CONCESSION_AFTER = /\b(?:despite|although|though|whilst)\b/;
const CONTRAST_LEAD = /^(?:although|while|whilst|despite|even though|though|notwithstanding)\b/;

const alternatives = (cues: string[]) => [...cues].sort((a, b) => b.length - a.length).join("|");
/** One pass over both lexicons: at each position the longest cue wins ("not consistently" over "consistently"). */
const CUE = new RegExp(`(?<![\\w-])(?:(?<neutral>${alternatives(NEUTRAL)})|(?<strength>${alternatives(STRENGTH)})|(?<weakness>${alternatives(WEAKNESS)}))(?![\\w-])`, "gi");

type Clause = { text: string; weight: number };

/** The sentence in clauses with weights: 2 for the main clause where a contrast marks one, else 1. */
function clauses(sentence: string): Clause[] {
  const lower = sentence.toLowerCase().replace(/[’‘]/g, "'");
  if (CONTRAST_LEAD.test(lower)) {
    const comma = lower.indexOf(",");
    if (comma > 0) return [{ text: lower.slice(0, comma), weight: 1 }, { text: lower.slice(comma + 1), weight: 2 }];
  }
  const concession = CONCESSION_AFTER.exec(lower);
  const contrast = CONTRAST_AFTER.exec(lower);
  // "X is good despite Y": the clause before the concession is the main one.
  if (concession && concession.index > 0 && (!contrast || contrast.index > concession.index)) {
    return [{ text: lower.slice(0, concession.index), weight: 2 }, { text: lower.slice(concession.index), weight: 1 }];
  }
  if (contrast && contrast.index > 0) return [{ text: lower.slice(0, contrast.index), weight: 1 }, { text: lower.slice(contrast.index), weight: 2 }];
  return [{ text: lower, weight: 1 }];
}

export function classifyPolarity(sentence: string): PolarityResult {
  let score = 0;
  const cues: string[] = [];
  for (const clause of clauses(sentence)) {
    const where = clause.weight > 1 ? " (main clause)" : "";
    // The open negation's penalty, refunded if it is a "no" or "never" and a shortfall follows it in scope
    // ("no child has experienced delay"). Not after "insufficient" or "does not": "insufficient attention to drift".
    let negated = 0;
    let denial = false;
    let last = 0;
    for (const match of clause.text.matchAll(CUE)) {
      if (SCOPE_END.test(clause.text.slice(last, match.index))) {
        negated = 0;
        denial = false;
      }
      last = match.index! + match[0].length;
      if (match.groups!.neutral) continue;
      if (match.groups!.weakness) {
        const negation = NEGATION.test(match[0]);
        if (negated && denial && !negation) {
          score += negated + clause.weight;
          cues.push(`polarity strength "${match[0]}" negated (a double negative: the negation's weight is returned)${where}`);
          negated = 0;
          continue;
        }
        const double = negation || STRONG.test(match[0]);
        const weight = clause.weight * (double ? 2 : 1);
        if (negation) {
          negated = weight;
          denial = DENIAL.test(match[0]);
        }
        score -= weight;
        cues.push(`polarity weakness "${match[0]}"${double ? ` (${negation ? "negation" : "strong"}, counts double)` : ""}${where}`);
      } else if (negated) cues.push(`polarity strength "${match[0]}" negated, not counted${where}`);
      else {
        score += clause.weight;
        cues.push(`polarity strength "${match[0]}"${where}`);
      }
    }
  }
  const polarity: Polarity = score > 0 ? "STRENGTH" : score < 0 ? "WEAKNESS" : "OBSERVATION";
  return { polarity, score, cues };
}
