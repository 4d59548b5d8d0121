#include "checker/extract/claims.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "checker/extract/dates.h"

namespace crosscheck::extract {
namespace {

// Word lists (change nouns, temporal connectives, scheduling words, plan
// negations...) are the lexicon's word classes (Lexicon::Is, MatchAt); the
// code keeps the single words that make a construction: "from X to Y", "X%
// of", "by" after a change verb, "than", "since", "and"/"or".

// A mention located in its sentence.
struct Located {
  const Mention* m = nullptr;
  const Segment* seg = nullptr;
  uint32_t sb = 0, se = 0;  // sentence bounds in the segment text
  absl::string_view sentence;
  uint32_t b = 0, e = 0;  // mention offsets in the sentence
};

bool Overlaps(uint32_t b1, uint32_t e1, uint32_t b2, uint32_t e2) {
  return b1 < e2 && b2 < e1;
}

bool IsTableHeaderRow(const Segment& s) {
  if (s.kind != SegmentKind::kTableRow || s.cells.empty() ||
      s.column_headers.size() != s.cells.size()) {
    return false;
  }
  absl::string_view text = s.text.text();
  for (size_t i = 0; i < s.cells.size(); ++i) {
    const Sentence& c = s.cells[i];
    if (c.begin > c.end || c.end > text.size()) return false;
    if (absl::StripAsciiWhitespace(text.substr(c.begin, c.end - c.begin)) !=
        absl::StripAsciiWhitespace(s.column_headers[i])) {
      return false;
    }
  }
  return true;
}

bool Locate(const Segment& seg, const Mention& m, Located* out) {
  absl::string_view text = seg.text.text();
  const uint32_t n = static_cast<uint32_t>(text.size());
  if (m.local_begin > m.local_end || m.local_end > n) return false;
  uint32_t sb = 0, se = n;
  auto contains = [&](const Sentence& s) {
    return s.begin <= m.local_begin && m.local_begin < s.end && s.end <= n;
  };
  if (m.sentence >= 0 && m.sentence < static_cast<int>(seg.sentences.size()) &&
      contains(seg.sentences[m.sentence])) {
    sb = seg.sentences[m.sentence].begin;
    se = seg.sentences[m.sentence].end;
  } else {
    for (const Sentence& s : seg.sentences) {
      if (contains(s)) {
        sb = s.begin;
        se = s.end;
        break;
      }
    }
  }
  // A table cell bounds the figure more tightly than the row.
  for (const Sentence& c : seg.cells) {
    if (c.begin <= m.local_begin && m.local_begin < c.end && c.end <= n) {
      sb = std::max(sb, c.begin);
      se = std::min(se, c.end);
    }
  }
  if (m.local_end > se) se = std::min(n, m.local_end);
  if (sb > m.local_begin) sb = m.local_begin;
  out->m = &m;
  out->seg = &seg;
  out->sb = sb;
  out->se = se;
  out->sentence = text.substr(sb, se - sb);
  out->b = m.local_begin - sb;
  out->e = m.local_end - sb;
  return true;
}

bool SameSentence(const Located& a, const Located& b) {
  return a.seg == b.seg && a.sb == b.sb && a.se == b.se;
}

// Index of the first token ending after `offset`.
int TokenAt(const std::vector<Token>& t, uint32_t offset) {
  int i = 0;
  while (i < static_cast<int>(t.size()) && t[i].end <= offset) ++i;
  return i;
}

// A figure a time scope can date: a numeric kind other than a duration.
bool IsFigureKind(MentionKind k) {
  return IsNumericKind(k) && k != MentionKind::kDuration;
}

bool IsYearLikeNumber(const Mention& m) {
  if (m.kind != MentionKind::kNumber || !m.amount.unit.empty()) return false;
  const double v = m.amount.value;
  if (v < 1800 || v > 2200 || v != std::floor(v)) return false;
  // "1,874" has a thousands separator: a count, never a year.
  if (absl::StrContains(m.text, ",")) return false;
  std::string digits;
  for (char c : m.text) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) digits += c;
  }
  return digits.size() == 4;
}

// A vote tally: "31 councillors in favour and 20 against", "voted for the
// loan and 20 against", "by 31 votes to 24". Returns, per figure of the
// sentence (by index in `group`), "for", "against" or "": the count before
// "against" (or after "N votes to") is the votes against, and the nearest
// count before it in the sentence the votes for. Only plain counts take
// part ("rose 2% against the dollar" is no tally).
std::vector<std::string> VoteSides(const std::vector<Located>& group,
                                   const std::vector<Token>& t,
                                   const Lexicon& lex) {
  std::vector<std::string> sides(group.size());
  const int n = static_cast<int>(t.size());
  auto plain_count = [](const Mention& m) {
    return m.kind == MentionKind::kNumber || m.kind == MentionKind::kQuantity;
  };
  for (size_t k = 0; k < group.size(); ++k) {
    const Located& g = group[k];
    if (!plain_count(*g.m)) continue;
    const int first = TokenAt(t, g.b);
    const int after = TokenAt(t, g.e);
    const bool against_after =
        after < n && lex.Is(WordClass::kVoteAgainst, t[after].lower);
    const bool votes_to = first >= 2 && t[first - 1].lower == "to" &&
                          lex.Is(WordClass::kVoteNoun, t[first - 2].lower);
    if (!against_after && !votes_to) continue;
    // The votes for: the nearest plain count before, within a few words.
    for (size_t j = k; j-- > 0;) {
      const Located& f = group[j];
      if (!plain_count(*f.m)) continue;
      if (first - TokenAt(t, f.e) > 10) break;
      sides[j] = "for";
      sides[k] = "against";
      break;
    }
  }
  return sides;
}

bool IsRank(const Mention& m) {
  return absl::StrContains(m.rule_id, "rank") ||
         absl::StrContains(m.rule_id, "ordinal") ||
         m.amount.dimension == "rank";
}

struct MeasureResult {
  Measure measure = Measure::kLevel;
  std::optional<double> change_from;
  bool is_from_value = false;  // the X of "from X to Y": not a claim
};

MeasureResult DetectMeasure(const Located& loc,
                            const std::vector<Located>& same_sentence,
                            const std::vector<Token>& t, const Lexicon& lex) {
  MeasureResult r;
  const Mention& m = *loc.m;
  if (IsRank(m)) {
    r.measure = Measure::kRank;
    return r;
  }
  const int n = static_cast<int>(t.size());
  const int fb = TokenAt(t, loc.b);
  int fe = fb;
  while (fe < n && t[fe].begin < loc.e) ++fe;
  auto word = [&](int i) -> absl::string_view {
    return i >= 0 && i < n ? absl::string_view(t[i].lower) : "";
  };
  // "from X to Y".
  if (absl::StrContains(m.rule_id, "from-value") ||
      (word(fb - 1) == "from" && word(fe) == "to")) {
    // Only when a figure follows "to"; else "from 2020" etc. stays a level.
    for (const Located& o : same_sentence) {
      if (o.b >= loc.e && fe < n && o.b >= t[fe].end &&
          TokenAt(t, o.b) == fe + 1) {
        r.is_from_value = true;
        return r;
      }
    }
  }
  if (word(fb - 1) == "to") {
    for (const Located& o : same_sentence) {
      if (o.m == loc.m || o.e > loc.b) continue;
      const int ob = TokenAt(t, o.b);
      int oe = ob;
      while (oe < n && t[oe].begin < o.e) ++oe;
      if (oe == fb - 1 && word(ob - 1) == "from") {
        r.measure = Measure::kChange;
        r.change_from = o.m->amount.value;
        return r;
      }
    }
  }
  // Share: "X% of GDP", "a share of X%".
  if (m.kind == MentionKind::kPercent || m.amount.dimension == "percent" ||
      m.amount.dimension == "ratio") {
    int i = fe;
    if (word(i) == "of") {
      ++i;
      while (i < n && lex.Is(WordClass::kOfDeterminer, word(i))) ++i;
      if (i < n && lex.IsShareBase(lex.Lemma(t[i].lower))) {
        r.measure = Measure::kShare;
        return r;
      }
    }
    if (word(fb - 1) == "of" &&
        lex.Is(WordClass::kShareNoun, lex.Lemma(word(fb - 2)))) {
      r.measure = Measure::kShare;
      return r;
    }
  }
  // Change: "rose 5%", "increase by 15%", "a 2% rise", "up 3%".
  auto is_change_word = [&](int i) {
    return i >= 0 && i < n &&
           (lex.IsChangeWord(t[i].lower) ||
            lex.Is(WordClass::kChangeNoun, lex.Lemma(t[i].lower)));
  };
  // "raised its key policy rate by 25 basis points": the verb may stand a
  // few words before "by".
  if (word(fb - 1) == "by" &&
      (is_change_word(fb - 2) || is_change_word(fb - 3) ||
       is_change_word(fb - 4) || is_change_word(fb - 5) ||
       is_change_word(fb - 6))) {
    r.measure = Measure::kChange;
    return r;
  }
  if (is_change_word(fb - 1) && word(fb - 1) != "to") {
    r.measure = Measure::kChange;
    return r;
  }
  // "up 3%" is a change; "made up 20% of those aboard" is a phrasal verb
  // taking a proportion.
  if (lex.Is(WordClass::kChangeAdverb, word(fb - 1)) &&
      !(word(fe) == "of" && fb >= 2 && !t[fb - 2].punct &&
        !lex.Is(WordClass::kAuxiliary, word(fb - 2)))) {
    r.measure = Measure::kChange;
    return r;
  }
  if (fe < n && lex.Is(WordClass::kChangeNoun, lex.Lemma(t[fe].lower))) {
    r.measure = Measure::kChange;
    return r;
  }
  if (lex.Is(WordClass::kComparative, word(fe)) && word(fe + 1) == "than") {
    r.measure = Measure::kChange;
    return r;
  }
  if (m.kind == MentionKind::kQuantity ||
      (m.amount.dimension == "count" && !m.amount.unit.empty())) {
    if (m.amount.dimension == "count") {
      r.measure = Measure::kCount;
      return r;
    }
  }
  return r;
}

