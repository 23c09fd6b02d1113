/**
 * What Neo4j's 'english' full-text analyzer (Lucene's EnglishAnalyzer) makes of one word: possessive
 * 's dropped, lowercased, stop words removed, then Porter-stemmed. Snippets use it to mark the words
 * the index matched ("drifting" for a search for "drift"); queries use the stop words to skip words
 * that cannot match. The stemmer is Porter's 1980 algorithm as Lucene's PorterStemmer implements it
 * (with its "bli" and "logi" departures), so our stems equal the index's.
 */

/** Lucene's EnglishAnalyzer.ENGLISH_STOP_WORDS_SET (test/search.test.ts compares it with Neo4j's). */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  ("a an and are as at be but by for if in into is it no not of on or such that the their then there " +
    "these they this to was will with").split(" "),
);

// Porter's rule tables, in the order Lucene tries them: the first suffix that ends the word decides.
const STEP3: [string, string][] = [
  ["ational", "ate"], ["tional", "tion"], ["enci", "ence"], ["anci", "ance"], ["izer", "ize"], ["bli", "ble"],
  ["alli", "al"], ["entli", "ent"], ["eli", "e"], ["ousli", "ous"], ["ization", "ize"], ["ation", "ate"],
  ["ator", "ate"], ["alism", "al"], ["iveness", "ive"], ["fulness", "ful"], ["ousness", "ous"], ["aliti", "al"],
  ["iviti", "ive"], ["biliti", "ble"], ["logi", "log"],
];
const STEP4: [string, string][] = [
  ["icate", "ic"], ["ative", ""], ["alize", "al"], ["iciti", "ic"], ["ical", "ic"], ["ful", ""], ["ness", ""],
];
const STEP5 = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
  "ism", "ate", "iti", "ous", "ive", "ize"];

/** A consonant is not a, e, i, o or u, and is y only after a vowel or at the start. */
function consonant(w: string, i: number): boolean {
  const c = w[i]!;
  if ("aeiou".includes(c)) return false;
  return c === "y" ? i === 0 || !consonant(w, i - 1) : true;
}

/** Porter's m: how many vowel-consonant sequences w[0, end) has ([C](VC)^m[V]). */
function measure(w: string, end: number): number {
  let m = 0;
  let i = 0;
  while (i < end && consonant(w, i)) i += 1;
  while (i < end) {
    while (i < end && !consonant(w, i)) i += 1;
    if (i === end) break;
    m += 1;
    while (i < end && consonant(w, i)) i += 1;
  }
  return m;
}

function hasVowel(w: string, end: number): boolean {
  for (let i = 0; i < end; i += 1) if (!consonant(w, i)) return true;
  return false;
}
const doubleConsonant = (w: string, i: number) => i >= 1 && w[i] === w[i - 1] && consonant(w, i);
/** Consonant-vowel-consonant ending at i, the last not w, x or y: hop(e), not snow. */
const cvc = (w: string, i: number) =>
  i >= 2 && consonant(w, i) && !consonant(w, i - 1) && consonant(w, i - 2) && !"wxy".includes(w[i]!);

/** Replaces the first listed suffix the word ends with, if the rest has measure above `min`. */
function replaceSuffix(w: string, rules: [string, string][], min: number): string {
  const rule = rules.find(([suffix]) => w.endsWith(suffix));
  if (!rule || measure(w, w.length - rule[0].length) <= min) return w;
  return w.slice(0, w.length - rule[0].length) + rule[1];
}

/** Plurals, then -ed / -ing (restoring an e or undoubling where Porter does). */
function step1(w: string): string {
  if (w.endsWith("sses") || w.endsWith("ies")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
  if (w.endsWith("eed")) return measure(w, w.length - 3) > 0 ? w.slice(0, -1) : w;
  const suffix = w.endsWith("ed") ? 2 : w.endsWith("ing") ? 3 : 0;
  if (suffix === 0 || !hasVowel(w, w.length - suffix)) return w;
  w = w.slice(0, -suffix);
  if (/(?:at|bl|iz)$/.test(w)) return `${w}e`;
  if (doubleConsonant(w, w.length - 1)) return /[lsz]$/.test(w) ? w : w.slice(0, -1);
  return measure(w, w.length) === 1 && cvc(w, w.length - 1) ? `${w}e` : w;
}

/** The Porter stem of a lowercase word; words under three letters are left alone, as Lucene does. */
export function porterStem(word: string): string {
  if (word.length < 3) return word;
  let w = step1(word);
  if (w.endsWith("y") && hasVowel(w, w.length - 1)) w = `${w.slice(0, -1)}i`;
  w = replaceSuffix(w, STEP3, 0);
  w = replaceSuffix(w, STEP4, 0);
  const suffix = STEP5.find((s) => w.endsWith(s) && (s !== "ion" || /[st]ion$/.test(w)));
  if (suffix && measure(w, w.length - suffix.length) > 1) w = w.slice(0, w.length - suffix.length);
  if (w.endsWith("e")) {
    const m = measure(w, w.length - 1);
    if (m > 1 || (m === 1 && !cvc(w, w.length - 2))) w = w.slice(0, -1);
  }
  if (w.endsWith("ll") && measure(w, w.length) > 1) w = w.slice(0, -1);
  return w;
}

/** The term the index holds for one word, or null for a stop word (never indexed). */
export function englishTerm(word: string): string | null {
  const lower = word.replace(/['’＇][sS]$/u, "").toLowerCase();
  return ENGLISH_STOP_WORDS.has(lower) ? null : porterStem(lower);
}
