#include "checker/extract/rules.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "nlohmann/json.hpp"
#include "re2/filtered_re2.h"
#include "re2/re2.h"
#include "re2/set.h"

namespace crosscheck::extract {

using json = nlohmann::json;

// Which patterns can match a text, in two steps that both grow with the
// total size of the rules rather than with their product:
//
//  1. Atoms. re2::FilteredRE2 reduces each pattern to an AND/OR formula of
//     literal strings that any match must contain ("landfall", "verdict").
//     One RE2::Set of those literals, matched case-insensitively, finds the
//     atoms present; the formulas then give the patterns that may match.
//     A set of literals is an Aho-Corasick automaton: its DFA has about as
//     many states as the literals have bytes, so it is warm after a few
//     kilobytes of text.
//  2. Patterns with no usable atom (figures: "\d+(?:,\d{3})*") go into an
//     exact RE2::Set of their own.
//
// A single RE2::Set of every pattern answers exactly, but its DFA states
// are combinations of every pattern's partial matches: on varied prose it
// kept building states (0.8 MB/s on a cold 3 MB corpus, 37 MB/s warm, 250
// patterns), and it gets worse with every rule added.
struct RuleSet::Prefilter {
  // One entry per compiled pattern, in (rule, pattern) order.
  struct Entry {
    int rule = 0;
    int pattern = 0;
  };
  std::vector<Entry> entries;
  re2::FilteredRE2 filter{kMinAtomLength};
  std::unique_ptr<RE2::Set> atoms;  // null when no pattern has atoms
  // Patterns without atoms: entry indices and their exact set.
  std::vector<int> unfiltered;
  std::vector<char> is_unfiltered;  // by entry (bytes: read per sentence)
  std::unique_ptr<RE2::Set> exact;  // null when there are none
  // Atoms shorter than this ("is", "a") would pass almost every sentence.
  static constexpr int kMinAtomLength = 3;
};

namespace {

// Packs that other stages own: their rules are not extraction rules.
bool IsForeignPack(absl::string_view filename) {
  return filename == "boilerplate.json" || filename == "judge.json" ||
         filename == "lexicon.json";
}

// Capture names the extractor itself interprets.
bool IsEngineCapture(absl::string_view name) {
  return name == "pre" || name == "post";
}

std::string JsonPointerEscape(absl::string_view s) {
  return absl::StrReplaceAll(s, {{"~", "~0"}, {"/", "~1"}});
}

// Replaces {{NAME}} with its definition. Definitions may use earlier ones;
// expansion is bounded so a self-reference cannot loop.
bool ExpandDefinitions(const std::map<std::string, std::string>& defs,
                       std::string* pattern, std::string* error) {
  for (int round = 0; round < 8; ++round) {
    size_t open = pattern->find("{{");
    if (open == std::string::npos) return true;
    std::string out;
    size_t pos = 0;
    while (open != std::string::npos) {
      size_t close = pattern->find("}}", open + 2);
      if (close == std::string::npos) break;
      std::string name = pattern->substr(open + 2, close - open - 2);
      auto it = defs.find(name);
      if (it == defs.end()) {
        *error = absl::StrCat("undefined definition {{", name, "}}");
        return false;
      }
      out.append(*pattern, pos, open - pos);
      out.append(it->second);
      pos = close + 2;
      open = pattern->find("{{", pos);
    }
    out.append(*pattern, pos, std::string::npos);
    *pattern = std::move(out);
  }
  if (pattern->find("{{") != std::string::npos &&
      pattern->find("}}") != std::string::npos) {
    *error = "definitions nest too deeply (a definition refers to itself?)";
    return false;
  }
  return true;
}

bool ValidId(absl::string_view id) {
  static const RE2 kId("[a-z][a-z0-9]*\\.[a-z0-9]+(?:-[a-z0-9]+)*");
  return RE2::FullMatch(re2::StringPiece(id.data(), id.size()), kId);
}

}  // namespace

std::string RuleProblem::ToString() const {
  return absl::StrCat(file, ": ", rule_id.empty() ? "-" : rule_id, " (",
                      pointer.empty() ? "/" : pointer, "): ", message);
}

std::optional<std::string> LowercaseTwin(absl::string_view pattern) {
  static const LazyRE2 kLetter = {R"(\pL)"};
  std::string out;
  out.reserve(pattern.size());
  size_t i = 0;
  while (i < pattern.size()) {
    const unsigned char c = static_cast<unsigned char>(pattern[i]);
    if (c == '\\') {
      if (i + 1 >= pattern.size()) return std::nullopt;
      const char e = pattern[i + 1];
      if (e == 'p' || e == 'P' || e == 'Q') return std::nullopt;
      if (e == 'x' && i + 2 < pattern.size() && pattern[i + 2] == '{') {
        size_t close = pattern.find('}', i);
        if (close == absl::string_view::npos) return std::nullopt;
        absl::StrAppend(&out, pattern.substr(i, close + 1 - i));
        i = close + 1;
        continue;
      }
      if (static_cast<unsigned char>(e) >= 0x80) return std::nullopt;
      // \b, \d, \W, \. and the like keep their case.
      absl::StrAppend(&out, pattern.substr(i, 2));
      i += 2;
      continue;
    }
    if (c == '(' && i + 1 < pattern.size() && pattern[i + 1] == '?') {
      if (i + 2 < pattern.size() && pattern[i + 2] == ':') {
        out.append("(?:");
        i += 3;
        continue;
      }
      if (pattern.substr(i, 4) == "(?P<") {
        size_t close = pattern.find('>', i);
        if (close == absl::string_view::npos) return std::nullopt;
        absl::StrAppend(&out, pattern.substr(i, close + 1 - i));
        i = close + 1;
        continue;
      }
      return std::nullopt;  // inline flags
    }
    if (c >= 0x80) {
      // One UTF-8 sequence; letters need (?i)'s Unicode folding.
      size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      absl::string_view cp = pattern.substr(i, len);
      if (RE2::FullMatch(re2::StringPiece(cp.data(), cp.size()), *kLetter)) {
        return std::nullopt;
      }
      out.append(cp.data(), cp.size());
      i += cp.size();
      continue;
    }
    out.push_back(absl::ascii_tolower(c));
    ++i;
  }
  return out;
}

RuleSet::RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;
RuleSet::~RuleSet() = default;

const Rule* RuleSet::Find(absl::string_view id) const {
  for (const Rule& r : rules_) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

void RuleSet::ParsePack(const std::string& file, absl::string_view text,
                        const RuleBudget& budget, std::vector<Rule>* out,
                        std::vector<RuleProblem>* problems) {
  auto problem = [&](std::string rule_id, std::string pointer,
                     std::string message) {
    if (problems != nullptr) {
      problems->push_back(RuleProblem{file, std::move(rule_id),
                                      std::move(pointer), std::move(message)});
    }
  };
  json doc = json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded()) {
    problem("", "", "not valid JSON");
    return;
  }
  if (!doc.is_object()) {
    problem("", "", "a rule pack must be a JSON object");
    return;
  }
  std::string family;
  if (doc.contains("family") && doc["family"].is_string()) {
    family = doc["family"].get<std::string>();
  } else {
    problem("", "/family", "missing or non-string \"family\"");
  }
  std::map<std::string, std::string> defs;
  if (doc.contains("definitions")) {
    const json& d = doc["definitions"];
    if (!d.is_object()) {
      problem("", "/definitions", "\"definitions\" must be an object");
      return;
    }
    // JSON objects are unordered: collect first, then check that each
    // definition expands (references resolve at use, in any order).
    for (auto it = d.begin(); it != d.end(); ++it) {
      if (!it.value().is_string()) {
        problem("", absl::StrCat("/definitions/", JsonPointerEscape(it.key())),
                "a definition must be a string");
        return;
      }
      defs[it.key()] = it.value().get<std::string>();
    }
    for (const auto& [name, value] : defs) {
      std::string expanded = value, error;
      if (!ExpandDefinitions(defs, &expanded, &error)) {
        problem("", absl::StrCat("/definitions/", JsonPointerEscape(name)),
                error);
        return;
      }
    }
  }
  if (!doc.contains("rules") || !doc["rules"].is_array()) {
    problem("", "/rules", "missing or non-array \"rules\"");
    return;
  }
  const json& rules = doc["rules"];
  for (size_t i = 0; i < rules.size(); ++i) {
    const json& r = rules[i];
    std::string rptr = absl::StrCat("/rules/", i);
    if (!r.is_object()) {
      problem("", rptr, "a rule must be a JSON object");
      continue;
    }
    Rule rule;
    rule.file = file;
    rule.family = family;
    rule.pointer = rptr;
    if (r.contains("id") && r["id"].is_string()) {
      rule.id = r["id"].get<std::string>();
    } else {
      problem("", rptr + "/id", "missing or non-string \"id\"");
      continue;
    }
    auto str_field = [&](const char* key, std::string* dst) {
      if (!r.contains(key)) return true;
      if (!r[key].is_string()) {
        problem(rule.id, absl::StrCat(rptr, "/", key),
                absl::StrCat("\"", key, "\" must be a string"));
        return false;
      }
      *dst = r[key].get<std::string>();
      return true;
    };
    std::string kind_name;
    if (!str_field("kind", &kind_name) ||
        !str_field("description", &rule.description) ||
        !str_field("label", &rule.label) || !str_field("group", &rule.group)) {
      continue;
    }
    std::optional<MentionKind> kind = ParseMentionKind(kind_name);
    if (!kind) {
      problem(rule.id, rptr + "/kind",
              absl::StrCat("unknown kind \"", kind_name, "\""));
      continue;
    }
    rule.kind = *kind;
    if (r.contains("priority")) {
      if (!r["priority"].is_number_integer()) {
        problem(rule.id, rptr + "/priority", "\"priority\" must be an integer");
        continue;
      }
      rule.priority = r["priority"].get<int>();
    }
    bool bad_flag = false;
    for (const char* key : {"case_sensitive", "suppress"}) {
      if (!r.contains(key)) continue;
      if (!r[key].is_boolean()) {
        problem(rule.id, absl::StrCat(rptr, "/", key),
                absl::StrCat("\"", key, "\" must be true or false"));
        bad_flag = true;
        continue;
      }
      bool v = r[key].get<bool>();
      if (std::string_view(key) == "case_sensitive") {
        rule.case_sensitive = v;
      } else {
        rule.suppress = v;
      }
    }
    if (bad_flag) continue;
    if (r.contains("captures")) {
      if (!r["captures"].is_object()) {
        problem(rule.id, rptr + "/captures", "\"captures\" must be an object");
        continue;
      }
      for (auto it = r["captures"].begin(); it != r["captures"].end(); ++it) {
        rule.capture_names.push_back(it.key());
      }
    }
    // Patterns.
    if (!r.contains("patterns") || !r["patterns"].is_array() ||
        r["patterns"].empty()) {
      problem(rule.id, rptr + "/patterns",
              "\"patterns\" must be a non-empty array of strings");
      continue;
    }
    bool bad_pattern = false;
    const json& pats = r["patterns"];
    for (size_t j = 0; j < pats.size(); ++j) {
      std::string pptr = absl::StrCat(rptr, "/patterns/", j);
      if (!pats[j].is_string()) {
        problem(rule.id, pptr, "a pattern must be a string");
        bad_pattern = true;
        break;
      }
      std::string pattern = pats[j].get<std::string>();
      std::string error;
      if (!ExpandDefinitions(defs, &pattern, &error)) {
        problem(rule.id, pptr, error);
        bad_pattern = true;
        break;
      }
      RE2::Options opts;
      opts.set_log_errors(false);
      opts.set_case_sensitive(rule.case_sensitive);
      opts.set_max_mem(budget.max_pattern_memory);
      auto re = std::make_shared<const RE2>(pattern, opts);
      if (!re->ok()) {
        if (re->error_code() == RE2::ErrorPatternTooLarge) {
          problem(rule.id, pptr,
                  absl::StrFormat("pattern exceeds the memory budget of %d "
                                  "bytes",
                                  budget.max_pattern_memory));
        } else {
          problem(rule.id, pptr,
                  absl::StrCat("bad pattern: ", re->error(), " (at \"",
                               re->error_arg(), "\")"));
        }
        bad_pattern = true;
        break;
      }
      // Accepted under the budget; the matcher gets room for the DFA and,
      // when it can, drops case folding (see Rule::lowered).
      bool lowered = false;
      std::optional<std::string> twin;
      if (!rule.case_sensitive) twin = LowercaseTwin(pattern);
      // Recompile only when the matcher differs from the checked pattern.
      if (twin || budget.match_memory > budget.max_pattern_memory) {
        RE2::Options fast = opts;
        fast.set_max_mem(
            std::max(budget.match_memory, budget.max_pattern_memory));
        if (twin) fast.set_case_sensitive(true);
        auto matcher =
            std::make_shared<const RE2>(twin ? *twin : pattern, fast);
        if (matcher->ok() && matcher->NumberOfCapturingGroups() ==
                                 re->NumberOfCapturingGroups()) {
          re = std::move(matcher);
          lowered = twin.has_value();
        }
      }
      std::vector<std::pair<int, std::string>> groups;
      // CapturingGroupNames, not NamedCapturingGroups: this RE2 accepts a
      // name used twice (one per alternative), and both must be seen.
      for (const auto& [index, name] : re->CapturingGroupNames()) {
        groups.emplace_back(index, name);
      }
      std::sort(groups.begin(), groups.end());
      rule.patterns.push_back(std::move(pattern));
      rule.compiled.push_back(std::move(re));
      rule.lowered.push_back(lowered);
      rule.groups.push_back(std::move(groups));
    }
    if (bad_pattern) continue;
    // Examples.
    bool bad_example = false;
    if (r.contains("examples")) {
      const json& ex = r["examples"];
      std::string eptr = rptr + "/examples";
      if (!ex.is_object()) {
        problem(rule.id, eptr, "\"examples\" must be an object");
        continue;
      }
      if (ex.contains("match")) {
        const json& ms = ex["match"];
        if (!ms.is_array()) {
          problem(rule.id, eptr + "/match", "\"match\" must be an array");
          continue;
        }
        for (size_t k = 0; k < ms.size(); ++k) {
          std::string mptr = absl::StrCat(eptr, "/match/", k);
          RuleExample e;
          e.pointer = mptr;
          e.should_match = true;
          const json& m = ms[k];
          if (m.is_string()) {
            e.text = m.get<std::string>();
          } else if (m.is_object() && m.contains("text") &&
                     m["text"].is_string()) {
            e.text = m["text"].get<std::string>();
            if (m.contains("expect")) {
              if (!m["expect"].is_object()) {
                problem(rule.id, mptr + "/expect",
                        "\"expect\" must be an object");
                bad_example = true;
                break;
              }
              e.expect_json = m["expect"].dump();
            }
            if (m.contains("reference")) {
              if (!m["reference"].is_string()) {
                problem(rule.id, mptr + "/reference",
                        "\"reference\" must be a \"YYYY-MM-DD\" string");
                bad_example = true;
                break;
              }
              e.reference = m["reference"].get<std::string>();
            }
          } else {
            problem(rule.id, mptr,
                    "a match example must be a string or {\"text\": ...}");
            bad_example = true;
            break;
          }
          rule.examples.push_back(std::move(e));
        }
        if (bad_example) continue;
      }
      if (ex.contains("no_match")) {
        const json& ns = ex["no_match"];
        if (!ns.is_array()) {
          problem(rule.id, eptr + "/no_match", "\"no_match\" must be an array");
          continue;
        }
        for (size_t k = 0; k < ns.size(); ++k) {
          std::string nptr = absl::StrCat(eptr, "/no_match/", k);
          RuleExample e;
          e.pointer = nptr;
          e.should_match = false;
          const json& n = ns[k];
          if (n.is_string()) {
            e.text = n.get<std::string>();
          } else if (n.is_object() && n.contains("text") &&
                     n["text"].is_string()) {
            e.text = n["text"].get<std::string>();
            if (n.contains("reference") && n["reference"].is_string()) {
              e.reference = n["reference"].get<std::string>();
            }
          } else {
            problem(rule.id, nptr, "a no_match example must be a string");
            bad_example = true;
            break;
          }
          rule.examples.push_back(std::move(e));
        }
        if (bad_example) continue;
      }
    }
    out->push_back(std::move(rule));
  }
}

RuleSet RuleSet::LoadPack(const std::string& file, absl::string_view json,
                          const RuleBudget& budget,
                          std::vector<RuleProblem>* problems) {
  RuleSet set;
  ParsePack(file, json, budget, &set.rules_, problems);
  set.Finalize(problems);
  return set;
}

RuleSet RuleSet::LoadDirs(const std::vector<std::string>& dirs,
                          const RuleBudget& budget,
                          std::vector<RuleProblem>* problems) {
  RuleSet set;
  namespace fs = std::filesystem;
  for (const std::string& dir : dirs) {
    std::error_code ec;
    std::vector<fs::path> files;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      if (problems != nullptr) {
        problems->push_back(RuleProblem{
            dir, "", "",
            absl::StrCat("cannot read rule directory: ", ec.message())});
      }
      continue;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      const fs::path& p = it->path();
      if (p.extension() != ".json") continue;
      if (IsForeignPack(p.filename().string())) continue;
      files.push_back(p);
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
      std::ifstream in(p, std::ios::binary);
      if (!in) {
        if (problems != nullptr) {
          problems->push_back(
              RuleProblem{p.string(), "", "", "cannot open rule pack"});
        }
        continue;
      }
      std::stringstream ss;
      ss << in.rdbuf();
      ParsePack(p.string(), ss.str(), budget, &set.rules_, problems);
    }
  }
  set.Finalize(problems);
  return set;
}

