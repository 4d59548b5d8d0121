// Loading and matching rules/boilerplate.json.
//
// Every pattern is wrapped according to its rule's scope and added to one
// of two RE2::Sets, so a segment is tested against all rules in at most two
// passes.
#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "checker/segment/internal.h"
#include "checker/segment/segment.h"
#include "nlohmann/json.hpp"
#include "re2/re2.h"
#include "re2/set.h"

namespace crosscheck::segment {

using json = nlohmann::json;

namespace {

// Patterns of one anchoring, matched together.
struct PatternSet {
  std::unique_ptr<RE2::Set> set;  // null when it has no pattern
  std::vector<int> patterns;      // set index -> pattern index
  int max_words = 0;  // largest max_words of its rules; -1 = no limit
};

}  // namespace

struct BoilerplateRules::Impl {
  std::vector<BoilerplateRule> rules;
  // Per pattern: the rule it belongs to, and the compiled pattern (for
  // CheckExamples, which must tell rules apart).
  std::vector<int> pattern_rule;
  std::vector<std::unique_ptr<RE2>> compiled;
  // "segment" and "prefix" patterns all begin with ^: in an ANCHOR_START
  // set the DFA stops at the first byte where none of them can match any
  // more, a few bytes into most segments. Mixed into one unanchored set
  // with the "contains" patterns, their partial matches multiplied the
  // DFA's states, which kept being built anew (c5: MatchRule 641M -> 191M
  // instructions). The rule that wins is chosen over the hits of both.
  PatternSet anchored;
  PatternSet unanchored;  // "contains" patterns
  int max_words = 0;      // largest max_words; -1 when a rule has no limit
};

BoilerplateRules::BoilerplateRules() : impl_(std::make_unique<Impl>()) {}
BoilerplateRules::BoilerplateRules(BoilerplateRules&&) noexcept = default;
BoilerplateRules& BoilerplateRules::operator=(BoilerplateRules&&) noexcept =
    default;
BoilerplateRules::~BoilerplateRules() = default;

namespace {

absl::Status RuleError(absl::string_view path, absl::string_view id,
                       absl::string_view pointer, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrFormat(
      "%s: rule \"%s\" (%s): %s", path, id.empty() ? "?" : id, pointer, what));
}

std::string Wrap(absl::string_view pattern, absl::string_view scope) {
  if (scope == "contains") return std::string(pattern);
  if (scope == "prefix") return absl::StrCat("^(?:", pattern, ")");
  return absl::StrCat("^(?:", pattern, ")$");
}

// Reads an array of strings at `key`; absent is fine.
absl::Status ReadStrings(const json& obj, const char* key,
                         absl::string_view path, absl::string_view id,
                         const std::string& pointer,
                         std::vector<std::string>* out) {
  if (!obj.contains(key)) return absl::OkStatus();
  const json& arr = obj.at(key);
  if (!arr.is_array()) {
    return RuleError(path, id, absl::StrCat(pointer, "/", key),
                     "must be an array of strings");
  }
  for (size_t i = 0; i < arr.size(); ++i) {
    if (!arr[i].is_string()) {
      return RuleError(path, id, absl::StrCat(pointer, "/", key, "/", i),
                       "must be a string");
    }
    out->push_back(arr[i].get<std::string>());
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<BoilerplateRules> BoilerplateRules::Load(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat(path, ": cannot open boilerplate rule file"));
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return Parse(path, ss.str());
}

absl::StatusOr<BoilerplateRules> BoilerplateRules::Parse(
    const std::string& path, absl::string_view text) {
  json root = json::parse(text.begin(), text.end(), nullptr, false);
  if (root.is_discarded()) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": not valid JSON"));
  }
  if (!root.is_object()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": (/) must be a JSON object"));
  }
  if (root.contains("family") &&
      (!root["family"].is_string() || root["family"] != "boilerplate")) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": (/family) must be \"boilerplate\""));
  }
  if (!root.contains("rules") || !root["rules"].is_array()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": (/rules) must be an array"));
  }
  BoilerplateRules out;
  Impl& impl = *out.impl_;
  RE2::Options options;
  options.set_log_errors(false);
  // The sets hold many open-ended patterns ("Related: .*"): when one set
  // held them all, its DFA kept running out of 8 MiB and rebuilding under
  // RE2's writer lock, which made segmenting the slowest stage and
  // serialized the threads (c200: 64 s -> 43 s on one thread, and two
  // threads 1.8x faster instead of none). The budget is an upper bound;
  // the DFA cache grows only as states are built.
  options.set_max_mem(64 << 20);
  const json& rules = root["rules"];
  std::vector<std::string> seen_ids;
  for (size_t r = 0; r < rules.size(); ++r) {
    const std::string pointer = absl::StrCat("/rules/", r);
    const json& jr = rules[r];
    if (!jr.is_object()) {
      return RuleError(path, "", pointer, "must be an object");
    }
    BoilerplateRule rule;
    if (!jr.contains("id") || !jr["id"].is_string() ||
        jr["id"].get<std::string>().empty()) {
      return RuleError(path, "", pointer + "/id", "missing or not a string");
    }
    rule.id = jr["id"].get<std::string>();
    if (std::find(seen_ids.begin(), seen_ids.end(), rule.id) !=
        seen_ids.end()) {
      return RuleError(path, rule.id, pointer + "/id", "duplicate rule id");
    }
    seen_ids.push_back(rule.id);
    if (jr.contains("description")) {
      if (!jr["description"].is_string()) {
        return RuleError(path, rule.id, pointer + "/description",
                         "must be a string");
      }
      rule.description = jr["description"].get<std::string>();
    }
    if (jr.contains("scope")) {
      const json& s = jr["scope"];
      if (!s.is_string() ||
          (s != "segment" && s != "prefix" && s != "contains")) {
        return RuleError(path, rule.id, pointer + "/scope",
                         "must be \"segment\", \"prefix\" or \"contains\"");
      }
      rule.scope = s.get<std::string>();
    }
    if (jr.contains("max_words")) {
      const json& m = jr["max_words"];
      if (!m.is_number_integer() || m.get<int64_t>() < 0 ||
          m.get<int64_t>() > 100000) {
        return RuleError(path, rule.id, pointer + "/max_words",
                         "must be a non-negative integer");
      }
      rule.max_words = static_cast<int>(m.get<int64_t>());
    }
    if (jr.contains("section")) {
      if (!jr["section"].is_boolean()) {
        return RuleError(path, rule.id, pointer + "/section",
                         "must be true or false");
      }
      rule.section = jr["section"].get<bool>();
    }
    if (jr.contains("keep")) {
      if (!jr["keep"].is_boolean()) {
        return RuleError(path, rule.id, pointer + "/keep",
                         "must be true or false");
      }
      rule.keep = jr["keep"].get<bool>();
    }
    absl::Status st =
        ReadStrings(jr, "patterns", path, rule.id, pointer, &rule.patterns);
    if (!st.ok()) return st;
    if (rule.patterns.empty()) {
      return RuleError(path, rule.id, pointer + "/patterns",
                       "needs at least one pattern");
    }
    if (jr.contains("examples")) {
      const json& ex = jr["examples"];
      if (!ex.is_object()) {
        return RuleError(path, rule.id, pointer + "/examples",
                         "must be an object");
      }
      st = ReadStrings(ex, "match", path, rule.id, pointer + "/examples",
                       &rule.match_examples);
      if (!st.ok()) return st;
      st = ReadStrings(ex, "no_match", path, rule.id, pointer + "/examples",
                       &rule.no_match_examples);
      if (!st.ok()) return st;
    }
    const int rule_index = static_cast<int>(impl.rules.size());
    for (size_t p = 0; p < rule.patterns.size(); ++p) {
      const std::string wrapped = Wrap(rule.patterns[p], rule.scope);
      const std::string ppointer = absl::StrCat(pointer, "/patterns/", p);
      auto re = std::make_unique<RE2>(wrapped, options);
      if (!re->ok()) {
        return RuleError(path, rule.id, ppointer,
                         absl::StrCat("invalid pattern: ", re->error()));
      }
      PatternSet& ps =
          rule.scope == "contains" ? impl.unanchored : impl.anchored;
      if (ps.set == nullptr) {
        ps.set = std::make_unique<RE2::Set>(options, &ps == &impl.anchored
                                                         ? RE2::ANCHOR_START
                                                         : RE2::UNANCHORED);
      }
      std::string error;
      if (ps.set->Add(wrapped, &error) < 0) {
        return RuleError(path, rule.id, ppointer,
                         absl::StrCat("invalid pattern: ", error));
      }
      ps.patterns.push_back(static_cast<int>(impl.pattern_rule.size()));
      if (rule.max_words == 0) {
        ps.max_words = -1;
      } else if (ps.max_words >= 0) {
        ps.max_words = std::max(ps.max_words, rule.max_words);
      }
      impl.pattern_rule.push_back(rule_index);
      impl.compiled.push_back(std::move(re));
    }
    if (rule.max_words == 0) {
      impl.max_words = -1;
    } else if (impl.max_words >= 0) {
      impl.max_words = std::max(impl.max_words, rule.max_words);
    }
    impl.rules.push_back(std::move(rule));
  }
  for (PatternSet* ps : {&impl.anchored, &impl.unanchored}) {
    if (ps->set != nullptr && !ps->set->Compile()) {
      return absl::InvalidArgumentError(absl::StrCat(
          path, ": (/rules) patterns exceed the RE2::Set memory budget"));
    }
  }
  return out;
}

