#include "checker/extract/subject.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "nlohmann/json.hpp"

namespace crosscheck::extract {

// ---------------------------------------------------------------------------
// Lexicon.

namespace {

struct WordClassInfo {
  WordClass cls;
  absl::string_view name;
  bool phrases;  // entries may have several words (matched by MatchAt)
};

// Indexed by WordClass; WordClassName checks the order.
constexpr WordClassInfo kWordClassInfo[] = {
    {WordClass::kAuxiliary, "auxiliary", false},
    {WordClass::kModal, "modal", false},
    {WordClass::kPerfectAuxiliary, "perfect_auxiliary", false},
    {WordClass::kDeterminer, "determiner", false},
    {WordClass::kDefiniteDeterminer, "definite_determiner", false},
    {WordClass::kOfDeterminer, "of_determiner", false},
    {WordClass::kAttributivePreposition, "attributive_preposition", false},
    {WordClass::kAttachingPreposition, "attaching_preposition", false},
    {WordClass::kObjectPreposition, "object_preposition", false},
    {WordClass::kStatePreposition, "state_preposition", false},
    {WordClass::kCountObjectPreposition, "count_object_preposition", false},
    {WordClass::kShareObjectPreposition, "share_object_preposition", false},
    {WordClass::kPlacePreposition, "place_preposition", false},
    {WordClass::kLevelVerb, "level_verb", false},
    {WordClass::kEstimateVerb, "estimate_verb", false},
    {WordClass::kCostVerb, "cost_verb", false},
    {WordClass::kPersonNoun, "person_noun", false},
    {WordClass::kPredicateFiller, "predicate_filler", false},
    {WordClass::kTimeNoun, "time_noun", false},
    {WordClass::kTimeLead, "time_lead", false},
    {WordClass::kTimeUnit, "time_unit", false},
    {WordClass::kTimeOfDay, "time_of_day", true},
    {WordClass::kChangeNoun, "change_noun", false},
    {WordClass::kChangeAdverb, "change_adverb", false},
    {WordClass::kComparative, "comparative", false},
    {WordClass::kShareNoun, "share_noun", false},
    {WordClass::kTemporalConnective, "temporal_connective", true},
    {WordClass::kTemporalSubordinator, "temporal_subordinator", false},
    {WordClass::kYearLead, "year_lead", false},
    {WordClass::kDatelineLabel, "dateline_label", false},
    {WordClass::kSchedulingWord, "scheduling_word", false},
    {WordClass::kSchedulingAdjective, "scheduling_adjective", false},
    {WordClass::kScheduledVerb, "scheduled_verb", false},
    {WordClass::kCapacityCue, "capacity_cue", false},
    {WordClass::kPastAuxiliary, "past_auxiliary", false},
    {WordClass::kPresentStateWord, "present_state_word", false},
    {WordClass::kNegation, "negation", false},
    {WordClass::kPlanUndoing, "plan_undoing", true},
    {WordClass::kPlanObjectEnd, "plan_object_end", false},
    {WordClass::kPlanPlacePreposition, "plan_place_preposition", false},
    {WordClass::kClauseOpener, "clause_opener", false},
    {WordClass::kHedge, "hedge", false},
    {WordClass::kFutureMarker, "future_marker", true},
    {WordClass::kPastMarker, "past_marker", false},
    {WordClass::kPastModifier, "past_modifier", false},
    {WordClass::kNonPastEdWord, "non_past_ed_word", false},
    {WordClass::kNonPastEdLead, "non_past_ed_lead", false},
    {WordClass::kSpeechVerb, "speech_verb", false},
    {WordClass::kAttributionPhrase, "attribution_phrase", true},
    {WordClass::kSubjectPronoun, "subject_pronoun", false},
    {WordClass::kNonNameWord, "non_name_word", false},
    {WordClass::kTitle, "title", false},
    {WordClass::kPersonState, "person_state", true},
    {WordClass::kVerbParticle, "verb_particle", false},
    {WordClass::kPossessiveDeterminer, "possessive_determiner", false},
    {WordClass::kVoteAgainst, "vote_against", false},
    {WordClass::kVoteNoun, "vote_noun", false},
    {WordClass::kEnrolVerb, "enrol_verb", false},
    {WordClass::kComparisonBase, "comparison_base", true},
    {WordClass::kPresentPerfectAuxiliary, "present_perfect_auxiliary", false},
    {WordClass::kPerfectAdverb, "perfect_adverb", false},
    {WordClass::kAggregateMarker, "aggregate_marker", true},
    {WordClass::kFiniteVerb, "finite_verb", false},
    {WordClass::kPlanAuxiliary, "plan_auxiliary", false},
    {WordClass::kRelativePronoun, "relative_pronoun", false},
    {WordClass::kEmployVerb, "employ_verb", false},
};
static_assert(std::size(kWordClassInfo) == kWordClassCount,
              "one kWordClassInfo entry per WordClass");
static_assert(kWordClassCount <= 128, "WordClasses holds 128 classes");

constexpr bool WordClassTableInOrder() {
  for (int i = 0; i < kWordClassCount; ++i) {
    if (static_cast<int>(kWordClassInfo[i].cls) != i) return false;
  }
  return true;
}
static_assert(WordClassTableInOrder(), "kWordClassInfo follows WordClass");

// A word's classes: `is` for entries equal to it, `starts` for phrases
// whose first word it is.
struct ClassBits {
  WordClassMask is = 0;
  WordClassMask starts = 0;
};

}  // namespace

absl::string_view WordClassName(WordClass c) {
  const int i = static_cast<int>(c);
  return i >= 0 && i < kWordClassCount ? kWordClassInfo[i].name : "";
}

bool WordClassHoldsPhrases(WordClass c) {
  const int i = static_cast<int>(c);
  return i >= 0 && i < kWordClassCount && kWordClassInfo[i].phrases;
}

struct Lexicon::Impl {
  absl::flat_hash_set<std::string> stop, unit, number, share, relational,
      generic, change, verb, invariant, ing_nouns;
  absl::flat_hash_map<std::string, std::string> variants, irregular, phrases,
      synonyms, actions, adjective_nouns, money_verbs;
  absl::flat_hash_set<std::string> action_values;  // non-empty action nouns
  absl::flat_hash_set<std::string> state_heads;    // see IsStateHead
  struct StatusEventEntry {
    std::string contains, event;
    absl::flat_hash_map<std::string, std::string> by_value;
  };
  std::vector<StatusEventEntry> status_events;
  int max_phrase = 0;
  int max_synonym = 1;
  // Word classes: one lookup gives every class of a word or phrase.
  absl::flat_hash_map<std::string, ClassBits> classes;
  std::vector<std::string> class_words[kWordClassCount];
  int class_max_words[kWordClassCount] = {};
  int max_class_words = 1;  // over all classes
};

Lexicon::Lexicon() : impl_(std::make_unique<Impl>()) {}
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;
Lexicon::~Lexicon() = default;

namespace {

using json = nlohmann::json;

int WordCount(absl::string_view s) {
  return static_cast<int>(
      std::vector<absl::string_view>(absl::StrSplit(s, ' ', absl::SkipEmpty()))
          .size());
}

absl::Status ReadSet(const json& root, const char* key, const std::string& path,
                     absl::flat_hash_set<std::string>* out) {
  auto it = root.find(key);
  if (it == root.end()) return absl::OkStatus();
  if (!it->is_array()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": /", key, ": expected an array of strings"));
  }
  for (size_t i = 0; i < it->size(); ++i) {
    const json& v = (*it)[i];
    if (!v.is_string()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ": /", key, "/", i, ": expected a string"));
    }
    out->insert(absl::AsciiStrToLower(v.get<std::string>()));
  }
  return absl::OkStatus();
}

absl::Status ReadMap(const json& root, const char* key, const std::string& path,
                     absl::flat_hash_map<std::string, std::string>* out) {
  auto it = root.find(key);
  if (it == root.end()) return absl::OkStatus();
  if (!it->is_object()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": /", key, ": expected an object of strings"));
  }
  for (auto kv = it->begin(); kv != it->end(); ++kv) {
    if (!kv.value().is_string()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ": /", key, "/", kv.key(), ": expected a string"));
    }
    (*out)[absl::AsciiStrToLower(kv.key())] =
        absl::AsciiStrToLower(kv.value().get<std::string>());
  }
  return absl::OkStatus();
}

bool EndsWithAny(absl::string_view w,
                 std::initializer_list<absl::string_view> suffixes) {
  for (absl::string_view s : suffixes) {
    if (absl::EndsWith(w, s)) return true;
  }
  return false;
}

// Generic English singularizer: irregulars come from the lexicon.
std::string SingularOf(std::string w) {
  const size_t n = w.size();
  if (n < 4) return w;
  if (absl::EndsWith(w, "women")) return w.substr(0, n - 5) + "woman";
  if (n > 4 && absl::EndsWith(w, "men") && !absl::EndsWith(w, "omen")) {
    return w.substr(0, n - 3) + "man";
  }
  if (n > 4 && absl::EndsWith(w, "ies")) return w.substr(0, n - 3) + "y";
  if (EndsWithAny(w, {"sses", "xes", "ches", "shes", "zzes"})) {
    return w.substr(0, n - 2);
  }
  if (EndsWithAny(w, {"ss", "us", "is", "as", "'s"})) return w;
  if (absl::EndsWith(w, "s")) return w.substr(0, n - 1);
  return w;
}

// -isation/-ise(d)/-yse: British spellings folded generically. Only the
// long suffixes are safe ("rise", "premise" must stay).
std::string FoldSpelling(std::string w) {
  const size_t n = w.size();
  if (n > 7 && absl::EndsWith(w, "isation")) {
    w[n - 6] = 'z';
  } else if (n > 8 && absl::EndsWith(w, "isations")) {
    w[n - 7] = 'z';
  } else if (n > 5 && absl::EndsWith(w, "yse")) {
    w[n - 2] = 'z';
  }
  return w;
}

// "word_classes": every class of WordClass, a non-empty array of words
// (or phrases, where the class holds them).
absl::Status ReadWordClasses(const json& root, const std::string& path,
                             absl::flat_hash_map<std::string, ClassBits>* bits,
                             std::vector<std::string>* words, int* max_words) {
  const auto err = [&](absl::string_view pointer, absl::string_view what) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": ", pointer, ": ", what));
  };
  auto all = root.find("word_classes");
  if (all == root.end()) return err("/word_classes", "missing");
  if (!all->is_object()) {
    return err("/word_classes", "expected an object of word lists");
  }
  for (const WordClassInfo& info : kWordClassInfo) {
    const std::string pointer = absl::StrCat("/word_classes/", info.name);
    auto it = all->find(std::string(info.name));
    if (it == all->end()) return err(pointer, "missing");
    if (!it->is_array()) return err(pointer, "expected an array of strings");
    if (it->empty()) return err(pointer, "empty list");
    const int c = static_cast<int>(info.cls);
    const WordClassMask bit = WordClassMask{1} << c;
    for (size_t i = 0; i < it->size(); ++i) {
      const json& v = (*it)[i];
      const std::string at = absl::StrCat(pointer, "/", i);
      if (!v.is_string()) return err(at, "expected a string");
      std::vector<std::string> parts = absl::StrSplit(
          absl::AsciiStrToLower(v.get<std::string>()), ' ', absl::SkipEmpty());
      if (parts.empty()) return err(at, "empty entry");
      if (parts.size() > 1 && !info.phrases) {
        return err(at, "expected one word (this class holds no phrases)");
      }
      const std::string entry = absl::StrJoin(parts, " ");
      (*bits)[entry].is |= bit;
      if (parts.size() > 1) (*bits)[parts.front()].starts |= bit;
      words[c].push_back(entry);
      max_words[c] = std::max(max_words[c], static_cast<int>(parts.size()));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Lexicon> Lexicon::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat(path, ": cannot open lexicon"));
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return Parse(path, ss.str());
}