void RuleSet::Finalize(std::vector<RuleProblem>* problems) {
  prefilter_ = std::make_unique<Prefilter>();
  Prefilter& pf = *prefilter_;
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_max_mem(int64_t{64} << 20);
  // A pattern that repeats an earlier one (same text, case mode, kind,
  // priority and suppress flag) can never win: its hits tie with the
  // earlier pattern's on every key of the overlap resolution but rule
  // order, and normalize the same way. It is left out of matching, so a
  // pack loaded twice (or copied under new ids) costs nothing more.
  absl::flat_hash_set<std::string> seen;
  std::vector<std::string> texts;  // per entry, with its case flag
  for (size_t i = 0; i < rules_.size(); ++i) {
    const Rule& r = rules_[i];
    for (size_t j = 0; j < r.patterns.size(); ++j) {
      if (!seen.insert(absl::StrCat(static_cast<int>(r.case_sensitive), "|",
                                    r.priority, "|", static_cast<int>(r.kind),
                                    "|", static_cast<int>(r.suppress), "|",
                                    r.patterns[j]))
               .second) {
        continue;
      }
      pf.entries.push_back({static_cast<int>(i), static_cast<int>(j)});
      texts.push_back(r.case_sensitive ? r.patterns[j]
                                       : absl::StrCat("(?i)", r.patterns[j]));
    }
  }
  auto fail = [&](absl::string_view why) {
    // Run every pattern on all text: slower, but no rule is lost.
    pf.atoms.reset();
    pf.exact.reset();
    pf.unfiltered.clear();
    for (size_t e = 0; e < pf.entries.size(); ++e) {
      pf.unfiltered.push_back(static_cast<int>(e));
    }
    if (problems != nullptr) {
      problems->push_back(
          RuleProblem{"", "", "",
                      absl::StrCat("rule prefilter could not be built (", why,
                                   "); all rules run on all text")});
    }
  };
  if (pf.entries.empty()) return;
  for (const std::string& t : texts) {
    int id = -1;
    // Each pattern compiled alone when its pack loaded, so this holds.
    if (pf.filter.Add(t, opts, &id) != RE2::NoError) return fail("a pattern");
  }
  std::vector<std::string> atoms;
  pf.filter.Compile(&atoms);
  // With no atom matched, the filter passes exactly the patterns it
  // cannot filter.
  pf.filter.AllPotentials({}, &pf.unfiltered);
  pf.is_unfiltered.assign(pf.entries.size(), 0);
  for (int e : pf.unfiltered) pf.is_unfiltered[e] = 1;
  if (!atoms.empty()) {
    RE2::Options lit = opts;
    lit.set_literal(true);
    lit.set_case_sensitive(false);
    pf.atoms = std::make_unique<RE2::Set>(lit, RE2::UNANCHORED);
    for (const std::string& a : atoms) {
      if (pf.atoms->Add(a, nullptr) < 0) return fail("an atom");
    }
    if (!pf.atoms->Compile()) return fail("atoms");
  }
  if (!pf.unfiltered.empty()) {
    RE2::Options exact = opts;
    exact.set_max_mem(int64_t{256} << 20);
    pf.exact = std::make_unique<RE2::Set>(exact, RE2::UNANCHORED);
    for (int e : pf.unfiltered) {
      if (pf.exact->Add(texts[e], nullptr) < 0) return fail("a pattern");
    }
    if (!pf.exact->Compile()) return fail("exact set");
  }
}