// Words right before an event noun ("lower-house election",
// "post-election press conference") that distinguish the event.
std::vector<std::string> EventModifiers(const std::vector<Token>& t,
                                        uint32_t event_begin,
                                        const std::vector<Located>& others,
                                        const Lexicon& lex) {
  std::vector<std::string> mods;
  int i = TokenAt(t, event_begin) - 1;
  for (int k = 0; k < 3 && i >= 0; ++k, --i) {
    const Token& w = t[i];
    if (w.punct || w.numeric || lex.IsStopWord(w.lower) ||
        lex.IsNumberWord(w.lower) || w.possessive) {
      break;
    }
    bool blocked = false;
    for (const Located& o : others) {
      if (Overlaps(w.begin, w.end, o.b, o.e)) blocked = true;
    }
    if (blocked) break;
    mods.push_back(lex.Canonical(w.lower));
  }
  return mods;
}

// An event named by a verb phrase ("raised its key rate", "is recalling
// 48,000", "walked off the job") rather than by a noun ("the election").
bool IsVerbPhraseEvent(const std::vector<Token>& t, const Located& ev,
                       const Lexicon& lex) {
  const int eb = TokenAt(t, ev.b);
  const int n = static_cast<int>(t.size());
  return eb < n && !t[eb].capitalized &&
         (absl::EndsWith(t[eb].lower, "ed") ||
          absl::EndsWith(t[eb].lower, "ing") ||
          (eb + 1 < n && t[eb + 1].end <= ev.e &&
           (lex.IsStopWord(t[eb + 1].lower) || t[eb + 1].numeric)));
}

// The proper-noun run nearest left of `offset` in the sentence: the entity a
// status describes ("the LDP [rules with a minority government]").
std::pair<std::string, std::vector<std::string>> EntityLeft(
    absl::string_view sentence, const std::vector<Token>& t, uint32_t offset,
    const Lexicon& lex) {
  int i = TokenAt(t, offset) - 1;
  while (i >= 0 && !(t[i].capitalized && !t[i].punct && !t[i].numeric &&
                     !lex.IsStopWord(t[i].lower))) {
    --i;
  }
  if (i < 0) return {};
  int b = i;
  while (b - 1 >= 0 && t[b - 1].capitalized && !t[b - 1].punct &&
         !lex.IsStopWord(t[b - 1].lower) && !t[b - 1].possessive && i - b < 4) {
    --b;
  }
  // "Prime Minister Sanae Takaichi" -> the name.
  while (b < i && IsTitleWord(t[b].lower, lex)) ++b;
  std::vector<std::string> mods;
  for (int k = b; k <= i; ++k) mods.push_back(lex.Canonical(t[k].lower));
  return {std::string(sentence.substr(t[b].begin, t[i].end - t[b].begin)),
          mods};
}

// True when a temporal connective between a date and an event noun makes
// the event the reference point of another action rather than the thing
// dated: "late on Monday, a day after a powerful earthquake", "the decision
// came a day after parliament passed the budget on Wednesday". A time of
// day after the connective ("before dawn on Sunday") dates the event it
// follows rather than introducing another one, and so does a trading-day
// marker ("published the results before the stock market opened on Monday").
bool ConnectiveBetween(const std::vector<Token>& t, uint32_t from, uint32_t to,
                       const Lexicon& lex) {
  const int n = static_cast<int>(t.size());
  for (int i = TokenAt(t, from); i < n && t[i].end <= to; ++i) {
    const int k = lex.MatchAt(WordClass::kTemporalConnective, t.data(), n, i);
    if (k == 0) continue;
    const int next = i + k;
    if (lex.MatchAt(WordClass::kTimeOfDay, t.data(), n, next) > 0) continue;
    return true;
  }
  return false;
}

// A dateline or publication stamp opening a body ("PORT ELLIS, March 6
// (Harbor Wire) -", "Published: 2026-01-21", "date 2026-02-10 The cabinet
// ..."): the document's own date, never an event date. The date opens the
// sentence after at most a few capitalized place words or a stamp label, and
// a separator or the end of the segment follows it.
bool IsDatelineDate(const Located& d, const std::vector<Token>& t,
                    const Lexicon& lex) {
  if (d.sb != 0 || d.b > 48) return false;
  const int first = TokenAt(t, d.b);
  for (int i = 0; i < first; ++i) {
    const Token& w = t[i];
    if (w.punct || w.capitalized) continue;
    if (lex.Is(WordClass::kDatelineLabel, w.lower)) continue;
    return false;
  }
  const absl::string_view rest = d.sentence.substr(d.e);
  size_t k = 0;
  while (k < rest.size() && (rest[k] == ' ' || rest[k] == ',')) ++k;
  if (k == rest.size()) return true;
  const char c = rest[k];
  if (c == '(' || c == '-' || c == '|' || c == ':' || c == '/') return true;
  if (static_cast<unsigned char>(c) == 0xE2) return true;  // en/em dash
  // "date 2026-02-10 The cabinet ...": a stamp glued to the first sentence.
  return first > 0 && t[first - 1].lower == "date";
}

// A plan still ahead as of writing: "is scheduled to open in 2024", "is due
// in June 2025", "the upcoming vote". A past auxiliary ("was scheduled",
// "had been planned") reports an old plan instead, and "due to" is a cause.
bool HasSchedulingWord(absl::string_view clause, const Lexicon& lex) {
  const std::vector<Token> t = Tokenize(clause);
  for (size_t i = 0; i < t.size(); ++i) {
    const WordClasses classes = lex.ClassesOf(t[i].lower);
    // "due in June" is a plan and "due to the storm" a cause; "due to
    // open", "due to enter service" are plans again.
    const bool adjective =
        classes.Has(WordClass::kSchedulingAdjective) &&
        (i + 1 == t.size() || t[i + 1].lower != "to" ||
         (i + 2 < t.size() &&
          lex.Is(WordClass::kScheduledVerb, t[i + 2].lower)));
    if (!(adjective || classes.Has(WordClass::kSchedulingWord))) continue;
    if (i > 0 && lex.Is(WordClass::kPastAuxiliary, t[i - 1].lower)) continue;
    return true;
  }
  return false;
}

// "will start feeding power into the grid in April 2025", "shall be
// launched in May 2026": a date after a time preposition in the verb
// phrase of a plain future (lexicon `plan_auxiliary`), only words between:
// a plan dated, as a scheduling word makes one. "would" reports an old
// intention and is not in the class; a figure, punctuation or a speech verb
// between ends the search.
bool PlainFutureBefore(const std::vector<Token>& t, uint32_t date_begin,
                       uint32_t clause_begin, const Lexicon& lex) {
  const int at = TokenAt(t, date_begin);
  if (at < 2 || at > static_cast<int>(t.size()) ||
      !lex.Is(WordClass::kTimeLead, t[at - 1].lower)) {
    return false;
  }
  for (int k = at - 2; k >= 0 && at - k <= 12; --k) {
    if (t[k].begin < clause_begin || t[k].punct || t[k].numeric ||
        lex.Is(WordClass::kSpeechVerb, t[k].lower)) {
      return false;
    }
    if (lex.Is(WordClass::kPlanAuxiliary, t[k].lower)) return true;
  }
  return false;
}

// The tense of an event date: a clause's future marker may belong to another
// verb ("disputes from the 1910-45 occupation are expected to remain"), so
// only a scheduling word makes a dated event future; otherwise the date's
// place relative to the document's own date decides.
Modality EventModality(absl::string_view clause, bool plain_future,
                       Modality clause_modality, const DateValue& date,
                       const SegmentedDocument& doc, const Lexicon& lex) {
  if (plain_future || HasSchedulingWord(clause, lex)) return Modality::kFuture;
  if (clause_modality == Modality::kHedged) return clause_modality;
  if (doc.doc == nullptr || !doc.doc->reference_date.day) {
    return clause_modality == Modality::kFuture ? Modality::kPresent
                                                : clause_modality;
  }
  const absl::CivilDay ref = *doc.doc->reference_date.day;
  if (date.begin > ref) return Modality::kFuture;
  if (date.end < ref) return Modality::kPast;
  return Modality::kPresent;
}