absl::StatusOr<Lexicon> Lexicon::Parse(const std::string& path,
                                       absl::string_view text) {
  json root = json::parse(text.begin(), text.end(), nullptr, false);
  if (root.is_discarded() || !root.is_object()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": lexicon is not a JSON object"));
  }
  Lexicon lex;
  Impl& m = *lex.impl_;
  if (absl::Status s = ReadWordClasses(root, path, &m.classes, m.class_words,
                                       m.class_max_words);
      !s.ok()) {
    return s;
  }
  for (int c = 0; c < kWordClassCount; ++c) {
    m.max_class_words = std::max(m.max_class_words, m.class_max_words[c]);
  }
  for (auto [key, set] : std::initializer_list<
           std::pair<const char*, absl::flat_hash_set<std::string>*>>{
           {"stop_words", &m.stop},
           {"unit_nouns", &m.unit},
           {"number_words", &m.number},
           {"share_bases", &m.share},
           {"relational_heads", &m.relational},
           {"generic_heads", &m.generic},
           {"change_words", &m.change},
           {"verbs", &m.verb},
           {"ing_nouns", &m.ing_nouns},
           {"invariant", &m.invariant}}) {
    absl::Status s = ReadSet(root, key, path, set);
    if (!s.ok()) return s;
  }
  for (auto [key, map] : std::initializer_list<std::pair<
           const char*, absl::flat_hash_map<std::string, std::string>*>>{
           {"variants", &m.variants},
           {"irregular_plurals", &m.irregular},
           {"phrases", &m.phrases},
           {"action_nouns", &m.actions},
           {"adjective_nouns", &m.adjective_nouns},
           {"money_verbs", &m.money_verbs}}) {
    absl::Status s = ReadMap(root, key, path, map);
    if (!s.ok()) return s;
  }
  for (const auto& [verb, noun] : m.actions) {
    if (!noun.empty()) m.action_values.insert(noun);
  }
  for (const auto& [k, v] : m.phrases) {
    m.max_phrase = std::max(m.max_phrase, WordCount(k));
  }
  if (auto it = root.find("synonyms"); it != root.end()) {
    if (!it->is_array()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ": /synonyms: expected an array of arrays"));
    }
    for (size_t g = 0; g < it->size(); ++g) {
      const json& group = (*it)[g];
      if (!group.is_array() || group.empty()) {
        return absl::InvalidArgumentError(absl::StrCat(
            path, ": /synonyms/", g, ": expected a non-empty array"));
      }
      std::string canonical;
      for (size_t i = 0; i < group.size(); ++i) {
        if (!group[i].is_string()) {
          return absl::InvalidArgumentError(absl::StrCat(
              path, ": /synonyms/", g, "/", i, ": expected a string"));
        }
        // Members are stored lemmatized word by word, so lookups of any
        // inflection ("soldiers", "defence budgets") hit.
        std::vector<std::string> words;
        for (absl::string_view w : absl::StrSplit(group[i].get<std::string>(),
                                                  ' ', absl::SkipEmpty())) {
          words.push_back(lex.Lemma(w));
        }
        std::string member = absl::StrJoin(words, " ");
        if (member.empty()) continue;
        if (canonical.empty()) canonical = member;
        // First group wins: a word in two groups keeps its first meaning.
        m.synonyms.emplace(member, canonical);
        m.max_synonym = std::max(m.max_synonym, static_cast<int>(words.size()));
      }
    }
  }
  for (const std::string& state :
       m.class_words[static_cast<int>(WordClass::kPersonState)]) {
    m.state_heads.insert(lex.StateOf(state));
  }
  if (auto it = root.find("status_group_events"); it != root.end()) {
    if (!it->is_array()) {
      return absl::InvalidArgumentError(absl::StrCat(
          path, ": /status_group_events: expected an array of objects"));
    }
    for (size_t i = 0; i < it->size(); ++i) {
      const json& e = (*it)[i];
      if (!e.is_object() || !e.contains("contains") ||
          !e["contains"].is_string() || !e.contains("event") ||
          !e["event"].is_string() ||
          (e.contains("by_value") && !e["by_value"].is_object())) {
        return absl::InvalidArgumentError(
            absl::StrCat(path, ": /status_group_events/", i,
                         ": expected {\"contains\": string, \"event\": "
                         "string, \"by_value\": {value: event} (optional)}"));
      }
      Impl::StatusEventEntry entry{
          e["contains"].get<std::string>(), e["event"].get<std::string>(), {}};
      if (e.contains("by_value")) {
        for (auto v = e["by_value"].begin(); v != e["by_value"].end(); ++v) {
          if (!v->is_string()) {
            return absl::InvalidArgumentError(
                absl::StrCat(path, ": /status_group_events/", i, "/by_value/",
                             v.key(), ": expected a string"));
          }
          entry.by_value[v.key()] = v->get<std::string>();
        }
      }
      m.status_events.push_back(std::move(entry));
    }
  }
  return lex;
}

