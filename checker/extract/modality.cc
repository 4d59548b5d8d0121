#include "checker/extract/modality.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "checker/extract/subject.h"
#include "re2/re2.h"

namespace crosscheck::extract {
namespace {

bool In(absl::string_view w, std::initializer_list<absl::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// English grammar, not a story lexicon: closed classes and the commonest
// irregular past forms.
constexpr std::initializer_list<absl::string_view> kHedges = {
    "could", "may", "might", "possibly", "potentially", "perhaps", "maybe"};

constexpr std::initializer_list<absl::string_view> kIrregularPast = {
    "was",     "were",      "had",      "did",        "said",   "rose",
    "fell",    "grew",      "won",      "lost",       "took",   "made",
    "came",    "went",      "became",   "met",        "held",   "saw",
    "told",    "gave",      "began",    "ran",        "sent",   "spent",
    "sold",    "bought",    "paid",     "left",       "got",    "found",
    "thought", "brought",   "built",    "struck",     "swept",  "led",
    "hit",     "stood",     "kept",     "wrote",      "spoke",  "knew",
    "shot",    "fought",    "drew",     "flew",       "broke",  "chose",
    "ago",     "yesterday", "formerly", "previously", "earlier"};

constexpr std::initializer_list<absl::string_view> kTitles = {
    "prime",        "minister",   "president", "vice",
    "mr",           "mrs",        "ms",        "dr",
    "prof",         "professor",  "senator",   "sen",
    "rep",          "gov",        "governor",  "general",
    "gen",          "chancellor", "secretary", "chairman",
    "chairwoman",   "chair",      "ceo",       "director",
    "king",         "queen",      "prince",    "foreign",
    "defense",      "defence",    "finance",   "chief",
    "deputy",       "leader",     "spokesman", "spokeswoman",
    "spokesperson", "ambassador", "mayor",     "judge",
    "justice",      "lt",         "col",       "capt",
    "sgt",          "adm",        "elect",     "president-elect",
    "former",       "acting",     "interim",   "opposition",
    "party"};

constexpr std::initializer_list<absl::string_view> kSpeechVerbs = {
    "said",      "says",       "told",       "tells",        "added",
    "adds",      "noted",      "notes",      "stated",       "states",
    "wrote",     "writes",     "warned",     "warns",        "argued",
    "argues",    "explained",  "explains",   "stressed",     "stresses",
    "insisted",  "insists",    "claimed",    "claims",       "announced",
    "announces", "emphasized", "emphasised", "observed",     "remarked",
    "asserted",  "contended",  "cautioned",  "acknowledged", "predicted",
    "estimated", "suggested",  "believes",   "believed"};

constexpr std::initializer_list<absl::string_view> kSubjectPronouns = {
    "he", "she", "they", "it", "we", "i"};

// Words that open a new clause when they follow a comma or start mid-clause.
// "after" and "because" open a clause with its own verb and tense: "the
// bank is expected to act after figures showed inflation accelerating to
// 3.8%" reports a past reading, not a forecast.
constexpr std::initializer_list<absl::string_view> kClauseOpeners = {
    "which",    "while",  "whereas", "but",
    "although", "though", "after",   "because"};

bool IsProperWord(const Token& t) {
  return !t.punct && t.capitalized && !t.numeric;
}

bool IsTitle(const Token& t) {
  std::string w = t.lower;
  if (!w.empty() && w.back() == '.') w.pop_back();
  return In(w, kTitles);
}

// The proper-noun run ending at token `last` (inclusive), titles removed.
std::string NameEndingAt(absl::string_view text, const std::vector<Token>& t,
                         int last) {
  if (last < 0 || last >= static_cast<int>(t.size()) ||
      !IsProperWord(t[last])) {
    return "";
  }
  int b = last;
  while (b - 1 >= 0 && IsProperWord(t[b - 1]) && !t[b - 1].possessive &&
         last - b < 5) {
    --b;
  }
  while (b <= last && IsTitle(t[b])) ++b;
  if (b > last) return "";
  // Sentence-initial function words are capitalized too ("She said").
  if (b == last && In(t[b].lower, {"he", "she", "they", "it", "we", "i", "the",
                                   "this", "that", "these", "those", "a", "an",
                                   "you", "one", "some", "many"})) {
    return "";
  }
  return std::string(text.substr(t[b].begin, t[last].end - t[b].begin));
}

std::string NameStartingAt(absl::string_view text, const std::vector<Token>& t,
                           int first) {
  const int n = static_cast<int>(t.size());
  int b = first;
  while (b < n && IsProperWord(t[b]) && IsTitle(t[b])) ++b;
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

std::pair<uint32_t, uint32_t> ClauseBounds(absl::string_view s, uint32_t begin,
                                           uint32_t end) {
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
  // once per figure).
  for (size_t i = b; i < e; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (!absl::ascii_isalpha(c)) continue;
    if (i > 0 && absl::ascii_isalnum(static_cast<unsigned char>(s[i - 1]))) {
      continue;
    }
    for (absl::string_view w : kClauseOpeners) {
      if (i + w.size() > e ||
          !absl::EqualsIgnoreCase(s.substr(i, w.size()), w)) {
        continue;
      }
      if (i + w.size() < s.size() &&
          absl::ascii_isalnum(static_cast<unsigned char>(s[i + w.size()]))) {
        continue;
      }
      if (i + w.size() <= begin) {
        b = std::max(b, static_cast<uint32_t>(i));
      } else if (i >= end) {
        e = std::min(e, static_cast<uint32_t>(i));
      }
    }
  }
  return {b, e};
}

namespace {

Modality TokenModality(const Token* t, int n, int reference_year);

}  // namespace

Modality ClauseModality(absl::string_view clause, int reference_year) {
  std::vector<Token> t = Tokenize(clause);
  return TokenModality(t.data(), static_cast<int>(t.size()), reference_year);
}

Modality ClauseModality(const std::vector<Token>& tokens, uint32_t begin,
                        uint32_t end, int reference_year) {
  size_t b = 0;
  while (b < tokens.size() && tokens[b].begin < begin) ++b;
  size_t e = b;
  while (e < tokens.size() && tokens[e].end <= end) ++e;
  return TokenModality(tokens.data() + b, static_cast<int>(e - b),
                       reference_year);
}

namespace {

Modality TokenModality(const Token* t, int n, int reference_year) {
  bool future = false, past = false;
  for (int i = 0; i < n; ++i) {
    const std::string& w = t[i].lower;
    if (t[i].punct) continue;
    // "in May": a capitalized "May" inside a clause is the month.
    if (In(w, kHedges) && !(w == "may" && t[i].capitalized && i > 0)) {
      return Modality::kHedged;
    }
    const std::string next = i + 1 < n ? t[i + 1].lower : "";
    if (In(w,
           {"will", "'ll", "shall", "would", "scheduled", "pledged", "pledges",
            "pledge", "upcoming", "next", "planned", "slated", "forthcoming",
            "intends", "intend", "vowed", "vows", "promised", "promises"})) {
      future = true;
    }
    if (In(w, {"plans", "plan", "aims", "aim", "aiming", "expected", "set",
               "committed", "going", "due", "poised", "seeks", "hopes",
               "targets"}) &&
        next == "to") {
      future = true;
    }
    if (w == "to" && next == "be" && i + 2 < n &&
        In(t[i + 2].lower, {"held", "built", "completed", "launched"})) {
      future = true;
    }
    if (w == "by" && i + 1 < n && t[i + 1].numeric && reference_year > 0) {
      int y = 0;
      if (absl::SimpleAtoi(t[i + 1].lower, &y) && y > reference_year &&
          y < 2200) {
        future = true;
      }
    }
    if (In(w, kIrregularPast)) past = true;
    if (w == "last" && !(i > 0 && t[i - 1].lower == "the")) past = true;
    if (w.size() > 4 && absl::EndsWith(w, "ed") && i > 0 &&
        !In(t[i - 1].lower,
            {"is", "are", "be", "been", "being", "am", "the", "a", "an", "to",
             "will", "would", "get", "gets"}) &&
        !t[i].capitalized &&
        !In(w, {"need", "indeed", "speed", "seed", "breed", "feed", "proceed",
                "exceed", "succeed"})) {
      past = true;
    }
  }
  if (future) return Modality::kFuture;
  if (past) return Modality::kPast;
  return Modality::kPresent;
}

}  // namespace

std::string FindSpeaker(absl::string_view s) {
  // One linear pass rules out most sentences before tokenizing.
  static const RE2* const kCue = [] {
    std::vector<std::string> words(kSpeechVerbs.begin(), kSpeechVerbs.end());
    words.push_back("according");
    RE2::Options o;
    o.set_case_sensitive(false);
    o.set_never_capture(true);
    return new RE2(absl::StrCat("\\b(?:", absl::StrJoin(words, "|"), ")\\b"),
                   o);
  }();
  if (!RE2::PartialMatch(re2::StringPiece(s.data(), s.size()), *kCue)) {
    return "";
  }
  std::vector<Token> t = Tokenize(s);
  const int n = static_cast<int>(t.size());
  for (int i = 0; i < n; ++i) {
    const std::string& w = t[i].lower;
    // "according to X"
    if (w == "according" && i + 2 < n && t[i + 1].lower == "to") {
      std::string name = NameStartingAt(s, t, i + 2);
      if (!name.empty()) return name;
    }
    if (!In(w, kSpeechVerbs) || t[i].capitalized) continue;
    // "X said" / "X, a professor at Y, said"
    int j = i - 1;
    if (j >= 0 && t[j].lower == ",") {
      // Walk back over the appositive to the comma before it.
      int k = j - 1;
      while (k >= 0 && t[k].lower != "," && j - k < 20) --k;
      if (k >= 0 && t[k].lower == ",") j = k - 1;
    }
    std::string name = NameEndingAt(s, t, j);
    if (!name.empty()) return name;
    // "said X"
    if (i + 1 < n) {
      std::string after = NameStartingAt(s, t, i + 1);
      if (!after.empty() && i + 1 < n &&
          !In(t[i + 1].lower, kSubjectPronouns)) {
        return after;
      }
    }
  }
  return "";
}

bool IsTitleWord(absl::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return In(w, kTitles);
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