// True when a status mention reads as an outcome rather than a standing
// state: its own clause is not in the present tense.
bool StatusIsOutcome(absl::string_view sentence, const Located& status,
                     const Lexicon& lex) {
  auto [b, e] = ClauseBounds(sentence, status.b, status.e, lex);
  return ClauseModality(sentence.substr(b, e - b), lex, 0) !=
         Modality::kPresent;
}

// A status inside a clause opened by a temporal subordinator ("After talks
// broke down in the first week, a mediator was appointed") is an earlier
// stage the sentence moves on from: the subordinator precedes the status in
// its clause with no comma between. Without a date of its own it is no
// claim.
bool InTemporalSubordinate(const std::vector<Token>& t, uint32_t clause_begin,
                           uint32_t status_begin, const Lexicon& lex) {
  const int end = TokenAt(t, status_begin);
  for (int i = end - 1; i >= 0 && t[i].begin >= clause_begin; --i) {
    if (t[i].punct) return false;
    if (lex.Is(WordClass::kTemporalSubordinator, t[i].lower)) return true;
  }
  return false;
}

// A status that a change starts from ("has gone from a comfortable
// majority to needing a partner", "moved from open to closed") is the state
// before the change: "from" right before it (past determiners) and "to"
// after it in its clause. Without a date of its own it is no claim.
bool IsFormerState(const std::vector<Token>& t, const Located& status,
                   uint32_t clause_end, const Lexicon& lex) {
  int i = TokenAt(t, status.b) - 1;
  while (i >= 0 && lex.Is(WordClass::kDeterminer, t[i].lower)) --i;
  if (i < 0 || t[i].lower != "from") return false;
  for (int k = TokenAt(t, status.e);
       k < static_cast<int>(t.size()) && t[k].begin < clause_end; ++k) {
    if (t[k].lower == "to") return true;
  }
  return false;
}

// The name owning a count: a capitalized run that is the clause's subject
// right before its verb and the count ("the anti-tax Heartland First won 7
// seats", "Traffic on the Quay Bridge jumped to 57,000 vehicles", "The DPP
// finished with 38 seats"). Its words, lowercased and canonical; none when
// the words between are not a verb group (up to four verbs, adverbs and
// function words), when the run touches another mention, or when it is one
// sentence-initial word that is not an acronym ("Officials counted 40").
std::vector<std::string> CountOwner(absl::string_view sentence,
                                    const std::vector<Token>& t,
                                    uint32_t clause_begin, const Located& f,
                                    const std::vector<Located>& group,
                                    const Lexicon& lex) {
  int i = TokenAt(t, f.b) - 1;
  int between = 0;
  bool verb = false;
  while (i >= 0 && t[i].begin >= clause_begin && !t[i].punct &&
         !t[i].capitalized && between < 4) {
    const std::string& w = t[i].lower;
    const bool v = lex.IsVerb(w) || lex.Is(WordClass::kFiniteVerb, w) ||
                   lex.IsChangeWord(w) ||
                   (w.size() > 4 && absl::EndsWith(w, "ed"));
    if (!v && !lex.IsStopWord(w)) return {};
    verb |= v;
    --i;
    ++between;
  }
  if (!verb || i < 0 || t[i].begin < clause_begin || !t[i].capitalized) {
    return {};
  }
  const int last = i;
  while (i >= 0 && t[i].begin >= clause_begin && t[i].capitalized &&
         !t[i].punct && !t[i].possessive &&
         !lex.Is(WordClass::kDeterminer, t[i].lower)) {
    --i;
  }
  const int first = i + 1;
  if (first > last) return {};
  for (const Located& o : group) {
    if (o.m != f.m && o.b < t[last].end && t[first].begin < o.e) return {};
  }
  if (first == last && first == 0) {
    const absl::string_view word =
        sentence.substr(t[first].begin, t[first].end - t[first].begin);
    bool acronym = word.size() >= 2;
    for (char ch : word)
      acronym &= absl::ascii_isupper(static_cast<unsigned char>(ch));
    if (!acronym) return {};
  }
  std::vector<std::string> mods;
  for (int k = first; k <= last; ++k) mods.push_back(lex.Canonical(t[k].lower));
  return mods;
}

// When the figure at `f` is a comparison base set off by a comma (", up
// from [last year's] $4 billion", ", compared with 3.1%"), the token index
// of that comma; else -1.
int ComparisonBaseComma(const std::vector<Token>& t, const Located& f,
                        const Lexicon& lex) {
  int w = TokenAt(t, f.b) - 1;
  while (w >= 0 && lex.Is(WordClass::kDeterminer, t[w].lower)) --w;
  // A possessive date ("last year's") before the figure.
  if (w >= 0 && t[w].possessive) {
    int k = w - 1;
    while (k >= 0 && w - k < 3 && !t[k].punct &&
           !lex.Is(WordClass::kComparisonBase, t[k].lower)) {
      --k;
    }
    w = k;
  }
  const int n = static_cast<int>(t.size());
  for (int len = 1; len <= 2 && w - len + 1 >= 0; ++len) {
    const int b = w - len + 1;
    if (lex.MatchAt(WordClass::kComparisonBase, t.data(), n, b) != len) {
      continue;
    }
    int c = b - 1;
    if (c >= 0 && (t[c].lower == "up" || t[c].lower == "down")) --c;
    return c >= 0 && t[c].lower == "," ? c : -1;
  }
  return -1;
}

// A bare year used as an adjective ("the 2026 budget bill", "its 2025
// season") names which thing, not when a status holds: no preposition
// before it, a word right after it.
bool IsAttributiveYear(const Located& d, const std::vector<Token>& t,
                       const Lexicon& lex) {
  if (!d.m->date || d.m->date->granularity != Granularity::kYear) return false;
  const int first = TokenAt(t, d.b);
  const int after = TokenAt(t, d.e);
  if (after >= static_cast<int>(t.size()) || t[after].punct ||
      t[after].numeric) {
    return false;
  }
  if (first == 0) return true;
  return !lex.Is(WordClass::kYearLead, t[first - 1].lower);
}

// A status stated as holding now ("the recall is voluntary", "remains
// stalled", "is still under way"): its own words carry a present-tense
// copula, or its clause is in the present tense.
bool IsPresentState(const std::vector<Token>& t, const Located& status,
                    Modality clause_modality, const Lexicon& lex) {
  for (int i = TokenAt(t, status.b);
       i < static_cast<int>(t.size()) && t[i].begin < status.e; ++i) {
    if (lex.Is(WordClass::kPresentStateWord, t[i].lower)) return true;
  }
  return clause_modality == Modality::kPresent;
}

// The status group of plan mentions (rules/plan.json).
constexpr absl::string_view kPlanGroup = "plan";

bool IsPlan(const Mention& m) { return m.group == kPlanGroup; }

// Words around a plan trigger that deny or undo the plan: "has no plans
// to", "does not intend to", "scrapped plans to", "ruled out a push for".
bool PlanDenied(const std::vector<Token>& t, int trigger, int clause_begin,
                int clause_end, const Lexicon& lex) {
  for (int i = std::max(0, trigger - 3); i < trigger; ++i) {
    if (lex.Is(WordClass::kNegation, t[i].lower)) return true;
  }
  for (int i = clause_begin; i < clause_end; ++i) {
    if (lex.MatchAt(WordClass::kPlanUndoing, t.data(), clause_end, i) > 0) {
      return true;
    }
  }
  return false;
}

// A key for a verb the lexicon does not list, equal across its inflections:
// close, closes, closed, closing -> "clos"; sell, selling -> "sel".
std::string GenericActionKey(absl::string_view lower) {
  std::string w(lower);
  for (absl::string_view suffix : {"ing", "ed", "es", "e", "s"}) {
    if (w.size() > suffix.size() + 2 && absl::EndsWith(w, suffix) &&
        !absl::EndsWith(w, absl::StrCat("e", suffix)) &&
        !absl::EndsWith(w, "ss")) {
      w.resize(w.size() - suffix.size());
      break;
    }
  }
  const size_t n = w.size();
  if (n > 2 && w[n - 1] == w[n - 2] &&
      !absl::StrContains("aeiouy", absl::string_view(&w[n - 1], 1))) {
    w.pop_back();
  }
  return w;
}

