// Rule packs: extraction rules as data.
//
// A pack is a JSON file rules/<family>.json:
//
//   {
//     "family": "money",
//     "description": "Amounts of money with currency and scale.",
//     "rules": [{
//       "id": "money.currency-amount",          // family.kebab-name, unique
//       "kind": "money",                        // a MentionKind name
//       "description": "currency symbol or code before a number",
//       "patterns": ["(?P<cur>\\$|€)\\s?(?P<num>\\d[\\d,.]*)"],
//       "captures": {"cur": "currency", "num": "amount"},
//       "priority": 10,                         // higher wins on overlap
//       "label": "", "group": "",              // status/event/disclaimer
//       "examples": {
//         "match": [{"text": "a $640 billion deal",
//                    "expect": {"value": 640e9, "unit": "USD"},
//                    "reference": "2026-02-10"}],
//         "no_match": ["the $ sign"]
//       }
//     }]
//   }
//
// Capture names carry meaning for the normalizers (see numbers.h, dates.h):
// num, num2, scale, cur, unit, qual, pct, ord, month, day, year, year2,
// weekday, quarter, half, part, decade, rel, count, dir, noun, label.
// Two capture names belong to the engine itself, because RE2 has no
// lookaround: `pre` and `post` are context that must be present but is not
// part of the mention ("(?P<pre>^|[^-\w])(?P<num>\d+)" keeps "F-35" out
// without putting the space before a number into the span).
//
// Patterns are RE2 syntax, compiled once, matched case-insensitively unless
// the rule says "case_sensitive": true ((?i) is prepended by the loader).
// A pack may name shared fragments once, "definitions": {"NUM": "..."}, and
// use them as {{NUM}} in its patterns (and in later definitions).
// For status, event and disclaimer rules the mention's label is the rule's
// "label", or, when that is empty, the text of a `label` capture
// (lowercased).
// A rule with "suppress": true is a guard: its matches take part in overlap
// resolution like any other but yield no mention ("Article 9", "9:30").
//
// Loading is forgiving, like LevelDB's Reporter: a pack that is not valid
// JSON is skipped; a rule with an unknown kind, a bad pattern or a pattern
// over the memory budget is reported as a RuleProblem and skipped, and the
// rest of the pack and the other packs still load. User packs (--rules DIR)
// add to the shipped ones.
//
// Why RE2::Set: a body paragraph is tested against every rule, and most
// rules do not match most paragraphs. One RE2::Set over all patterns answers
// "which patterns can match here" in a single linear DFA pass; only those
// patterns then run again with capture groups. Without it, extraction cost
// grows with (rules x text) and capture matching (the slow NFA/one-pass
// engines) would run on every paragraph for every rule.
#ifndef CROSSCHECK_CHECKER_EXTRACT_RULES_H_
#define CROSSCHECK_CHECKER_EXTRACT_RULES_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "checker/core/types.h"

namespace re2 {
class RE2;
}

namespace crosscheck::extract {

struct RuleExample {
  std::string text;
  bool should_match = true;
  std::string expect_json;  // object compared field by field; "" = any
  std::string reference;    // "YYYY-MM-DD" reference date for dates, or ""
  std::string pointer;      // JSON pointer of the example in its file
};

struct Rule {
  std::string id;
  std::string family;
  MentionKind kind = MentionKind::kNumber;
  std::string description;
  std::vector<std::string> patterns;
  std::vector<std::string> capture_names;  // documented captures
  int priority = 0;
  bool case_sensitive = false;
  std::string label;
  std::string group;
  bool suppress = false;  // a guard: wins overlaps, yields no mention
  std::vector<RuleExample> examples;
  std::string file;     // pack path
  std::string pointer;  // JSON pointer of the rule in its pack

