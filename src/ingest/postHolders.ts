/**
 * Post holders a report describes without naming: "The interim DCS has been in post since July 2013", "The
 * DCS, appointed in March 2022, …", "A new chief executive took up post in August 2014". Each mention gives
 * the post (director of children's services or chief executive), the holder's status where the report says
 * it (interim, acting, permanent) and the start at the precision printed (a month or a year), with the
 * sentence's page. Relative dates ("eight weeks ago") are left out rather than guessed.
 */
import { bodyLines, joinLines } from "./reportLines.js";
import type { PdfText } from "./pdfText.js";
import { splitSentences } from "./judgementSentences.js";

export type PostRoleRead = "DCS" | "CHIEF_EXECUTIVE";
export type HolderStatus = "INTERIM" | "ACTING" | "SUBSTANTIVE" | "UNKNOWN";
export type PostHolderMention = {
  role: PostRoleRead;
  status: HolderStatus;
  /** "2013-07" or "2013": as precise as the report prints it. */
  since: string;
  /** The words from the post's mention on: what the quote is cut from. */
  text: string;
  page: number;
};

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const STATUS = "interim|acting|permanent|substantive|new|current|present";
const DCS = "(?<!assistant |deputy |associate )director (?:of|for) children['’]s services(?: \\(DCS\\))?|(?<![\\w-])DCS";
const CHIEF_EXECUTIVE = "(?<!deputy |assistant )chief executive(?: officer)?";
const STARTED = "(?:in post since|in post from|appointed (?:in|on|since)|took up (?:the |their |her |his )?(?:post|role|position) (?:in|on)|takes up (?:the )?post in|came into (?:the )?(?:post|role) (?:in|on))";
const DATE = `(?:\\d{1,2}(?:st|nd|rd|th)? )?(?:(?<month>${MONTHS.join("|")}) )?(?<year>(?:19|20)\\d\\d)\\b`;
const MENTION = new RegExp(`(?:\\b(?<status>${STATUS}) )?(?:corporate )?(?<post>${DCS}|${CHIEF_EXECUTIVE})[^.;]{0,60}?\\b${STARTED} ${DATE}`, "gi");
/** "the chief executive since September 2012" (after "has been in post since …" for another post). */
const BARE_SINCE = new RegExp(`(?:\\b(?<status>${STATUS}) )?(?<post>${DCS}|${CHIEF_EXECUTIVE}) since ${DATE}`, "gi");

const STATUS_OF: Record<string, HolderStatus> = { interim: "INTERIM", acting: "ACTING", permanent: "SUBSTANTIVE", substantive: "SUBSTANTIVE" };

export function readPostHolders(text: PdfText): PostHolderMention[] {
  const mentions: PostHolderMention[] = [];
  for (const { sentence, page } of sentencesOf(text)) {
    for (const pattern of [MENTION, BARE_SINCE]) {
      for (const match of sentence.matchAll(pattern)) {
        const groups = match.groups!;
        const month = groups.month ? MONTHS.indexOf(groups.month.toLowerCase()) + 1 : 0;
        const since = month ? `${groups.year}-${String(month).padStart(2, "0")}` : groups.year!;
        const role: PostRoleRead = /chief executive/i.test(groups.post!) ? "CHIEF_EXECUTIVE" : "DCS";
        const mention = { role, status: STATUS_OF[groups.status?.toLowerCase() ?? ""] ?? "UNKNOWN", since, text: sentence.slice(match.index!), page };
        // One start said twice ("since June 2010", later "since 2010"): keep the more precise mention.
        const same = mentions.findIndex((m) => m.role === role && (m.since.startsWith(since) || since.startsWith(m.since)));
        if (same < 0) mentions.push(mention);
        else if (since.length > mentions[same]!.since.length) mentions[same] = mention;
      }
    }
  }
  return mentions;
}

/** The body's sentences with the page each starts on (paragraphs are joined across lines and pages first). */
function sentencesOf(text: PdfText): { sentence: string; page: number }[] {
  const out: { sentence: string; page: number }[] = [];
  let parts: string[] = [];
  let page = 1;
  const flush = () => {
    for (const sentence of splitSentences(joinLines(parts))) out.push({ sentence, page });
    parts = [];
  };
  for (const line of bodyLines(text)) {
    if (parts.length === 0) page = line.page;
    parts.push(line.text);
    if (/[.!?]['’”)]?$/.test(line.text)) flush();
  }
  flush();
  return out;
}
