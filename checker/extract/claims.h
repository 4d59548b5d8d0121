// Claims: mentions tied to what they are about.
//
// For each mention in a body segment, BuildClaims finds the subject (the
// counted noun, or the noun phrase the figure belongs to; see subject.h),
// the measure, the time scope, the modality and the speaker (modality.h):
//
//   measure   kShare     "2% of GDP", "30% of the vote", "a share of 40%"
//             kChange    "from 15 percent to 25 percent" (one claim: amount
//                        = the new level, change_from = the old one; the
//                        "from" figure is no claim), "rose 5%", "increase
//                        by 15%", "a 2% rise", "up 3%" (not "made up 20%
//                        of those aboard")
//             kRank      ordinals ("third-largest")
//             kCount     counted nouns ("12,000 soldiers")
//             kEventDate a date tied to an event in its sentence
//             kStatus    status mentions ("two-thirds supermajority")
//             kLevel     everything else
//   scope     the closest explicit date in the clause ("by 2027", "last
//             year", "in November 2024"), source "explicit"; else the
//             document's reference date (day), source "reference-date"; a
//             status stated as holding now ("the recall is voluntary",
//             "remains stalled") holds on that day exactly, source
//             "present-tense"; so does a tally of people in a state ("at
//             least 11 dead", "238 people on board": Lexicon::IsStateHead),
//             source "as-of-writing". A bare year used as an adjective ("the
//             2026 budget bill") is no scope of a status; a possessive date
//             ("Friday's disaster") scopes a figure only when the clause has
//             no other date.
//   subject   a bare definite subject ("the fire had burned 14,000 acres")
//             takes the proper name the document gave that thing last
//             before it ("the Corran Ridge fire": modifiers {corran,
//             ridge}); a count of people in a state counts that state's
//             noun (amount unit "passenger" for "238 people on board").
//
// Event claims: a kDate mention whose sentence holds a kEvent mention (the
// closest one: "Sunday's election", "press conference Monday") becomes a
// kEventDate claim about that event (subject head = event key, modifiers =
// the words before the event noun, e.g. "lower-house"; none for verb-phrase
// events such as "raised its key rate"). Binding is mutual: the event must
// have no nearer date in the sentence, so a date binds to at most one event
// and "met reporters on February 8th; the election came two days later"
// dates the election by "two days later" only. An event behind a temporal
// connective ("on Monday, a day after a deadly earthquake"; "before dawn"
// does not count) is a reference point and is not dated; neither is the noun
// right after an offset-from-date phrase ("two days after its January 14
// board meeting" dates what was announced, not the meeting). A dateline or
// publication stamp opening the body ("PORT ELLIS, March 6 (Wire) -",
// "Published: 2026-01-21") is never an event date nor a scope. Without an event
// mention, a kStatus mention whose group names an election outcome
// (Lexicon::StatusEvent) supplies the event: "a supermajority two days
// later" dates the election result. Table rows and scheduling clauses
// ("scheduled for Q3 2024", "is due in June 2025", "a berth, which is
// scheduled to open in 2024": the antecedent) date their row label /
// subject as a planned (future) event; "was scheduled" reports an old plan.
// Other dates are not claims.
//
// Plans (status group "plan", rules/plan.json: "plans to", "move forward
// with", "push for"): the mention is the trigger; the claim's subject is the
// planned action as a noun (head, Lexicon::ActionNoun: "revising" ->
// "revision") and its object's content words (modifiers), read from the
// words after the trigger, plus the row label's words in a table. "push
// for Article 9 revision" and "move forward with revising Article 9"
// share head "revision" and modifiers {9, article}. Coordinated actions
// ("adding a clause and with revising Article 9") give one claim each;
// denied plans ("has no plans to", "scrapped plans to") and plans without
// an object give none. A plan dates no event.
// A status in a temporal clause ("After talks broke down, ...") without a
// date of its own is an earlier stage, no claim.
//
// Durations are claims only as a length of something ("two years of free
// credit monitoring": a level of 2 years, subject = the words after "of").
// Not claims: boilerplate segments, bare dates, other durations, event nouns
// themselves, disclaimers, year-like bare numbers, ordinals in names
// ("Second World War"), figures without a subject, table header rows.
//
// Claim ids are "<doc id>#<n>", n counting from 1 in document order.
//
//   auto lex = Lexicon::Load("rules/lexicon.json");
//   std::vector<Claim> cs = BuildClaims(segmented, mentions, *lex);
//   ReferenceDate r = InferReferenceDate(segmented, mentions, *lex);
//   FlagDocument(segmented, mentions, &info);
#ifndef CROSSCHECK_CHECKER_EXTRACT_CLAIMS_H_
#define CROSSCHECK_CHECKER_EXTRACT_CLAIMS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "checker/core/types.h"
#include "checker/extract/modality.h"
#include "checker/extract/subject.h"

namespace crosscheck::extract {

// Claims for the mentions of one document, in document order. Mentions may
// come in any order; their `segment` is a Segment::index of `doc`.
std::vector<Claim> BuildClaims(const SegmentedDocument& doc,
                               const std::vector<Mention>& mentions,
                               const Lexicon& lex);

// Infers a reference date when ingestion found none. In order:
//   * a dateline without a year (ingestion leaves provenance
//     "dateline-no-year" and evidence "March 6"): the year is the latest
//     explicit year of a non-future date mentioned; provenance
//     "dateline+text-year", confidence 0.6;
//   * the latest explicit (non-relative) month- or day-precise date in a
//     clause that is not future or hedged: its last day, provenance
//     "latest-past-date", confidence 0.6 (evidence: the date's text);
//   * the latest explicit year in such a clause: 31 December of it,
//     confidence 0.4.
// Returns a ReferenceDate without `day` when nothing fits; the pipeline then
// falls back to the corpus (median of the other documents' dates).
ReferenceDate InferReferenceDate(const SegmentedDocument& doc,
                                 const std::vector<Mention>& mentions,
                                 const Lexicon& lex);

// Document flags: the first kDisclaimer mention (document order; boilerplate
// segments included, as the pipeline passes their disclaimers too) sets
// info->ai_generated with its text, span and line:col.
void FlagDocument(const SegmentedDocument& doc,
                  const std::vector<Mention>& mentions, DocumentInfo* info);

}  // namespace crosscheck::extract

#endif  // CROSSCHECK_CHECKER_EXTRACT_CLAIMS_H_