// One planned action read from tokens [p, end): the action and its object.
// `verb_first` says the action is a verb at p ("close the plant"); else p
// starts a noun phrase ("Article 9 revision", "the closure of the bakery").
// On success fills `out` and sets *next to the token that ended the object.
bool ReadPlan(absl::string_view sentence, const std::vector<Token>& t, int p,
              int end, bool verb_first,
              const std::function<bool(int)>& in_mention, const Lexicon& lex,
              Subject* out, int* next) {
  const int start = p;
  std::string head;
  bool from_verb = false;
  if (verb_first) {
    std::optional<std::string> noun = lex.ActionNoun(t[p].lower);
    head = noun ? *noun : GenericActionKey(t[p].lower);
    from_verb = !head.empty();  // a light verb: its object names the action
    ++p;
  }
  // The object: content words up to a clause boundary.
  std::vector<int> words;
  int last = p - 1;
  int i = p;
  for (; i < end && words.size() < 8; ++i) {
    const Token& w = t[i];
    if (w.punct) break;
    if (lex.Is(WordClass::kPlanPlacePreposition, w.lower)) {
      // "the plant in Harlow" names the object; "in March" dates the plan.
      if (i + 1 < end && t[i + 1].capitalized && !t[i + 1].punct &&
          !in_mention(i + 1)) {
        continue;
      }
      break;
    }
    // Conjunctions, subordinators, pronouns, auxiliaries and the
    // prepositions of purpose, time or manner end the object ("close the
    // plant to cut costs", "... by March").
    if (lex.Is(WordClass::kPlanObjectEnd, w.lower)) break;
    if (in_mention(i)) {
      last = i;
      continue;
    }
    if (lex.IsStopWord(w.lower)) continue;
    if (lex.IsVerb(w.lower) && !w.capitalized &&
        !lex.ActionNoun(w.lower).has_value()) {
      break;
    }
    words.push_back(i);
    last = i;
  }
  *next = i;
  if (!from_verb && !words.empty()) {
    // A noun phrase: the action noun in it ("Article 9 revision"), else its
    // last noun ("a second container terminal").
    int action = -1;
    for (int k = static_cast<int>(words.size()) - 1; k >= 0; --k) {
      std::optional<std::string> noun = lex.ActionNoun(t[words[k]].lower);
      if (noun && !noun->empty()) {
        action = k;
        head = *noun;
        break;
      }
    }
    if (action < 0) {
      action = static_cast<int>(words.size()) - 1;
      head = lex.Canonical(lex.AdjectiveNoun(t[words[action]].lower));
    }
    words.erase(words.begin() + action);
  }
  if (head.empty() || words.empty() || last < start) return false;
  std::vector<std::string> mods;
  for (int k : words) {
    mods.push_back(lex.Canonical(lex.AdjectiveNoun(t[k].lower)));
  }
  *out = MakeSubject(std::string(sentence.substr(t[start].begin,
                                                 t[last].end - t[start].begin)),
                     head, std::move(mods));
  return true;
}

// The planned actions of a plan trigger (rules/plan.json) and their
// objects, read from the words after the trigger:
//   "plans to close the Harlow plant"        -> closure {harlow, plant}
//   "moving ahead with closing Harlow plant" -> closure {harlow, plant}
//   "push for Article 9 revision"           -> revision {9, article}
//   "a mandate for constitutional revision" -> revision {constitution}
//   "press ahead with adding an emergency clause and with revising Article
//    9"                  -> addition {clause, emergency}, revision {9, article}
// The head is the action as a noun (Lexicon::ActionNoun; an unlisted verb
// keys by its stem), or, after a light verb ("hold a referendum") or when the
// noun phrase names no action, the phrase's last noun. Coordinated actions
// ("and with revising", "and sell") are further plans when they start with a
// verb the lexicon knows or an -ing verb. A plan without an object, a denied
// plan ("has no plans to") or a trigger followed by no action yields none.
std::vector<Subject> PlanSubjects(absl::string_view sentence,
                                  const std::vector<Token>& t,
                                  const Located& loc, uint32_t cb, uint32_t ce,
                                  const std::vector<Located>& others,
                                  const Lexicon& lex) {
  std::vector<Subject> plans;
  const int n = static_cast<int>(t.size());
  const int mb = TokenAt(t, loc.b);
  const int me = TokenAt(t, loc.e);
  if (mb >= n || me == 0 || me > n) return plans;
  int clause_end = me;
  while (clause_end < n && t[clause_end].begin < ce) ++clause_end;
  if (PlanDenied(t, mb, TokenAt(t, cb), clause_end, lex)) return plans;
  const std::function<bool(int)> in_mention = [&](int i) {
    for (const Located& o : others) {
      if (o.m != loc.m && Overlaps(t[i].begin, t[i].end, o.b, o.e)) {
        return true;
      }
    }
    return false;
  };
  // Adverbs between a trigger and its action: "to formally codify".
  auto skip_adverbs = [&](int p) {
    while (p < clause_end && !t[p].punct && !t[p].capitalized &&
           absl::EndsWith(t[p].lower, "ly") && t[p].lower.size() > 4) {
      ++p;
    }
    return p;
  };
  auto ing_verb = [&](int p) {
    return absl::EndsWith(t[p].lower, "ing") && !lex.IsIngNoun(t[p].lower) &&
           !t[p].capitalized;
  };
  const std::string trigger = t[me - 1].lower;
  int p = skip_adverbs(me);
  if (p >= clause_end || t[p].punct || t[p].numeric) return plans;
  if (trigger == "to" && (t[p].capitalized || lex.IsStopWord(t[p].lower))) {
    return plans;  // "a proposal to the council": no action named
  }
  Subject s;
  int next = p;
  if (ReadPlan(sentence, t, p, clause_end, trigger == "to" || ing_verb(p),
               in_mention, lex, &s, &next)) {
    plans.push_back(std::move(s));
  }
  // Coordinated actions: "... and with revising X", "... and sell Y".
  while (next + 1 < clause_end && plans.size() < 4 &&
         (t[next].lower == "and" || t[next].lower == "or")) {
    p = next + 1;
    if (t[p].lower == trigger && p + 1 < clause_end) ++p;
    p = skip_adverbs(p);
    if (p >= clause_end || t[p].punct || t[p].capitalized) break;
    const bool known =
        lex.ActionNoun(t[p].lower).has_value() && !lex.IsStopWord(t[p].lower);
    if (!(trigger == "to" ? known : ing_verb(p))) break;
    if (!ReadPlan(sentence, t, p, clause_end, true, in_mention, lex, &s,
                  &next)) {
      break;
    }
    plans.push_back(std::move(s));
  }
  return plans;
}

// Where a document names a thing with a proper name: "the Corran Ridge
// fire" -> head "fire", modifiers {corran, ridge}. A later bare "the fire"
// of the same document means the thing named last before it.
struct Naming {
  int segment = 0;      // Segment::index
  uint32_t offset = 0;  // the head's offset in the segment text
  std::string head;     // canonical
  std::vector<std::string> modifiers;
};

// Every "<determiner> <Capitalized words> <noun>" of the document's body, in
// order.
std::vector<Naming> FindNamings(const SegmentedDocument& doc,
                                const Lexicon& lex) {
  std::vector<Naming> out;
  for (const Segment& seg : doc.segments) {
    if (seg.boilerplate) continue;
    const std::vector<Token> t = Tokenize(seg.text.text());
    const int n = static_cast<int>(t.size());
    for (int i = 0; i + 2 < n; ++i) {
      if (!lex.Is(WordClass::kDeterminer, t[i].lower)) continue;
      int k = i + 1;
      while (k < n && k - i <= 4 && t[k].capitalized && !t[k].punct &&
             !t[k].numeric && !t[k].possessive && !lex.IsStopWord(t[k].lower)) {
        ++k;
      }
      if (k == i + 1 || k >= n || k - i > 4) continue;
      const Token& h = t[k];
      if (h.capitalized || h.punct || h.numeric || lex.IsStopWord(h.lower) ||
          lex.IsVerb(h.lower)) {
        continue;
      }
      Naming nm;
      nm.segment = seg.index;
      nm.offset = h.begin;
      nm.head = lex.Canonical(h.lower);
      for (int j = i + 1; j < k; ++j) {
        nm.modifiers.push_back(lex.Canonical(t[j].lower));
      }
      out.push_back(std::move(nm));
      i = k;
    }
  }
  return out;
}

DateValue ReferencePeriod(const SegmentedDocument& doc, bool* ok) {
  DateValue d;
  *ok = false;
  if (doc.doc != nullptr && doc.doc->reference_date.day) {
    d.begin = d.end = *doc.doc->reference_date.day;
    d.granularity = Granularity::kDay;
    const absl::CivilDay& day = d.begin;
    d.iso =
        absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
    *ok = true;
  }
  return d;
}

}  // namespace

