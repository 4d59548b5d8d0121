#include "checker/extract/dates.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "checker/extract/numbers.h"

namespace crosscheck::extract {
namespace {

using absl::CivilDay;
using absl::CivilMonth;
using absl::CivilYear;

// Lowercased, whitespace-collapsed, with a trailing period and a possessive
// "'s" removed: "Feb." -> "feb", "Sunday's" -> "sunday", "the  next" ->
// "the next".
std::string Canon(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
  }
  if (absl::EndsWith(out, "'s")) out.resize(out.size() - 2);
  while (!out.empty() && (out.back() == '.' || out.back() == ',')) {
    out.pop_back();
  }
  return out;
}

bool AllDigits(absl::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return absl::ascii_isdigit(static_cast<unsigned char>(c));
  });
}

// A year written as digits: four ("2026") or two ("24", "'24"). Two-digit
// years are 20yy below 50, else 19yy.
std::optional<int> ParseYear(absl::string_view text, int min, int max) {
  std::string s = Canon(text);
  absl::string_view v = s;
  absl::ConsumePrefix(&v, "'");
  absl::ConsumePrefix(&v, "fy");
  if (!AllDigits(v)) return std::nullopt;
  int y = 0;
  if (!absl::SimpleAtoi(v, &y)) return std::nullopt;
  if (v.size() == 2) {
    y += y < 50 ? 2000 : 1900;
  } else if (v.size() != 4) {
    return std::nullopt;
  }
  if (y < min || y > max) return std::nullopt;
  return y;
}

std::optional<int> ParseDay(absl::string_view text) {
  std::string s = Canon(text);
  absl::string_view v = s;
  for (absl::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (absl::ConsumeSuffix(&v, suffix)) break;
  }
  int d = 0;
  if (AllDigits(v) && v.size() <= 2 && absl::SimpleAtoi(v, &d)) {
    return d >= 1 && d <= 31 ? std::optional<int>(d) : std::nullopt;
  }
  std::optional<int> o = ParseOrdinal(s);
  if (o && *o >= 1 && *o <= 31) return o;
  return std::nullopt;
}

// A valid calendar day, or nullopt (CivilDay would normalize Feb 30 to
// Mar 2).
std::optional<CivilDay> MakeDay(int y, int m, int d) {
  CivilDay day(y, m, d);
  if (day.year() != y || day.month() != m || day.day() != d) {
    return std::nullopt;
  }
  return day;
}

DateValue Range(CivilDay begin, CivilDay end, Granularity g) {
  DateValue v;
  v.begin = begin;
  v.end = end;
  v.granularity = g;
  v.iso = FormatDate(v);
  return v;
}

// First month of a quarter/half/year period starting at `begin`.
int MonthsIn(Granularity g) {
  switch (g) {
    case Granularity::kQuarter:
      return 3;
    case Granularity::kHalf:
      return 6;
    case Granularity::kYear:
      return 12;
    default:
      return 0;
  }
}

std::optional<int> PartIndex(absl::string_view text) {
  std::string p = Canon(text);
  absl::string_view v = p;
  absl::ConsumePrefix(&v, "the ");
  absl::ConsumeSuffix(&v, "-");
  absl::ConsumeSuffix(&v, " of");
  v = absl::StripAsciiWhitespace(v);
  if (v == "early" || v == "beginning" || v == "start" || v == "earlier" ||
      v == "first part") {
    return 0;
  }
  if (v == "mid" || v == "middle" || v == "midway through") return 1;
  if (v == "late" || v == "end" || v == "later" || v == "close" ||
      v == "last part") {
    return 2;
  }
  return std::nullopt;
}

// Narrows `v` to its early/mid/late third; granularity and label stay.
DateValue Narrow(DateValue v, int part) {
  if (v.granularity == Granularity::kDecade) {
    int y0 = v.begin.year();
    static constexpr int kFrom[] = {0, 4, 7}, kTo[] = {3, 6, 9};
    v.begin = CivilDay(y0 + kFrom[part], 1, 1);
    v.end = CivilDay(y0 + kTo[part], 12, 31);
    return v;
  }
  int months = MonthsIn(v.granularity);
  if (months > 0 && v.begin.year() == v.end.year()) {
    int step = months / 3;
    CivilMonth first = CivilMonth(v.begin) + step * part;
    v.begin = CivilDay(first);
    v.end = CivilDay(first + step) - 1;
    return v;
  }
  if (v.granularity == Granularity::kMonth ||
      v.granularity == Granularity::kWeek) {
    int64_t n = v.end - v.begin + 1;
    int64_t size = n / 3;
    CivilDay b = v.begin + size * part;
    CivilDay e = part == 2 ? v.end : b + size - 1;
    v.begin = b;
    v.end = e;
  }
  return v;
}

// ---------------------------------------------------------------------------
// Relative words.

enum class Base { kReference, kAnchor };

struct RelWord {
  Base base = Base::kReference;
  int direction = 0;   // -1 earlier, 0 this, +1 later
  bool strict = true;  // weekdays: exclude the base day itself
};

