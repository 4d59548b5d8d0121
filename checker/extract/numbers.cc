#include "checker/extract/numbers.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "absl/types/span.h"
#include "re2/re2.h"

namespace crosscheck::extract {

namespace internal {

size_t FigurePrefix(absl::string_view s) {
  auto digits_at = [&](size_t i) {
    size_t j = i;
    while (j < s.size() &&
           absl::ascii_isdigit(static_cast<unsigned char>(s[j]))) {
      ++j;
    }
    return j - i;
  };
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  const size_t lead = digits_at(i);
  if (lead == 0) return absl::string_view::npos;
  i += lead;
  if (i < s.size() && s[i] == ',') {
    // Groups of three after a lead of one to three digits; a comma that
    // does not start a group ends nothing the grammar can read.
    if (lead > 3) return absl::string_view::npos;
    while (i < s.size() && s[i] == ',') {
      if (digits_at(i + 1) != 3) return absl::string_view::npos;
      i += 4;
    }
  }
  if (i < s.size() && s[i] == '.') {
    const size_t frac = digits_at(i + 1);
    if (frac == 0) return absl::string_view::npos;
    i += 1 + frac;
  }
  return i;
}

bool SplitFigureSuffix(absl::string_view s, absl::string_view* figure,
                       absl::string_view* suffix) {
  const size_t end = FigurePrefix(s);
  if (end == absl::string_view::npos) return false;
  size_t i = end;
  if (i < s.size() && s[i] == ' ') ++i;
  const size_t letters = i;
  while (i < s.size() && s[i] >= 'a' && s[i] <= 'z') ++i;
  if (i > letters && i < s.size() && s[i] == '.') ++i;
  if (i != s.size()) return false;
  *figure = s.substr(0, end);
  *suffix = s.substr(letters);
  return true;
}

}  // namespace internal

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

re2::StringPiece SP(absl::string_view s) {
  return re2::StringPiece(s.data(), s.size());
}

// Lowercase, ASCII spaces collapsed, trimmed.
std::string Canon(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

struct WordValue {
  const char* word;
  int value;
};

constexpr WordValue kUnits[] = {
    {"zero", 0},     {"one", 1},        {"two", 2},       {"three", 3},
    {"four", 4},     {"five", 5},       {"six", 6},       {"seven", 7},
    {"eight", 8},    {"nine", 9},       {"ten", 10},      {"eleven", 11},
    {"twelve", 12},  {"thirteen", 13},  {"fourteen", 14}, {"fifteen", 15},
    {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
};
constexpr WordValue kTens[] = {
    {"twenty", 20}, {"thirty", 30},  {"forty", 40},  {"fifty", 50},
    {"sixty", 60},  {"seventy", 70}, {"eighty", 80}, {"ninety", 90},
};
// Denominators of spelled fractions: "two-thirds", "a quarter".
constexpr WordValue kDenominators[] = {
    {"half", 2},    {"halves", 2},   {"third", 3},  {"thirds", 3},
    {"quarter", 4}, {"quarters", 4}, {"fourth", 4}, {"fourths", 4},
    {"fifth", 5},   {"fifths", 5},   {"sixth", 6},  {"sixths", 6},
    {"seventh", 7}, {"sevenths", 7}, {"eighth", 8}, {"eighths", 8},
    {"ninth", 9},   {"ninths", 9},   {"tenth", 10}, {"tenths", 10},
};
constexpr WordValue kOrdinals[] = {
    {"first", 1},       {"second", 2},       {"third", 3},
    {"fourth", 4},      {"fifth", 5},        {"sixth", 6},
    {"seventh", 7},     {"eighth", 8},       {"ninth", 9},
    {"tenth", 10},      {"eleventh", 11},    {"twelfth", 12},
    {"thirteenth", 13}, {"fourteenth", 14},  {"fifteenth", 15},
    {"sixteenth", 16},  {"seventeenth", 17}, {"eighteenth", 18},
    {"nineteenth", 19}, {"twentieth", 20},   {"thirtieth", 30},
    {"fortieth", 40},   {"fiftieth", 50},    {"sixtieth", 60},
    {"seventieth", 70}, {"eightieth", 80},   {"ninetieth", 90},
    {"hundredth", 100},
};

template <size_t N>
std::optional<int> Lookup(const WordValue (&table)[N], absl::string_view w) {
  for (const WordValue& e : table) {
    if (w == e.word) return e.value;
  }
  return std::nullopt;
}

// Words that say "many" without a figure: not a claim we can compare.
bool IsVague(absl::string_view w) {
  static constexpr absl::string_view kVague[] = {
      "dozens", "hundreds", "thousands", "millions", "billions", "trillions",
      "scores", "several",  "few",       "many",     "numerous", "countless"};
  return std::find(std::begin(kVague), std::end(kVague), w) != std::end(kVague);
}

// Currency prefixes a figure may carry ("$3.5tn" parses as 3.5e12).
constexpr absl::string_view kCurrencyPrefixes[] = {
    "us$", "a$", "au$", "c$", "ca$", "hk$", "nt$", "s$", "nz$", "r$", "mx$",
    "$",   "€",  "£",   "¥",  "₩",   "₹",   "₽", "₺",  "₪",   "₱",  "₦"};

absl::string_view StripCurrencyPrefix(absl::string_view s) {
  for (absl::string_view p : kCurrencyPrefixes) {
    if (absl::StartsWith(s, p)) {
      s.remove_prefix(p.size());
      return absl::StripLeadingAsciiWhitespace(s);
    }
  }
  return s;
}

struct Parsed {
  double value = 0;
  bool fraction = false;
};

std::optional<double> ParseDigits(absl::string_view s) {
  // "12,000.5" or "12000.5": separators only in groups of three.
  if (internal::FigurePrefix(s) != s.size()) return std::nullopt;
  std::string plain;
  plain.reserve(s.size());
  for (char c : s) {
    if (c != ',') plain.push_back(c);
  }
  double v = 0;
  if (!absl::SimpleAtod(plain, &v) || !std::isfinite(v)) return std::nullopt;
  return v;
}

// Spelled numbers: "twelve thousand", "two hundred and fifty", "a dozen",
// "1.5 million", "three" (no fractions: see ParseWords' callers).
std::optional<double> ParseWordTokens(absl::Span<const absl::string_view> t) {
  if (t.empty()) return std::nullopt;
  double total = 0, current = 0;
  bool any = false;
  // What the previous token was, to reject "one two" and "twenty thirty".
  enum { kNone, kUnit, kTen, kScale, kA } last = kNone;
  for (size_t i = 0; i < t.size(); ++i) {
    absl::string_view w = t[i];
    if (w == "and") {
      if (last == kNone) return std::nullopt;
      continue;
    }
    if (w == "a" || w == "an") {
      if (i != 0) return std::nullopt;
      last = kA;
      continue;
    }
    if (auto u = Lookup(kUnits, w)) {
      if (last == kUnit || last == kA) return std::nullopt;
      if (last == kTen && *u >= 10) return std::nullopt;
      current += *u;
      last = kUnit;
      any = true;
      continue;
    }
    if (auto tn = Lookup(kTens, w)) {
      if (last == kUnit || last == kTen || last == kA) return std::nullopt;
      current += *tn;
      last = kTen;
      any = true;
      continue;
    }
    if (auto d = ParseDigits(w)) {
      if (last != kNone) return std::nullopt;
      current = *d;
      last = kUnit;
      any = true;
      continue;
    }
    if (w == "dozen") {
      current = (current == 0 ? 1 : current) * 12;
      last = kScale;
      any = true;
      continue;
    }
    if (w == "hundred") {
      current = (current == 0 ? 1 : current) * 100;
      last = kScale;
      any = true;
      continue;
    }
    std::optional<double> scale = ScaleFactor(w);
    if (scale && *scale >= 1000) {
      total += (current == 0 ? 1 : current) * *scale;
      current = 0;
      last = kScale;
      any = true;
      continue;
    }
    return std::nullopt;
  }
  if (!any) return std::nullopt;
  return total + current;
}

std::optional<Parsed> ParseDetail(absl::string_view text) {
  std::string s = Canon(text);
  absl::string_view v = StripCurrencyPrefix(s);
  if (v.empty()) return std::nullopt;

  // Digits, optionally with an attached or spaced scale: "1.2bn", "3m",
  // "3.5 trillion", "1,200 million".
  absl::string_view digits, suffix;
  if (internal::SplitFigureSuffix(v, &digits, &suffix)) {
    std::optional<double> d = ParseDigits(digits);
    if (!d) return std::nullopt;
    if (suffix.empty()) return Parsed{*d, false};
    std::optional<double> f = ScaleFactor(suffix);
    if (!f) return std::nullopt;
    return Parsed{*d * *f, false};
  }
  // "1/3", "2 / 3".
  static const RE2 kSlash("(\\d+) ?/ ?(\\d+)");
  int a = 0, b = 0;
  if (RE2::FullMatch(SP(v), kSlash, &a, &b)) {
    if (b == 0) return std::nullopt;
    return Parsed{static_cast<double>(a) / b, true};
  }

  // Words. Hyphens join compounds ("twenty-five", "two-thirds").
  std::string words(v);
  std::replace(words.begin(), words.end(), '-', ' ');
  std::vector<absl::string_view> t =
      absl::StrSplit(words, ' ', absl::SkipEmpty());
  if (t.empty()) return std::nullopt;
  for (absl::string_view w : t) {
    if (IsVague(w)) return std::nullopt;
  }
  // "one in five", "1 out of 4", "one in every five".
  for (size_t i = 1; i + 1 < t.size(); ++i) {
    size_t next = i + 1;
    if (t[i] == "in" || (t[i] == "out" && i + 2 < t.size() &&
                         t[i + 1] == "of" && (next = i + 2))) {
      if (next + 1 < t.size() && t[next] == "every") ++next;
      absl::Span<const absl::string_view> all(t);
      auto n = ParseWordTokens(all.subspan(0, i));
      auto d = ParseWordTokens(all.subspan(next));
      if (!n || !d || *d == 0) return std::nullopt;
      return Parsed{*n / *d, true};
    }
  }
  // "two and a half million", "one and a half".
  for (size_t i = 0; i + 2 < t.size(); ++i) {
    if (t[i] == "and" && t[i + 1] == "a" && t[i + 2] == "half") {
      auto h =
          ParseWordTokens(absl::Span<const absl::string_view>(t).subspan(0, i));
      if (!h) return std::nullopt;
      double value = *h + 0.5;
      for (size_t k = i + 3; k < t.size(); ++k) {
        auto f = ScaleFactor(t[k]);
        if (!f) return std::nullopt;
        value *= *f;
      }
      return Parsed{value, false};
    }
  }
  // "half", "a half", "two-thirds", "three quarters", "a fifth".
  if (auto den = Lookup(kDenominators, t.back())) {
    if (t.size() == 1) {
      if (*den != 2) return std::nullopt;  // "third" alone is an ordinal
      return Parsed{0.5, true};
    }
    absl::Span<const absl::string_view> num =
        absl::Span<const absl::string_view>(t).subspan(0, t.size() - 1);
    double n = 0;
    if (num.size() == 1 && (num[0] == "a" || num[0] == "an")) {
      n = 1;
    } else {
      auto p = ParseWordTokens(num);
      if (!p) return std::nullopt;
      n = *p;
    }
    return Parsed{n / *den, true};
  }
  auto w = ParseWordTokens(t);
  if (!w) return std::nullopt;
  return Parsed{*w, false};
}

struct QualifierEntry {
  absl::string_view phrase;
  absl::string_view key;
  double low;   // factor applied to the value for the lower bound
  double high;  // factor for the upper bound (kInf: open)
};

// Approximation words -> bounds. "About" is read as +-5%: newswire rounds
// to two significant figures, so two reports of "about 1,500" and "1,480"
// agree while "about 1,500" and "1,800" do not. "Nearly"/"almost" sit just
// below the figure; comparative words open one side.
constexpr QualifierEntry kQualifiers[] = {
    {"about", "about", 0.95, 1.05},
    {"around", "about", 0.95, 1.05},
    {"roughly", "about", 0.95, 1.05},
    {"approximately", "about", 0.95, 1.05},
    {"approx.", "about", 0.95, 1.05},
    {"approx", "about", 0.95, 1.05},
    {"some", "about", 0.95, 1.05},
    {"circa", "about", 0.95, 1.05},
    {"an estimated", "about", 0.95, 1.05},
    {"estimated", "about", 0.95, 1.05},
    {"an approximate", "about", 0.95, 1.05},
    {"nearly", "nearly", 0.9, 1.0},
    {"almost", "nearly", 0.9, 1.0},
    {"close to", "nearly", 0.9, 1.0},
    {"just under", "nearly", 0.9, 1.0},
    {"just shy of", "nearly", 0.9, 1.0},
    {"just below", "nearly", 0.9, 1.0},
    {"just over", "just-over", 1.0, 1.1},
    {"just above", "just-over", 1.0, 1.1},
    {"slightly more than", "just-over", 1.0, 1.1},
    {"a little over", "just-over", 1.0, 1.1},
    {"more than", "more-than", 1.0, kInf},
    {"over", "more-than", 1.0, kInf},
    {"above", "more-than", 1.0, kInf},
    {"upwards of", "more-than", 1.0, kInf},
    {"in excess of", "more-than", 1.0, kInf},
    {"greater than", "more-than", 1.0, kInf},
    {"exceeding", "more-than", 1.0, kInf},
    {"at least", "at-least", 1.0, kInf},
    {"no fewer than", "at-least", 1.0, kInf},
    {"no less than", "at-least", 1.0, kInf},
    {"not less than", "at-least", 1.0, kInf},
    {"a minimum of", "at-least", 1.0, kInf},
    {"up to", "up-to", 0.0, 1.0},
    {"as many as", "up-to", 0.0, 1.0},
    {"as much as", "up-to", 0.0, 1.0},
    {"as high as", "up-to", 0.0, 1.0},
    {"at most", "up-to", 0.0, 1.0},
    {"no more than", "up-to", 0.0, 1.0},
    {"not more than", "up-to", 0.0, 1.0},
    {"a maximum of", "up-to", 0.0, 1.0},
    {"fewer than", "less-than", 0.0, 1.0},
    {"less than", "less-than", 0.0, 1.0},
    {"under", "less-than", 0.0, 1.0},
    {"below", "less-than", 0.0, 1.0},
};

const QualifierEntry* FindQualifier(absl::string_view qual) {
  std::string q = Canon(qual);
  for (const QualifierEntry& e : kQualifiers) {
    if (q == e.phrase) return &e;
  }
  return nullptr;
}

struct UnitEntry {
  absl::string_view name;  // canonical lowercase spelling
  absl::string_view unit;
  absl::string_view dimension;
  // Values are stated in `unit` times this: power and energy, whose units
  // differ by a prefix alone, share one unit ("14.2 GW" = "14,200 MW").
  double factor = 1;
};

constexpr UnitEntry kUnitTable[] = {
    {"km", "km", "distance"},
    {"kms", "km", "distance"},
    {"kilometre", "km", "distance"},
    {"kilometer", "km", "distance"},
    {"mile", "mile", "distance"},
    {"mi", "mile", "distance"},
    {"nautical mile", "nmi", "distance"},
    {"m", "m", "distance"},
    {"metre", "m", "distance"},
    {"meter", "m", "distance"},
    {"cm", "cm", "distance"},
    {"centimetre", "cm", "distance"},
    {"centimeter", "cm", "distance"},
    {"mm", "mm", "distance"},
    {"millimetre", "mm", "distance"},
    {"millimeter", "mm", "distance"},
    {"ft", "ft", "distance"},
    {"foot", "ft", "distance"},
    {"feet", "ft", "distance"},
    {"inch", "in", "distance"},
    {"inche", "in", "distance"},
    {"yard", "yd", "distance"},
    {"kg", "kg", "mass"},
    {"kilogram", "kg", "mass"},
    {"kilo", "kg", "mass"},
    {"gram", "g", "mass"},
    {"tonne", "tonne", "mass"},
    {"metric ton", "tonne", "mass"},
    {"ton", "tonne", "mass"},
    {"lb", "lb", "mass"},
    {"barrel", "barrel", "volume"},
    {"bbl", "barrel", "volume"},
    {"litre", "l", "volume"},
    {"liter", "l", "volume"},
    {"gallon", "gal", "volume"},
    {"cubic metre", "m3", "volume"},
    {"cubic meter", "m3", "volume"},
    {"hectare", "ha", "area"},
    {"ha", "ha", "area"},
    {"acre", "acre", "area"},
    {"square kilometre", "km2", "area"},
    {"square kilometer", "km2", "area"},
    {"sq km", "km2", "area"},
    {"km2", "km2", "area"},
    {"square mile", "mi2", "area"},
    {"sq mi", "mi2", "area"},
    {"kw", "MW", "power", 1e-3},
    {"kilowatt", "MW", "power", 1e-3},
    {"mw", "MW", "power"},
    {"megawatt", "MW", "power"},
    {"gw", "MW", "power", 1e3},
    {"gigawatt", "MW", "power", 1e3},
    {"kwh", "MWh", "energy", 1e-3},
    {"mwh", "MWh", "energy"},
    {"gwh", "MWh", "energy", 1e3},
    {"twh", "MWh", "energy", 1e6},
    {"mph", "mph", "speed"},
    {"km/h", "km/h", "speed"},
    {"kph", "km/h", "speed"},
    {"kmh", "km/h", "speed"},
    {"knot", "knot", "speed"},
    {"°c", "C", "temperature"},
    {"degrees celsius", "C", "temperature"},
    {"degree celsius", "C", "temperature"},
    {"celsius", "C", "temperature"},
    {"°f", "F", "temperature"},
    {"degrees fahrenheit", "F", "temperature"},
    {"degree fahrenheit", "F", "temperature"},
    {"fahrenheit", "F", "temperature"},
    {"magnitude", "magnitude", "magnitude"},
    {"year", "year", "duration"},
    {"yr", "year", "duration"},
    {"month", "month", "duration"},
    {"week", "week", "duration"},
    {"day", "day", "duration"},
    {"hour", "hour", "duration"},
    {"hr", "hour", "duration"},
    {"minute", "minute", "duration"},
    {"min", "minute", "duration"},
    {"second", "second", "duration"},
    {"decade", "decade", "duration"},
    {"century", "century", "duration"},
    {"centurie", "century", "duration"},
};

// Gives `a` the entry's unit and dimension, its value stated in that unit.
void ApplyUnit(const UnitEntry& u, Amount* a) {
  a->unit = std::string(u.unit);
  a->dimension = std::string(u.dimension);
  a->value *= u.factor;
  a->low *= u.factor;
  a->high *= u.factor;
}

const UnitEntry* FindUnit(absl::string_view unit) {
  std::string u = Canon(unit);
  while (!u.empty() && u.back() == '.') u.pop_back();
  for (int pass = 0; pass < 2; ++pass) {
    for (const UnitEntry& e : kUnitTable) {
      if (u == e.name) return &e;
    }
    // Plurals: "kilometres", "square miles", "barrels".
    if (u.size() > 2 && u.back() == 's') {
      u.pop_back();
    } else {
      break;
    }
  }
  return nullptr;
}

// Function words that cannot be part of a counted noun phrase: a "noun"
// containing one ran past the noun ("2,000 were killed in floods").
bool IsFunctionWord(absl::string_view w) {
  static constexpr absl::string_view kWords[] = {
      "a",       "about",   "after",  "against", "ago",     "all",    "also",
      "am",      "an",      "and",    "are",     "as",      "at",     "be",
      "been",    "before",  "being",  "but",     "by",      "can",    "could",
      "did",     "do",      "does",   "during",  "each",    "for",    "from",
      "had",     "has",     "have",   "he",      "her",     "his",    "how",
      "i",       "if",      "in",     "into",    "is",      "it",     "its",
      "may",     "might",   "more",   "most",    "must",    "no",     "not",
      "of",      "on",      "or",     "our",     "over",    "per",    "she",
      "should",  "since",   "so",     "than",    "that",    "the",    "their",
      "them",    "then",    "there",  "these",   "they",    "this",   "those",
      "thus",    "to",      "until",  "up",      "us",      "was",    "we",
      "were",    "what",    "when",   "where",   "which",   "while",  "who",
      "whom",    "whose",   "will",   "with",    "would",   "yet",    "you",
      "your",    "percent", "cent",   "plus",    "less",    "always", "perhaps",
      "whereas", "unless",  "across", "among",   "between", "versus", "via"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

bool IsYearLike(absl::string_view num) {
  int y = 0;
  return num.size() == 4 && absl::SimpleAtoi(num, &y) && y >= 1900 && y <= 2100;
}

bool AllDigits(absl::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return absl::ascii_isdigit(static_cast<unsigned char>(c));
  });
}

}  // namespace

std::string Singularize(absl::string_view word) {
  std::string w = Canon(word);
  static constexpr std::pair<absl::string_view, absl::string_view>
      kIrregular[] = {{"people", "person"},
                      {"persons", "person"},
                      {"children", "child"},
                      {"men", "man"},
                      {"women", "woman"},
                      {"feet", "foot"},
                      {"teeth", "tooth"},
                      {"mice", "mouse"},
                      {"geese", "goose"},
                      {"lives", "life"},
                      {"wives", "wife"},
                      {"knives", "knife"},
                      {"halves", "half"},
                      {"leaves", "leaf"},
                      {"thieves", "thief"},
                      {"wolves", "wolf"},
                      {"shelves", "shelf"},
                      {"kilometres", "km"},
                      {"kilometers", "km"},
                      {"km", "km"},
                      {"kms", "km"},
                      {"series", "series"},
                      {"species", "species"},
                      {"news", "news"},
                      {"police", "police"},
                      {"staff", "staff"},
                      {"personnel", "personnel"},
                      {"aircraft", "aircraft"},
                      {"sheep", "sheep"},
                      {"cattle", "cattle"},
                      {"fish", "fish"},
                      {"crises", "crisis"},
                      {"analyses", "analysis"},
                      {"theses", "thesis"},
                      {"diagnoses", "diagnosis"},
                      {"buses", "bus"},
                      {"gases", "gas"},
                      {"viruses", "virus"},
                      {"bonuses", "bonus"},
                      {"campuses", "campus"},
                      {"surpluses", "surplus"},
                      {"censuses", "census"},
                      {"lenses", "lens"}};
  for (const auto& [plural, single] : kIrregular) {
    if (w == plural) return std::string(single);
  }
  // Compounds of man/woman: fishermen, servicewomen.
  if (absl::EndsWith(w, "women")) return w.substr(0, w.size() - 5) + "woman";
  if (absl::EndsWith(w, "men") && w.size() > 4) {
    return w.substr(0, w.size() - 3) + "man";
  }
  if (w.size() > 4 && absl::EndsWith(w, "ies")) {
    return w.substr(0, w.size() - 3) + "y";
  }
  for (absl::string_view es : {"sses", "shes", "ches", "xes", "zzes", "oes"}) {
    if (w.size() > es.size() + 1 && absl::EndsWith(w, es)) {
      return w.substr(0, w.size() - 2);
    }
  }
  if (absl::EndsWith(w, "ss") || absl::EndsWith(w, "us") ||
      absl::EndsWith(w, "is") || w.size() < 3) {
    return w;
  }
  if (absl::EndsWith(w, "s")) return w.substr(0, w.size() - 1);
  return w;
}

std::optional<double> ParseNumber(absl::string_view text) {
  std::optional<Parsed> p = ParseDetail(text);
  if (!p) return std::nullopt;
  return p->value;
}

bool IsFraction(absl::string_view text) {
  std::optional<Parsed> p = ParseDetail(text);
  return p && p->fraction;
}

std::optional<int> ParseOrdinal(absl::string_view text) {
  std::string s = Canon(text);
  absl::string_view v = s;
  // "No. 1", "number one", "#1": a rank given as a cardinal.
  for (absl::string_view prefix : {"no.", "no ", "number ", "#"}) {
    if (absl::StartsWith(v, prefix)) {
      absl::string_view rest =
          absl::StripLeadingAsciiWhitespace(v.substr(prefix.size()));
      std::optional<double> n = ParseNumber(rest);
      if (n && *n >= 1 && *n < 1e6 && *n == std::floor(*n)) {
        return static_cast<int>(*n);
      }
      return std::nullopt;
    }
  }
  std::string words(v);
  std::replace(words.begin(), words.end(), '-', ' ');
  std::vector<absl::string_view> t =
      absl::StrSplit(words, ' ', absl::SkipEmpty());
  if (t.empty()) return std::nullopt;
  // "21st", "3rd", "100th".
  static const RE2 kDigitOrdinal("(\\d{1,6})(?:st|nd|rd|th)");
  int n = 0;
  if (RE2::FullMatch(SP(t[0]), kDigitOrdinal, &n)) {
    return n > 0 ? std::optional<int>(n) : std::nullopt;
  }
  // "twenty-first": tens then an ordinal unit.
  if (t.size() >= 2) {
    if (auto tens = Lookup(kTens, t[0])) {
      if (auto unit = Lookup(kOrdinals, t[1]); unit && *unit < 10) {
        return *tens + *unit;
      }
    }
  }
  // "third-largest", "second biggest": the leading ordinal.
  return Lookup(kOrdinals, t[0]);
}

std::optional<double> ScaleFactor(absl::string_view word) {
  std::string w = Canon(word);
  while (!w.empty() && w.back() == '.') w.pop_back();
  static constexpr std::pair<absl::string_view, double> kScales[] = {
      {"hundred", 1e2},  {"thousand", 1e3},  {"k", 1e3},
      {"grand", 1e3},    {"lakh", 1e5},      {"lakhs", 1e5},
      {"crore", 1e7},    {"crores", 1e7},    {"million", 1e6},
      {"millions", 1e6}, {"mn", 1e6},        {"mln", 1e6},
      {"m", 1e6},        {"mil", 1e6},       {"billion", 1e9},
      {"billions", 1e9}, {"bn", 1e9},        {"bln", 1e9},
      {"b", 1e9},        {"trillion", 1e12}, {"trillions", 1e12},
      {"tn", 1e12},      {"trn", 1e12},      {"tr", 1e12},
      {"t", 1e12},       {"thousands", 1e3}};
  for (const auto& [name, f] : kScales) {
    if (w == name) return f;
  }
  return std::nullopt;
}

std::optional<std::string> CurrencyCode(absl::string_view text) {
  std::string s = Canon(text);
  // "U.S. dollars" -> "us dollars"; "Rs." -> "rs".
  s.erase(std::remove(s.begin(), s.end(), '.'), s.end());
  absl::string_view v = absl::StripAsciiWhitespace(s);
  static constexpr std::pair<absl::string_view, absl::string_view> kCodes[] = {
      {"$", "USD"},
      {"us$", "USD"},
      {"usd", "USD"},
      {"dollar", "USD"},
      {"us dollar", "USD"},
      {"american dollar", "USD"},
      {"a$", "AUD"},
      {"au$", "AUD"},
      {"aud", "AUD"},
      {"australian dollar", "AUD"},
      {"c$", "CAD"},
      {"ca$", "CAD"},
      {"cad", "CAD"},
      {"canadian dollar", "CAD"},
      {"hk$", "HKD"},
      {"hkd", "HKD"},
      {"hong kong dollar", "HKD"},
      {"nt$", "TWD"},
      {"twd", "TWD"},
      {"taiwan dollar", "TWD"},
      {"new taiwan dollar", "TWD"},
      {"s$", "SGD"},
      {"sgd", "SGD"},
      {"singapore dollar", "SGD"},
      {"nz$", "NZD"},
      {"nzd", "NZD"},
      {"new zealand dollar", "NZD"},
      {"r$", "BRL"},
      {"brl", "BRL"},
      {"real", "BRL"},
      {"reai", "BRL"},
      {"brazilian real", "BRL"},
      {"mx$", "MXN"},
      {"mxn", "MXN"},
      {"mexican peso", "MXN"},
      {"€", "EUR"},
      {"eur", "EUR"},
      {"euro", "EUR"},
      {"£", "GBP"},
      {"gbp", "GBP"},
      {"pound", "GBP"},
      {"pound sterling", "GBP"},
      {"pounds sterling", "GBP"},
      {"sterling", "GBP"},
      {"british pound", "GBP"},
      {"¥", "JPY"},
      {"jpy", "JPY"},
      {"yen", "JPY"},
      {"japanese yen", "JPY"},
      {"cny", "CNY"},
      {"rmb", "CNY"},
      {"yuan", "CNY"},
      {"renminbi", "CNY"},
      {"chinese yuan", "CNY"},
      {"₩", "KRW"},
      {"krw", "KRW"},
      {"won", "KRW"},
      {"korean won", "KRW"},
      {"south korean won", "KRW"},
      {"₹", "INR"},
      {"inr", "INR"},
      {"rs", "INR"},
      {"rupee", "INR"},
      {"indian rupee", "INR"},
      {"₽", "RUB"},
      {"rub", "RUB"},
      {"ruble", "RUB"},
      {"rouble", "RUB"},
      {"chf", "CHF"},
      {"swiss franc", "CHF"},
      {"zar", "ZAR"},
      {"rand", "ZAR"},
      {"south african rand", "ZAR"},
      {"₺", "TRY"},
      {"try", "TRY"},
      {"lira", "TRY"},
      {"turkish lira", "TRY"},
      {"sek", "SEK"},
      {"swedish krona", "SEK"},
      {"swedish kronor", "SEK"},
      {"nok", "NOK"},
      {"norwegian krone", "NOK"},
      {"norwegian kroner", "NOK"},
      {"czech crown", "CZK"},
      {"swedish crown", "SEK"},
      {"danish crown", "DKK"},
      {"norwegian crown", "NOK"},
      {"icelandic crown", "ISK"},
      // The English name of several currencies: without the country it
      // stays a name rather than a guessed ISO code.
      {"crown", "crown"},
      {"dkk", "DKK"},
      {"danish krone", "DKK"},
      {"danish kroner", "DKK"},
      {"pln", "PLN"},
      {"zloty", "PLN"},
      {"idr", "IDR"},
      {"rupiah", "IDR"},
      {"myr", "MYR"},
      {"ringgit", "MYR"},
      {"thb", "THB"},
      {"baht", "THB"},
      {"vnd", "VND"},
      {"dong", "VND"},
      {"₱", "PHP"},
      {"php", "PHP"},
      {"philippine peso", "PHP"},
      {"₪", "ILS"},
      {"ils", "ILS"},
      {"shekel", "ILS"},
      {"new shekel", "ILS"},
      {"₦", "NGN"},
      {"ngn", "NGN"},
      {"naira", "NGN"},
      {"egp", "EGP"},
      {"egyptian pound", "EGP"},
      {"sar", "SAR"},
      {"riyal", "SAR"},
      {"saudi riyal", "SAR"},
      {"aed", "AED"},
      {"dirham", "AED"},
      {"uae dirham", "AED"},
      {"ars", "ARS"},
      {"argentine peso", "ARS"},
      {"uah", "UAH"},
      {"hryvnia", "UAH"},
      {"₴", "UAH"},
  };
  std::string key(v);
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& [name, code] : kCodes) {
      if (key == name) return std::string(code);
    }
    // Plurals: "dollars", "euros", "rupees", "australian dollars".
    if (key.size() > 3 && key.back() == 's') {
      key.pop_back();
    } else {
      break;
    }
  }
  return std::nullopt;
}