std::vector<std::string> Lexicon::Lint(const std::string& path) {
  std::vector<std::string> problems;
  auto lex = Load(path);
  if (!lex.ok()) {
    problems.push_back(std::string(lex.status().message()));
    return problems;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  const json root = json::parse(text.begin(), text.end(), nullptr, false);
  auto problem = [&](absl::string_view pointer, absl::string_view what) {
    problems.push_back(absl::StrCat(path, ": ", pointer, ": ", what));
  };
  absl::flat_hash_set<std::string> known;
  for (const WordClassInfo& info : kWordClassInfo) {
    known.insert(std::string(info.name));
  }
  const json& classes = root["word_classes"];
  for (auto it = classes.begin(); it != classes.end(); ++it) {
    const std::string pointer = absl::StrCat("/word_classes/", it.key());
    if (!known.contains(it.key())) {
      problem(pointer, "unknown word class (no code reads it)");
      continue;
    }
    if (!it.value().is_array()) continue;
    absl::flat_hash_set<std::string> seen;
    for (size_t i = 0; i < it.value().size(); ++i) {
      const json& v = it.value()[i];
      if (!v.is_string()) continue;
      const std::string w = v.get<std::string>();
      const std::string at = absl::StrCat(pointer, "/", i);
      if (w != absl::AsciiStrToLower(w) || w != absl::StripAsciiWhitespace(w) ||
          absl::StrContains(w, "  ")) {
        problem(at, absl::StrCat("'", w,
                                 "' is not lowercase words separated by one "
                                 "space"));
      }
      if (!seen.insert(absl::AsciiStrToLower(w)).second) {
        problem(at, absl::StrCat("'", w, "' is listed twice"));
      }
    }
  }
  auto notes = root.find("word_class_notes");
  if (notes == root.end() || !notes->is_object()) {
    problem("/word_class_notes",
            "missing: expected an object of one-sentence notes per class");
    return problems;
  }
  for (const WordClassInfo& info : kWordClassInfo) {
    auto it = notes->find(std::string(info.name));
    if (it == notes->end() || !it->is_string() ||
        absl::StripAsciiWhitespace(it->get<std::string>()).empty()) {
      problem(absl::StrCat("/word_class_notes/", info.name),
              "missing: say in one sentence what the class is for");
    }
  }
  for (auto it = notes->begin(); it != notes->end(); ++it) {
    if (!known.contains(it.key())) {
      problem(absl::StrCat("/word_class_notes/", it.key()),
              "note for an unknown word class");
    }
  }
  return problems;
}

std::string Lexicon::Lemma(absl::string_view word) const {
  std::string w = absl::AsciiStrToLower(word);
  if (absl::EndsWith(w, "'s")) {
    w.resize(w.size() - 2);
  } else if (absl::EndsWith(w, "'") && w.size() > 1) {
    w.resize(w.size() - 1);
  }
  if (auto it = impl_->variants.find(w); it != impl_->variants.end()) {
    return it->second;
  }
  if (auto it = impl_->irregular.find(w); it != impl_->irregular.end()) {
    return it->second;
  }
  if (impl_->invariant.contains(w) || impl_->stop.contains(w)) return w;
  if (w.empty() || absl::ascii_isdigit(static_cast<unsigned char>(w[0]))) {
    return w;
  }
  std::string s = FoldSpelling(SingularOf(w));
  if (s != w) {
    // "programmes" -> "programme" -> "program".
    if (auto it = impl_->variants.find(s); it != impl_->variants.end()) {
      return it->second;
    }
    if (auto it = impl_->irregular.find(s); it != impl_->irregular.end()) {
      return it->second;
    }
  }
  return s;
}

std::string Lexicon::Canonical(absl::string_view word) const {
  std::string l = Lemma(word);
  if (auto it = impl_->synonyms.find(l); it != impl_->synonyms.end()) {
    return it->second;
  }
  return l;
}

bool Lexicon::IsStopWord(absl::string_view w) const {
  return impl_->stop.contains(w);
}
bool Lexicon::IsUnitNoun(absl::string_view w) const {
  return impl_->unit.contains(w) || impl_->unit.contains(Lemma(w));
}
bool Lexicon::IsNumberWord(absl::string_view w) const {
  return impl_->number.contains(w);
}
bool Lexicon::IsShareBase(absl::string_view w) const {
  return impl_->share.contains(w);
}
bool Lexicon::IsRelationalHead(absl::string_view w) const {
  return impl_->relational.contains(w);
}
bool Lexicon::IsGenericHead(absl::string_view w) const {
  return impl_->generic.contains(w);
}
bool Lexicon::IsPerfectAdverb(absl::string_view w) const {
  return Is(WordClass::kPerfectAdverb, w) ||
         (w.size() > 3 && absl::EndsWith(w, "ly"));
}
bool Lexicon::IsChangeWord(absl::string_view w) const {
  return impl_->change.contains(w);
}
bool Lexicon::IsVerb(absl::string_view w) const {
  return impl_->verb.contains(w);
}
bool Lexicon::IsIngNoun(absl::string_view w) const {
  return impl_->ing_nouns.contains(w);
}
namespace {
// The word itself, then the base forms its inflection may come from:
// revising -> revis, revise; shutting -> shutt, shut; studied -> study.
std::vector<std::string> InflectionBases(const std::string& word) {
  std::vector<std::string> forms = {word};
  auto strip = [&](absl::string_view suffix, absl::string_view add) {
    if (word.size() > suffix.size() + 2 && absl::EndsWith(word, suffix)) {
      std::string base = word.substr(0, word.size() - suffix.size());
      forms.push_back(base + std::string(add));
      if (add.empty() && base.size() > 2 &&
          base[base.size() - 1] == base[base.size() - 2]) {
        forms.push_back(base.substr(0, base.size() - 1));
      }
    }
  };
  strip("ing", "");
  strip("ing", "e");
  strip("ied", "y");
  strip("ies", "y");
  strip("ed", "");
  strip("ed", "e");
  strip("es", "");
  strip("s", "");
  return forms;
}
}  // namespace

std::optional<std::string> Lexicon::ActionNoun(absl::string_view w) const {
  if (w.size() < 2) return std::nullopt;
  const std::vector<std::string> forms = InflectionBases(std::string(w));
  for (const std::string& f : forms) {
    if (auto it = impl_->actions.find(f); it != impl_->actions.end()) {
      return it->second;
    }
    if (impl_->action_values.contains(f)) return f;
  }
  return std::nullopt;
}

std::string Lexicon::MoneyVerbHead(absl::string_view w) const {
  if (w.size() < 2) return "";
  for (const std::string& f : InflectionBases(std::string(w))) {
    if (auto it = impl_->money_verbs.find(f); it != impl_->money_verbs.end()) {
      return it->second;
    }
  }
  return "";
}

std::string Lexicon::AdjectiveNoun(absl::string_view w) const {
  auto it = impl_->adjective_nouns.find(w);
  return it == impl_->adjective_nouns.end() ? std::string(w) : it->second;
}

std::string Lexicon::Phrase(absl::string_view p) const {
  auto it = impl_->phrases.find(p);
  return it == impl_->phrases.end() ? std::string() : it->second;
}
int Lexicon::max_phrase_words() const { return impl_->max_phrase; }
std::string Lexicon::SynonymOf(absl::string_view p) const {
  auto it = impl_->synonyms.find(p);
  return it == impl_->synonyms.end() ? std::string() : it->second;
}
int Lexicon::max_synonym_words() const { return impl_->max_synonym; }

std::string Lexicon::StateOf(absl::string_view phrase) const {
  std::vector<std::string> words;
  for (absl::string_view w : absl::StrSplit(phrase, ' ', absl::SkipEmpty())) {
    words.push_back(Lemma(w));
  }
  const std::string lemmas = absl::StrJoin(words, " ");
  const std::string syn = SynonymOf(lemmas);
  return syn.empty() ? lemmas : syn;
}

bool Lexicon::IsStateHead(absl::string_view head) const {
  return impl_->state_heads.contains(head);
}

bool Lexicon::Is(WordClass c, absl::string_view w) const {
  return ClassesOf(w).Has(c);
}

WordClasses Lexicon::ClassesOf(absl::string_view w) const {
  WordClasses out;
  if (auto it = impl_->classes.find(w); it != impl_->classes.end()) {
    out.bits = it->second.is;
  }
  return out;
}

const std::vector<std::string>& Lexicon::Words(WordClass c) const {
  static const std::vector<std::string> kNone;
  const int i = static_cast<int>(c);
  return i >= 0 && i < kWordClassCount ? impl_->class_words[i] : kNone;
}

int Lexicon::MatchAt(WordClass c, const Token* t, int n, int i) const {
  if (i < 0 || i >= n) return 0;
  const auto& classes = impl_->classes;
  auto it = classes.find(t[i].lower);
  if (it == classes.end()) return 0;
  const int ci = static_cast<int>(c);
  const WordClassMask bit = WordClassMask{1} << ci;
  if (it->second.starts & bit) {
    // Longest phrase first: "ruled out" before a listed "ruled".
    std::string phrase = t[i].lower;
    int best = 0;
    for (int k = 2; k <= impl_->class_max_words[ci] && i + k <= n; ++k) {
      absl::StrAppend(&phrase, " ", t[i + k - 1].lower);
      auto pt = classes.find(phrase);
      if (pt != classes.end() && (pt->second.is & bit)) best = k;
    }
    if (best > 0) return best;
  }
  return (it->second.is & bit) ? 1 : 0;
}

namespace {

bool IsTextWordByte(unsigned char c) {
  return absl::ascii_isalnum(c) || c >= 0x80;
}

// The word starting at or after `*pos` (see Lexicon::Mentions), lowercased
// into `out`; false at the end of the text. Leaves *pos after the word.
bool NextTextWord(absl::string_view text, size_t* pos, size_t* begin,
                  std::string* out) {
  size_t i = *pos;
  while (i < text.size() &&
         !IsTextWordByte(static_cast<unsigned char>(text[i]))) {
    ++i;
  }
  if (i >= text.size()) return false;
  *begin = i;
  out->clear();
  while (i < text.size() &&
         IsTextWordByte(static_cast<unsigned char>(text[i]))) {
    out->push_back(absl::ascii_tolower(static_cast<unsigned char>(text[i])));
    ++i;
  }
  *pos = i;
  return true;
}

}  // namespace

bool Lexicon::Mentions(absl::string_view text, WordClasses classes) const {
  const auto& map = impl_->classes;
  std::string word, phrase, next;
  size_t pos = 0, begin = 0;
  while (NextTextWord(text, &pos, &begin, &word)) {
    auto it = map.find(word);
    if (it == map.end()) continue;
    if (it->second.is & classes.bits) return true;
    if (!(it->second.starts & classes.bits)) continue;
    // A phrase: the following words, separated by whitespace only.
    phrase = word;
    size_t p = pos;
    for (int k = 2; k <= impl_->max_class_words; ++k) {
      size_t q = p;
      while (q < text.size() &&
             absl::ascii_isspace(static_cast<unsigned char>(text[q]))) {
        ++q;
      }
      size_t b = 0;
      if (q == p || q >= text.size() ||
          !IsTextWordByte(static_cast<unsigned char>(text[q])) ||
          !NextTextWord(text, &q, &b, &next)) {
        break;
      }
      absl::StrAppend(&phrase, " ", next);
      auto pt = map.find(phrase);
      if (pt != map.end() && (pt->second.is & classes.bits)) return true;
      p = q;
    }
  }
  return false;
}

std::string Lexicon::StatusEvent(absl::string_view group,
                                 absl::string_view value) const {
  for (const Impl::StatusEventEntry& e : impl_->status_events) {
    if (e.contains.empty() || !absl::StrContains(group, e.contains)) continue;
    if (auto it = e.by_value.find(value); it != e.by_value.end()) {
      return it->second;
    }
    return e.event;
  }
  return std::string(group);
}

// ---------------------------------------------------------------------------
// Tokenizer.

namespace {

bool IsWordByte(unsigned char c) { return absl::ascii_isalnum(c) || c >= 0x80; }

// Length of a UTF-8 punctuation sequence at `i` (curly quotes, dashes,
// ellipsis, bullets: E2 80 xx), else 0.
size_t Utf8Punct(absl::string_view t, size_t i) {
  if (i + 2 < t.size() + 0 && static_cast<unsigned char>(t[i]) == 0xE2 &&
      static_cast<unsigned char>(t[i + 1]) == 0x80) {
    return 3;
  }
  if (i + 1 < t.size() && static_cast<unsigned char>(t[i]) == 0xC2 &&
      (static_cast<unsigned char>(t[i + 1]) == 0xA0 ||
       static_cast<unsigned char>(t[i + 1]) == 0xAB ||
       static_cast<unsigned char>(t[i + 1]) == 0xBB)) {
    return 2;
  }
  return 0;
}

bool IsApostrophe(absl::string_view t, size_t i, size_t* len) {
  if (t[i] == '\'') {
    *len = 1;
    return true;
  }
  if (i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 &&
      static_cast<unsigned char>(t[i + 1]) == 0x80 &&
      static_cast<unsigned char>(t[i + 2]) == 0x99) {
    *len = 3;
    return true;
  }
  return false;
}

// Morphology, not a word class: bound prefixes that keep a hyphenated word
// whole ("post-election"). Tokenize runs before any lexicon is at hand.
constexpr absl::string_view kPrefixes[] = {"post", "pre",  "anti", "non",
                                           "ex",   "co",   "mid",  "re",
                                           "vice", "semi", "multi"};

void PushWord(absl::string_view text, size_t b, size_t e,
              std::vector<Token>* out) {
  Token t;
  t.begin = static_cast<uint32_t>(b);
  t.end = static_cast<uint32_t>(e);
  absl::string_view w = text.substr(b, e - b);
  t.lower = absl::AsciiStrToLower(w);
  const unsigned char c0 = static_cast<unsigned char>(w[0]);
  t.capitalized = absl::ascii_isupper(c0);
  t.numeric = absl::ascii_isdigit(c0);
  // "US" in capitals is the country, not the pronoun.
  if (w == "US" || w == "U.S" || t.lower == "u.s.a.") t.lower = "u.s.";
  if (w == "UK") t.lower = "u.k.";
  out->push_back(std::move(t));
}

}  // namespace

std::vector<Token> Tokenize(absl::string_view text) {
  std::vector<Token> out;
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (absl::ascii_isspace(c)) {
      ++i;
      continue;
    }
    if (size_t p = Utf8Punct(text, i); p > 0) {
      Token t;
      t.begin = static_cast<uint32_t>(i);
      t.end = static_cast<uint32_t>(i + p);
      t.punct = true;
      t.lower = std::string(text.substr(i, p));
      out.push_back(std::move(t));
      i += p;
      continue;
    }
    if (c == '$' || c == '#') {
      // Currency signs glue to the number that follows.
      size_t j = i + 1;
      while (j < n &&
             (absl::ascii_isdigit(static_cast<unsigned char>(text[j])) ||
              ((text[j] == ',' || text[j] == '.') && j + 1 < n &&
               absl::ascii_isdigit(static_cast<unsigned char>(text[j + 1]))))) {
        ++j;
      }
      if (j > i + 1) {
        Token t;
        t.begin = static_cast<uint32_t>(i);
        t.end = static_cast<uint32_t>(j);
        t.lower = std::string(text.substr(i, j - i));
        t.numeric = true;
        out.push_back(std::move(t));
        i = j;
        continue;
      }
    }
    if (!IsWordByte(c)) {
      Token t;
      t.begin = static_cast<uint32_t>(i);
      t.end = static_cast<uint32_t>(i + 1);
      t.punct = true;
      t.lower = std::string(1, static_cast<char>(c));
      out.push_back(std::move(t));
      ++i;
      continue;
    }
    // A word: letters/digits, with inner '.', ',' (numbers, U.S.), '-',
    // apostrophes.
    size_t j = i;
    size_t seg_begin = i;
    while (j < n) {
      const unsigned char d = static_cast<unsigned char>(text[j]);
      if (Utf8Punct(text, j) > 0) {
        size_t alen = 0;
        if (IsApostrophe(text, j, &alen)) break;
        break;
      }
      if (IsWordByte(d)) {
        ++j;
        continue;
      }
      if ((d == '.' || d == ',') && j + 1 < n) {
        const unsigned char nx = static_cast<unsigned char>(text[j + 1]);
        const unsigned char pv = static_cast<unsigned char>(text[j - 1]);
        if (absl::ascii_isdigit(pv) && absl::ascii_isdigit(nx)) {
          ++j;
          continue;
        }
        // U.S. / U.K.: single letters separated by dots.
        if (d == '.' && absl::ascii_isalpha(nx) && j >= 1 &&
            (j - 1 == seg_begin || text[j - 2] == '.') &&
            absl::ascii_isalpha(pv) && j + 2 <= n &&
            (j + 2 == n ||
             !absl::ascii_isalpha(static_cast<unsigned char>(text[j + 2])))) {
          j += 2;
          if (j < n && text[j] == '.') ++j;
          continue;
        }
      }
      if (d == '-' && j + 1 < n &&
          IsWordByte(static_cast<unsigned char>(text[j + 1]))) {
        absl::string_view part = text.substr(seg_begin, j - seg_begin);
        bool prefix = false;
        for (absl::string_view p : kPrefixes) {
          if (absl::EqualsIgnoreCase(part, p)) prefix = true;
        }
        const bool digits =
            absl::ascii_isdigit(static_cast<unsigned char>(text[seg_begin]));
        // "Min-ho", "Eun-mi": a capitalized part joined to a lowercase one
        // is one name (or one adjective: "Seoul-based").
        const bool name_like =
            absl::ascii_isupper(static_cast<unsigned char>(text[seg_begin])) &&
            absl::ascii_islower(static_cast<unsigned char>(text[j + 1])) &&
            part.find('.') == absl::string_view::npos;
        // "Nimbra-5", "COVID-19": a capitalized name with a number is one
        // name.
        const bool numbered_name =
            absl::ascii_isupper(static_cast<unsigned char>(text[seg_begin])) &&
            absl::ascii_isdigit(static_cast<unsigned char>(text[j + 1])) &&
            part.find('.') == absl::string_view::npos;
        if (prefix || name_like || numbered_name ||
            (digits &&
             absl::ascii_isdigit(static_cast<unsigned char>(text[j + 1])))) {
          ++j;  // "post-election", "1910-45" stay whole
          continue;
        }
        // Split: emit the part, continue after the hyphen.
        PushWord(text, i, j, &out);
        i = j + 1;
        j = i;
        seg_begin = i;
        continue;
      }
      break;
    }
    if (j == i) {
      ++i;
      continue;
    }
    PushWord(text, i, j, &out);
    // Possessive: 's / ' after the word.
    size_t alen = 0;
    if (j < n && IsApostrophe(text, j, &alen)) {
      size_t k = j + alen;
      if (k < n && (text[k] == 's' || text[k] == 'S') &&
          (k + 1 == n ||
           !IsWordByte(static_cast<unsigned char>(text[k + 1])))) {
        out.back().possessive = true;
        out.back().end = static_cast<uint32_t>(k + 1);
        j = k + 1;
      } else if (k >= n || !IsWordByte(static_cast<unsigned char>(text[k]))) {
        if (absl::EndsWith(out.back().lower, "s")) {
          out.back().possessive = true;
          out.back().end = static_cast<uint32_t>(k);
          j = k;
        }
      }
    }
    i = j;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Subjects.

Subject MakeSubject(std::string text, std::string head,
                    std::vector<std::string> modifiers) {
  Subject s;
  s.text = std::move(text);
  s.head = std::move(head);
  std::sort(modifiers.begin(), modifiers.end());
  modifiers.erase(std::unique(modifiers.begin(), modifiers.end()),
                  modifiers.end());
  modifiers.erase(std::remove_if(modifiers.begin(), modifiers.end(),
                                 [&](const std::string& m) {
                                   return m.empty() || m == s.head;
                                 }),
                  modifiers.end());
  s.modifiers.assign(modifiers.begin(), modifiers.end());
  s.key = s.head.empty()
              ? std::string()
              : absl::StrCat(s.head, "|", absl::StrJoin(s.modifiers, ","));
  return s;
}

double SubjectSimilarity(const Subject& a, const Subject& b) {
  if (a.head.empty() || a.head != b.head) return 0;
  const auto& x = a.modifiers;
  const auto& y = b.modifiers;
  if (x.empty() && y.empty()) return 1;
  if (x.empty() || y.empty()) return 0.7;
  // Both sorted: linear intersection.
  size_t i = 0, j = 0, common = 0;
  while (i < x.size() && j < y.size()) {
    if (x[i] == y[j]) {
      ++common;
      ++i;
      ++j;
    } else if (x[i] < y[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  const double uni = static_cast<double>(x.size() + y.size() - common);
  return 0.4 + 0.6 * (static_cast<double>(common) / uni);
}

namespace {

// A token's role for noun-phrase scanning.
bool IsContent(const Token& t, const Lexicon& lex) {
  if (t.punct || t.numeric || t.lower.empty()) return false;
  if (lex.IsStopWord(t.lower) || lex.IsNumberWord(t.lower)) return false;
  if (lex.IsVerb(t.lower)) return false;
  return true;
}

bool IsEdWord(const Token& t) {
  return t.lower.size() > 4 && absl::EndsWith(t.lower, "ed");
}
bool IsLyWord(const Token& t) {
  return t.lower.size() > 4 && absl::EndsWith(t.lower, "ly");
}

// The closed word classes (determiners, auxiliaries, prepositions, time
// nouns...) come from the lexicon (Lexicon::Is); what stays in code is
// morphology (-ed, -ly, -ing, -en suffixes), the single words that make a
// construction ("X of Y", "from X to Y", "at" after an estimate verb) and
// the object pronouns "it" and "them".

// The clause's tokens plus per-token flags, prepared once per figure.
struct Scan {
  const std::vector<Token>* toks;
  std::vector<bool> blocked;  // inside another mention or the figure
  absl::string_view text;
  const Lexicon* lex;

  const Token& at(int i) const { return (*toks)[i]; }
  int size() const { return static_cast<int>(toks->size()); }

  // A noun-phrase word: content, not blocked, not a verb form.
  bool NounWord(int i) const {
    if (i < 0 || i >= size() || blocked[i]) return false;
    const Token& t = at(i);
    if (!IsContent(t, *lex) && !VerbUsedAsNoun(i)) return false;
    if (IsLyWord(t) && !t.capitalized) return false;
    if (i > 0 && lex->Is(WordClass::kModal, at(i - 1).lower))
      return false;  // "will cost"
    // "has set aside $4.5m", "paid back": a particle of a phrasal verb; a
    // noun only after a determiner ("the back of the hall").
    if (!t.capitalized && lex->Is(WordClass::kVerbParticle, t.lower) &&
        !(i > 0 && lex->Is(WordClass::kDeterminer, at(i - 1).lower))) {
      return false;
    }
    // "expected to total": an infinitive after a verb.
    if (i > 1 && at(i - 1).lower == "to" &&
        (IsEdWord(at(i - 2)) || lex->IsVerb(at(i - 2).lower) ||
         lex->Is(WordClass::kAuxiliary, at(i - 2).lower))) {
      return false;
    }
    if (IsEdWord(t) && !t.capitalized) {
      // "the planned cut", "of displaced families": a participle in
      // attributive position is a modifier.
      if (i > 0 && i + 1 < size() && !at(i + 1).punct &&
          (lex->Is(WordClass::kDeterminer, at(i - 1).lower) ||
           lex->Is(WordClass::kAttributivePreposition, at(i - 1).lower)) &&
          IsContent(at(i + 1), *lex)) {
        return true;
      }
      return false;
    }
    if (absl::EndsWith(t.lower, "ing") && i > 0 &&
        lex->Is(WordClass::kAuxiliary, at(i - 1).lower)) {
      return false;  // "is rising"
    }
    // "has grown", "had fallen", "has meanwhile risen": a participle (one
    // adverb may stand after the auxiliary).
    const bool after_perfect =
        i > 0 && (lex->Is(WordClass::kPerfectAuxiliary, at(i - 1).lower) ||
                  (i > 1 && lex->IsPerfectAdverb(at(i - 1).lower) &&
                   lex->Is(WordClass::kPerfectAuxiliary, at(i - 2).lower)));
    if (!t.capitalized && after_perfect &&
        (lex->IsChangeWord(t.lower) || absl::EndsWith(t.lower, "en") ||
         absl::EndsWith(t.lower, "wn"))) {
      return false;
    }
    // "were stolen", "was taken": a passive participle (not a noun such as
    // "children" or "women", whose lemma differs).
    if (!t.capitalized && i > 0 && t.lower.size() >= 5 &&
        (absl::EndsWith(t.lower, "en") || absl::EndsWith(t.lower, "wn")) &&
        lex->Lemma(t.lower) == t.lower &&
        lex->Is(WordClass::kAuxiliary, at(i - 1).lower) &&
        !lex->Is(WordClass::kModal, at(i - 1).lower) &&
        at(i - 1).lower != "to") {
      return false;
    }
    if (IsParticiple(i)) return false;
    return true;
  }

  // A word the lexicon lists as a verb ("cost", "estimates", "increase")
  // used as a noun: right after a determiner, or after a determiner and
  // modifiers ("the total economic cost").
  bool VerbUsedAsNoun(int i) const {
    const Token& t = at(i);
    if (t.punct || t.numeric || t.capitalized || !lex->IsVerb(t.lower) ||
        lex->IsStopWord(t.lower)) {
      return false;
    }
    if (lex->Is(WordClass::kAuxiliary, t.lower)) return false;
    if (i > 0 && lex->Is(WordClass::kDeterminer, at(i - 1).lower)) return true;
    // After modifiers, only a noun the lexicon knows as a measure ("the
    // total economic cost at") with no object or complement after it ("the
    // death toll stood at 213", "rose to 2,310" keep their verbs).
    const std::string lemma = lex->Lemma(t.lower);
    if (!lex->IsRelationalHead(lemma) && !lex->IsGenericHead(lemma)) {
      return false;
    }
    if (i + 1 < size()) {
      const Token& n = at(i + 1);
      if (!(n.punct || lex->Is(WordClass::kAttachingPreposition, n.lower))) {
        return false;
      }
    }
    int k = i - 1;
    for (; k >= 0 && i - k <= 3; --k) {
      const Token& p = at(k);
      if (lex->Is(WordClass::kDeterminer, p.lower)) return true;
      // "... than ever: passenger numbers on the route rose 9%": a noun
      // phrase opening its clause needs no determiner.
      if (p.punct && k < i - 1) return true;
      if (p.punct || p.numeric || blocked[k] || !IsContent(p, *lex)) {
        return false;
      }
    }
    return k < 0 && i > 0;
  }

  // An -ing verb rather than a noun: followed by a pronoun object ("taking
  // it to 4.5%") or by "to"/"by" and a figure ("inflation accelerating to
  // 3.8%", "sales falling by 2%").
  bool IsParticiple(int i) const {
    const Token& t = at(i);
    if (t.capitalized || !absl::EndsWith(t.lower, "ing") ||
        t.lower.size() < 6 || lex->IsIngNoun(t.lower) || i + 1 >= size()) {
      return false;
    }
    const std::string& next = at(i + 1).lower;
    if (next == "it" || next == "them" || next == "itself") return true;
    return (next == "to" || next == "by") && i + 2 < size() &&
           (blocked[i + 2] || at(i + 2).numeric);
  }
};

// The noun-phrase run ending at `last` (inclusive), walking left; stops
// after a possessive-less capitalized/lowercase mismatch? No: any noun word.
int RunStartLeft(const Scan& s, int last, int max_words = 6) {
  int b = last;
  while (b - 1 >= 0 && last - (b - 1) < max_words && s.NounWord(b - 1) &&
         !(s.at(b - 1).possessive && false)) {
    --b;
  }
  return b;
}

int RunEndRight(const Scan& s, int first, int max_words = 6) {
  int e = first;
  while (e + 1 < s.size() && e + 1 - first < max_words && s.NounWord(e + 1)) {
    // "a 10% global tariff using new powers": an -ing word after a noun
    // takes an object; unless it is a known -ing noun ("defense spending").
    const std::string& nx = s.at(e + 1).lower;
    // "refunds remain": a plural noun is rarely a modifier, so the word
    // after one is its verb.
    const std::string& cur = s.at(e).lower;
    if (cur.size() > 3 && absl::EndsWith(cur, "s") &&
        !absl::EndsWith(cur, "ss") && s.lex->Lemma(cur) != cur &&
        !s.at(e).capitalized && !s.at(e + 1).capitalized) {
      break;
    }
    if (nx.size() >= 5 && absl::EndsWith(nx, "ing") && !s.lex->IsIngNoun(nx) &&
        !s.at(e + 1).capitalized) {
      break;
    }
    // "strike shut the harbor": a word right before a determiner is a verb;
    // not before a relative "that" ("a weather satellite that the bureau
    // built").
    if (e + 2 < s.size() &&
        s.lex->Is(WordClass::kDeterminer, s.at(e + 2).lower) &&
        !s.at(e + 1).possessive &&
        !(e + 3 < s.size() &&
          s.lex->Is(WordClass::kRelativePronoun, s.at(e + 2).lower) &&
          (s.lex->Is(WordClass::kDeterminer, s.at(e + 3).lower) ||
           s.lex->Is(WordClass::kSubjectPronoun, s.at(e + 3).lower)))) {
      break;
    }
    ++e;
  }
  return e;
}

// Lemmas of tokens [b, e], merged through the lexicon's multi-word names.
std::vector<std::string> Lemmas(const Scan& s, int b, int e) {
  std::vector<std::string> out;
  const Lexicon& lex = *s.lex;
  for (int i = b; i <= e; ++i) {
    bool merged = false;
    for (int k = std::min(lex.max_phrase_words(), e - i + 1); k >= 2; --k) {
      std::string p = s.at(i).lower;
      for (int j = 1; j < k; ++j) absl::StrAppend(&p, " ", s.at(i + j).lower);
      std::string name = lex.Phrase(p);
      if (!name.empty()) {
        out.push_back(name);
        i += k - 1;
        merged = true;
        break;
      }
    }
    if (merged) continue;
    if (s.at(i).punct || lex.IsStopWord(s.at(i).lower)) continue;
    std::string single = lex.Phrase(s.at(i).lower);
    out.push_back(single.empty() ? lex.Lemma(s.at(i).lower) : single);
  }
  return out;
}

// Head + modifiers from lemmas (the last one is the head), applying synonym
// groups to the longest matching tail.
void HeadAndMods(const Lexicon& lex, std::vector<std::string> lemmas,
                 std::string* head, std::vector<std::string>* mods) {
  if (lemmas.empty()) return;
  const int n = static_cast<int>(lemmas.size());
  for (int k = std::min(n, lex.max_synonym_words()); k >= 1; --k) {
    std::string tail = absl::StrJoin(lemmas.end() - k, lemmas.end(), " ");
    std::string syn = lex.SynonymOf(tail);
    if (!syn.empty()) {
      *head = syn;
      mods->insert(mods->end(), lemmas.begin(), lemmas.end() - k);
      return;
    }
  }
  *head = lemmas.back();
  mods->insert(mods->end(), lemmas.begin(), lemmas.end() - 1);
}

// Modifiers contributed by a prepositional object: its lemmas, each mapped
// through single-word synonyms ("cars" -> automobile).
void AddObjectMods(const Lexicon& lex, const std::vector<std::string>& lemmas,
                   std::vector<std::string>* mods) {
  for (const std::string& l : lemmas) {
    std::string syn = lex.SynonymOf(l);
    mods->push_back(syn.empty() ? l : syn);
  }
}

void MapModsThroughSynonyms(const Lexicon& lex,
                            std::vector<std::string>* mods) {
  for (std::string& m : *mods) {
    std::string syn = lex.SynonymOf(m);
    if (!syn.empty()) m = syn;
  }
}

// Builds the subject of the noun phrase [b, e] (head at e), with an optional
// prepositional object [pb, pe] after `prep` and further words [xb, xe]
// whose lemmas qualify it ("the death toll from the disaster [in the
// sound]").
Subject Build(const Scan& s, int b, int e, absl::string_view prep, int pb,
              int pe, int xb = -1, int xe = -1) {
  const Lexicon& lex = *s.lex;
  std::string head;
  std::vector<std::string> mods;
  HeadAndMods(lex, Lemmas(s, b, e), &head, &mods);
  int text_end = e;
  const bool of_object = pb >= 0 && pe >= pb && prep == "of";
  if (!of_object && e > b && lex.IsGenericHead(head) && !mods.empty() &&
      s.at(e).lower != lex.Lemma(s.at(e).lower) && !IsEdWord(s.at(e - 1)) &&
      !absl::EndsWith(s.at(e - 1).lower, "ing")) {
    // "passenger numbers", "sales figures": a plural generic head after a
    // noun counts that noun.
    const std::string syn = lex.SynonymOf(mods.back());
    head = syn.empty() ? mods.back() : syn;
    mods.pop_back();
  }
  if (pb >= 0 && pe >= pb) {
    std::vector<std::string> obj = Lemmas(s, pb, pe);
    if ((lex.IsGenericHead(head) || lex.Is(WordClass::kCostVerb, head)) &&
        of_object) {
      // "the number of troops": the object is what is counted; "the cost
      // of the repairs" is what "the repairs will cost" is about.
      mods.clear();
      HeadAndMods(lex, obj, &head, &mods);
    } else {
      AddObjectMods(lex, obj, &mods);
    }
    text_end = pe;
  }
  if (xb >= 0 && xe >= xb) {
    AddObjectMods(lex, Lemmas(s, xb, xe), &mods);
    text_end = std::max(text_end, xe);
  }
  MapModsThroughSynonyms(lex, &mods);
  std::string text(
      s.text.substr(s.at(b).begin, s.at(text_end).end - s.at(b).begin));
  return MakeSubject(std::move(text), std::move(head), std::move(mods));
}

// The first token at or after `i` that is not a determiner.
int SkipDeterminers(const Scan& s, int i) {
  while (i < s.size() && s.lex->Is(WordClass::kDeterminer, s.at(i).lower)) ++i;
  return i;
}

// A noun phrase ending at `last`, plus a left "<NP> <prep>" attachment when
// the NP is the object of a relational head ("tariffs on [cars]").
Subject FromLeftNP(const Scan& s, int last, int floor) {
  int b = std::max(RunStartLeft(s, last), floor);
  // "the number of customers whose card details were stolen": what the
  // relative clause says of a noun is about that noun.
  if (b - 2 >= floor && s.at(b - 1).lower == "whose" && s.NounWord(b - 2)) {
    return FromLeftNP(s, b - 2, floor);
  }
  // "the number of confirmed cases linked to the outbreak", "homes damaged
  // by the fire": a noun before a passive participle and "to"/"by" is what
  // the phrase is about, the participle's object only qualifies it.
  {
    int p = b - 1;
    while (p >= floor && s.lex->Is(WordClass::kDeterminer, s.at(p).lower)) --p;
    if (p - 2 >= floor && (s.at(p).lower == "to" || s.at(p).lower == "by")) {
      const std::string& v = s.at(p - 1).lower;
      if (v.size() > 4 && absl::EndsWith(v, "ed") && !s.at(p - 1).capitalized &&
          !s.blocked[p - 1] && s.NounWord(p - 2)) {
        return FromLeftNP(s, p - 2, floor);
      }
    }
  }
  // "tariffs on cars, lumber and drugs": coordinated objects share the
  // preposition; walk back over them to find it.
  int cb = b;
  for (int rounds = 0; rounds < 6; ++rounds) {
    int k = cb - 1;
    if (k >= floor && (s.at(k).lower == "and" || s.at(k).lower == "or")) --k;
    if (k >= floor && s.at(k).lower == ",") --k;
    if (k == cb - 1 || k < floor || !s.NounWord(k)) break;
    cb = std::max(RunStartLeft(s, k), floor);
  }
  if (cb < b) {
    int p = cb - 1;
    while (p >= floor && s.lex->Is(WordClass::kDeterminer, s.at(p).lower)) --p;
    if (p - 1 >= floor &&
        s.lex->Is(WordClass::kAttachingPreposition, s.at(p).lower) &&
        s.NounWord(p - 1)) {
      b = cb;
    }
  }
  // "tariffs on South Korean cars", "support for the governing party": the
  // run is the object of a preposition; the noun before it is the head.
  // Objects chain: "the death toll from Friday's disaster in Brisk Sound"
  // is a toll; the objects after the first qualify it.
  auto attached_head = [&](int run_begin, int* prep) {
    int p = run_begin - 1;
    // Determiners, and a possessive mention used as one ("from Friday's
    // disaster").
    while (p >= floor) {
      if (s.lex->Is(WordClass::kDeterminer, s.at(p).lower)) {
        --p;
      } else if (s.blocked[p] && s.at(p).possessive) {
        while (p >= floor && s.blocked[p]) --p;
      } else {
        break;
      }
    }
    *prep = p;
    if (p - 1 >= floor &&
        s.lex->Is(WordClass::kAttachingPreposition, s.at(p).lower) &&
        s.NounWord(p - 1)) {
      return std::max(RunStartLeft(s, p - 1), floor);
    }
    return -1;
  };
  int p = -1;
  int hb = attached_head(b, &p);
  if (hb < 0) return Build(s, b, last, "", -1, -1);
  int ob = b, oe = last, xb = -1;
  for (int level = 0; level < 2; ++level) {
    // "the number of customers" names what is counted, whatever it is the
    // object of ("its estimate of the number of customers").
    if (s.at(p).lower == "of" &&
        s.lex->IsGenericHead(s.lex->Lemma(s.at(p - 1).lower))) {
      break;
    }
    int q = -1;
    const int up = attached_head(hb, &q);
    if (up < 0) break;
    // The head phrase so far becomes the object of the one before it; its
    // own preposition and object qualify.
    xb = p;
    ob = hb;
    oe = p - 1;
    p = q;
    hb = up;
  }
  return Build(s, hb, p - 1, s.at(p).lower, ob, oe, xb, xb >= 0 ? last : -1);
}

// Right NP starting at `first`, plus its prepositional object when the head
// is relational ("25% tariff on imported steel").
Subject FromRightNP(const Scan& s, int first, int ceil) {
  int e = std::min(RunEndRight(s, first), ceil);
  const int pb = SkipDeterminers(s, e + 2);
  if (pb <= ceil &&
      s.lex->Is(WordClass::kObjectPreposition, s.at(e + 1).lower) &&
      s.NounWord(pb)) {
    std::string head = s.lex->Lemma(s.at(e).lower);
    if (s.lex->IsRelationalHead(head) || s.lex->IsGenericHead(head) ||
        s.lex->IsChangeWord(s.at(e).lower)) {
      int pe = std::min(RunEndRight(s, pb), ceil);
      return Build(s, first, e, s.at(e + 1).lower, pb, pe);
    }
  }
  return Build(s, first, e, "", -1, -1);
}

// Words allowed between a figure and the noun phrase to its left:
// "the death toll [has now risen to] 2,310", "a budget [of] $5 billion".
bool Skippable(const Scan& s, int i) {
  if (i < 0 || s.blocked[i]) return false;
  const Token& t = s.at(i);
  if (t.punct) return t.lower == "(" || t.lower == "$";
  // Callers stop at noun words first; any other word (function word, verb
  // form, adverb) may stand between a noun phrase and its figure.
  return true;
}

// The state said of counted people after their count: "[were] [confirmed]
// dead", "[are] still unaccounted for", "on board", "alive". Returns the
// state's canonical name ("death toll", "missing", "passenger") and sets
// *last to its last token and *adverb to an -ed word before it
// ("confirmed", "reported"; -1 when none); "" when no state follows.
std::string StateAfter(const Scan& s, int j, int ce, int* last, int* adverb) {
  const Lexicon& lex = *s.lex;
  const int n = std::min(ce, s.size());
  // "Five people, two of them firefighters, were taken to hospital": an
  // aside set off by commas before the predicate is stepped over.
  if (j < n && s.at(j).lower == ",") {
    for (int k = j + 1; k < std::min(n - 1, j + 12); ++k) {
      if (s.at(k).lower != ",") continue;
      if (lex.Is(WordClass::kPredicateFiller, s.at(k + 1).lower)) j = k + 1;
      break;
    }
  }
  while (j < n && lex.Is(WordClass::kPredicateFiller, s.at(j).lower)) ++j;
  *adverb = -1;
  if (j + 1 < n && IsEdWord(s.at(j)) && !s.at(j).capitalized && !s.blocked[j] &&
      !lex.Is(WordClass::kPersonState, s.at(j).lower)) {
    *adverb = j++;
  }
  if (j >= n || s.blocked[j] || s.at(j).capitalized) return "";
  const int len = lex.MatchAt(WordClass::kPersonState, s.toks->data(), n, j);
  if (len == 0) return "";
  *last = j + len - 1;
  std::vector<std::string> words;
  for (int k = j; k <= *last; ++k) words.push_back(s.at(k).lower);
  return lex.StateOf(absl::StrJoin(words, " "));
}

int TokenAt(const std::vector<Token>& toks, uint32_t offset) {
  for (int i = 0; i < static_cast<int>(toks.size()); ++i) {
    if (toks[i].end > offset) return i;
  }
  return static_cast<int>(toks.size());
}

}  // namespace

Subject CanonicalSubject(absl::string_view phrase, const Lexicon& lex) {
  std::vector<Token> toks = Tokenize(phrase);
  Scan s{&toks, std::vector<bool>(toks.size(), false), phrase, &lex};
  // The first noun run is the head phrase; a following preposition's run is
  // its object.
  int b = 0;
  while (b < s.size() && !s.NounWord(b)) ++b;
  if (b >= s.size()) return Subject{std::string(phrase), "", {}, ""};
  int e = RunEndRight(s, b, 8);
  // A label is a noun phrase: "Cost of repairs", "Spending on schools" (a
  // first word that could be a verb, before an object preposition, is its
  // head). A leading stop word ("Estimated cost of repairs") is skipped.
  {
    int f = 0;
    while (f < s.size() && !s.at(f).punct && lex.IsStopWord(s.at(f).lower)) {
      ++f;
    }
    if (f < b && f + 2 < s.size() && !s.at(f).punct && !s.at(f).numeric &&
        lex.Is(WordClass::kObjectPreposition, s.at(f + 1).lower)) {
      b = e = f;
    }
  }
  if (e + 2 < s.size() &&
      s.lex->Is(WordClass::kObjectPreposition, s.at(e + 1).lower)) {
    int pb = e + 2;
    while (pb < s.size() && !s.NounWord(pb) && !s.at(pb).punct) ++pb;
    if (pb < s.size() && s.NounWord(pb)) {
      int pe = RunEndRight(s, pb, 8);
      Subject out = Build(s, b, e, s.at(e + 1).lower, pb, pe);
      out.text = std::string(phrase);
      return out;
    }
  }
  Subject out = Build(s, b, e, "", -1, -1);
  out.text = std::string(phrase);
  return out;
}

Subject FindSubject(const FigureContext& ctx, const Lexicon& lex) {
  const absl::string_view text = ctx.sentence;
  // The caller's tokens when it has them; a copy only to drop asides.
  std::vector<Token> own;
  const std::vector<Token>* tp = ctx.tokens;
  if (tp == nullptr || !ctx.asides.empty()) {
    own = tp != nullptr ? *tp : Tokenize(text);
    own.erase(std::remove_if(own.begin(), own.end(),
                             [&](const Token& t) {
                               for (const auto& [ab, ae] : ctx.asides) {
                                 if (t.begin >= ab && t.end <= ae &&
                                     !(ab <= ctx.begin && ctx.end <= ae)) {
                                   return true;
                                 }
                               }
                               return false;
                             }),
              own.end());
    tp = &own;
  }
  const std::vector<Token>& toks = *tp;
  Scan s{&toks, std::vector<bool>(toks.size(), false), text, &lex};
  const int n = s.size();
  // Clause token range [cb, ce).
  int cb = 0, ce = n;
  while (cb < n && toks[cb].begin < ctx.clause_begin) ++cb;
  while (ce > cb && toks[ce - 1].end > ctx.clause_end) --ce;
  for (int i = 0; i < n; ++i) {
    const Token& t = toks[i];
    for (const auto& [ob, oe] : ctx.others) {
      if (t.begin < oe && ob < t.end) s.blocked[i] = true;
    }
  }
  // Figure tokens [fb, fe).
  int fb = TokenAt(toks, ctx.begin);
  int fe = fb;
  while (fe < n && toks[fe].begin < ctx.end) ++fe;
  fb = std::max(fb, cb);
  fe = std::min(fe, ce);
  if (fb >= fe) return Subject{};

  const bool count =
      ctx.amount.dimension == "count" && !ctx.amount.unit.empty();
  const bool unit_noun = !ctx.amount.unit.empty() && !count &&
                         ctx.amount.dimension != "currency" &&
                         ctx.amount.dimension != "percent" &&
                         ctx.amount.dimension != "percentage-points";

  // Counted nouns: the amount's unit is the head; the words between the
  // number and it are modifiers.
  if (count) {
    // "a 41,000-seat stadium": a number glued to a unit of capacity is the
    // size of what it qualifies, the capacity other sources give as "will
    // seat 44,000 fans" (a figure that opens with the capacity verb,
    // quantity.capacity-verb, counted in seats whatever people it names).
    if (const absl::string_view fig =
            text.substr(std::min<size_t>(ctx.begin, text.size()),
                        ctx.end > ctx.begin ? ctx.end - ctx.begin : 0);
        !fig.empty()) {
      const absl::string_view word = fig.find('-') != absl::string_view::npos
                                         ? fig.substr(fig.rfind('-') + 1)
                                         : fig.substr(0, fig.find(' '));
      if (lex.Is(WordClass::kCapacityCue,
                 absl::AsciiStrToLower(std::string(word)))) {
        return MakeSubject(std::string(fig), "capacity", {});
      }
    }
    // What is counted: the unit, or the state of counted people.
    std::string unit = lex.Canonical(ctx.amount.unit);
    int head = -1;
    for (int i = fb; i < std::min(ce, fe + 6); ++i) {
      if (toks[i].punct || toks[i].numeric) continue;
      if (lex.Canonical(toks[i].lower) == unit ||
          lex.Lemma(toks[i].lower) == ctx.amount.unit) {
        head = i;
        break;
      }
      if (i >= fe && !s.NounWord(i)) break;
    }
    std::vector<std::string> mods;
    std::string text_phrase = ctx.amount.unit;
    if (head >= 0) {
      int mb = head;
      while (mb - 1 >= fb && IsContent(toks[mb - 1], lex) &&
             !lex.IsUnitNoun(toks[mb - 1].lower) && !toks[mb - 1].numeric) {
        --mb;
      }
      for (const std::string& l :
           Lemmas(s, mb, head - 1 < mb ? mb - 1 : head - 1)) {
        if (mb <= head - 1) mods.push_back(l);
      }
      int text_end = head;
      // "11 people were confirmed dead", "238 people on board": a state
      // of the counted people names what is counted (through the synonym
      // groups: the dead are the death toll, people aboard passengers).
      bool stated = false;
      if (lex.Is(WordClass::kPersonNoun, unit)) {
        int last = -1, adverb = -1;
        std::string state = StateAfter(s, head + 1, ce, &last, &adverb);
        if (!state.empty()) {
          if (adverb >= 0) mods.push_back(toks[adverb].lower);
          unit = std::move(state);
          text_end = last;
          stated = true;
        }
      }
      // "4,800 dockworkers on strike", "1.2 million barrels of oil".
      if (!stated && head + 2 < ce &&
          lex.Is(WordClass::kCountObjectPreposition, toks[head + 1].lower) &&
          s.NounWord(head + 2)) {
        int pe = std::min(RunEndRight(s, head + 2), ce - 1);
        std::vector<std::string> obj = Lemmas(s, head + 2, pe);
        if (lex.IsUnitNoun(toks[head].lower) && toks[head + 1].lower == "of") {
          std::string h;
          std::vector<std::string> m2;
          HeadAndMods(lex, obj, &h, &m2);
          MapModsThroughSynonyms(lex, &m2);
          return MakeSubject(
              std::string(
                  text.substr(toks[fb].begin, toks[pe].end - toks[fb].begin)),
              h, m2);
        }
        AddObjectMods(lex, obj, &mods);
        text_end = pe;
      }
      // "12,400 people were still under evacuation orders", "3,000 people
      // are assigned to the fire": a bare count of people says little on its
      // own; the state or role that follows tells which people are counted.
      if (text_end == head && lex.Is(WordClass::kPersonNoun, unit)) {
        int j = head + 1;
        while (j < ce && lex.Is(WordClass::kPredicateFiller, toks[j].lower))
          ++j;
        int obj_from = -1;
        auto is_prep = [&](int k) {
          return k < ce && lex.Is(WordClass::kStatePreposition, toks[k].lower);
        };
        if (j < ce && IsEdWord(toks[j]) && !toks[j].capitalized &&
            !s.blocked[j]) {
          mods.push_back(toks[j].lower);
          text_end = j;
          if (is_prep(j + 1)) obj_from = j + 2;
        } else if (is_prep(j) &&
                   (j > head + 1 ||
                    (j + 1 < ce && lex.Is(WordClass::kPossessiveDeterminer,
                                          toks[j + 1].lower)))) {
          // Right after the noun only before a possessive: "employs 640
          // people at its headquarters" counts the staff of one site of
          // the owner, while "killed 300 people in the province" says
          // where the counted people were.
          obj_from = j + 1;
        }
        if (obj_from >= 0) {
          const int ob = SkipDeterminers(s, obj_from);
          if (ob < ce && s.NounWord(ob) &&
              !lex.Is(WordClass::kTimeNoun, lex.Lemma(toks[ob].lower))) {
            const int pe = std::min(RunEndRight(s, ob), ce - 1);
            AddObjectMods(lex, Lemmas(s, ob, pe), &mods);
            text_end = pe;
          }
        }
      }
      // "a recall of 1.2 million vehicles": the noun before "of".
      if (fb >= 2 && toks[fb - 1].lower == "of" && s.NounWord(fb - 2)) {
        mods.push_back(lex.Canonical(toks[fb - 2].lower));
      }
      text_phrase = std::string(
          text.substr(toks[fb].begin, toks[text_end].end - toks[fb].begin));
    }
    // "container volumes reached 2.4 million boxes": a relational noun
    // (volume, sales, exports) set to the count by a level verb is what
    // the count measures; the counted noun qualifies it.
    int k = fb - 1;
    int verbs = 0;
    while (k >= cb && fb - k <= 3 && !toks[k].punct && !s.blocked[k] &&
           lex.Is(WordClass::kLevelVerb, toks[k].lower)) {
      --k;
      ++verbs;
    }
    if (verbs > 0 && k >= cb && s.NounWord(k)) {
      Subject left = FromLeftNP(s, k, cb);
      if (!left.head.empty() && lex.IsRelationalHead(left.head)) {
        std::vector<std::string> m2(left.modifiers.begin(),
                                    left.modifiers.end());
        m2.push_back(unit);
        return MakeSubject(left.text, left.head, std::move(m2));
      }
    }
    // "licensed to carry up to 350 passengers", "a capacity of 530
    // passengers": a limit is not a count of who was there; what it
    // measures is the capacity, for the counted noun.
    for (int c = fb - 1; c >= std::max(cb, fb - 4) && !toks[c].punct; --c) {
      if (lex.Is(WordClass::kCapacityCue, toks[c].lower)) {
        mods.push_back(unit);
        MapModsThroughSynonyms(lex, &mods);
        return MakeSubject(std::move(text_phrase), "capacity", std::move(mods));
      }
    }
    MapModsThroughSynonyms(lex, &mods);
    return MakeSubject(std::move(text_phrase), unit, std::move(mods));
  }

  // Table rows: the row label names the subject. A column header that names
  // a thing of its own ("Party | Seats 2026 | Vote share 2026") is what the
  // figure measures, and the label whose ("Civic Alliance"); a generic
  // header ("Figure", "Total") leaves the label alone.
  if (!ctx.row_label.empty()) {
    Subject sub = CanonicalSubject(ctx.row_label, lex);
    // Only for a cell that is the figure alone ("38", not "Increase by 15%
    // over two years" under "Plan").
    bool bare_cell = true;
    for (size_t k = 0; k < ctx.sentence.size() && bare_cell; ++k) {
      if (k >= ctx.begin && k < ctx.end) continue;
      bare_cell =
          !absl::ascii_isalpha(static_cast<unsigned char>(ctx.sentence[k]));
    }
    Subject col =
        bare_cell ? CanonicalSubject(ctx.column_header, lex) : Subject{};
    if (!sub.head.empty() && !col.head.empty() &&
        !lex.IsGenericHead(col.head) && col.head != sub.head &&
        !lex.Is(WordClass::kTimeNoun, col.head)) {
      std::vector<std::string> mods(sub.modifiers.begin(), sub.modifiers.end());
      mods.push_back(std::string(sub.head));
      mods.insert(mods.end(), col.modifiers.begin(), col.modifiers.end());
      // The header's year dates the figure (claims.cc); the text names
      // the thing without it, as the other years' figures do.
      std::string text(ctx.row_label);
      for (const Token& w : Tokenize(ctx.column_header)) {
        if (!w.numeric) absl::StrAppend(&text, " ", w.lower);
      }
      return MakeSubject(std::move(text), col.head, std::move(mods));
    }
    if (!sub.head.empty()) return sub;
  }

  // Share: "2% of GDP in defense spending", "30% of the vote".
  int after = fe;
  // "67% of the recalled heaters were sold online": the "of" object names
  // the population a proportion is taken of; used when nothing on the left
  // owns the figure.
  int of_object = -1;
  if (after + 1 < ce && toks[after].lower == "of") {
    int base = after + 1;
    while (base < ce && lex.Is(WordClass::kOfDeterminer, toks[base].lower)) {
      ++base;
    }
    const bool proportion = ctx.kind == MentionKind::kPercent ||
                            ctx.amount.dimension == "percent" ||
                            ctx.amount.dimension == "ratio";
    if (proportion && base < ce && !s.blocked[base] &&
        !lex.IsShareBase(lex.Lemma(toks[base].lower))) {
      of_object = base;
      // "one in five of those aboard were pupils": the noun phrase after
      // the copula is who the proportion counts (as in "pupils made up 20%
      // of those aboard").
      for (int k = base + 1; k < std::min(ce, base + 8); ++k) {
        if (toks[k].punct || s.blocked[k]) break;
        const WordClasses wc = lex.ClassesOf(toks[k].lower);
        if (!wc.Has(WordClass::kAuxiliary) ||
            !(wc.Has(WordClass::kPastAuxiliary) ||
              wc.Has(WordClass::kPresentStateWord))) {
          continue;  // not a copula: "were", "is"
        }
        int np = k + 1;
        while (np < ce && lex.Is(WordClass::kPredicateFiller, toks[np].lower))
          ++np;
        if (np < ce && s.NounWord(np) && !toks[np].capitalized) {
          Subject sub = FromRightNP(s, np, ce - 1);
          if (!sub.head.empty()) return sub;
        }
        break;
      }
    }
    // "treats around 45% of the city's water", "won 52% of the vote": a
    // proportion that is the object of a verb is a share of the "of"
    // object, whoever the verb's subject is ("the plant", "Wrenfield" or
    // "the party" in other sources' wording).
    if (of_object >= 0 && fb - 1 >= cb && !toks[fb - 1].capitalized &&
        (lex.IsVerb(toks[fb - 1].lower) || IsEdWord(toks[fb - 1]))) {
      // "the city's water": the owner is the determiner, water the noun.
      // A count inside it is skipped: "two-thirds of the town's roughly
      // 3,600 residents" are residents.
      int ob = of_object;
      int counted = -1;  // the last word of a count skipped
      while (ob + 1 < ce && (toks[ob].possessive || s.blocked[ob])) {
        if (s.blocked[ob]) counted = ob;
        ++ob;
      }
      if (counted >= 0 && counted + 1 == ob && !toks[counted].punct &&
          !toks[counted].numeric && !toks[counted].capitalized) {
        // The count's own noun ("3,600 residents") is what is shared.
        const std::string head = lex.Canonical(lex.Lemma(toks[counted].lower));
        if (!lex.IsUnitNoun(toks[counted].lower)) {
          return MakeSubject(std::string(toks[counted].lower), head, {});
        }
      }
      if (s.NounWord(ob)) {
        Subject sub = FromRightNP(s, ob, ce - 1);
        if (!sub.head.empty()) return sub;
      }
    }
    if (base < ce && lex.IsShareBase(lex.Lemma(toks[base].lower))) {
      int pb = base + 1;
      if (pb + 1 < ce &&
          lex.Is(WordClass::kShareObjectPreposition, toks[pb].lower)) {
        int ob = SkipDeterminers(s, pb + 1);
        if (ob < ce && s.NounWord(ob)) return FromRightNP(s, ob, ce - 1);
      }
      after = -1;  // the base is not the subject; look left
    }
  }
  // Money for a purpose or for someone: "set aside $4.5m for bereaved
  // families", "$4.5 million in emergency support for bereaved families".
  // Whom or what it is for names an allocation (the form it takes, when
  // given, qualifies it).
  // Not for a second object ("fined the club $2 million for breaches": a
  // reason, and the club owns the figure).
  auto money_for = [&](int k, int form_b, int form_e) -> Subject {
    if (k + 1 >= ce || toks[k].lower != "for") return Subject{};
    if (fb > cb && s.NounWord(fb - 1)) return Subject{};
    const int ob = SkipDeterminers(s, k + 1);
    if (ob >= ce || !s.NounWord(ob) ||
        lex.Is(WordClass::kTimeNoun, lex.Lemma(toks[ob].lower))) {
      return Subject{};
    }
    Subject sub = FromRightNP(s, ob, ce - 1);
    if (sub.head.empty() || lex.Is(WordClass::kTimeNoun, sub.head) ||
        form_b < 0) {
      return sub;
    }
    std::vector<std::string> mods(sub.modifiers.begin(), sub.modifiers.end());
    AddObjectMods(lex, Lemmas(s, form_b, form_e), &mods);
    MapModsThroughSynonyms(lex, &mods);
    return MakeSubject(
        std::string(text.substr(toks[form_b].begin,
                                toks[std::min(RunEndRight(s, ob), ce - 1)].end -
                                    toks[form_b].begin)),
        sub.head, std::move(mods));
  };
  // "voted to lend another $185 million", "pump a further $185m into",
  // "raising 450 million dollars", "raised $450m from investors": money
  // as the object of a verb of funding names the funding itself, which
  // sources word with different agents, recipients and sources around it.
  if (ctx.kind == MentionKind::kMoney) {
    int k = fb - 1;
    while (k >= cb && fb - k <= 2 && !toks[k].punct && !s.blocked[k] &&
           lex.IsStopWord(toks[k].lower)) {
      --k;
    }
    // "fined Dalgrid EUR 21m", "lent Greece EUR 10bn": a named first object
    // between the verb and the money.
    if (k >= cb && toks[k].capitalized && !toks[k].punct && !s.blocked[k]) {
      int n = k;
      while (n >= cb && k - n < 3 && toks[n].capitalized && !toks[n].punct &&
             !s.blocked[n]) {
        --n;
      }
      if (n >= cb && n < k && !toks[n].punct && !toks[n].capitalized &&
          !lex.MoneyVerbHead(toks[n].lower).empty()) {
        k = n;
      }
    }
    if (k >= cb && !toks[k].punct && !toks[k].capitalized && !s.blocked[k]) {
      std::string head = lex.MoneyVerbHead(toks[k].lower);
      if (!head.empty()) {
        return MakeSubject(std::string(toks[k].lower), std::move(head), {});
      }
    }
  }
  // "a ransom of $15 million in exchange for ...", "a grant of $2 million
  // from ...": the noun the money is "of" owns it (not a change or a generic
  // noun: "an increase of $3m in spending", "a total of $5m in aid").
  if (ctx.kind == MentionKind::kMoney && fb - 2 >= cb &&
      toks[fb - 1].lower == "of" && s.NounWord(fb - 2) &&
      !lex.IsChangeWord(toks[fb - 2].lower) &&
      !lex.IsGenericHead(lex.Lemma(toks[fb - 2].lower))) {
    Subject sub = FromLeftNP(s, fb - 2, cb);
    if (!sub.head.empty()) return sub;
  }
  // Money: "$140 billion in refunds".
  if (after >= 0 && ctx.kind == MentionKind::kMoney && after + 1 < ce &&
      toks[after].lower == "in" && s.NounWord(after + 1)) {
    const int e = std::min(RunEndRight(s, after + 1), ce - 1);
    Subject sub = money_for(e + 1, after + 1, e);
    if (!sub.head.empty()) return sub;
    return FromRightNP(s, after + 1, ce - 1);
  }
  if (after >= 0 && ctx.kind == MentionKind::kMoney) {
    Subject sub = money_for(after, -1, -1);
    if (!sub.head.empty()) return sub;
    // A purpose: "set aside 140 million dollars to cover refunds" (a verb
    // then its object; not "to its members", "to Oxfam").
    if (after + 2 < ce && toks[after].lower == "to" &&
        !(fb > cb && s.NounWord(fb - 1))) {
      const Token& v = toks[after + 1];
      if (!v.punct && !v.numeric && !v.capitalized &&
          !lex.IsStopWord(v.lower) && !s.blocked[after + 1] &&
          !lex.Is(WordClass::kDeterminer, v.lower)) {
        const int ob = SkipDeterminers(s, after + 2);
        if (ob < ce && s.NounWord(ob) &&
            !lex.Is(WordClass::kTimeNoun, lex.Lemma(toks[ob].lower))) {
          sub = FromRightNP(s, ob, ce - 1);
          if (!sub.head.empty()) return sub;
        }
      }
    }
  }
  // A volume or mass of a substance: "90,000 gallons of the chemical",
  // "spilled 40 tonnes of grain": the substance, whoever spilled it (an
  // area "of forest" stays the fire's).
  if (after >= 0 && after + 1 < ce && toks[after].lower == "of" &&
      ctx.kind == MentionKind::kQuantity &&
      (ctx.amount.dimension == "volume" || ctx.amount.dimension == "mass")) {
    const int ob = SkipDeterminers(s, after + 1);
    if (ob < ce && s.NounWord(ob) && !toks[ob].capitalized &&
        !lex.Is(WordClass::kTimeNoun, lex.Lemma(toks[ob].lower))) {
      Subject sub = FromRightNP(s, ob, ce - 1);
      if (!sub.head.empty()) return sub;
    }
  }
  // Money drawn from a source: "released $30 million from the state
  // disaster fund", "committed 30 million dollars from its disaster fund".
  // The source names the money better than the agent on the left; a noun
  // joined by "of" ("a grant of $30 million from ...") still owns it.
  if (after >= 0 && ctx.kind == MentionKind::kMoney && after + 1 < ce &&
      toks[after].lower == "from" && !(fb >= 1 && toks[fb - 1].lower == "of")) {
    const int ob = SkipDeterminers(s, after + 1);
    if (ob < ce && s.NounWord(ob) &&
        !lex.Is(WordClass::kTimeNoun, lex.Lemma(toks[ob].lower))) {
      Subject sub = FromRightNP(s, ob, ce - 1);
      if (!sub.head.empty() && !lex.Is(WordClass::kTimeNoun, sub.head))
        return sub;
    }
  }
  // "about 30 were still unaccounted for", "at least 11 dead": a bare
  // figure whose clause says what state the ones it counts are in.
  const bool bare =
      ctx.kind == MentionKind::kNumber && ctx.amount.unit.empty() &&
      (ctx.amount.dimension.empty() || ctx.amount.dimension == "count");
  if (bare) {
    int last = -1, adverb = -1;
    std::string state = StateAfter(s, fe, ce, &last, &adverb);
    if (!state.empty()) {
      std::vector<std::string> mods;
      if (adverb >= 0) mods.push_back(toks[adverb].lower);
      return MakeSubject(std::string(text.substr(
                             toks[fb].begin, toks[last].end - toks[fb].begin)),
                         std::move(state), std::move(mods));
    }
  }
  // Such a figure is the subject of its own clause ("... and about 30 were
  // missing"): the clause before the conjunction is about something else.
  const bool own_clause =
      bare && fe < ce && lex.Is(WordClass::kPredicateFiller, toks[fe].lower);
  // Right: "<figure> <NP>" ("$350 billion investment plan"); never a
  // copula or adverb of the predicate ("3 remain in hospital").
  if (after >= 0 && after < ce && s.NounWord(after) &&
      !lex.IsUnitNoun(toks[after].lower) && !toks[after].capitalized &&
      !lex.Is(WordClass::kPredicateFiller, toks[after].lower)) {
    Subject sub = FromRightNP(s, after, ce - 1);
    // "a 2% rise in prices": the change noun's object is the subject.
    if (!sub.head.empty() && !lex.IsChangeWord(toks[after].lower)) return sub;
    int e = RunEndRight(s, after);
    if (e + 2 < ce &&
        lex.Is(WordClass::kObjectPreposition, toks[e + 1].lower) &&
        s.NounWord(e + 2)) {
      return FromRightNP(s, e + 2, ce - 1);
    }
  } else if (after >= 0 && after < ce && s.NounWord(after) &&
             toks[after].capitalized && !unit_noun) {
    // "$640 billion U.S.-Japan trade relationship": proper modifiers then a
    // common noun head.
    int e = RunEndRight(s, after);
    if (e < ce && !toks[e].capitalized) return FromRightNP(s, after, ce - 1);
  }

  // "economists put the cost of the strike to the economy at 1.2bn
  // dollars", "officials estimate the toll at 300": the object of a verb of
  // estimating is what the figure after "at" measures.
  if (fb >= 2 && toks[fb - 1].lower == "at") {
    for (int k = fb - 2; k >= std::max(0, fb - 12); --k) {
      if (toks[k].punct) break;
      if (!lex.Is(WordClass::kEstimateVerb, toks[k].lower)) continue;
      const int ob = SkipDeterminers(s, k + 1);
      if (ob < fb - 1 && s.NounWord(ob)) {
        Subject sub = FromRightNP(s, ob, fb - 2);
        if (!sub.head.empty()) return sub;
      }
      break;
    }
  }
  // Left: "<NP> (rose to|of|at|was) <figure>". A "from X to Y" pair starts
  // at "from".
  // "expects the recall to cost it 12.5m dollars": money as the second
  // object of a cost verb, after a pronoun, is a cost; the noun before the
  // verb is what costs ("the programme will cost $4 billion" keeps its
  // subject).
  // "the stoppage cost the regional economy $1.2 billion": likewise after
  // a short object noun phrase, when "cost" is a verb (no determiner).
  if (ctx.kind == MentionKind::kMoney) {
    bool object_np = false;
    for (int k = fb - 1; k >= std::max(cb, fb - 5); --k) {
      const std::string lemma = lex.Lemma(toks[k].lower);
      // "The estimated cost of the repairs is $64 million": "cost of" is
      // the noun, whatever stands before it.
      if (k < fb - 1 && lex.Is(WordClass::kCostVerb, lemma) &&
          toks[k + 1].lower != "of" &&
          !(object_np && k > 0 &&
            lex.Is(WordClass::kDeterminer, toks[k - 1].lower))) {
        return MakeSubject(std::string(toks[k].lower), "cost", {});
      }
      if (lex.IsStopWord(toks[k].lower)) continue;
      if (!s.NounWord(k) || toks[k].capitalized) break;
      object_np = true;
    }
  }
  int i = fb - 1;
  int skipped = 0;
  bool resumed = false;
  int floor = cb;  // the subject's noun phrase starts at or after it
  while (i >= cb && skipped < 7) {
    if (own_clause && i == fb - 1 &&
        (toks[i].lower == "and" || toks[i].lower == "but" ||
         toks[i].lower == "or")) {
      i = cb - 1;
      break;
    }
    // "lifted its key rate by a quarter point, taking it to 4.5%": the
    // pronoun after the participle is the object of the clause before the
    // comma; its noun phrase is the nearest noun left of the comma.
    // "The quake, with a magnitude of 6.8, struck": a "with" phrase set
    // off by commas describes the noun phrase before it.
    if (!resumed && toks[i].lower == "," && i + 1 < fb &&
        toks[i + 1].lower == "with" && i - 1 >= cb && s.NounWord(i - 1)) {
      resumed = true;
      --i;
      break;
    }
    if (!resumed && toks[i].lower == "," && i + 2 < fe &&
        s.IsParticiple(i + 1) &&
        (toks[i + 2].lower == "it" || toks[i + 2].lower == "them")) {
      resumed = true;
      skipped = 0;
      --i;
      while (i >= cb && skipped < 10 && !toks[i].punct &&
             (!s.NounWord(i) || lex.IsUnitNoun(toks[i].lower))) {
        --i;
        ++skipped;
      }
      break;
    }
    // "A lookout tower on the ridge, paid for with a state grant, is
    // slated to open in March 2025", "Pupils from the school, on their way
    // home, made up 20%": a comma right before the main verb closes an
    // aside; the noun phrase before the aside is the subject.
    if (toks[i].lower == "," && i + 1 < fb &&
        (lex.Is(WordClass::kAuxiliary, toks[i + 1].lower) ||
         lex.Is(WordClass::kModal, toks[i + 1].lower) ||
         (!toks[i + 1].capitalized && (lex.IsVerb(toks[i + 1].lower) ||
                                       lex.IsChangeWord(toks[i + 1].lower)))) &&
        toks[i + 1].lower != "to") {
      int a = i - 1;
      while (a > cb && i - a <= 24 && toks[a].lower != ",") --a;
      // "Mardale Park, the stadium being built for the club on the old
      // yards, is expected to cost": an aside that opens with a determiner
      // after a proper name is an appositive; its head ("stadium") is the
      // common noun other sources use for the thing named.
      // The name must be the whole noun phrase before the aside ("Sales of
      // Brevair, its inhaler, grew" is about sales, not the inhaler).
      bool name_only = a > cb;
      for (int k = cb; k < a && name_only; ++k) {
        name_only = toks[k].capitalized && !toks[k].punct;
      }
      if (name_only && toks[a].lower == "," && a + 2 < i &&
          lex.Is(WordClass::kDeterminer, toks[a + 1].lower) &&
          s.NounWord(a + 2) && !toks[a + 2].capitalized) {
        const int e = std::min(RunEndRight(s, a + 2), i - 1);
        Subject sub = FromRightNP(s, a + 2, e);
        if (!sub.head.empty()) return sub;
      }
      int j = i - 1;
      while (j > cb && i - j <= 15 && toks[j].lower != ",") --j;
      if (j > cb && toks[j].lower == "," && j + 1 < i && s.NounWord(j - 1)) {
        i = j - 1;
        break;
      }
      // "Shares in the group, which owns the line, fell 20%": the aside is
      // a relative clause (the figure's clause opens at its relative word);
      // the noun before it, in the clause before, is the subject.
      if (j == cb && cb >= 2 && toks[cb - 1].lower == "," &&
          lex.Is(WordClass::kClauseOpener, toks[cb].lower) &&
          s.NounWord(cb - 2)) {
        floor = 0;
        i = cb - 2;
        break;
      }
    }
    // "by Thursday morning it had burned 41,000 acres": a time phrase is
    // no subject; keep scanning left past it.
    if (s.NounWord(i) &&
        lex.Is(WordClass::kTimeNoun, lex.Lemma(toks[i].lower)) && i - 1 >= cb &&
        (s.blocked[i - 1] || lex.Is(WordClass::kTimeLead, toks[i - 1].lower))) {
      --i;
      ++skipped;
      continue;
    }
    // A subject pronoun right before the verb group stands for the nearest
    // definite noun phrase before it in the sentence that is not the object
    // of a preposition ("pushed the Corran Ridge fire across the highway,
    // and by Thursday it had burned ...": the fire, not the highway).
    if (toks[i].lower == "it" && i + 1 < fb && !s.NounWord(i + 1)) {
      for (int k = i - 1; k >= 0; --k) {
        if (!lex.Is(WordClass::kDefiniteDeterminer, toks[k].lower)) continue;
        if (k + 1 >= i || !s.NounWord(k + 1)) continue;
        if (k > 0 && lex.Is(WordClass::kPlacePreposition, toks[k - 1].lower))
          continue;
        const int e = std::min(RunEndRight(s, k + 1), i - 1);
        if (lex.Is(WordClass::kTimeNoun, lex.Lemma(toks[e].lower))) continue;
        Subject sub = Build(s, k + 1, e, "", -1, -1);
        if (!sub.head.empty()) return sub;
      }
      break;
    }
    if (s.blocked[i]) {
      // Another figure in a "from X to <figure>" pair: skip it.
      if (i >= cb && toks[fb - 1].lower == "to") {
        --i;
        ++skipped;
        continue;
      }
      break;
    }
    if (s.NounWord(i) &&
        !(lex.IsUnitNoun(toks[i].lower) && skipped == 0 && unit_noun)) {
      break;
    }
    if (!Skippable(s, i) && !s.at(i).numeric) {
      i = cb - 1;
      break;
    }
    --i;
    ++skipped;
  }
  if (i >= floor && s.NounWord(i)) return FromLeftNP(s, i, floor);
  if (of_object >= 0) {
    Subject sub = FromRightNP(s, of_object, ce - 1);
    if (!sub.head.empty()) return sub;
  }
  return Subject{};
}

Subject SubjectOfFigure(absl::string_view sentence, absl::string_view figure,
                        MentionKind kind, const Amount& amount,
                        const Lexicon& lex) {
  size_t pos = sentence.find(figure);
  if (pos == absl::string_view::npos || figure.empty()) return Subject{};
  FigureContext ctx;
  ctx.sentence = sentence;
  ctx.begin = static_cast<uint32_t>(pos);
  ctx.end = static_cast<uint32_t>(pos + figure.size());
  ctx.clause_begin = 0;
  ctx.clause_end = static_cast<uint32_t>(sentence.size());
  ctx.kind = kind;
  ctx.amount = amount;
  return FindSubject(ctx, lex);
}

}  // namespace crosscheck::extract