std::optional<RelWord> ParseRelModifier(absl::string_view canon) {
  absl::string_view v = canon;
  const bool the = absl::ConsumePrefix(&v, "the ");
  RelWord r;
  if (v == "last" || v == "past" || v == "this past") {
    r.direction = -1;  // "the last week" is also now-relative
  } else if (v == "next") {
    r.direction = 1;
    if (the) r.base = Base::kAnchor;
  } else if (v == "coming") {
    r.direction = 1;
  } else if (v == "this coming") {
    r.direction = 1;
    r.strict = false;
  } else if (v == "this" || v == "current") {
    r.direction = 0;
    r.strict = false;
  } else if (v == "following" || v == "subsequent" || v == "ensuing" ||
             v == "succeeding") {
    r.direction = 1;
    r.base = Base::kAnchor;
  } else if (v == "previous" || v == "preceding" || v == "prior") {
    r.direction = -1;
    r.base = Base::kAnchor;
  } else if (v == "same" || v == "that") {
    r.direction = 0;
    r.strict = false;
    r.base = Base::kAnchor;
  } else if (canon == "the") {
    // "since the start of the year", "by the end of the month": only rules
    // that also capture a part take a bare "the", and then the unit is the
    // current one.
    r.direction = 0;
    r.strict = false;
  } else {
    return std::nullopt;
  }
  return r;
}

struct UnitInfo {
  Granularity granularity;
  int days = 0;    // day-based units
  int months = 0;  // month-based units
};

std::optional<UnitInfo> ParseUnit(absl::string_view text) {
  std::string u = Canon(text);
  absl::string_view v = u;
  absl::ConsumeSuffix(&v, "s");
  if (v == "day") return UnitInfo{Granularity::kDay, 1, 0};
  if (v == "week") return UnitInfo{Granularity::kWeek, 7, 0};
  if (v == "fortnight") return UnitInfo{Granularity::kWeek, 14, 0};
  if (v == "month") return UnitInfo{Granularity::kMonth, 0, 1};
  if (v == "quarter") return UnitInfo{Granularity::kQuarter, 0, 3};
  if (v == "year") return UnitInfo{Granularity::kYear, 0, 12};
  if (v == "decade") return UnitInfo{Granularity::kDecade, 0, 120};
  return std::nullopt;
}

std::optional<int> ParseCount(absl::string_view text) {
  std::string c = Canon(text);
  if (c == "a" || c == "an" || c == "one") return 1;
  if (c == "a couple of" || c == "a couple" || c == "couple of") return 2;
  std::optional<double> n = ParseNumber(c);
  if (!n || *n < 0 || *n > 10000 || *n != static_cast<int>(*n)) {
    return std::nullopt;
  }
  return static_cast<int>(*n);
}

// "later" -> (+1, anchor); "ago" -> (-1, reference).
std::optional<RelWord> ParseDir(absl::string_view text) {
  std::string d = Canon(text);
  RelWord r;
  if (d == "later" || d == "after" || d == "afterwards" || d == "afterward" ||
      d == "on" || d == "after that" || d == "thereafter") {
    r.direction = 1;
    r.base = Base::kAnchor;
  } else if (d == "earlier" || d == "before" || d == "prior" ||
             d == "previously" || d == "before that" || d == "beforehand") {
    r.direction = -1;
    r.base = Base::kAnchor;
  } else if (d == "ago" || d == "back") {
    r.direction = -1;
  } else if (d == "from now" || d == "hence" || d == "in" ||
             d == "from today" || d == "within") {
    r.direction = 1;
  } else {
    return std::nullopt;
  }
  return r;
}

// Shifts the period of `base` by n units: counted offsets are points (days
// and weeks give days; month-based units their own granularity), never
// finer than the base.
DateValue ShiftCounted(const DateValue& base, const UnitInfo& u, int n) {
  Granularity g = u.days > 0 ? Granularity::kDay : u.granularity;
  if (base.granularity > g) g = base.granularity;
  if (base.granularity == Granularity::kWeek && g == Granularity::kDay) {
    g = Granularity::kWeek;
  }
  CivilDay day = base.begin;
  if (u.days > 0) {
    day += static_cast<int64_t>(u.days) * n;
  } else {
    day = CivilDay(CivilMonth(day) + static_cast<int64_t>(u.months) * n);
  }
  return PeriodOf(day, g);
}

// The period of unit granularity adjacent to (direction +-1) or containing
// (0) the base day.
DateValue ShiftAdjacent(CivilDay base, const UnitInfo& u, int direction) {
  CivilDay day = base;
  if (u.days > 0) {
    day += static_cast<int64_t>(u.days) * direction;
  } else {
    day =
        CivilDay(CivilMonth(day) + static_cast<int64_t>(u.months) * direction);
  }
  return PeriodOf(day, u.granularity);
}

// ---------------------------------------------------------------------------
// Tense.

enum class Cue : uint8_t {
  kNone,
  kPast,
  kFuture,
  kFutureIfTo,
  kFutureIfOf,
  kFutureIfDate
};