std::optional<Amount> NormalizeAmount(const Rule& rule, const RuleMatch& m) {
  Amount a;
  absl::string_view num = m.Capture("num");
  absl::string_view ord = m.Capture("ord");
  absl::string_view scale = m.Capture("scale");
  absl::string_view scale2 = m.Capture("scale2");
  absl::string_view num2 = m.Capture("num2");
  absl::string_view cur = m.Capture("cur");
  absl::string_view unit = m.Capture("unit");
  absl::string_view noun = m.Capture("noun");
  absl::string_view qual = m.Capture("qual");
  absl::string_view pct = m.Capture("pct");

  if (!ord.empty()) {
    std::optional<int> r = ParseOrdinal(ord);
    if (!r) return std::nullopt;
    a.value = a.low = a.high = *r;
    a.dimension = "rank";
    return a;
  }
  if (num.empty()) return std::nullopt;
  std::optional<Parsed> p1 = ParseDetail(num);
  if (!p1) return std::nullopt;
  double v1 = p1->value;
  double f1 = 1, f2 = 1;
  if (!scale.empty()) {
    std::optional<double> f = ScaleFactor(scale);
    if (!f) return std::nullopt;
    f1 = f2 = *f;
  }
  if (!scale2.empty()) {
    std::optional<double> f = ScaleFactor(scale2);
    if (!f) return std::nullopt;
    f2 = *f;
    if (scale.empty()) f1 = *f;  // "30 to 40 billion": one scale for both
  }
  v1 *= f1;
  double low = v1, high = v1;
  if (!num2.empty()) {
    std::optional<Parsed> p2 = ParseDetail(num2);
    if (!p2) return std::nullopt;
    double v2 = p2->value;
    std::string n1 = Canon(num), n2 = Canon(num2);
    if (AllDigits(n1) && AllDigits(n2)) {
      // Phone-number shape (555-0199), not a range.
      if (n1.size() == 3 && n2.size() == 4) return std::nullopt;
      // "1910-45", "2023-24": the end shares the start's leading digits.
      if (n2.size() < n1.size() && v2 < p1->value) {
        double mod = std::pow(10.0, static_cast<double>(n2.size()));
        double filled = std::floor(p1->value / mod) * mod + v2;
        if (filled < p1->value) filled += mod;
        v2 = filled;
      }
    }
    v2 *= f2;
    // Scores ("won 3-1") and reversed pairs are not ranges.
    if (!(v2 > v1)) return std::nullopt;
    low = v1;
    high = v2;
  }
  // "a quarter of a billion dollars": the fraction multiplies the amount.
  if (absl::string_view frac = m.Capture("frac"); !frac.empty()) {
    std::optional<Parsed> f = ParseDetail(frac);
    if (!f || !f->fraction || !(f->value > 0 && f->value < 1)) {
      return std::nullopt;
    }
    low *= f->value;
    high *= f->value;
  }
  a.value = (low + high) / 2;
  a.low = low;
  a.high = high;

  const bool plain = scale.empty() && scale2.empty() && num2.empty() &&
                     cur.empty() && pct.empty() && unit.empty();
  // A year alone is a date, not a figure.
  if (plain && rule.kind != MentionKind::kPercent &&
      rule.kind != MentionKind::kMoney && IsYearLike(Canon(num))) {
    return std::nullopt;
  }

  if (!pct.empty()) {
    std::string p = Canon(pct);
    if (absl::StrContains(p, "basis")) {
      a.value /= 100;
      a.low /= 100;
      a.high /= 100;
      a.unit = "pp";
      a.dimension = "percentage-points";
    } else if (absl::StrContains(p, "point") || p == "pp" || p == "ppt" ||
               p == "ppts" || p == "pts" || p == "pt") {
      // "points" alone is also what stock indexes and games count; a change
      // of more than 100 points cannot be percentage points.
      if (!absl::StrContains(p, "percent") && a.high > 100) {
        return std::nullopt;
      }
      a.unit = "pp";
      a.dimension = "percentage-points";
    } else {
      a.unit = "%";
      a.dimension = "percent";
    }
  } else if (!cur.empty()) {
    std::optional<std::string> code = CurrencyCode(cur);
    if (!code) return std::nullopt;
    // "won" is also a verb: require a scale or a sum of money-like size.
    if (Canon(cur) == "won" && scale.empty() && scale2.empty() &&
        a.high < 1000) {
      return std::nullopt;
    }
    a.unit = *code;
    a.dimension = "currency";
  } else if (!unit.empty()) {
    const UnitEntry* u = FindUnit(unit);
    if (u != nullptr) {
      ApplyUnit(*u, &a);
    } else {
      a.unit = Singularize(unit);
      a.dimension = "count";
    }
    if (rule.kind == MentionKind::kQuantity && a.dimension == "duration") {
      return std::nullopt;  // durations are the date rules' business
    }
  } else if (!noun.empty()) {
    std::vector<absl::string_view> words =
        absl::StrSplit(noun, absl::ByAnyChar(" \t\n"), absl::SkipEmpty());
    if (words.empty()) return std::nullopt;
    for (absl::string_view w : words) {
      if (IsFunctionWord(Canon(w))) return std::nullopt;
    }
    std::string head = Singularize(words.back());
    if (head.empty() || IsFunctionWord(head)) return std::nullopt;
    const UnitEntry* u = FindUnit(head);
    if (u != nullptr && u->dimension == "duration" &&
        rule.kind != MentionKind::kDuration) {
      return std::nullopt;  // "70 years": a duration, not a count
    }
    if (u != nullptr) {
      ApplyUnit(*u, &a);
    } else {
      a.unit = head;
      a.dimension = "count";
    }
    // "the 2024 elections": a year used as a modifier.
    if (IsYearLike(Canon(num))) return std::nullopt;
  } else if (p1->fraction) {
    a.dimension = "ratio";
  }

  switch (rule.kind) {
    case MentionKind::kMoney:
      if (a.dimension != "currency") return std::nullopt;
      break;
    case MentionKind::kPercent:
      if (a.dimension.empty()) {
        a.unit = "%";
        a.dimension = "percent";
      }
      break;
    case MentionKind::kQuantity:
      if (a.unit.empty()) return std::nullopt;
      break;
    case MentionKind::kDuration:
      if (a.dimension.empty() || a.dimension == "count") {
        a.dimension = "duration";
      }
      break;
    default:
      break;
  }

  // Shares are fractions: "15%" is 0.15 and "two-thirds" 0.667, so that the
  // two ways of writing a share compare directly ("share 0.02 of GDP").
  if (a.dimension == "ratio") {
    a.unit = "%";
    a.dimension = "percent";
  } else if (a.dimension == "percent") {
    a.value /= 100;
    a.low /= 100;
    if (a.high != kInf) a.high /= 100;
  }

  if (!qual.empty()) {
    const QualifierEntry* q = FindQualifier(qual);
    if (q != nullptr) {
      a.qualifier = std::string(q->key);
      double lo = a.low * q->low;
      double hi = q->high == kInf ? kInf : a.high * q->high;
      a.low = std::min(lo, hi);
      a.high = std::max(lo, hi);
    }
  }
  return a;
}

}  // namespace crosscheck::extract
