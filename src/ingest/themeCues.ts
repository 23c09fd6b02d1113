/**
 * The theme classifier for text read from reports: each theme of the vocabulary (seeds/reference/themes.json)
 * has cue patterns, and a text is tagged with every theme whose cue it contains. Explainable by design: the
 * result lists each cue that matched with the words it matched, and is stored on the finding.
 */

/** Cue patterns per theme id; word boundaries are added, matching is case-insensitive. */
export const THEME_CUES: Record<string, string[]> = {
  "theme:plan-quality": ["(?:child in need|child protection|care|pathway|children's|written|individual) plans? (?:are|is|that|which|to|should|include|for|consistently|clearly)", "(?:care|child in need|child protection|permanence|contingency|transition|safety|individual|parallel|concurrent) planning", "plans? (?:are|is) (?:not )?(?:clear|specific|smart|outcome-focused|timebound|detailed|vague|generic)", "contingency"],
  "theme:pathway-plans": ["pathway plans?", "pathway planning"],
  "theme:drift-and-delay": ["drift", "delay", "delays", "delayed", "waiting too long", "timely permanence"],
  "theme:workforce-stability": ["caseloads?", "recruitment and retention", "retention of (?:social workers|staff)", "agency (?:staff|social workers|workers)", "changes? of (?:social )?workers?", "workforce", "turnover", "recruit and retain", "proud to (?:be )?work", "recruit(?:ing|ment of)? (?:and retain )?(?:permanent |experienced |qualified )?(?:social workers|staff|managers)", "stable (?:social work )?workforce"],
  "theme:management-oversight": ["management oversight", "managerial oversight", "manager(?:s|ial)? (?:oversight|decision|direction)", "supervision", "oversight"],
  "theme:placement-sufficiency": ["sufficiency", "(?:range|choice|availability|number) of (?:local )?(?:placements|homes|foster homes|children's homes)", "placements? (?:choice|availability)", "unregistered", "out of area", "distance from home", "local placements", "(?:right|suitable) (?:placement|home)s?", "registered homes?", "residential (?:special )?schools?"],
  "theme:permanence": ["permanence", "permanency", "permanent (?:homes|carers|arrangements|placements)", "special guardianship", "long-term fostering", "long-term matching"],
  "theme:leadership-and-governance": ["(?:senior )?leaders(?:hip)?", "senior (?:managers|management(?: team)?|leadership team)", "governance", "elected members", "chief executive", "lead member", "political"],
  "theme:quality-assurance": ["quality assurance", "audits?", "auditing", "performance (?:management|information|data|reporting)", "self-assessment", "self-evaluation", "management information", "organisational learning", "understand(?:s|ing)? (?:of )?(?:the )?(?:quality|impact|performance)", "quality of practice (?:is|are) (?:understood|known)"],
  "theme:recording-and-systems": ["case records?", "recording", "recorded", "electronic (?:record|recording|system)", "records? (?:are|is)", "case management system", "(?:their|the child's|children's|care) records?", "chronolog(?:y|ies)"],
  "theme:assessment-quality": ["assessments", "(?:quality of|quality|initial|single|child and family|parenting|pre-birth|social work|written|their) assessments?", "assess(?:ed|es)? (?:promptly|thoroughly|well)", "analysis of (?:risk|need)"],
  "theme:risk-management": ["risks?(?! assessment tool)", "harm", "safety planning", "safeguard(?:ed|ing) (?:children|them)"],
  "theme:preparation-for-adulthood": ["independen(?:ce|t living)", "education, employment (?:and|or) training", "\\bEET\\b", "NEET", "transition to adult(?:hood|s)?", "preparation for adulthood", "adulthood", "tenanc(?:y|ies)", "staying close", "local offer"],
  "theme:partnership-working": ["partners?", "partnerships?", "multi-agency", "multi agency", "health (?:visitors|services|partners)", "police", "schools"],
  "theme:voice-of-the-child": ["(?:child|children|young people)['’]s (?:views|voices?|wishes)", "views (?:and|of) (?:children|young people)", "voice of (?:the )?(?:child|children)", "wishes and feelings", "advocacy", "advocates?", "(?:speak|spoken|talk|seen) (?:to (?:them|children) )?alone", "point of view", "what is important to them", "participation", "children in care council"],
  "theme:timeliness-of-response": ["timeliness", "promptly", "prompt (?:action|response|access|attention)", "timely (?:response|responses|action|visits?|assessments?|strategy)", "within (?:timescales|24 hours)", "statutory visits?", "(?:visit(?:ed|s)?|seen) (?:them )?(?:regularly|frequently)"],
  "theme:practice-model": ["practice model", "model of practice", "signs of safety", "family safeguarding", "restorative practice", "systemic practice", "strengths-based"],
  "theme:health-needs": ["health assessments?", "physical (?:and emotional )?health", "health (?:needs|histories|passports?|outcomes|care|plans)", "dental", "immunisations?", "strengths and difficulties"],
  "theme:early-help": ["early help", "early intervention", "step(?:ping)?[- ](?:up|down)", "common assessment framework", "\\bCAF\\b", "troubled families", "family support"],
  "theme:front-door": ["front door", "\\bMASH\\b", "multi-agency safeguarding hub", "thresholds?", "contacts? and referrals?", "referrals?", "out of hours", "out-of-hours", "emergency duty", "first response"],
  "theme:exploitation-and-missing": ["exploitation", "exploited", "\\bCSE\\b", "\\bCCE\\b", "county lines", "missing", "return (?:home )?interviews?", "trafficking", "gangs?", "radicalisation", "extra-familial", "whereabouts (?:are|is) unknown"],
  "theme:neglect": ["neglect", "neglected"],
  "theme:domestic-abuse": ["domestic (?:abuse|violence)", "\\bMARAC\\b", "coercive control"],
  "theme:pre-proceedings": ["pre-proceedings", "public law outline", "\\bPLO\\b", "care proceedings", "letters? before proceedings", "court"],
  "theme:disabled-children": ["disabled children", "disabilit(?:y|ies)", "\\bSEND\\b", "special educational needs"],
  "theme:private-fostering": ["private(?:ly)? fostering", "privately fostered"],
  "theme:adoption": ["adoption", "adopters?", "adopted", "adoptive", "early permanence", "fostering for adoption", "regional adoption agency"],
  "theme:fostering-sufficiency": ["(?:recruit(?:ing|ment of)?|support(?:ing)? (?:for )?|approv(?:e|ed|al of)|number of|sufficiency of|retain(?:ing)?|training for) (?:new |more |prospective )?foster carers", "fostering (?:service|sufficiency|panel|households|recruitment|placements?)", "in-house fostering", "connected carers?", "family and friends carers?", "kinship"],
  "theme:corporate-parenting": ["corporate parent(?:s|ing)?"],
  "theme:independent-reviewing": ["independent reviewing officers?", "\\bIROs?\\b", "independent review(?:ing)? managers?", "\\bIRMs?\\b", "child protection (?:conference )?chairs?", "conference chairs?", "escalation", "dispute resolution"],
  "theme:education-of-children-in-care": ["virtual schools?", "key stage \\d", "pupils['’]? progress", "personal education plans?", "\\bPEPs?\\b", "educational (?:outcomes|attainment|progress)", "attainment", "school attendance", "attendance", "exclusions?"],
  "theme:care-leaver-accommodation": ["accommodation", "homeless(?:ness)?", "staying put", "bed and breakfast", "unsuitable housing", "suitable housing"],
  "theme:emotional-wellbeing": ["emotional (?:health|wellbeing|well-being)", "mental health", "\\bCAMHS\\b", "therapeutic"],
  "theme:safeguarding-partnership": ["\\bLSCB\\b", "safeguarding children board", "the board", "safeguarding partnership", "serious case reviews?", "child safeguarding practice reviews?", "multi-agency training", "learning reviews?"],
  "theme:allegations-and-lado": ["\\bLADO\\b", "(?:local authority )?designated officer", "allegations against"],
  "theme:separated-migrant-children": ["unaccompanied", "asylum", "separated migrant", "\\bUASC\\b", "trafficked"],
  "theme:life-story-and-identity": ["life[- ]story", "identity", "cultur(?:e|al)", "ethnic(?:ity)?", "diversity", "equality", "later life letters?"],
  "theme:family-time": ["family time", "contact with (?:their )?(?:parents|brothers|sisters|siblings|birth famil)", "independent visitors?", "sibling", "links with (?:their )?famil(?:y|ies)"],
  "theme:placement-stability": ["placement stability", "stability of placements?", "placement (?:moves|breakdowns?|disruptions?)", "matching", "matched", "stable (?:homes|placements)"],
  "theme:child-protection-planning": ["strategy (?:discussions?|meetings?)", "section 47", "child protection (?:enquiries|investigations|conferences?)", "core groups?", "initial child protection", "\\bICPCs?\\b"],
};

export type ThemeMatch = { themes: string[]; cues: string[] };

const COMPILED: [string, RegExp][] = Object.entries(THEME_CUES).map(([theme, cues]) => [
  theme,
  new RegExp(cues.map((cue) => `(?<![\\w-])(?:${cue})(?![\\w-])`).join("|"), "i"),
]);

/** Every theme whose cue the text contains, with "theme:x: matched words" for each, in vocabulary order. */
export function matchThemes(text: string): ThemeMatch {
  const themes: string[] = [];
  const cues: string[] = [];
  const normalised = text.replace(/[’‘]/g, "'");
  for (const [theme, pattern] of COMPILED) {
    const match = pattern.exec(normalised);
    if (!match) continue;
    themes.push(theme);
    cues.push(`${theme}: "${match[0].toLowerCase()}"`);
  }
  return { themes, cues };
}