const absl::flat_hash_map<absl::string_view, Cue>& CueWords() {
  static const auto* m = [] {
    auto* m = new absl::flat_hash_map<absl::string_view, Cue>();
    for (absl::string_view w :
         {"will",     "won't",    "shall",     "plans",       "plan",
          "planned",  "planning", "scheduled", "schedules",   "expected",
          "expects",  "expect",   "upcoming",  "forthcoming", "next",
          "tomorrow", "intends",  "intend",    "aims",        "would",
          "could",    "might",    "slated",    "poised",      "pledged",
          "vowed",    "promised", "proposed",  "hopes"}) {
      (*m)[w] = Cue::kFuture;
    }
    for (absl::string_view w : {"set", "going", "due", "is", "are"}) {
      (*m)[w] = Cue::kFutureIfTo;
    }
    (*m)["ahead"] = Cue::kFutureIfOf;
    for (absl::string_view w :
         {"was",      "were",      "had",     "did",        "said",
          "told",     "met",       "held",    "won",        "lost",
          "took",     "gave",      "came",    "went",       "saw",
          "made",     "began",     "left",    "fell",       "rose",
          "led",      "fought",    "sent",    "spoke",      "wrote",
          "became",   "ran",       "struck",  "paid",       "sold",
          "bought",   "brought",   "thought", "felt",       "kept",
          "got",      "found",     "knew",    "stood",      "ago",
          "last",     "yesterday", "earlier", "previously", "since",
          "swept",    "flew",      "grew",    "drew",       "shook",
          "hit",      "quit",      "broke",   "chose",      "spent",
          "built",    "meant",     "heard",   "sat",        "woke",
          "wasn't",   "weren't",   "didn't",  "hadn't",     "fled",
          "sought",   "taught",    "caught",  "overtook",   "undertook",
          "withdrew", "upheld"}) {
      (*m)[w] = Cue::kPast;
    }
    return m;
  }();
  return *m;
}