  // Compiled patterns, same order as `patterns`.
  std::vector<std::shared_ptr<const re2::RE2>> compiled;
  // For each compiled pattern: (capture group index, name) of its named
  // groups, sorted by index; computed once at load time.
  std::vector<std::vector<std::pair<int, std::string>>> groups;
  // For each compiled pattern: true when `compiled` is the pattern's
  // case-sensitive twin over ASCII-lowercased text (see LowercaseTwin).
  // RE2 extracts submatches 2-3x faster without case folding, and
  // lowercasing ASCII keeps byte offsets, so spans and captures are read
  // from the original text unchanged.
  std::vector<bool> lowered;
};

// For a case-insensitive pattern, an equivalent case-sensitive pattern to
// run over ASCII-lowercased text: ASCII letters outside escapes and group
// names are lowercased. Returns nullopt when that would change what the
// pattern means: inline flags ("(?-i)"), Unicode classes (\p, \P), \Q
// quoting, or non-ASCII letters, whose case folding only (?i) knows.
std::optional<std::string> LowercaseTwin(absl::string_view pattern);

struct RuleBudget {
  // RE2 max_mem for compiling each pattern (bytes): a pattern whose program
  // does not fit is rejected ("pattern exceeds the memory budget").
  int64_t max_pattern_memory = 8 << 20;
  // RE2 max_mem each accepted pattern matches with. Most of it is the lazy
  // DFA's state cache, allocated only as states are built. RE2 falls back
  // to its NFA, 10-100x slower, when the cache is full, and patterns with a
  // context prefix such as "(^|[^\w-])" fill 8 MB on ordinary prose; 32 MB
  // keeps every shipped pattern on the DFA (bench/extract_bench.cc).
  int64_t match_memory = 32 << 20;
};

// A problem found while loading or linting packs.
struct RuleProblem {
  std::string file;
  std::string rule_id;
  std::string pointer;           // JSON pointer, e.g. "/rules/3/patterns/0"
  std::string message;           // includes the RE2 error text for bad patterns
  std::string ToString() const;  // "file: rule_id (pointer): message"
};

// All loaded extraction rules, with a multi-pattern prefilter.
class RuleSet {
 public:
  // Loads every *.json pack in each directory (sorted), except
  // boilerplate.json, judge.json and lexicon.json which other stages own.
  // A pack with errors is reported in `problems` and skipped; the others
  // load.
  static RuleSet LoadDirs(const std::vector<std::string>& dirs,
                          const RuleBudget& budget,
                          std::vector<RuleProblem>* problems);
  // Parses one pack from memory (tests, fuzzers).
  static RuleSet LoadPack(const std::string& file, absl::string_view json,
                          const RuleBudget& budget,
                          std::vector<RuleProblem>* problems);

  const std::vector<Rule>& rules() const { return rules_; }

  // Lint checks beyond loading: duplicate ids (across packs), ids not
  // "family.kebab-name" or not of the pack's family, empty descriptions,
  // no match / no_match examples, capture names used in patterns but not
  // documented in "captures" (pre and post need no documentation).
  std::vector<RuleProblem> Lint() const;

  // (rule index, pattern index) of the patterns that can match `text`, in
  // rule order: every pattern that matches is among them, and patterns
  // whose literal words are absent are not (see Prefilter in rules.cc).
  // Every pattern when the prefilter is unavailable or runs out of memory.
  // Extractor runs only these.
  std::vector<std::pair<int, int>> Candidates(absl::string_view text) const;

  // The rule with this id, or nullptr.
  const Rule* Find(absl::string_view id) const;

  RuleSet();
  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;
  ~RuleSet();

 private:
  friend class Extractor;
  std::vector<Rule> rules_;
  struct Prefilter;
  std::unique_ptr<Prefilter> prefilter_;
  void Finalize(std::vector<RuleProblem>* problems);
  static void ParsePack(const std::string& file, absl::string_view json,
                        const RuleBudget& budget, std::vector<Rule>* out,
                        std::vector<RuleProblem>* problems);
};

}  // namespace crosscheck::extract

#endif  // CROSSCHECK_CHECKER_EXTRACT_RULES_H_
