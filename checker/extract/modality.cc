#include "checker/extract/modality.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "checker/extract/subject.h"

namespace crosscheck::extract {
namespace {

// The word lists (hedges, future and past markers, clause openers, speech
// verbs, titles) are the lexicon's word classes; what stays in code is
// morphology (-ed), the month homograph "May", "by <year>" and "the last".

bool IsProperWord(const Token& t) {
  return !t.punct && t.capitalized && !t.numeric;
}

bool IsTitle(const Token& t, const Lexicon& lex) {
  return IsTitleWord(t.lower, lex);
}

// The proper-noun run ending at token `last` (inclusive), titles removed.
std::string NameEndingAt(absl::string_view text, const std::vector<Token>& t,
                         int last, const Lexicon& lex) {
  if (last < 0 || last >= static_cast<int>(t.size()) ||
      !IsProperWord(t[last])) {
    return "";
  }
  int b = last;
  while (b - 1 >= 0 && IsProperWord(t[b - 1]) && !t[b - 1].possessive &&
         last - b < 5) {
    --b;
  }
  while (b <= last && IsTitle(t[b], lex)) ++b;
  if (b > last) return "";
  // Sentence-initial function words are capitalized too ("She said").
  if (b == last && lex.Is(WordClass::kNonNameWord, t[b].lower)) return "";
  return std::string(text.substr(t[b].begin, t[last].end - t[b].begin));
}

std::string NameStartingAt(absl::string_view text, const std::vector<Token>& t,
                           int first, const Lexicon& lex) {
  const int n = static_cast<int>(t.size());
  int b = first;
  while (b < n && IsProperWord(t[b]) && IsTitle(t[b], lex)) ++b;
  if (b >= n || !IsProperWord(t[b])) return "";
  int e = b;
  while (e + 1 < n && IsProperWord(t[e + 1]) && e - b < 4 && !t[e].possessive) {
    ++e;
  }
  return std::string(text.substr(t[b].begin, t[e].end - t[b].begin));
}

}  // namespace

namespace {

// A clause separator at `i`: ; : " - " " -- " or a UTF-8 en/em dash.
// Sets *len and *dash.
bool IsBreak(absl::string_view s, size_t i, size_t* len, bool* dash) {
  const char c = s[i];
  *dash = false;
  if (c == ';') {
    *len = 1;
    return true;
  }
  if (c == ':' && (i + 1 >= s.size() || s[i + 1] == ' ')) {
    *len = 1;
    return true;
  }
  if (c == ' ' && i + 2 < s.size() && s[i + 1] == '-' &&
      (s[i + 2] == ' ' ||
       (s[i + 2] == '-' && i + 3 < s.size() && s[i + 3] == ' '))) {
    *len = s[i + 2] == '-' ? 4 : 3;
    *dash = true;
    return true;
  }
  if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < s.size() &&
      static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(s[i + 2]) == 0x94 ||
       static_cast<unsigned char>(s[i + 2]) == 0x93)) {
    *len = 3;
    *dash = true;
    return true;
  }
  return false;
}

struct Break {
  uint32_t begin, end;
  bool dash;
};

std::vector<Break> Breaks(absl::string_view s) {
  std::vector<Break> out;
  for (size_t i = 0; i < s.size();) {
    size_t len = 0;
    bool dash = false;
    if (IsBreak(s, i, &len, &dash)) {
      out.push_back(
          {static_cast<uint32_t>(i), static_cast<uint32_t>(i + len), dash});
      i += len;
    } else {
      ++i;
    }
  }
  return out;
}

// s[i, j) lowercased into `buf`, or "" when it does not fit (no word class
// holds a word that long).
absl::string_view Lowered(absl::string_view s, size_t i, size_t j,
                          char (&buf)[32]) {
  if (j - i >= sizeof(buf)) return {};
  for (size_t k = i; k < j; ++k) {
    buf[k - i] = absl::ascii_tolower(static_cast<unsigned char>(s[k]));
  }
  return absl::string_view(buf, j - i);
}