const BoilerplateRule* BoilerplateRules::MatchRule(
    absl::string_view segment_text) const {
  if (impl_->rules.empty()) return nullptr;
  absl::string_view t = internal::TrimSpace(segment_text);
  if (t.empty()) return nullptr;
  const int words = internal::CountWordsUpTo(
      t, impl_->max_words >= 0 ? impl_->max_words : (1 << 30));
  if (impl_->max_words >= 0 && words > impl_->max_words) return nullptr;
  const re2::StringPiece piece(t.data(), t.size());
  int best = -1;
  thread_local std::vector<int> hits;
  for (const PatternSet* ps : {&impl_->anchored, &impl_->unanchored}) {
    // A set whose rules all stop short of `words` cannot decide.
    if (ps->set == nullptr || (ps->max_words >= 0 && words > ps->max_words)) {
      continue;
    }
    // Most segments match nothing: the "any match" DFA pass stops early
    // and is much cheaper than collecting every matching pattern.
    if (!ps->set->Match(piece, nullptr)) continue;
    if (!ps->set->Match(piece, &hits)) continue;
    for (int h : hits) {
      if (h < 0 || static_cast<size_t>(h) >= ps->patterns.size()) continue;
      const int r = impl_->pattern_rule[ps->patterns[h]];
      const BoilerplateRule& rule = impl_->rules[r];
      if (rule.max_words > 0 && words > rule.max_words) continue;
      // A keep rule outranks every boilerplate rule.
      if (best < 0 || (rule.keep && !impl_->rules[best].keep) ||
          (rule.keep == impl_->rules[best].keep && r < best)) {
        best = r;
      }
    }
  }
  return best < 0 ? nullptr : &impl_->rules[best];
}