std::vector<RuleProblem> RuleSet::Lint() const {
  std::vector<RuleProblem> out;
  std::map<std::string, const Rule*> seen;
  for (const Rule& r : rules_) {
    auto add = [&](std::string pointer, std::string message) {
      out.push_back(
          RuleProblem{r.file, r.id, std::move(pointer), std::move(message)});
    };
    auto [it, inserted] = seen.emplace(r.id, &r);
    if (!inserted) {
      add(r.pointer + "/id",
          absl::StrCat("duplicate rule id, first defined in ", it->second->file,
                       " at ", it->second->pointer));
    }
    if (!ValidId(r.id)) {
      add(r.pointer + "/id", "rule id must look like family.kebab-name");
    } else if (!absl::StartsWith(r.id, r.family + ".")) {
      add(r.pointer + "/id",
          absl::StrCat("rule id is not in the pack's family \"", r.family,
                       "\""));
    }
    if (r.description.empty())
      add(r.pointer + "/description", "empty description");
    int match = 0, no_match = 0;
    for (const RuleExample& e : r.examples)
      (e.should_match ? match : no_match)++;
    if (match == 0) add(r.pointer + "/examples/match", "no match examples");
    if (no_match == 0) {
      add(r.pointer + "/examples/no_match", "no no_match examples");
    }
    std::set<std::string> documented(r.capture_names.begin(),
                                     r.capture_names.end());
    std::set<std::string> reported;
    for (size_t j = 0; j < r.groups.size(); ++j) {
      for (const auto& [index, name] : r.groups[j]) {
        if (IsEngineCapture(name) || documented.count(name) ||
            !reported.insert(name).second) {
          continue;
        }
        add(absl::StrCat(r.pointer, "/patterns/", j),
            absl::StrCat("capture \"", name,
                         "\" is used but not documented in \"captures\""));
      }
    }
  }
  return out;
}

}  // namespace crosscheck::extract