// Whether the words from `from` (up to `limit`) are a subject of one to
// four words and then a finite verb (a lexicon `finite_verb` or speech
// verb): "the enlarged group would", "Sellick said", "it could". Stops at
// punctuation other than apostrophes, hyphens, periods inside a word and
// "%".
bool CoordinateClauseAt(absl::string_view s, size_t from, size_t limit,
                        const Lexicon& lex) {
  char word[32];
  int words = 0;
  size_t i = from;
  while (i < limit && words <= 4) {
    while (i < limit && s[i] == ' ') ++i;
    size_t j = i;
    while (j < limit) {
      const unsigned char c = static_cast<unsigned char>(s[j]);
      if (absl::ascii_isalnum(c) || c == '\'' || c == '-' || c == '%' ||
          c >= 0x80 ||
          (c == '.' && j + 1 < limit &&
           absl::ascii_isalnum(static_cast<unsigned char>(s[j + 1])))) {
        ++j;
      } else {
        break;
      }
    }
    if (j == i) return false;  // punctuation: no clause found
    const absl::string_view w = Lowered(s, i, j, word);
    if (lex.Is(WordClass::kFiniteVerb, w) ||
        lex.Is(WordClass::kSpeechVerb, w)) {
      return words > 0;  // a verb right after "and" shares the subject
    }
    ++words;
    i = j;
  }
  return false;
}

}  // namespace

std::vector<std::pair<uint32_t, uint32_t>> DashAsides(absl::string_view s) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  std::vector<Break> dashes;
  for (const Break& b : Breaks(s)) {
    if (b.dash) dashes.push_back(b);
  }
  for (size_t i = 0; i + 1 < dashes.size(); i += 2) {
    out.emplace_back(dashes[i].begin, dashes[i + 1].end);
  }
  return out;
}

std::vector<std::pair<uint32_t, uint32_t>> RelativeAsides(absl::string_view s,
                                                          const Lexicon& lex) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  char word[32];
  for (size_t at = s.find(", "); at != absl::string_view::npos;
       at = s.find(", ", at + 1)) {
    size_t j = at + 2;
    while (j < s.size() &&
           absl::ascii_isalpha(static_cast<unsigned char>(s[j]))) {
      ++j;
    }
    // ", that it was raising rates" after a parenthetical is a content
    // clause, not an aside.
    const absl::string_view w = Lowered(s, at + 2, j, word);
    if (w == "that" || !lex.Is(WordClass::kRelativePronoun, w)) continue;
    size_t close = s.find(", ", j);
    if (close == absl::string_view::npos) close = s.size();
    out.emplace_back(static_cast<uint32_t>(at), static_cast<uint32_t>(close));
    at = close == s.size() ? close - 1 : close;
  }
  return out;
}

std::pair<uint32_t, uint32_t> ClauseBounds(absl::string_view s, uint32_t begin,
                                           uint32_t end, const Lexicon& lex) {
  uint32_t b = 0;
  uint32_t e = static_cast<uint32_t>(s.size());
  begin = std::min<uint32_t>(begin, e);
  end = std::min<uint32_t>(std::max(end, begin), e);
  // Paired dashes enclose an aside: a figure inside it has the aside as its
  // clause; outside it, the pair does not cut the clause ("tariffs on cars
  // - along with other duties - from 15% to 25%").
  std::vector<std::pair<uint32_t, uint32_t>> asides = DashAsides(s);
  std::vector<Break> breaks = Breaks(s);
  for (const auto& [ab, ae] : asides) {
    if (ab <= begin && end <= ae) {
      for (const Break& br : breaks) {
        if (br.begin == ab) b = br.end;
        if (br.end == ae) e = br.begin;
      }
      breaks.clear();
      break;
    }
  }
  for (const Break& br : breaks) {
    bool paired = false;
    for (const auto& [ab, ae] : asides) {
      if (br.begin == ab || br.end == ae) paired = true;
    }
    if (br.dash && paired) continue;
    if (br.end <= begin) b = std::max(b, br.end);
    if (br.begin >= end) {
      e = std::min(e, br.begin);
      break;
    }
  }
  // Soft separators: clause openers, found without tokenizing (this runs
  // once per figure): each run of ASCII letters and digits that starts with
  // a letter, lowercased into a small buffer.
  char word[32];
  for (size_t i = b; i < e; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (!absl::ascii_isalpha(c)) continue;
    if (i > 0 && absl::ascii_isalnum(static_cast<unsigned char>(s[i - 1]))) {
      continue;
    }
    size_t j = i;
    while (j < s.size() &&
           absl::ascii_isalnum(static_cast<unsigned char>(s[j]))) {
      ++j;
    }
    if (j > e || !lex.Is(WordClass::kClauseOpener, Lowered(s, i, j, word))) {
      continue;
    }
    if (j <= begin) {
      b = std::max(b, static_cast<uint32_t>(i));
    } else if (i >= end) {
      e = std::min(e, static_cast<uint32_t>(i));
    }
  }
  // ", which employs about 3,100 people, still wants ... by 2028": a
  // relative clause set off by commas ends at its closing comma, so the
  // main clause's tense and dates stay out of it.
  for (size_t at = s.find(", ", b >= 2 ? b - 2 : 0);
       at != absl::string_view::npos && at < begin; at = s.find(", ", at + 1)) {
    size_t j = at + 2;
    while (j < s.size() &&
           absl::ascii_isalpha(static_cast<unsigned char>(s[j]))) {
      ++j;
    }
    if (!lex.Is(WordClass::kRelativePronoun, Lowered(s, at + 2, j, word))) {
      continue;
    }
    if (s.substr(at + 2, begin - (at + 2)).find(", ") !=
        absl::string_view::npos) {
      continue;  // the relative clause closed before the figure
    }
    const size_t close = s.find(", ", end);  // not the comma of "3,100"
    if (close == absl::string_view::npos || close >= e) continue;
    b = std::max(b, static_cast<uint32_t>(at + 2));
    e = static_cast<uint32_t>(close);
  }
  // ", and" before a new subject and its own verb starts a second clause
  // ("The notice stays, and the utility could not say when ..."), so the
  // second clause's hedge, tense or date does not reach a figure in the
  // first. ", and fell 2%" shares the subject and stays one clause.
  for (size_t at = s.find(", and ", b); at != absl::string_view::npos && at < e;
       at = s.find(", and ", at + 1)) {
    const uint32_t opener = static_cast<uint32_t>(at + 2);
    if (opener < end && opener + 3 > begin) continue;  // inside the figure
    if (!CoordinateClauseAt(s, opener + 4, e, lex)) continue;
    if (opener + 3 <= begin) {
      b = std::max(b, opener);
    } else {
      e = std::min(e, opener);
    }
  }
  return {b, e};
}

