#include "checker/ingest/dateline.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "re2/re2.h"

namespace crosscheck::ingest {
namespace {

constexpr absl::string_view kMonth =
    "(?i:january|february|march|april|may|june|july|august|september|"
    "october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|"
    "dec)\\.?";
constexpr absl::string_view kWeekday =
    "(?:(?i:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?i:day)?\\.?"
    ",?\\s+)?";
constexpr absl::string_view kOrdinal = "(?i:st|nd|rd|th)?";

// Only the first lines can hold a dateline; bounding the scan keeps a
// sentence deep in the body ("updated 2019-01-01 guidance") out of it.
constexpr int kMaxLines = 8;
constexpr size_t kMaxLineBytes = 600;
constexpr size_t kMaxKeywordOffset = 100;

std::string FullDate() {
  return absl::StrCat("(?:\\d{4}-\\d{1,2}-\\d{1,2}|", kMonth, "\\s+\\d{1,2}",
                      kOrdinal, ",?\\s+\\d{4}|\\d{1,2}", kOrdinal, "\\s+",
                      kMonth, ",?\\s+\\d{4})\\b");
}

struct Patterns {
  RE2 iso{"^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})"};
  RE2 mdy{absl::StrCat("^(", kMonth, ")\\s+(\\d{1,2})", kOrdinal,
                       ",?\\s+(\\d{4})\\b")};
  RE2 dmy{absl::StrCat("^(\\d{1,2})", kOrdinal, "\\s+(", kMonth,
                       "),?\\s+(\\d{4})\\b")};
  RE2 weekday{absl::StrCat("^", kWeekday)};
  RE2 keyword{absl::StrCat(
      "((?i:\\b(?:dated?|published|posted|updated|last updated|"
      "first published|created|modified)(?:\\s+on)?)\\s*[:-]?\\s*(",
      kWeekday, FullDate(), "))")};
  RE2 byline{absl::StrCat("^\\W{0,3}(?i:by)\\s[^\\n]{1,100}?(", kWeekday,
                          FullDate(), ")")};
  RE2 standalone{absl::StrCat("^\\W{0,3}(", kWeekday, FullDate(),
                              ")(?:,?\\s+(?i:at\\s+)?\\d{1,2}[:.]\\d{2}"
                              "[^\\n]{0,30})?\\s*$")};
  RE2 wire{
      absl::StrCat("^\\W{0,3}[A-Z][A-Z.' -]{1,40}(?:,\\s+[A-Z][A-Za-z.]+)?"
                   ",\\s+(",
                   kMonth, "\\s+\\d{1,2})(?:,\\s+(\\d{4}))?\\s*",
                   "(?:\\([^)]{1,60}\\)\\s*)?-")};
};

const Patterns& P() {
  static const Patterns* p = new Patterns;
  return *p;
}

int MonthNumber(absl::string_view name) {
  static constexpr absl::string_view kNames[] = {"jan", "feb", "mar", "apr",
                                                 "may", "jun", "jul", "aug",
                                                 "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return 0;
  const std::string prefix = absl::AsciiStrToLower(name.substr(0, 3));
  for (int i = 0; i < 12; ++i) {
    if (prefix == kNames[i]) return i + 1;
  }
  return 0;
}

std::optional<absl::CivilDay> MakeDay(int y, int m, int d) {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) {
    return std::nullopt;
  }
  absl::CivilDay day(y, m, d);
  // CivilDay normalizes Feb 30 to Mar 2; a date that moved was not real.
  if (day.year() != y || day.month() != m || day.day() != d) {
    return std::nullopt;
  }
  return day;
}

ReferenceDate Dated(absl::CivilDay day, absl::string_view evidence) {
  ReferenceDate r;
  r.day = day;
  r.provenance = "dateline";
  r.evidence = std::string(absl::StripAsciiWhitespace(evidence));
  r.confidence = 0.9;
  return r;
}

}  // namespace

std::optional<absl::CivilDay> ParseIsoDatePrefix(absl::string_view s) {
  s = absl::StripLeadingAsciiWhitespace(s);
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int y, m, d;
  if (!absl::SimpleAtoi(s.substr(0, 4), &y) ||
      !absl::SimpleAtoi(s.substr(5, 2), &m) ||
      !absl::SimpleAtoi(s.substr(8, 2), &d)) {
    return std::nullopt;
  }
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!absl::ascii_isdigit(s[i])) return std::nullopt;
  }
  if (s.size() > 10 && absl::ascii_isdigit(s[10])) return std::nullopt;
  return MakeDay(y, m, d);
}

std::optional<absl::CivilDay> ParseDateText(absl::string_view s) {
  const Patterns& p = P();
  const absl::string_view t = absl::StripLeadingAsciiWhitespace(s);
  re2::StringPiece in(t.data(), t.size());
  RE2::Consume(&in, p.weekday);
  int y = 0, m = 0, d = 0;
  re2::StringPiece month;
  if (RE2::PartialMatch(in, p.iso, &y, &m, &d)) return MakeDay(y, m, d);
  if (RE2::PartialMatch(in, p.mdy, &month, &d, &y)) {
    return MakeDay(
        y, MonthNumber(absl::string_view(month.data(), month.size())), d);
  }
  if (RE2::PartialMatch(in, p.dmy, &d, &month, &y)) {
    return MakeDay(
        y, MonthNumber(absl::string_view(month.data(), month.size())), d);
  }
  return std::nullopt;
}

std::optional<ReferenceDate> FindDateline(
    absl::Span<const absl::string_view> lines) {
  const Patterns& p = P();
  int seen = 0;
  for (absl::string_view line : lines) {
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    if (++seen > kMaxLines) break;
    if (line.size() > kMaxLineBytes) line = line.substr(0, kMaxLineBytes);
    const re2::StringPiece in(line.data(), line.size());
    re2::StringPiece whole, date, year;

    // "Published: 2025-03-05", "date 2026-02-10" near the start of a line.
    if (RE2::PartialMatch(in, p.keyword, &whole, &date) &&
        static_cast<size_t>(whole.data() - line.data()) <= kMaxKeywordOffset) {
      if (auto day =
              ParseDateText(absl::string_view(date.data(), date.size()))) {
        return Dated(*day, absl::string_view(whole.data(), whole.size()));
      }
    }
    if (RE2::PartialMatch(in, p.byline, &date) ||
        RE2::FullMatch(in, p.standalone, &date)) {
      if (auto day =
              ParseDateText(absl::string_view(date.data(), date.size()))) {
        return Dated(*day, absl::string_view(date.data(), date.size()));
      }
    }
    if (RE2::PartialMatch(in, p.wire, &date, &year)) {
      const absl::string_view md(date.data(), date.size());
      if (!year.empty()) {
        const std::string full =
            absl::StrCat(md, ", ", absl::string_view(year.data(), year.size()));
        if (auto day = ParseDateText(full)) return Dated(*day, full);
        continue;
      }
      ReferenceDate r;
      r.provenance = "dateline-no-year";
      r.evidence = std::string(md);
      r.confidence = 0.5;
      return r;
    }
  }
  return std::nullopt;
}

}  // namespace crosscheck::ingest