std::vector<Claim> BuildClaims(const SegmentedDocument& doc,
                               const std::vector<Mention>& mentions,
                               const Lexicon& lex) {
  std::vector<Claim> out;
  const std::string doc_id = doc.doc != nullptr ? doc.doc->id : "";
  absl::flat_hash_map<int, const Segment*> by_index;
  for (const Segment& s : doc.segments) by_index.emplace(s.index, &s);

  // Locate every mention; order by (segment order, offset).
  std::vector<Located> locs;
  locs.reserve(mentions.size());
  for (const Mention& m : mentions) {
    auto it = by_index.find(m.segment);
    if (it == by_index.end()) continue;
    Located l;
    if (Locate(*it->second, m, &l)) locs.push_back(l);
  }
  std::stable_sort(
      locs.begin(), locs.end(), [](const Located& a, const Located& b) {
        return std::make_tuple(a.seg->index, a.m->local_begin, a.m->local_end) <
               std::make_tuple(b.seg->index, b.m->local_begin, b.m->local_end);
      });

  const int ref_year =
      doc.doc != nullptr && doc.doc->reference_date.day
          ? static_cast<int>(doc.doc->reference_date.day->year())
          : 0;
  bool have_ref = false;
  const DateValue ref_period = ReferencePeriod(doc, &have_ref);

  // Speakers: per sentence, with a paragraph's speaker covering its quoted
  // sentences, and a quote-only paragraph inheriting the previous one's.
  // Computed lazily: most paragraphs hold no figure.
  absl::flat_hash_map<const Segment*, std::string> speaker_cache;
  auto own_speaker = [&](const Segment& s) -> const std::string& {
    auto [it, inserted] = speaker_cache.try_emplace(&s);
    if (inserted) {
      const absl::string_view text = s.text.text();
      for (const Sentence& sent : s.sentences) {
        if (sent.begin > sent.end || sent.end > text.size()) continue;
        it->second =
            FindSpeaker(text.substr(sent.begin, sent.end - sent.begin), lex);
        if (!it->second.empty()) break;
      }
    }
    return it->second;
  };
  auto paragraph_speaker = [&](const Segment& s) -> std::string {
    const std::string& own = own_speaker(s);
    if (!own.empty() || !IsQuoted(s.text.text())) return own;
    // The nearest body paragraph before it.
    const Segment* prev = nullptr;
    for (const Segment& x : doc.segments) {
      if (&x == &s) break;
      if (!x.boilerplate) prev = &x;
    }
    return prev != nullptr ? own_speaker(*prev) : std::string();
  };
  // Event mentions per segment, for table rows (the event noun may sit in
  // the row label while the date is in another cell).
  absl::flat_hash_map<int, std::vector<const Mention*>> events_by_segment;
  // Dates per segment, for table rows: a row's date cell ("Peak demand |
  // 14.2 GW | 14 July") dates the figures of its other cells.
  absl::flat_hash_map<int, std::vector<const Mention*>> dates_by_segment;
  for (const Mention& m : mentions) {
    if (m.kind == MentionKind::kEvent) {
      events_by_segment[m.segment].push_back(&m);
    } else if (m.kind == MentionKind::kDate && m.date) {
      dates_by_segment[m.segment].push_back(&m);
    }
  }

  // Proper namings of the document, found when a bare definite subject
  // first needs them.
  std::optional<std::vector<Naming>> namings;

  int counter = 0;
  size_t i = 0;
  while (i < locs.size()) {
    // One sentence at a time: tokenize once.
    size_t j = i;
    while (j < locs.size() && SameSentence(locs[i], locs[j])) ++j;
    std::vector<Located> group(locs.begin() + i, locs.begin() + j);
    const Located& first = group.front();
    const Segment& seg = *first.seg;
    const absl::string_view sentence = first.sentence;
    i = j;
    if (seg.boilerplate || IsTableHeaderRow(seg)) continue;
    const std::vector<Token> toks = Tokenize(sentence);
    const std::vector<std::pair<uint32_t, uint32_t>> asides =
        DashAsides(sentence);
    const std::vector<std::pair<uint32_t, uint32_t>> relative_asides =
        RelativeAsides(sentence, lex);
    std::string sentence_speaker = FindSpeaker(sentence, lex);
    // Whether a figure's clause may hold a total over several parties
    // ("between them"): one scan per sentence, not per figure.
    const bool aggregate_sentence =
        lex.Mentions(sentence, {WordClass::kAggregateMarker});
    if (sentence_speaker.empty() && IsQuoted(sentence)) {
      sentence_speaker = paragraph_speaker(seg);
    }
    // Table rows: the first cell labels the row.
    absl::string_view row_label;
    bool in_first_cell = false;
    if (seg.kind == SegmentKind::kTableRow && !seg.cells.empty()) {
      const Sentence& c0 = seg.cells.front();
      if (c0.begin <= c0.end && c0.end <= seg.text.size()) {
        row_label = absl::string_view(seg.text.text())
                        .substr(c0.begin, c0.end - c0.begin);
        in_first_cell = first.sb >= c0.begin && first.se <= c0.end;
      }
    }
    // ... and the header of the cell's column ("Seats 2026").
    absl::string_view column_header;
    if (seg.kind == SegmentKind::kTableRow && !in_first_cell &&
        seg.column_headers.size() == seg.cells.size()) {
      for (size_t k = 1; k < seg.cells.size(); ++k) {
        if (first.sb >= seg.cells[k].begin && first.se <= seg.cells[k].end) {
          column_header = seg.column_headers[k];
        }
      }
    }
    // Row-level mentions (events in the label cell) for table rows.
    std::vector<const Mention*> row_events;
    if (seg.kind == SegmentKind::kTableRow) {
      auto it = events_by_segment.find(seg.index);
      if (it != events_by_segment.end()) row_events = it->second;
    }

    const std::vector<std::string> vote_sides = VoteSides(group, toks, lex);
    for (const Located& loc : group) {
      const Mention& m = *loc.m;
      Claim c;
      c.mention = m;
      auto [cb, ce] = ClauseBounds(sentence, loc.b, loc.e, lex);
      const absl::string_view clause = sentence.substr(cb, ce - cb);
      {
        const auto [vb, ve] = VerbPhraseBounds(toks, cb, ce, loc.b, loc.e, lex);
        c.modality = ClauseModality(toks, vb, ve, lex, ref_year);
      }
      c.speaker = sentence_speaker;

      // Explicit time scope: the closest date in the clause.
      const Located* scope = nullptr;
      // Whether another figure of the sentence within [lo, hi] passes
      // `test`.
      auto figure_within = [&](uint32_t lo, uint32_t hi, auto test) {
        for (const Located& f : group) {
          const MentionKind k = f.m->kind;
          if (f.m != &m && f.b >= lo && f.e <= hi && IsFigureKind(k) &&
              test(f)) {
            return true;
          }
        }
        return false;
      };
      constexpr auto any_figure = [](const Located&) { return true; };
      // "said in March that it planned to spend ...": a date right after a
      // speech verb (a time lead between) dates the saying, not the plan
      // reported.
      auto speech_date = [&](const Located& d) {
        int w = TokenAt(toks, d.b) - 1;
        if (w >= 0 && lex.Is(WordClass::kTimeLead, toks[w].lower)) --w;
        return w >= 0 && lex.Is(WordClass::kSpeechVerb, toks[w].lower);
      };
      // A figure after "from", "than", "compared with" (determiners
      // skipped): the base another figure is compared with.
      auto comparison_base = [&](const Located& f) {
        int w = TokenAt(toks, f.b) - 1;
        for (int d = 0;
             d < 2 && w >= 0 && lex.Is(WordClass::kDeterminer, toks[w].lower);
             ++d) {
          --w;
        }
        const int n = static_cast<int>(toks.size());
        for (int len = 1; len <= 2 && w - len + 1 >= 0; ++len) {
          if (lex.MatchAt(WordClass::kComparisonBase, toks.data(), n,
                          w - len + 1) == len) {
            return true;
          }
        }
        return false;
      };
      for (const Located& o : group) {
        if (o.m == &m || o.m->kind != MentionKind::kDate || !o.m->date ||
            IsDatelineDate(o, toks, lex)) {
          continue;
        }
        if (o.b < cb || o.e > ce) continue;
        if ((IsPlan(m) || c.modality == Modality::kFuture) && speech_date(o)) {
          continue;
        }
        const auto dist = [&](const Located& x) {
          return x.b >= loc.e ? x.b - loc.e : loc.b - std::min(loc.b, x.e);
        };
        // "said on Friday it is recalling 48,000 heaters sold since October
        // 2022": a "since" date opens a period; another date of the clause
        // dates the figure better, so a "since" date is the last resort.
        const auto since = [&](const Located& x) {
          const int at = TokenAt(toks, x.b);
          return at > 0 && at < static_cast<int>(toks.size()) &&
                 toks[at - 1].lower == "since";
        };
        // "raising the death toll from Friday's disaster to 19, on Monday":
        // a possessive date names which event; the figure's own date, when
        // the clause has one, is another.
        const auto possessive = [&](const Located& x) {
          const int at = TokenAt(toks, x.e > 0 ? x.e - 1 : 0);
          return at < static_cast<int>(toks.size()) && toks[at].possessive &&
                 toks[at].begin < x.e;
        };
        // "up from last year's $4 billion": a possessive date right before
        // a figure dates that figure alone.
        const auto owner = [&](const Located& x) -> const Located* {
          if (!possessive(x)) return nullptr;
          const int next = TokenAt(toks, x.e > 0 ? x.e - 1 : 0) + 1;
          for (const Located& f : group) {
            if (IsFigureKind(f.m->kind) && TokenAt(toks, f.b) == next) {
              return &f;
            }
          }
          return nullptr;
        };
        const Located* owned_by = owner(o);
        if (owned_by != nullptr && owned_by->m != &m) continue;
        const auto rank = [&](const Located& x) {
          if (owner(x) != nullptr) return -1;
          return (since(x) ? 1 : 0) + (possessive(x) ? 2 : 0);
        };
        // "the value has climbed to $9.6 billion, and shares have gained 41%
        // since the start of the year": a "since" date opens the period of
        // the figure next to it, not of one further off.
        if (since(o) && figure_within(std::min(loc.e, o.e),
                                      std::max(loc.b, o.b), any_figure)) {
          continue;
        }
        // "is $1.12 billion, up from the $760 million budget the council
        // approved in 2022": a date after a comparison base ("from",
        // "than", "compared with") dates that base, not a figure before it.
        if (o.b >= loc.e && figure_within(loc.e, o.b, comparison_base)) {
          continue;
        }
        // "flies 58 jets to 64 destinations, and carried 11.2 million
        // passengers last year": a date after ", and" and a figure of its
        // own dates that figure, not one before the ", and".
        if (o.b >= loc.e) {
          const size_t and_at = sentence.find(", and ", loc.e);
          if (and_at != absl::string_view::npos && and_at + 6 <= o.b &&
              figure_within(static_cast<uint32_t>(and_at), o.b, any_figure)) {
            continue;
          }
        }
        if (scope == nullptr || rank(o) < rank(*scope) ||
            (rank(o) == rank(*scope) && dist(o) < dist(*scope))) {
          scope = &o;
        }
      }
      // A figure in a table row without a date of its own: the row's one
      // date, when another cell holds it.
      const Mention* row_date = nullptr;
      if (scope == nullptr && seg.kind == SegmentKind::kTableRow &&
          IsFigureKind(m.kind)) {
        auto it = dates_by_segment.find(seg.index);
        if (it != dates_by_segment.end()) {
          for (const Mention* d : it->second) {
            bool in_cell = false;
            for (const Located& o : group) in_cell |= o.m == d;
            if (in_cell) continue;
            if (row_date != nullptr &&
                !(d->date->begin == row_date->date->begin &&
                  d->date->end == row_date->date->end)) {
              row_date = nullptr;  // several dates: which one is unclear
              break;
            }
            row_date = d;
          }
        }
      }
      // ... or the one bare year of the row's label ("Orvane revenue, 2025
      // | $310 million"), which no date rule takes on its own.
      // A year in the cell's column header ("Seats 2026") likewise.
      std::optional<DateValue> row_year;
      if (scope == nullptr && row_date == nullptr && !row_label.empty() &&
          !in_first_cell && IsFigureKind(m.kind)) {
        std::vector<Token> label_words = Tokenize(row_label);
        for (Token& t : Tokenize(column_header)) {
          label_words.push_back(std::move(t));
        }
        for (const Token& t : label_words) {
          int year = 0;
          if (!t.numeric || t.lower.size() != 4 ||
              !absl::SimpleAtoi(t.lower, &year) || year < 1800 || year > 2200) {
            continue;
          }
          if (row_year && row_year->begin.year() != year) {
            row_year.reset();  // several years: which one is unclear
            break;
          }
          row_year = PeriodOf(absl::CivilDay(year, 1, 1), Granularity::kYear);
        }
      }
      if (scope != nullptr) {
        c.scope.period = *scope->m->date;
        c.scope.source = "explicit";
      } else if (row_date != nullptr) {
        c.scope.period = *row_date->date;
        c.scope.source = "explicit";
      } else if (row_year) {
        c.scope.period = *row_year;
        c.scope.source = "explicit";
      } else if (have_ref) {
        c.scope.period = ref_period;
        c.scope.source = "reference-date";
      }

      bool keep = false;
      std::vector<Subject> plans;  // kStatus plans: one claim per action
      switch (m.kind) {
        case MentionKind::kDisclaimer:
        case MentionKind::kEvent:
          break;
        case MentionKind::kDuration: {
          // "two years of free credit monitoring" (duration.of-object): a
          // length of something given or lived through is a figure about
          // that thing. Other durations ("for 48 hours") say how long
          // something else lasted: no claim.
          const size_t of = m.text.find(" of ");
          if (of == std::string::npos) {
            // "the loan will be repaid over 25 years", "is to be phased in
            // across three years": a passive act spread over a period; the
            // period is the act's term, a figure about the act.
            const int at = TokenAt(toks, loc.b);
            int v = at - 1;
            if (v >= 0 && lex.Is(WordClass::kVerbParticle, toks[v].lower)) --v;
            if (at < static_cast<int>(toks.size()) && v >= 1 &&
                (toks[at].lower == "over" || toks[at].lower == "across") &&
                !toks[v].punct && !toks[v].numeric && !toks[v].capitalized &&
                !lex.IsStopWord(toks[v].lower) &&
                lex.Is(WordClass::kAuxiliary, toks[v - 1].lower)) {
              std::string act = lex.Canonical(toks[v].lower);
              c.subject =
                  MakeSubject(std::string(sentence.substr(
                                  toks[v].begin, loc.e - toks[v].begin)),
                              std::move(act), {});
              c.measure = Measure::kLevel;
              keep = true;
            }
            break;
          }
          const absl::string_view object =
              absl::string_view(m.text).substr(of + 4);
          const std::vector<Token> words = Tokenize(object);
          // "two years of the war": which part of a period, not an amount.
          if (words.empty() || lex.IsStopWord(words.front().lower)) break;
          // The rule keeps the object to a short noun phrase, so its last
          // word is the head even when it ends in -ing ("monitoring").
          std::vector<std::string> mods;
          for (const Token& w : words) {
            if (!w.punct && !lex.IsStopWord(w.lower)) {
              mods.push_back(lex.Canonical(w.lower));
            }
          }
          if (mods.empty()) break;
          std::string head = std::move(mods.back());
          mods.pop_back();
          c.subject = MakeSubject(std::string(object), std::move(head),
                                  std::move(mods));
          c.measure = Measure::kLevel;
          keep = true;
          break;
        }
        case MentionKind::kDate: {
          if (!m.date || IsDatelineDate(loc, toks, lex)) break;
          // The closest event noun of the sentence, when this date is also
          // the closest date of that event: a date binds to at most one
          // event and an event takes the nearest date ("met reporters on
          // February 8th; the election came two days later": the election
          // is dated by "two days later" only).
          const bool plain_future = PlainFutureBefore(toks, loc.b, cb, lex);
          const Located* ev = nullptr;
          const Located* status = nullptr;
          auto dist = [&](const Located& x) {
            return x.b >= loc.e ? x.b - loc.e : loc.b - std::min(loc.b, x.e);
          };
          auto gap = [](const Located& a, const Located& b) -> uint32_t {
            return b.b >= a.e ? b.b - a.e : a.b - std::min(a.b, b.e);
          };
          // "two days after its January 14 board meeting": the noun after an
          // offset-from-date phrase is its base, not the event dated.
          const bool offset_phrase =
              absl::StrContains(m.rule_id, "offset-from-date");
          auto can_bind = [&](const Located& d, const Located& e) {
            if (offset_phrase && &d == &loc && e.b >= d.e && e.b - d.e <= 2) {
              return false;
            }
            // A relative aside holds one of them and not the other, unless
            // the event is what the aside is about ("The election, which
            // was held on Sunday, ...").
            for (const auto& [ab, ae] : relative_asides) {
              const bool d_in = d.b >= ab && d.e <= ae;
              const bool e_in = e.b >= ab && e.e <= ae;
              if (d_in != e_in && !(d_in && e.e <= ab && ab - e.e <= 1)) {
                return false;
              }
            }
            const uint32_t from = std::min(d.e, e.e);
            const uint32_t to = std::max(d.b, e.b);
            return !ConnectiveBetween(toks, from, to, lex);
          };
          // Whether another date of the sentence is nearer to `o` and
          // could date it.
          auto nearer_date = [&](const Located& o) {
            for (const Located& d : group) {
              if (&d == &loc || d.m->kind != MentionKind::kDate || !d.m->date ||
                  IsDatelineDate(d, toks, lex)) {
                continue;
              }
              if (gap(o, d) < gap(o, loc) && can_bind(d, o)) return true;
            }
            return false;
          };
          for (const Located& o : group) {
            if (o.m->kind != MentionKind::kEvent || !can_bind(loc, o)) continue;
            if (nearer_date(o)) continue;
            if (ev == nullptr || dist(o) < dist(*ev)) ev = &o;
          }
          for (const Located& o : group) {
            // A plan dates nothing: "plans to close the plant in March". A
            // state behind a connective is the reference point, as an event
            // noun is ("queues on Tuesday, the day after the bridge was
            // closed" does not date the closure).
            if (o.m->kind == MentionKind::kStatus && !IsPlan(*o.m) &&
                can_bind(loc, o) && !nearer_date(o) &&
                (status == nullptr || dist(o) < dist(*status))) {
              status = &o;
            }
          }
          std::string event;
          std::vector<std::string> mods;
          std::string text;
          if (ev != nullptr && !ev->m->label.empty()) {
            event = ev->m->label;
            // A verb-phrase event ("raised its key rate", "is recalling
            // 48,000", "walked off the job") is preceded by its actor, not
            // by words that qualify the event.
            if (!IsVerbPhraseEvent(toks, *ev, lex)) {
              mods = EventModifiers(toks, ev->b, group, lex);
            }
            text = std::string(sentence.substr(
                ev->b, std::min<size_t>(ev->e, sentence.size()) - ev->b));
          } else if (status != nullptr && !IsAttributiveYear(loc, toks, lex) &&
                     StatusIsOutcome(sentence, *status, lex) &&
                     !(status->m->group.empty() && status->m->label.empty())) {
            // An outcome dated in its sentence ("secured a supermajority two
            // days later", "what would unfold two days later: a
            // supermajority") dates the event behind it; a present state
            // ("rules with a minority government") does not.
            event = lex.StatusEvent(
                status->m->group.empty() ? status->m->label : status->m->group,
                status->m->label);
            text = status->m->text;
          } else if (!row_events.empty() &&
                     !row_events.front()->label.empty()) {
            event = row_events.front()->label;
            text = std::string(row_label);
          } else if (!row_label.empty() && !in_first_cell) {
            Subject s = CanonicalSubject(row_label, lex);
            event = s.head;
            mods.assign(s.modifiers.begin(), s.modifiers.end());
            text = std::string(row_label);
          } else if ((plain_future || HasSchedulingWord(clause, lex)) &&
                     !speech_date(loc)) {
            FigureContext f;
            f.sentence = sentence;
            f.begin = loc.b;
            f.end = loc.e;
            f.clause_begin = cb;
            f.clause_end = ce;
            f.kind = m.kind;
            f.asides = asides;
            f.tokens = &toks;
            for (const Located& o : group) {
              if (o.m != &m && !IsPlan(*o.m)) f.others.emplace_back(o.b, o.e);
            }
            Subject s = FindSubject(f, lex);
            if (s.head.empty() && cb > 0) {
              // "a new berth, which is scheduled to open in 2024": the
              // relative clause's antecedent is the thing planned.
              int k = TokenAt(toks, cb) - 1;
              while (k >= 0 && toks[k].punct) --k;
              const int last = k;
              while (k >= 0 && last - k < 4 && !toks[k].punct &&
                     !toks[k].numeric && !lex.IsStopWord(toks[k].lower)) {
                --k;
              }
              if (last > k) {
                s = CanonicalSubject(
                    sentence.substr(toks[k + 1].begin,
                                    toks[last].end - toks[k + 1].begin),
                    lex);
              }
            }
            if (s.head.empty()) {
              // "Replacement of the two main cables is scheduled to begin
              // in February 2026": the clause's subject, up to its first
              // auxiliary, is the thing planned.
              const int first = TokenAt(toks, cb);
              int k = first;
              while (k < static_cast<int>(toks.size()) &&
                     toks[k].end <= loc.b && !toks[k].punct &&
                     !lex.Is(WordClass::kFiniteVerb, toks[k].lower) &&
                     !lex.Is(WordClass::kPlanAuxiliary, toks[k].lower)) {
                ++k;
              }
              if (k > first && k < static_cast<int>(toks.size()) &&
                  !toks[k].punct && toks[k].end <= loc.b) {
                s = CanonicalSubject(
                    sentence.substr(toks[first].begin,
                                    toks[k - 1].end - toks[first].begin),
                    lex);
              }
            }
            event = s.head;
            mods.assign(s.modifiers.begin(), s.modifiers.end());
            text = s.text;
          }
          if (event.empty()) break;
          c.modality = EventModality(clause, plain_future, c.modality, *m.date,
                                     doc, lex);
          c.measure = Measure::kEventDate;
          c.event = event;
          c.subject = MakeSubject(text, event, mods);
          c.scope.period = *m.date;
          c.scope.source = "explicit";
          keep = true;
          break;
        }
        case MentionKind::kStatus: {
          if (IsPlan(m)) {
            plans = PlanSubjects(sentence, toks, loc, cb, ce, group, lex);
            if (plans.empty()) break;
            if (!row_label.empty() && !in_first_cell) {
              // A table row's label names the area its cells are about
              // ("Constitutional Reform | Push for Article 9 revision").
              std::vector<std::string> area;
              for (const Token& w : Tokenize(row_label)) {
                if (w.punct || w.numeric || lex.IsStopWord(w.lower) ||
                    lex.ActionNoun(w.lower).has_value()) {
                  continue;
                }
                area.push_back(lex.Canonical(lex.AdjectiveNoun(w.lower)));
              }
              for (Subject& s : plans) {
                std::vector<std::string> mods(s.modifiers.begin(),
                                              s.modifiers.end());
                mods.insert(mods.end(), area.begin(), area.end());
                s = MakeSubject(s.text, s.head, std::move(mods));
              }
            }
            c.subject = plans.front();
            c.measure = Measure::kStatus;
            keep = true;
            break;
          }
          const std::string head = !m.group.empty() ? m.group : m.label;
          if (head.empty()) break;
          if (scope == nullptr &&
              (InTemporalSubordinate(toks, cb, loc.b, lex) ||
               IsFormerState(toks, loc, ce, lex))) {
            break;
          }
          if (scope != nullptr && IsAttributiveYear(*scope, toks, lex)) {
            scope = nullptr;
            c.scope = TimeScope();
            if (have_ref) {
              c.scope.period = ref_period;
              c.scope.source = "reference-date";
            }
          }
          // A state asserted as holding now holds on the day of writing,
          // not in the days around it: "the recall is voluntary" in an
          // article of 19 January and "made the recall mandatory on
          // Tuesday" (20 January) describe consecutive days.
          if (scope == nullptr && have_ref &&
              IsPresentState(toks, loc, c.modality, lex)) {
            c.scope.source = "present-tense";
          }
          auto [entity, mods] = EntityLeft(sentence, toks, loc.b, lex);
          if (entity.empty()) {
            // "The footway on the bridge's eastern side remains open": no
            // name, so the noun phrase opening the clause, up to its first
            // function word, is the thing whose status it is.
            const int stop = TokenAt(toks, loc.b);
            int k = TokenAt(toks, cb);
            while (k < stop && !toks[k].punct &&
                   lex.Is(WordClass::kDeterminer, toks[k].lower)) {
              ++k;
            }
            int e = k;
            while (e < stop && !toks[e].punct && !toks[e].numeric &&
                   !lex.IsStopWord(toks[e].lower) &&
                   !lex.Is(WordClass::kFiniteVerb, toks[e].lower)) {
              ++e;
            }
            if (e > k && e - k <= 3 && e <= stop) {
              Subject s = CanonicalSubject(
                  sentence.substr(toks[k].begin,
                                  toks[e - 1].end - toks[k].begin),
                  lex);
              if (!s.head.empty() && !lex.IsGenericHead(s.head)) {
                entity = s.text;
                mods.assign(s.modifiers.begin(), s.modifiers.end());
                mods.push_back(s.head);
              }
            }
          }
          if (entity.empty() && !row_label.empty() && !in_first_cell) {
            Subject s = CanonicalSubject(row_label, lex);
            entity = std::string(row_label);
            mods.assign(s.modifiers.begin(), s.modifiers.end());
            if (!s.head.empty()) mods.push_back(s.head);
          }
          c.measure = Measure::kStatus;
          c.subject = MakeSubject(entity.empty() ? m.text : entity, head, mods);
          keep = true;
          break;
        }
        case MentionKind::kNumber:
        case MentionKind::kMoney:
        case MentionKind::kPercent:
        case MentionKind::kQuantity: {
          if (IsYearLikeNumber(m)) break;
          if (IsRank(m)) {
            // Ordinals in names: "Second World War", "21st Century Fund".
            const int fb = TokenAt(toks, loc.b);
            int fe = fb;
            while (fe < static_cast<int>(toks.size()) &&
                   toks[fe].begin < loc.e) {
              ++fe;
            }
            const bool named =
                (fb > 0 && !toks[fb].lower.empty() && toks[fb].capitalized) ||
                (fe < static_cast<int>(toks.size()) && toks[fe].capitalized &&
                 !toks[fe].punct);
            if (named) break;
          }
          // "over the next 2 years": a bare number counting time units is
          // a duration the date rules own.
          if (m.kind == MentionKind::kNumber && m.amount.unit.empty()) {
            const int after = TokenAt(toks, loc.e);
            if (after < static_cast<int>(toks.size()) &&
                lex.Is(WordClass::kTimeUnit, lex.Lemma(toks[after].lower))) {
              break;
            }
          }
          MeasureResult mr = DetectMeasure(loc, group, toks, lex);
          if (mr.is_from_value) break;
          FigureContext f;
          f.sentence = sentence;
          f.begin = loc.b;
          f.end = loc.e;
          f.clause_begin = cb;
          f.clause_end = ce;
          f.kind = m.kind;
          f.amount = m.amount;
          f.asides = asides;
          f.tokens = &toks;
          for (const Located& o : group) {
            // An event phrase or a plan trigger may hold the figure's subject
            // ("raised its key policy rate by 25 basis points", "the quake,
            // with a magnitude of 6.8", "a $350 billion investment plan for
            // America"): only figures, dates and statuses are off limits.
            if (o.m != &m && o.m->kind != MentionKind::kEvent &&
                !IsPlan(*o.m)) {
              f.others.emplace_back(o.b, o.e);
            }
          }
          if (!in_first_cell) {
            f.row_label = row_label;
            f.column_header = column_header;
          }
          c.subject = FindSubject(f, lex);
          // "Sales rose to $5 billion, up from last year's $4 billion": a
          // comparison base after a comma, without a noun of its own, is
          // the same thing as the figure it is compared with, at the time
          // of a date of its own (without one it is no claim: "fell to 2.9%
          // in March, down from 3.1%" says nothing of March for 3.1%).
          if (const int comma = ComparisonBaseComma(toks, loc, lex);
              comma >= 0) {
            const Claim* compared = nullptr;
            for (auto it = out.rbegin(); it != out.rend(); ++it) {
              const Mention& p = it->mention;
              if (p.segment != m.segment || p.sentence != m.sentence) break;
              if (p.kind == m.kind && p.local_end <= m.local_begin) {
                compared = &*it;
                break;
              }
            }
            if (compared != nullptr) {
              if (scope == nullptr || scope->b < toks[comma].end) break;
              if (c.subject.head.empty()) c.subject = compared->subject;
            }
          }
          if (!vote_sides[static_cast<size_t>(&loc - group.data())].empty()) {
            // A side of a vote tally counts votes, whatever noun (votes,
            // councillors, none) each source counts them with.
            const std::string& side =
                vote_sides[static_cast<size_t>(&loc - group.data())];
            c.subject =
                MakeSubject(absl::StrCat("votes ", side), "vote", {side});
            c.mention.amount.unit = "vote";
            c.mention.amount.dimension = "count";
            c.measure = Measure::kCount;
            keep = true;
            break;
          }
          // "the study enrolled 1,240 adults" and "recruited 1,420
          // patients": people taken into a study or poll are its
          // participants, whatever noun each source counts them with.
          if (const int at = TokenAt(toks, loc.b);
              m.amount.dimension == "count" && !m.amount.unit.empty() &&
              at > 0 && lex.Is(WordClass::kEnrolVerb, toks[at - 1].lower)) {
            c.subject = MakeSubject(m.text, "participant", {});
            c.mention.amount.unit = "participant";
          }
          // "employs about 3,100 people": people employed are employees
          // (where they work, "at its headquarters", still qualifies them).
          if (const int at = TokenAt(toks, loc.b);
              m.amount.dimension == "count" && at > 0 &&
              lex.Is(WordClass::kEmployVerb, toks[at - 1].lower) &&
              lex.Is(WordClass::kPersonNoun, lex.Lemma(m.amount.unit.str())) &&
              lex.Is(WordClass::kPersonNoun, c.subject.head.str())) {
            std::vector<std::string> mods(c.subject.modifiers.begin(),
                                          c.subject.modifiers.end());
            c.subject =
                MakeSubject(c.subject.text, "employee", std::move(mods));
            c.mention.amount.unit = "employee";
          }
          if (c.subject.head.empty()) break;
          // A count with a bare noun of its own ("won 7 seats") is the named
          // owner's, when the clause's subject is a name.
          if (m.amount.dimension == "count" && c.subject.modifiers.empty()) {
            const size_t at = sentence.find(std::string(c.subject.text));
            if (at != absl::string_view::npos && at >= loc.b) {
              std::vector<std::string> owner =
                  CountOwner(sentence, toks, cb, loc, group, lex);
              if (!owner.empty()) {
                c.subject =
                    MakeSubject(std::string(c.subject.text),
                                std::string(c.subject.head), std::move(owner));
              }
            }
          }
          // A count takes its subject's noun as its unit when that noun
          // names the same things: "238 people on board" counts passengers,
          // like "271 passengers" (people whose state names them); "58
          // jets" counts aircraft, like "64 aircraft" (a lexicon synonym).
          // A bare number in a table row counts what its row is about
          // ("Businesses without power | 26,500" counts businesses, like
          // "18,000 businesses").
          if (Amount& a = c.mention.amount;
              seg.kind == SegmentKind::kTableRow && !in_first_cell &&
              m.kind == MentionKind::kNumber && a.dimension.empty() &&
              a.unit.empty() && !c.subject.head.empty() &&
              !lex.IsGenericHead(c.subject.head.str()) &&
              !lex.IsRelationalHead(c.subject.head.str())) {
            a.unit = c.subject.head;
            a.dimension = "count";
            c.measure = Measure::kCount;
          }
          if (Amount& a = c.mention.amount; a.dimension == "count") {
            const std::string unit = lex.Lemma(a.unit.str());
            if ((lex.Is(WordClass::kPersonNoun, unit) &&
                 lex.IsStateHead(c.subject.head.str())) ||
                (!unit.empty() &&
                 lex.Canonical(unit) == c.subject.head.str())) {
              a.unit = c.subject.head;
            }
          }
          // "By Thursday the fire had burned 14,000 acres" after "the Corran
          // Ridge fire" earlier in the document: a bare definite subject is
          // the thing last named with that head; it takes the name's words.
          if (c.subject.modifiers.empty() && !c.subject.text.empty()) {
            const size_t at = sentence.find(std::string(c.subject.text));
            const int w = at == absl::string_view::npos
                              ? -1
                              : TokenAt(toks, static_cast<uint32_t>(at));
            if (w > 0 &&
                lex.Is(WordClass::kDefiniteDeterminer, toks[w - 1].lower)) {
              if (!namings) namings = FindNamings(doc, lex);
              const uint32_t here = loc.sb + toks[w].begin;
              const Naming* named = nullptr;
              for (const Naming& nm : *namings) {
                if (nm.segment > seg.index ||
                    (nm.segment == seg.index && nm.offset >= here)) {
                  break;
                }
                if (nm.head == c.subject.head.str()) named = &nm;
              }
              if (named != nullptr) {
                c.subject =
                    MakeSubject(std::string(c.subject.text),
                                std::string(c.subject.head), named->modifiers);
              }
            }
          }
          // A subject headed by an event noun takes the event's own name:
          // "a magnitude 5.2 tremor" is an aftershock, "the quake" the
          // earthquake.
          // Not when the text ends in a prepositional object ("the cost of
          // the strike" is a cost).
          const std::vector<Token> subject_words = Tokenize(c.subject.text);
          const bool ends_in_head = !subject_words.empty() &&
                                    lex.Canonical(subject_words.back().lower) ==
                                        std::string(c.subject.head);
          if (const size_t at = sentence.find(std::string(c.subject.text));
              ends_in_head && at != absl::string_view::npos &&
              !c.subject.text.empty()) {
            const uint32_t head_end =
                static_cast<uint32_t>(at + c.subject.text.size());
            for (const Located& o : group) {
              if (o.m->kind == MentionKind::kEvent && !o.m->label.empty() &&
                  o.b < head_end && head_end <= o.e &&
                  !IsVerbPhraseEvent(toks, o, lex)) {
                std::vector<std::string> mods(c.subject.modifiers.begin(),
                                              c.subject.modifiers.end());
                c.subject =
                    MakeSubject(std::string(c.subject.text),
                                lex.Canonical(o.m->label), std::move(mods));
                break;
              }
            }
          }
          // "Between them, the two airlines carried about 31 million
          // passengers": a total over several parties, not one party's
          // figure ("Skelda carried 11.2 million passengers").
          if (aggregate_sentence) {
            const int n = static_cast<int>(toks.size());
            bool total = false;
            for (int i = TokenAt(toks, cb);
                 i < n && toks[i].begin < ce && !total; ++i) {
              total = lex.MatchAt(WordClass::kAggregateMarker, toks.data(), n,
                                  i) > 0;
            }
            if (total && std::find(c.subject.modifiers.begin(),
                                   c.subject.modifiers.end(),
                                   "combined") == c.subject.modifiers.end()) {
              std::vector<std::string> mods(c.subject.modifiers.begin(),
                                            c.subject.modifiers.end());
              mods.push_back("combined");
              c.subject =
                  MakeSubject(std::string(c.subject.text),
                              std::string(c.subject.head), std::move(mods));
            }
          }
          c.measure = mr.measure;
          c.change_from = mr.change_from;
          // A tally of people in a state (the dead, the missing, survivors,
          // people aboard) runs with the event it counts: without a date of
          // its own it is the tally of the day of writing, not of the days
          // around it ("at least 11 dead" on 3 October, "the toll stands at
          // 19" on 8 October: one toll that grew).
          if (scope == nullptr && have_ref &&
              (c.modality == Modality::kPresent ||
               c.modality == Modality::kPast) &&
              lex.IsStateHead(c.subject.head.str())) {
            c.scope.source = "as-of-writing";
          }
          keep = true;
          break;
        }
      }
      if (!keep) continue;
      ++counter;
      c.id = absl::StrCat(doc_id, "#", counter);
      c.doc_id = doc_id;
      c.sentence = std::string(sentence);
      if (doc.doc != nullptr) {
        c.position = doc.doc->original_index.PositionOf(m.span.begin);
        c.quote = std::string(doc.doc->Quote(m.span));
      }
      // Further coordinated plans of one trigger: same mention and sentence.
      for (size_t k = 1; k < plans.size(); ++k) {
        Claim more = c;
        more.subject = std::move(plans[k]);
        more.id = absl::StrCat(doc_id, "#", ++counter);
        out.push_back(std::move(c));
        c = std::move(more);
      }
      out.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace crosscheck::extract