namespace {

Modality TokenModality(const Token* t, int n, const Lexicon& lex,
                       int reference_year);

}  // namespace

Modality ClauseModality(absl::string_view clause, const Lexicon& lex,
                        int reference_year) {
  std::vector<Token> t = Tokenize(clause);
  return TokenModality(t.data(), static_cast<int>(t.size()), lex,
                       reference_year);
}

Modality ClauseModality(const std::vector<Token>& tokens, uint32_t begin,
                        uint32_t end, const Lexicon& lex, int reference_year) {
  size_t b = 0;
  while (b < tokens.size() && tokens[b].begin < begin) ++b;
  size_t e = b;
  while (e < tokens.size() && tokens[e].end <= end) ++e;
  return TokenModality(tokens.data() + b, static_cast<int>(e - b), lex,
                       reference_year);
}

namespace {

// Whether token i follows "has"/"have", with at most one adverb between
// ("has since", "have already", "has sharply"), also in the passive ("have
// been told", "has now been paid").
bool PresentPerfectParticiple(const Token* t, int i, const Lexicon& lex) {
  auto adverb = [&](int a) {
    return a >= 1 && !t[a].punct && lex.IsPerfectAdverb(t[a].lower);
  };
  int a = i - 1;
  if (adverb(a)) --a;
  if (a >= 1 && t[a].lower == "been") {
    --a;
    if (adverb(a)) --a;
  }
  return a >= 0 && lex.Is(WordClass::kPresentPerfectAuxiliary, t[a].lower);
}

Modality TokenModality(const Token* t, int n, const Lexicon& lex,
                       int reference_year) {
  bool future = false, past = false;
  for (int i = 0; i < n; ++i) {
    const std::string& w = t[i].lower;
    if (t[i].punct) continue;
    const WordClasses classes = lex.ClassesOf(w);
    // "in May": a capitalized "May" inside a clause is the month.
    if (classes.Has(WordClass::kHedge) &&
        !(w == "may" && t[i].capitalized && i > 0)) {
      return Modality::kHedged;
    }
    if (!future && lex.MatchAt(WordClass::kFutureMarker, t, n, i) > 0) {
      future = true;
    }
    if (w == "by" && i + 1 < n && t[i + 1].numeric && reference_year > 0) {
      int y = 0;
      if (absl::SimpleAtoi(t[i + 1].lower, &y) && y > reference_year &&
          y < 2200) {
        future = true;
      }
    }
    // A participle of the present perfect ("has since climbed to $9.6
    // billion", "have sold 48,000") says how things stand as of writing.
    if (PresentPerfectParticiple(t, i, lex)) continue;
    if (classes.Has(WordClass::kPastMarker)) past = true;
    if (classes.Has(WordClass::kPastModifier) &&
        !(i > 0 && t[i - 1].lower == "the")) {
      past = true;
    }
    if (w.size() > 4 && absl::EndsWith(w, "ed") && i > 0 &&
        !lex.Is(WordClass::kNonPastEdLead, t[i - 1].lower) &&
        !t[i].capitalized && !classes.Has(WordClass::kNonPastEdWord)) {
      past = true;
    }
  }
  if (future) return Modality::kFuture;
  if (past) return Modality::kPast;
  return Modality::kPresent;
}

}  // namespace