namespace crosscheck::extract {

std::vector<std::pair<int, int>> RuleSet::Candidates(
    absl::string_view text) const {
  std::vector<std::pair<int, int>> out;
  if (prefilter_ == nullptr) return out;
  const Prefilter& pf = *prefilter_;
  const re2::StringPiece input(text.data(), text.size());
  // Called once per sentence: the working vectors are kept per thread
  // rather than allocated on every call.
  thread_local std::vector<int> which;  // entry indices, ascending
  thread_local std::vector<int> atoms;
  thread_local std::vector<int> hits;
  thread_local std::vector<int> confirmed;  // entry indices
  which.clear();
  if (pf.atoms == nullptr) {
    which = pf.unfiltered;
  } else {
    RE2::Set::ErrorInfo info;
    atoms.clear();
    if (pf.atoms->Match(input, &atoms, &info) ||
        info.kind == RE2::Set::kNoError) {
      pf.filter.AllPotentials(atoms, &which);  // sorted, with unfiltered
    } else {
      // The DFA ran out of memory on this text: every pattern may match.
      which.resize(pf.entries.size());
      for (size_t e = 0; e < which.size(); ++e) which[e] = static_cast<int>(e);
    }
  }
  // Unfiltered patterns pass only when the exact set confirms them.
  confirmed.clear();
  bool confirm = pf.exact != nullptr;
  if (confirm) {
    RE2::Set::ErrorInfo info;
    hits.clear();
    if (pf.exact->Match(input, &hits, &info)) {
      for (int h : hits) confirmed.push_back(pf.unfiltered[h]);
      std::sort(confirmed.begin(), confirmed.end());
    } else if (info.kind != RE2::Set::kNoError) {
      confirm = false;  // out of memory: keep them all
    }
  }
  out.reserve(which.size());
  // Both lists ascend: one merge pass instead of a search per pattern.
  size_t next = 0;
  for (int e : which) {
    if (confirm && pf.is_unfiltered[e]) {
      while (next < confirmed.size() && confirmed[next] < e) ++next;
      if (next == confirmed.size() || confirmed[next] != e) continue;
    }
    out.emplace_back(pf.entries[e].rule, pf.entries[e].pattern);
  }
  return out;
}

}  // namespace crosscheck::extract