// -ed words that are not past-tense verbs in news text.
bool IsEdException(absl::string_view w) {
  static constexpr absl::string_view kWords[] = {
      "united",   "limited",       "based",   "related",   "armed",
      "indeed",   "need",          "speed",   "hundred",   "proceed",
      "exceed",   "succeed",       "feed",    "seed",      "breed",
      "embed",    "creed",         "greed",   "sacred",    "naked",
      "wicked",   "kindred",       "beloved", "concerned", "interested",
      "advanced", "unprecedented", "red",     "bed",       "shed"};
  for (absl::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

bool IsWordByte(char c) {
  return absl::ascii_isalpha(static_cast<unsigned char>(c)) || c == '\'';
}

}  // namespace

Tense DetectTense(absl::string_view sentence, size_t pos) {
  // Every cue with its position; the nearest before `pos` wins, else the
  // nearest after. Tokens are lowercased into a small buffer, no heap use.
  const auto& cues = CueWords();
  pos = std::min(pos, sentence.size());
  Tense before = Tense::kUnknown, after = Tense::kUnknown;
  bool have_after = false;
  Cue pending = Cue::kNone;  // a cue waiting for the next word
  bool after_be = false;     // the previous word was "be" / "being"
  bool after_will = false;   // the previous word was "will" / "shall"
  bool will_have = false;    // the previous words were "will have"
  size_t pending_at = 0;
  auto record = [&](Tense t, size_t at) {
    if (at < pos) {
      before = t;
    } else if (!have_after) {
      after = t;
      have_after = true;
    }
  };
  size_t i = 0;
  const size_t n = sentence.size();
  char buf[32];
  while (i < n) {
    if (!IsWordByte(sentence[i])) {
      // A semicolon closes a clause: cues beyond it govern other verbs.
      if (sentence[i] == ';') {
        if (i < pos) {
          before = Tense::kUnknown;
        } else {
          break;
        }
        pending = Cue::kNone;
      }
      ++i;
      continue;
    }
    size_t b = i;
    while (i < n && IsWordByte(sentence[i])) ++i;
    size_t len = i - b;
    if (len >= sizeof(buf)) {
      pending = Cue::kNone;
      continue;
    }
    for (size_t k = 0; k < len; ++k) {
      buf[k] = absl::ascii_tolower(static_cast<unsigned char>(sentence[b + k]));
    }
    absl::string_view w(buf, len);
    while (absl::ConsumePrefix(&w, "'")) {
    }
    while (absl::ConsumeSuffix(&w, "'")) {
    }
    if (pending != Cue::kNone) {
      if ((pending == Cue::kFutureIfTo && (w == "to" || w == "due")) ||
          (pending == Cue::kFutureIfOf && w == "of")) {
        record(Tense::kFuture, pending_at);
      }
      pending = Cue::kNone;
    }
    if (w.empty()) continue;
    auto it = cues.find(w);
    Cue cue = it != cues.end() ? it->second : Cue::kNone;
    if (cue == Cue::kNone) {
      if (absl::EndsWith(w, "'ll")) {
        cue = Cue::kFuture;
      } else if (w.size() >= 5 && absl::EndsWith(w, "ed") &&
                 !IsEdException(w)) {
        cue = Cue::kPast;
      }
    }
    // "will be signed", "is being held": a participle after "be" takes
    // its tense from the auxiliary before it.
    if (cue == Cue::kPast && after_be) cue = Cue::kNone;
    if (!absl::EndsWith(w, "ly")) {
      // "will have been inspected": the future perfect's "been" is a "be".
      after_be = w == "be" || w == "being" || (w == "been" && will_have);
      will_have = w == "have" && after_will;
      after_will = w == "will" || w == "shall" || absl::EndsWith(w, "'ll");
    }
    switch (cue) {
      case Cue::kPast:
        record(Tense::kPast, b);
        break;
      case Cue::kFuture:
        record(Tense::kFuture, b);
        break;
      case Cue::kFutureIfTo:
      case Cue::kFutureIfOf:
        pending = cue;
        pending_at = b;
        break;
      default:
        break;
    }
    // Stop scanning after the first cue following the date.
    if (have_after) break;
  }
  return before != Tense::kUnknown ? before : after;
}

std::optional<int> ParseMonth(absl::string_view text) {
  std::string s = Canon(text);
  if (AllDigits(s)) {
    int m = 0;
    if (s.size() <= 2 && absl::SimpleAtoi(s, &m) && m >= 1 && m <= 12) {
      return m;
    }
    return std::nullopt;
  }
  static constexpr absl::string_view kNames[] = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (s.size() < 3) return std::nullopt;
  for (int i = 0; i < 12; ++i) {
    if (s == kNames[i]) return i + 1;
  }
  if (s == "sept") return 9;
  // Three-letter abbreviations only ("mar", not "marc").
  if (s.size() == 3) {
    for (int i = 0; i < 12; ++i) {
      if (absl::StartsWith(kNames[i], s)) return i + 1;
    }
  }
  return std::nullopt;
}

std::optional<absl::Weekday> ParseWeekday(absl::string_view text) {
  std::string s = Canon(text);
  static constexpr struct {
    absl::string_view name;
    absl::Weekday day;
  } kDays[] = {{"monday", absl::Weekday::monday},
               {"tuesday", absl::Weekday::tuesday},
               {"wednesday", absl::Weekday::wednesday},
               {"thursday", absl::Weekday::thursday},
               {"friday", absl::Weekday::friday},
               {"saturday", absl::Weekday::saturday},
               {"sunday", absl::Weekday::sunday}};
  for (const auto& d : kDays) {
    if (s == d.name) return d.day;
  }
  static constexpr struct {
    absl::string_view abbrev;
    absl::Weekday day;
  } kAbbrevs[] = {
      {"mon", absl::Weekday::monday},     {"tue", absl::Weekday::tuesday},
      {"tues", absl::Weekday::tuesday},   {"wed", absl::Weekday::wednesday},
      {"weds", absl::Weekday::wednesday}, {"thu", absl::Weekday::thursday},
      {"thur", absl::Weekday::thursday},  {"thurs", absl::Weekday::thursday},
      {"fri", absl::Weekday::friday},     {"sat", absl::Weekday::saturday},
      {"sun", absl::Weekday::sunday}};
  for (const auto& d : kAbbrevs) {
    if (s == d.abbrev) return d.day;
  }
  return std::nullopt;
}

DateValue PeriodOf(CivilDay day, Granularity g) {
  CivilDay b = day, e = day;
  switch (g) {
    case Granularity::kDay:
      break;
    case Granularity::kWeek: {
      // Monday-based: weekday index 0 (Monday) .. 6 (Sunday).
      int idx = static_cast<int>(absl::GetWeekday(day));
      b = day - idx;
      e = b + 6;
      break;
    }
    case Granularity::kMonth:
      b = CivilDay(CivilMonth(day));
      e = CivilDay(CivilMonth(day) + 1) - 1;
      break;
    case Granularity::kQuarter:
    case Granularity::kHalf: {
      int len = g == Granularity::kQuarter ? 3 : 6;
      int first = (day.month() - 1) / len * len + 1;
      CivilMonth m(day.year(), first);
      b = CivilDay(m);
      e = CivilDay(m + len) - 1;
      break;
    }
    case Granularity::kYear:
      b = CivilDay(day.year(), 1, 1);
      e = CivilDay(day.year(), 12, 31);
      break;
    case Granularity::kDecade: {
      int64_t y = day.year();
      int64_t y0 = y >= 0 ? y / 10 * 10 : -((-y + 9) / 10 * 10);
      b = CivilDay(y0, 1, 1);
      e = CivilDay(y0 + 9, 12, 31);
      break;
    }
  }
  return Range(b, e, g);
}

std::string FormatDate(const DateValue& d) {
  const int64_t y = d.begin.year();
  switch (d.granularity) {
    case Granularity::kDay:
      return absl::StrFormat("%04d-%02d-%02d", y, d.begin.month(),
                             d.begin.day());
    case Granularity::kWeek: {
      // ISO week: the week belongs to the year of its Thursday.
      int idx = static_cast<int>(absl::GetWeekday(d.begin));
      CivilDay thursday = d.begin - idx + 3;
      int64_t wy = thursday.year();
      int64_t week = (thursday - CivilDay(wy, 1, 1)) / 7 + 1;
      return absl::StrFormat("%04d-W%02d", wy, week);
    }
    case Granularity::kMonth:
      return absl::StrFormat("%04d-%02d", y, d.begin.month());
    case Granularity::kQuarter:
      return absl::StrFormat("%04d-Q%d", y, (d.begin.month() - 1) / 3 + 1);
    case Granularity::kHalf:
      return absl::StrFormat("%04d-H%d", y, (d.begin.month() - 1) / 6 + 1);
    case Granularity::kYear:
      if (d.end.year() > y) {
        return absl::StrFormat("%04d/%04d", y, d.end.year());
      }
      return absl::StrFormat("%04d", y);
    case Granularity::kDecade:
      return absl::StrFormat("%03dX", (y >= 0 ? y : y - 9) / 10);
  }
  return "";
}

std::optional<DateValue> ParseIsoDate(absl::string_view iso) {
  auto num = [](absl::string_view s, int* out) {
    return AllDigits(s) && absl::SimpleAtoi(s, out);
  };
  int y = 0, a = 0;
  const size_t n = iso.size();
  if (n == 4 && iso[3] == 'X') {
    if (!num(iso.substr(0, 3), &a)) return std::nullopt;
    return PeriodOf(CivilDay(a * 10, 1, 1), Granularity::kDecade);
  }
  if (n < 4 || !num(iso.substr(0, 4), &y)) return std::nullopt;
  if (n == 4) return PeriodOf(CivilDay(y, 1, 1), Granularity::kYear);
  if (n == 9 && iso[4] == '/') {
    if (!num(iso.substr(5), &a) || a <= y) return std::nullopt;
    return Range(CivilDay(y, 1, 1), CivilDay(a, 12, 31), Granularity::kYear);
  }
  if (iso[4] != '-') return std::nullopt;
  absl::string_view rest = iso.substr(5);
  if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'H')) {
    if (!num(rest.substr(1), &a)) return std::nullopt;
    bool q = rest[0] == 'Q';
    if (a < 1 || a > (q ? 4 : 2)) return std::nullopt;
    int len = q ? 3 : 6;
    return PeriodOf(CivilDay(y, (a - 1) * len + 1, 1),
                    q ? Granularity::kQuarter : Granularity::kHalf);
  }
  if (rest.size() == 3 && rest[0] == 'W') {
    if (!num(rest.substr(1), &a) || a < 1 || a > 53) return std::nullopt;
    CivilDay jan4(y, 1, 4);
    CivilDay week1 = jan4 - static_cast<int>(absl::GetWeekday(jan4));
    DateValue v = PeriodOf(week1 + 7 * (a - 1), Granularity::kWeek);
    if (v.iso != iso) return std::nullopt;  // week 53 of a 52-week year
    return v;
  }
  if (rest.size() == 2) {
    if (!num(rest, &a) || a < 1 || a > 12) return std::nullopt;
    return PeriodOf(CivilDay(y, a, 1), Granularity::kMonth);
  }
  if (rest.size() == 5 && rest[2] == '-') {
    int d = 0;
    if (!num(rest.substr(0, 2), &a) || !num(rest.substr(3), &d)) {
      return std::nullopt;
    }
    std::optional<CivilDay> day = MakeDay(y, a, d);
    if (!day) return std::nullopt;
    return PeriodOf(*day, Granularity::kDay);
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// ResolveDate.

namespace {

struct Caps {
  absl::string_view year, year2, month, day, weekday, quarter, half, part,
      decade, rel, count, dir, unit, event_dir;
};

Caps ReadCaps(const RuleMatch& m) {
  Caps c;
  for (const auto& [name, value] : m.captures) {
    if (value.empty()) continue;
    absl::string_view v = value;
    if (name == "year")
      c.year = v;
    else if (name == "year2")
      c.year2 = v;
    else if (name == "month")
      c.month = v;
    else if (name == "day")
      c.day = v;
    else if (name == "weekday")
      c.weekday = v;
    else if (name == "quarter")
      c.quarter = v;
    else if (name == "half")
      c.half = v;
    else if (name == "part")
      c.part = v;
    else if (name == "decade")
      c.decade = v;
    else if (name == "rel")
      c.rel = v;
    else if (name == "count")
      c.count = v;
    else if (name == "dir")
      c.dir = v;
    else if (name == "unit")
      c.unit = v;
    else if (name == "event_dir")
      c.event_dir = v;
  }
  return c;
}

std::optional<int> ParseQuarterNumber(absl::string_view text) {
  std::string s = Canon(text);
  absl::string_view v = s;
  if (v == "final" || v == "last" || v == "fourth") return 4;
  if (v == "first") return 1;
  if (v == "second") return 2;
  if (v == "third") return 3;
  std::string digits;
  for (char c : v) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
  }
  // "Q3", "3Q", "3rd": exactly one digit.
  if (digits.size() != 1) return std::nullopt;
  int q = digits[0] - '0';
  return q >= 1 && q <= 4 ? std::optional<int>(q) : std::nullopt;
}

std::optional<int> ParseHalfNumber(absl::string_view text) {
  std::string s = Canon(text);
  if (s == "first" || s == "1st" || s == "front" || s == "h1" || s == "1h" ||
      s == "1") {
    return 1;
  }
  if (s == "second" || s == "2nd" || s == "latter" || s == "back" ||
      s == "h2" || s == "2h" || s == "2") {
    return 2;
  }
  return std::nullopt;
}

// "1990s", "'90s", "90s", "nineties" -> first year of the decade.
std::optional<int> ParseDecade(absl::string_view text,
                               std::optional<CivilDay> reference) {
  std::string s = Canon(text);
  absl::string_view v = s;
  absl::ConsumePrefix(&v, "the ");
  absl::ConsumePrefix(&v, "'");
  const std::string word(v);
  // Canon already dropped a possessive-looking "'s" ("1990's").
  absl::ConsumeSuffix(&v, "s");
  {
    if (AllDigits(v)) {
      int y = 0;
      if (!absl::SimpleAtoi(v, &y) || y % 10 != 0) return std::nullopt;
      if (v.size() == 4) {
        // "the 1800s" usually means a century, which we do not model.
        if (y % 100 == 0 && y < 2000) return std::nullopt;
        if (y < 1000 || y > 2990) return std::nullopt;
        return y;
      }
      if (v.size() == 2) {
        // "'20s": this century only once it has begun, as far as the
        // reference date knows; 30s-90s are last century's.
        int this_century = 2000 + y;
        int now = reference ? static_cast<int>(reference->year()) : 2000;
        return y < 30 && this_century <= now ? this_century : 1900 + y;
      }
      return std::nullopt;
    }
  }
  static constexpr struct {
    absl::string_view word;
    int year;
  } kWords[] = {{"noughties", 2000}, {"aughts", 2000},   {"tens", 2010},
                {"twenties", 1920},  {"thirties", 1930}, {"forties", 1940},
                {"fifties", 1950},   {"sixties", 1960},  {"seventies", 1970},
                {"eighties", 1980},  {"nineties", 1990}};
  for (const auto& e : kWords) {
    if (word == e.word) return e.year;
  }
  return std::nullopt;
}

// Distance in days between `ref` and the range (0 when inside).
int64_t DistanceTo(CivilDay ref, const DateValue& v) {
  if (ref < v.begin) return v.begin - ref;
  if (ref > v.end) return ref - v.end;
  return 0;
}

// Chooses the year of a yearless period: `make(year)` builds the candidate
// (nullopt when it does not exist that year, e.g. Feb 29).
template <typename Make>
std::optional<DateValue> ChooseYear(CivilDay ref, Tense tense,
                                    std::optional<RelWord> rel, Make make) {
  std::vector<DateValue> cands;
  for (int64_t dy = -4; dy <= 4; ++dy) {
    std::optional<DateValue> c = make(ref.year() + dy);
    if (c) cands.push_back(*c);
  }
  if (cands.empty()) return std::nullopt;
  if (rel) {
    if (rel->direction < 0) {
      // "last December": the latest one over before the reference.
      const DateValue* best = nullptr;
      for (const DateValue& c : cands) {
        if (c.end < ref && (best == nullptr || c.begin > best->begin)) {
          best = &c;
        }
      }
      if (best != nullptr) return *best;
      return std::nullopt;
    }
    if (rel->direction > 0) {
      for (const DateValue& c : cands) {
        if (c.begin > ref) return c;  // ascending order: the first ahead
      }
      return std::nullopt;
    }
    for (const DateValue& c : cands) {
      if (c.begin.year() == ref.year()) return c;
    }
    return std::nullopt;
  }
  if (tense == Tense::kPast) {
    const DateValue* best = nullptr;
    for (const DateValue& c : cands) {
      if (c.begin <= ref && (best == nullptr || c.begin > best->begin)) {
        best = &c;
      }
    }
    if (best != nullptr) return *best;
    return std::nullopt;
  }
  if (tense == Tense::kFuture) {
    // The first one not over yet; but a period that ended within the last
    // kStaleDays, when it is nearer, is this year's, written before it
    // happened ("is scheduled to sit on October 13" in an article of
    // October 20): a year ahead would say "next year".
    constexpr int64_t kStaleDays = 28;
    const DateValue* ahead = nullptr;
    const DateValue* recent = nullptr;
    for (const DateValue& c : cands) {
      if (c.end >= ref) {
        ahead = &c;
        break;
      }
      recent = &c;
    }
    if (recent != nullptr && DistanceTo(ref, *recent) <= kStaleDays &&
        (ahead == nullptr ||
         DistanceTo(ref, *recent) < DistanceTo(ref, *ahead))) {
      return *recent;
    }
    if (ahead != nullptr) return *ahead;
    return std::nullopt;
  }
  // No cue: the nearest; ties go to the earlier (news looks back).
  const DateValue* best = nullptr;
  int64_t best_d = 0;
  for (const DateValue& c : cands) {
    int64_t d = DistanceTo(ref, c);
    if (best == nullptr || d < best_d) {
      best = &c;
      best_d = d;
    }
  }
  return *best;
}

// Where the date sits in the sentence, for tense: the first capture found
// in it (captures are copies, so search by text).
size_t PositionIn(absl::string_view sentence, const RuleMatch& m) {
  for (const auto& [name, value] : m.captures) {
    if (value.empty()) continue;
    size_t p = sentence.find(value);
    if (p != absl::string_view::npos) return p;
  }
  return sentence.size();
}

std::optional<CivilDay> BaseDay(Base base, const DateContext* ctx) {
  if (ctx == nullptr) return std::nullopt;
  if (base == Base::kAnchor && ctx->anchor) return ctx->anchor->begin;
  return ctx->reference;
}

std::optional<DateValue> BaseValue(Base base, const DateContext* ctx) {
  if (ctx == nullptr) return std::nullopt;
  if (base == Base::kAnchor && ctx->anchor) return ctx->anchor;
  if (ctx->reference) return PeriodOf(*ctx->reference, Granularity::kDay);
  return std::nullopt;
}

std::optional<DateValue> ResolveWeekday(absl::Weekday wd, const Caps& c,
                                        absl::string_view sentence,
                                        const RuleMatch& m,
                                        const DateContext* ctx) {
  std::optional<RelWord> rel;
  if (!c.rel.empty()) {
    rel = ParseRelModifier(Canon(c.rel));
    if (!rel) return std::nullopt;
  }
  Base base = rel ? rel->base : Base::kReference;
  std::optional<CivilDay> day = BaseDay(base, ctx);
  if (!day) return std::nullopt;
  int direction;
  bool strict;
  if (rel) {
    direction = rel->direction;
    strict = rel->strict;
    if (direction == 0) {
      // "this Friday" looks ahead; "that Friday" (anchor) likewise.
      direction = 1;
    }
  } else {
    direction = DetectTense(sentence, PositionIn(sentence, m)) == Tense::kFuture
                    ? 1
                    : -1;
    strict = false;
  }
  CivilDay d = *day;
  if (strict) d += direction;
  if (direction < 0) {
    d = absl::PrevWeekday(d + 1, wd);  // on or before
  } else {
    d = absl::NextWeekday(d - 1, wd);  // on or after
  }
  DateValue v = PeriodOf(d, Granularity::kDay);
  v.relative = true;
  return v;
}

std::optional<DateValue> ResolveRelative(const Caps& c,
                                         const DateContext* ctx) {
  std::string rel = Canon(c.rel);
  // Fixed words, from the reference date.
  static constexpr struct {
    absl::string_view word;
    int offset;
  } kFixed[] = {{"yesterday", -1},
                {"today", 0},
                {"tonight", 0},
                {"this morning", 0},
                {"this afternoon", 0},
                {"this evening", 0},
                {"tomorrow", 1},
                {"the day before yesterday", -2},
                {"the day after tomorrow", 2}};
  for (const auto& f : kFixed) {
    if (rel == f.word) {
      if (ctx == nullptr || !ctx->reference) return std::nullopt;
      DateValue v = PeriodOf(*ctx->reference + f.offset, Granularity::kDay);
      v.relative = true;
      return v;
    }
  }
  if (c.unit.empty()) return std::nullopt;
  std::optional<UnitInfo> unit = ParseUnit(c.unit);
  if (!unit) return std::nullopt;
  std::optional<DateValue> out;
  if (!c.count.empty() || !c.dir.empty()) {
    if (c.dir.empty()) return std::nullopt;
    std::optional<RelWord> dir = ParseDir(c.dir);
    if (!dir) return std::nullopt;
    if (c.count.empty()) {
      // "the day before", "the week after": the adjacent period.
      std::optional<CivilDay> base = BaseDay(dir->base, ctx);
      if (!base) return std::nullopt;
      out = ShiftAdjacent(*base, *unit, dir->direction);
    } else {
      std::optional<int> n = ParseCount(c.count);
      if (!n) return std::nullopt;
      std::optional<DateValue> base = BaseValue(dir->base, ctx);
      if (!base) return std::nullopt;
      out = ShiftCounted(*base, *unit, *n * dir->direction);
    }
  } else {
    std::optional<RelWord> r = ParseRelModifier(rel);
    if (!r) return std::nullopt;
    std::optional<CivilDay> base = BaseDay(r->base, ctx);
    if (!base) return std::nullopt;
    out = ShiftAdjacent(*base, *unit, r->direction);
  }
  out->relative = true;
  return out;
}

std::optional<DateValue> ResolveMonth(const Caps& c, absl::string_view sentence,
                                      const RuleMatch& m,
                                      const DateContext* ctx) {
  std::optional<int> month = ParseMonth(c.month);
  if (!month) return std::nullopt;
  std::optional<int> day;
  if (!c.day.empty()) {
    day = ParseDay(c.day);
    if (!day) return std::nullopt;
  }
  auto make = [&](int64_t y) -> std::optional<DateValue> {
    if (day) {
      std::optional<CivilDay> d = MakeDay(static_cast<int>(y), *month, *day);
      if (!d) return std::nullopt;
      return PeriodOf(*d, Granularity::kDay);
    }
    return PeriodOf(CivilDay(y, *month, 1), Granularity::kMonth);
  };
  if (!c.year.empty()) {
    std::optional<int> y = ParseYear(c.year, 1000, 2999);
    if (!y) return std::nullopt;
    return make(*y);
  }
  std::optional<RelWord> rel;
  if (!c.rel.empty()) {
    rel = ParseRelModifier(Canon(c.rel));
    if (!rel) return std::nullopt;
  }
  Base base = rel ? rel->base : Base::kReference;
  std::optional<CivilDay> ref = BaseDay(base, ctx);
  if (!ref) return std::nullopt;
  Tense tense =
      rel ? Tense::kUnknown : DetectTense(sentence, PositionIn(sentence, m));
  return ChooseYear(*ref, tense, rel, make);
}

// Quarter or half (`len` months per period, `index` 1-based).
std::optional<DateValue> ResolveSubYear(int index, Granularity g, const Caps& c,
                                        absl::string_view sentence,
                                        const RuleMatch& m,
                                        const DateContext* ctx) {
  int len = g == Granularity::kQuarter ? 3 : 6;
  auto make = [&](int64_t y) -> std::optional<DateValue> {
    return PeriodOf(CivilDay(y, (index - 1) * len + 1, 1), g);
  };
  if (!c.year.empty()) {
    std::optional<int> y = ParseYear(c.year, 1000, 2999);
    if (!y) return std::nullopt;
    return make(*y);
  }
  if (ctx == nullptr || !ctx->reference) return std::nullopt;
  std::optional<RelWord> rel;
  if (!c.rel.empty()) {
    rel = ParseRelModifier(Canon(c.rel));
    if (!rel) return std::nullopt;
  }
  Tense tense =
      rel ? Tense::kUnknown : DetectTense(sentence, PositionIn(sentence, m));
  if (rel) {
    // "the second half of next year": the modifier moves the year.
    std::optional<CivilDay> base = BaseDay(rel->base, ctx);
    if (!base) return std::nullopt;
    return make(base->year() + rel->direction);
  }
  if (tense == Tense::kUnknown) return make(ctx->reference->year());
  return ChooseYear(*ctx->reference, tense, std::nullopt, make);
}

// `base` moved by c.count (absent: one) of c.unit in the direction `dir`
// names, times `sign`: a relative date.
std::optional<DateValue> Offset(std::optional<DateValue> base, const Caps& c,
                                absl::string_view dir, int sign) {
  std::optional<UnitInfo> unit = ParseUnit(c.unit);
  std::optional<RelWord> d = ParseDir(dir);
  std::optional<int> n = c.count.empty() ? 1 : ParseCount(c.count);
  if (!base || !unit || !d || !n) return std::nullopt;
  DateValue out = ShiftCounted(*base, *unit, sign * *n * d->direction);
  out.relative = true;
  return out;
}

std::optional<DateValue> ResolveCore(const Caps& c, absl::string_view sentence,
                                     const RuleMatch& m,
                                     const DateContext* ctx) {
  if (!c.event_dir.empty()) {
    // "on Tuesday, the day after the bridge was closed": the named date is
    // the sentence's own; the event after the phrase lies the offset the
    // other way, and that is the date this mention gives.
    Caps named = c;
    named.count = named.unit = named.event_dir = absl::string_view();
    return Offset(ResolveCore(named, sentence, m, ctx), c, c.event_dir, -1);
  }
  if (!c.decade.empty()) {
    std::optional<int> y =
        ParseDecade(c.decade, ctx ? ctx->reference : std::nullopt);
    if (!y) return std::nullopt;
    return PeriodOf(CivilDay(*y, 1, 1), Granularity::kDecade);
  }
  if (!c.year2.empty()) {
    std::optional<int> y1 = ParseYear(c.year, 1000, 2999);
    if (!y1) return std::nullopt;
    std::string s2 = Canon(c.year2);
    if (!AllDigits(s2) || (s2.size() != 2 && s2.size() != 4)) {
      return std::nullopt;
    }
    int y2 = 0;
    if (!absl::SimpleAtoi(s2, &y2)) return std::nullopt;
    if (s2.size() == 2) {
      // "1910-45": the end shares the start's century; "1998-02" rolls over.
      y2 += *y1 / 100 * 100;
      if (y2 < *y1) y2 += 100;
    }
    if (y2 <= *y1 || y2 - *y1 > 200) return std::nullopt;
    return Range(CivilDay(*y1, 1, 1), CivilDay(y2, 12, 31), Granularity::kYear);
  }
  if (!c.quarter.empty()) {
    std::optional<int> q = ParseQuarterNumber(c.quarter);
    if (!q) return std::nullopt;
    return ResolveSubYear(*q, Granularity::kQuarter, c, sentence, m, ctx);
  }
  if (!c.half.empty()) {
    std::optional<int> h = ParseHalfNumber(c.half);
    if (!h) return std::nullopt;
    return ResolveSubYear(*h, Granularity::kHalf, c, sentence, m, ctx);
  }
  if (!c.month.empty() && !c.unit.empty() && !c.dir.empty()) {
    // "two days after the March 11 meeting": the named date is the base.
    Caps named = c;
    named.count = named.unit = named.dir = absl::string_view();
    return Offset(ResolveMonth(named, sentence, m, ctx), c, c.dir, 1);
  }
  if (!c.month.empty()) return ResolveMonth(c, sentence, m, ctx);
  if (!c.weekday.empty()) {
    std::optional<absl::Weekday> wd = ParseWeekday(c.weekday);
    if (!wd) return std::nullopt;
    return ResolveWeekday(*wd, c, sentence, m, ctx);
  }
  if (!c.year.empty()) {
    std::optional<int> y = ParseYear(c.year, 1800, 2100);
    if (!y) return std::nullopt;
    // A bare two-digit number is never a year on its own.
    std::string s = Canon(c.year);
    if (s.size() == 2) return std::nullopt;
    return PeriodOf(CivilDay(*y, 1, 1), Granularity::kYear);
  }
  if (!c.rel.empty() || !c.unit.empty()) return ResolveRelative(c, ctx);
  return std::nullopt;
}

}  // namespace

std::optional<DateValue> ResolveDate(const Rule& rule, const RuleMatch& m,
                                     absl::string_view sentence,
                                     DateContext* ctx) {
  (void)rule;
  Caps c = ReadCaps(m);
  std::optional<DateValue> v = ResolveCore(c, sentence, m, ctx);
  // Labels are four-digit years; "10000 decades later" is not a date.
  if (!v || v->begin.year() < 1000 || v->end.year() > 9999) {
    return std::nullopt;
  }
  if (!c.part.empty()) {
    std::optional<int> part = PartIndex(c.part);
    if (!part) return std::nullopt;
    if (v->granularity != Granularity::kDay) *v = Narrow(*v, *part);
  }
  if (ctx != nullptr && !v->relative &&
      (v->granularity == Granularity::kDay ||
       v->granularity == Granularity::kMonth)) {
    ctx->anchor = *v;
  }
  return v;
}

}  // namespace crosscheck::extract