std::pair<uint32_t, uint32_t> VerbPhraseBounds(const std::vector<Token>& t,
                                               uint32_t clause_begin,
                                               uint32_t clause_end,
                                               uint32_t begin, uint32_t end,
                                               const Lexicon& lex) {
  uint32_t b = clause_begin, e = clause_end;
  const size_t n = t.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    if (t[i].begin < clause_begin || t[i].lower != "and") continue;
    if (t[i + 1].end > clause_end) break;
    const bool comma = i > 0 && t[i - 1].lower == ",";
    const Token& v = t[i + 1];
    const WordClasses classes = lex.ClassesOf(v.lower);
    // Without the comma only an auxiliary or modal ("is scheduled to begin
    // in February and could take a year"): "rose and fell" is one phrase.
    const bool verb =
        !v.punct && !v.capitalized &&
        (classes.Has(WordClass::kFiniteVerb) ||
         (comma && (classes.Has(WordClass::kPastMarker) ||
                    classes.Has(WordClass::kSpeechVerb) ||
                    (v.lower.size() > 4 && absl::EndsWith(v.lower, "ed") &&
                     !classes.Has(WordClass::kNonPastEdWord)))));
    if (!verb) continue;
    const uint32_t separator = comma ? t[i - 1].begin : t[i].begin;
    if (t[i].end <= begin) {
      b = t[i].begin;
    } else if (separator >= end) {
      e = separator;
      break;
    }
  }
  return {b, e};
}

std::string FindSpeaker(absl::string_view s, const Lexicon& lex) {
  // One linear pass rules out most sentences before tokenizing.
  if (!lex.Mentions(s,
                    {WordClass::kSpeechVerb, WordClass::kAttributionPhrase})) {
    return "";
  }
  std::vector<Token> t = Tokenize(s);
  const int n = static_cast<int>(t.size());
  for (int i = 0; i < n; ++i) {
    const std::string& w = t[i].lower;
    // "according to X"
    if (const int k =
            lex.MatchAt(WordClass::kAttributionPhrase, t.data(), n, i);
        k > 0) {
      std::string name = NameStartingAt(s, t, i + k, lex);
      if (!name.empty()) return name;
    }
    if (!lex.Is(WordClass::kSpeechVerb, w) || t[i].capitalized) continue;
    // "X said" / "X, a professor at Y, said"
    int j = i - 1;
    if (j >= 0 && t[j].lower == ",") {
      // Walk back over the appositive to the comma before it.
      int k = j - 1;
      while (k >= 0 && t[k].lower != "," && j - k < 20) --k;
      if (k >= 0 && t[k].lower == ",") j = k - 1;
    }
    std::string name = NameEndingAt(s, t, j, lex);
    if (!name.empty()) return name;
    // "said X"
    if (i + 1 < n) {
      std::string after = NameStartingAt(s, t, i + 1, lex);
      if (!after.empty() && i + 1 < n &&
          !lex.Is(WordClass::kSubjectPronoun, t[i + 1].lower)) {
        return after;
      }
    }
  }
  return "";
}

bool IsTitleWord(absl::string_view w, const Lexicon& lex) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return lex.Is(WordClass::kTitle, w);
}

bool IsQuoted(absl::string_view s) {
  absl::string_view x = absl::StripAsciiWhitespace(s);
  if (x.empty()) return false;
  if (x.front() == '"' || x.back() == '"') return true;
  return absl::StartsWith(x, "\xE2\x80\x9C") ||
         absl::EndsWith(x, "\xE2\x80\x9D") || absl::EndsWith(x, "\"") ||
         absl::StrContains(x, ".\"") || absl::StrContains(x, ",\"");
}

}  // namespace crosscheck::extract
