#include "checker/extract/rule_examples.h"

#include <cmath>
#include <limits>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "nlohmann/json.hpp"

namespace crosscheck::extract {
namespace {

using json = nlohmann::json;

std::string Describe(const Mention& m) {
  std::string s = absl::StrCat(m.rule_id, " \"", m.text, "\"");
  switch (m.kind) {
    case MentionKind::kDate:
      if (m.date) {
        absl::StrAppend(&s, " iso=", m.date->iso,
                        " granularity=", GranularityName(m.date->granularity));
      }
      break;
    case MentionKind::kStatus:
    case MentionKind::kEvent:
    case MentionKind::kDisclaimer:
      absl::StrAppend(&s, " label=", m.label);
      if (!m.group.empty()) absl::StrAppend(&s, " group=", m.group);
      break;
    default:
      absl::StrAppend(
          &s, absl::StrFormat(" value=%.10g low=%.10g high=%.10g",
                              m.amount.value, m.amount.low, m.amount.high));
      if (!m.amount.unit.empty()) absl::StrAppend(&s, " unit=", m.amount.unit);
      if (!m.amount.dimension.empty()) {
        absl::StrAppend(&s, " dimension=", m.amount.dimension);
      }
      if (!m.amount.qualifier.empty()) {
        absl::StrAppend(&s, " qualifier=", m.amount.qualifier);
      }
      break;
  }
  return s;
}

bool NumberFromJson(const json& j, double* out) {
  if (j.is_number()) {
    *out = j.get<double>();
    return true;
  }
  if (j.is_string()) {
    const std::string& s = j.get_ref<const std::string&>();
    if (s == "inf" || s == "+inf" || s == "infinity") {
      *out = std::numeric_limits<double>::infinity();
      return true;
    }
    if (s == "-inf" || s == "-infinity") {
      *out = -std::numeric_limits<double>::infinity();
      return true;
    }
  }
  return false;
}

bool Close(double a, double b) {
  if (std::isinf(a) || std::isinf(b)) return a == b;
  double scale = std::max(std::fabs(a), std::fabs(b));
  return std::fabs(a - b) <= 1e-9 * scale;
}

std::string DayIso(absl::CivilDay d) { return absl::FormatCivilTime(d); }

// Compares one mention to `expect`; "" when it agrees, else the first
// disagreement.
std::string Disagreement(const Mention& m, const json& expect) {
  for (auto it = expect.begin(); it != expect.end(); ++it) {
    const std::string& key = it.key();
    const json& want = it.value();
    if (key == "value" || key == "low" || key == "high") {
      double w = 0;
      if (!NumberFromJson(want, &w)) {
        return absl::StrCat("expect.", key, " must be a number or \"inf\"");
      }
      double got = key == "value" ? m.amount.value
                   : key == "low" ? m.amount.low
                                  : m.amount.high;
      if (!Close(got, w)) {
        return absl::StrFormat("%s is %.10g, expected %.10g", key, got, w);
      }
      continue;
    }
    if (!want.is_string()) {
      return absl::StrCat("expect.", key, " must be a string");
    }
    const std::string& w = want.get_ref<const std::string&>();
    std::string got;
    if (key == "unit") {
      got = m.amount.unit;
    } else if (key == "dimension") {
      got = m.amount.dimension;
    } else if (key == "qualifier") {
      got = m.amount.qualifier;
    } else if (key == "label") {
      got = m.label;
    } else if (key == "group") {
      got = m.group;
    } else if (key == "text") {
      got = m.text;
    } else if (key == "kind") {
      got = std::string(MentionKindName(m.kind));
    } else if (key == "iso" || key == "granularity" || key == "begin" ||
               key == "end") {
      if (!m.date) return absl::StrCat("no date value, expected ", key, " ", w);
      if (key == "iso") got = m.date->iso;
      if (key == "granularity") {
        got = std::string(GranularityName(m.date->granularity));
      }
      if (key == "begin") got = DayIso(m.date->begin);
      if (key == "end") got = DayIso(m.date->end);
    } else {
      return absl::StrCat("unknown expect key \"", key, "\"");
    }
    if (got != w) {
      return absl::StrCat(key, " is \"", got, "\", expected \"", w, "\"");
    }
  }
  return "";
}

}  // namespace

ExampleResult RunRuleExample(const Rule& rule, const RuleExample& example,
                             const Extractor& extractor) {
  ExampleResult r;
  r.rule_id = rule.id;
  r.file = rule.file;
  r.pointer = example.pointer;
  r.text = example.text;

  ReferenceDate ref;
  if (!example.reference.empty()) {
    absl::CivilDay day;
    if (!absl::ParseCivilTime(example.reference, &day)) {
      r.message = absl::StrCat("reference \"", example.reference,
                               "\" is not a YYYY-MM-DD date");
      return r;
    }
    ref.day = day;
  }
  json expect = json::object();
  if (!example.expect_json.empty()) {
    expect = json::parse(example.expect_json, nullptr, false);
    if (expect.is_discarded() || !expect.is_object()) {
      r.message = "expect is not a JSON object";
      return r;
    }
  }

  // Guards yield no mentions; what they must do is win their span.
  if (rule.suppress) {
    bool hit = false;
    for (const RuleMatch& m : extractor.Match(example.text)) {
      if (m.rule != nullptr && m.rule->id == rule.id) {
        std::string text(
            absl::string_view(example.text).substr(m.begin, m.end - m.begin));
        if (!expect.contains("text") ||
            (expect["text"].is_string() && expect["text"] == text)) {
          hit = true;
        }
      }
    }
    r.passed = hit == example.should_match;
    if (!r.passed) {
      r.message = example.should_match
                      ? absl::StrCat("no match by ", rule.id, " in \"",
                                     example.text, "\"")
                      : absl::StrCat("unexpected match by ", rule.id, " in \"",
                                     example.text, "\"");
    }
    return r;
  }

  std::vector<Mention> mentions =
      extractor.FindMentionsInText(example.text, ref);
  std::vector<const Mention*> mine;
  for (const Mention& m : mentions) {
    if (m.rule_id == rule.id) mine.push_back(&m);
  }
  if (!example.should_match) {
    r.passed = mine.empty();
    if (!r.passed) {
      r.message = absl::StrCat("unexpected mention ", Describe(*mine.front()),
                               " in \"", example.text, "\"");
    }
    return r;
  }
  if (mine.empty()) {
    std::vector<std::string> others;
    for (const Mention& m : mentions) others.push_back(Describe(m));
    r.message = absl::StrCat(
        "no mention by ", rule.id, " in \"", example.text, "\"",
        others.empty() ? std::string()
                       : absl::StrCat("; found ", absl::StrJoin(others, "; ")));
    return r;
  }
  std::string first_problem;
  for (const Mention* m : mine) {
    std::string d = Disagreement(*m, expect);
    if (d.empty()) {
      r.passed = true;
      return r;
    }
    if (first_problem.empty()) {
      first_problem = absl::StrCat(d, " (", Describe(*m), ")");
    }
  }
  r.message = absl::StrCat(first_problem, " in \"", example.text, "\"");
  return r;
}

std::vector<ExampleResult> RunRuleExamples(const RuleSet& rules,
                                           const Extractor& extractor) {
  std::vector<ExampleResult> out;
  for (const Rule& rule : rules.rules()) {
    for (const RuleExample& e : rule.examples) {
      out.push_back(RunRuleExample(rule, e, extractor));
    }
  }
  return out;
}

}  // namespace crosscheck::extract