std::string BoilerplateRules::Match(absl::string_view segment_text) const {
  const BoilerplateRule* r = MatchRule(segment_text);
  return r == nullptr || r->keep ? std::string() : r->id;
}

const std::vector<BoilerplateRule>& BoilerplateRules::rules() const {
  return impl_->rules;
}

std::vector<std::string> BoilerplateRules::CheckExamples() const {
  std::vector<std::string> failures;
  for (size_t r = 0; r < impl_->rules.size(); ++r) {
    const BoilerplateRule& rule = impl_->rules[r];
    // Does this rule (any of its patterns, within max_words) match `text`?
    auto rule_matches = [&](absl::string_view text) {
      absl::string_view t = internal::TrimSpace(text);
      if (rule.max_words > 0 && internal::CountWords(t) > rule.max_words) {
        return false;
      }
      for (size_t p = 0; p < impl_->compiled.size(); ++p) {
        if (impl_->pattern_rule[p] != static_cast<int>(r)) continue;
        if (RE2::PartialMatch(re2::StringPiece(t.data(), t.size()),
                              *impl_->compiled[p])) {
          return true;
        }
      }
      return false;
    };
    if (rule.match_examples.empty() || rule.no_match_examples.empty()) {
      failures.push_back(absl::StrFormat(
          "%s: /rules/%d/examples: needs match and no_match examples", rule.id,
          r));
    }
    for (size_t i = 0; i < rule.match_examples.size(); ++i) {
      if (!rule_matches(rule.match_examples[i])) {
        failures.push_back(absl::StrFormat(
            "%s: /rules/%d/examples/match/%d: \"%s\" not matched", rule.id, r,
            i, rule.match_examples[i]));
      }
    }
    for (size_t i = 0; i < rule.no_match_examples.size(); ++i) {
      if (rule_matches(rule.no_match_examples[i])) {
        failures.push_back(absl::StrFormat(
            "%s: /rules/%d/examples/no_match/%d: \"%s\" matched", rule.id, r, i,
            rule.no_match_examples[i]));
      }
    }
  }
  return failures;
}

}  // namespace crosscheck::segment
