#include "checker/extract/extractor.h"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

#include "absl/strings/ascii.h"
#include "checker/extract/dates.h"
#include "checker/extract/numbers.h"
#include "re2/re2.h"

namespace crosscheck::extract {
namespace {

// A hit before overlap resolution, with what is needed to order it.
struct Candidate {
  RuleMatch match;
  int rule_index = 0;
  int pattern = 0;
  std::optional<Amount> amount;  // numeric kinds, normalized before resolving
};

std::vector<Candidate> FromHits(std::vector<DocumentHits::Hit> hits) {
  std::vector<Candidate> out(hits.size());
  for (size_t i = 0; i < hits.size(); ++i) {
    out[i].match = std::move(hits[i].match);
    out[i].rule_index = hits[i].rule_index;
    out[i].pattern = hits[i].pattern;
  }
  return out;
}

// The context capture names (see rules.h), compared as string_views: sizes
// first, no strlen per group per match.
constexpr absl::string_view kPre = "pre";
constexpr absl::string_view kPost = "post";

// Every match of pattern `pi` of `rule` in `text` (with `lower`, its
// ASCII-lowercased copy, for patterns marked Rule::lowered; same offsets),
// appended to `out` with offsets shifted by `base`. Captured text is always
// read from the original.
void CollectPattern(const Rule& rule, int ri, int pi, absl::string_view text,
                    absl::string_view lower, uint32_t base,
                    std::vector<re2::StringPiece>* sub_scratch,
                    std::vector<DocumentHits::Hit>* out_ptr) {
  std::vector<DocumentHits::Hit>& out = *out_ptr;
  const RE2& re = *rule.compiled[pi];
  const absl::string_view haystack = rule.lowered[pi] ? lower : text;
  const re2::StringPiece input(haystack.data(), haystack.size());
  const auto& groups = rule.groups[pi];
  const int n = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece>& sub = *sub_scratch;
  sub.assign(n, re2::StringPiece());
  size_t pos = 0;
  while (pos <= text.size()) {
    if (!re.Match(input, pos, text.size(), RE2::UNANCHORED, sub.data(), n)) {
      break;
    }
    size_t whole_begin = sub[0].data() - haystack.data();
    size_t whole_end = whole_begin + sub[0].size();
    size_t begin = whole_begin, end = whole_end;
    // Context groups trim the mention (RE2 has no lookaround).
    for (const auto& [index, name] : groups) {
      if (index >= n || sub[index].data() == nullptr) continue;
      size_t at = sub[index].data() - haystack.data();
      if (absl::string_view(name) == kPre) {
        begin = std::max(begin, at + sub[index].size());
      }
      if (absl::string_view(name) == kPost) end = std::min(end, at);
    }
    if (end > begin) {
      DocumentHits::Hit c;
      c.rule_index = ri;
      c.pattern = pi;
      c.match.rule = &rule;
      c.match.begin = base + static_cast<uint32_t>(begin);
      c.match.end = base + static_cast<uint32_t>(end);
      c.match.captures.reserve(groups.size());
      for (const auto& [index, name] : groups) {
        if (index < n && sub[index].data() != nullptr &&
            absl::string_view(name) != kPre &&
            absl::string_view(name) != kPost) {
          size_t at = sub[index].data() - haystack.data();
          c.match.captures.emplace_back(
              name, std::string(text.substr(at, sub[index].size())));
        }
      }
      out.push_back(std::move(c));
    }
    // Continue after the mention (not after trailing context, which may
    // begin the next figure), always moving forward.
    size_t next = end > begin ? end : whole_end;
    pos = std::max(next, whole_begin + 1);
  }
}

// True when some pattern in `which` runs over lowercased text.
bool NeedsLower(const std::vector<Rule>& rules,
                const std::vector<std::pair<int, int>>& which) {
  for (const auto& [ri, pi] : which) {
    if (rules[ri].lowered[pi]) return true;
  }
  return false;
}

// Every match of every pattern in `which` over one text.
void Collect(const std::vector<Rule>& rules,
             const std::vector<std::pair<int, int>>& which,
             absl::string_view text, uint32_t base,
             std::vector<DocumentHits::Hit>* out) {
  const std::string lower =
      NeedsLower(rules, which) ? absl::AsciiStrToLower(text) : std::string();
  std::vector<re2::StringPiece> sub;
  for (const auto& [ri, pi] : which) {
    CollectPattern(rules[ri], ri, pi, text, lower, base, &sub, out);
  }
}

// Chunk starts for a segment: its sentence starts. Matching per sentence
// keeps the second, capturing pass local: a pattern that the prefilter says
// can match reruns over one sentence, not over the whole paragraph. The
// chunks tile the text, so nothing between sentences is skipped.
std::vector<uint32_t> ChunkStarts(const std::vector<Sentence>& sentences,
                                  size_t size) {
  std::vector<uint32_t> starts = {0};
  for (const Sentence& s : sentences) {
    if (s.begin > 0 && s.begin < size) starts.push_back(s.begin);
  }
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  return starts;
}

// Greedy overlap resolution: priority desc, then longer, then earlier, then
// rule order. Returns the winners sorted by position.
std::vector<Candidate> Resolve(std::vector<Candidate> cands) {
  std::sort(cands.begin(), cands.end(),
            [](const Candidate& a, const Candidate& b) {
              int pa = a.match.rule->priority, pb = b.match.rule->priority;
              if (pa != pb) return pa > pb;
              uint32_t la = a.match.end - a.match.begin;
              uint32_t lb = b.match.end - b.match.begin;
              if (la != lb) return la > lb;
              return std::tie(a.match.begin, a.rule_index, a.pattern) <
                     std::tie(b.match.begin, b.rule_index, b.pattern);
            });
  std::vector<Candidate> out;
  std::map<uint32_t, uint32_t> taken;  // begin -> end of accepted spans
  for (Candidate& c : cands) {
    auto it = taken.lower_bound(c.match.end);  // first begin >= our end
    bool overlaps = false;
    if (it != taken.begin()) {
      auto prev = std::prev(it);
      overlaps = prev->second > c.match.begin;
    }
    if (overlaps) continue;
    taken.emplace(c.match.begin, c.match.end);
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    return a.match.begin < b.match.begin;
  });
  return out;
}

// Numeric candidates that do not normalize are dropped before resolution,
// so that a failed reading ("2,000 were killed" as a count of "were
// killed") does not hide a plainer one.
std::vector<Candidate> NormalizeNumeric(std::vector<Candidate> cands) {
  std::vector<Candidate> kept;
  kept.reserve(cands.size());
  for (Candidate& c : cands) {
    const Rule& r = *c.match.rule;
    if (!r.suppress && IsNumericKind(r.kind)) {
      c.amount = NormalizeAmount(r, c.match);
      if (!c.amount) continue;
    }
    kept.push_back(std::move(c));
  }
  return kept;
}

std::string Lower(absl::string_view s) { return absl::AsciiStrToLower(s); }

// Builds the mentions of one text. `sentences` may be empty (whole text is
// one sentence).
void Emit(const std::vector<Candidate>& winners, absl::string_view text,
          const std::vector<Sentence>& sentences, DateContext* ctx,
          std::vector<Mention>* out) {
  for (const Candidate& c : winners) {
    const Rule& r = *c.match.rule;
    if (r.suppress) continue;
    Mention m;
    m.kind = r.kind;
    m.rule_id = r.id;
    m.local_begin = c.match.begin;
    m.local_end = c.match.end;
    m.span = Span{c.match.begin, c.match.end};
    m.text =
        std::string(text.substr(c.match.begin, c.match.end - c.match.begin));
    absl::string_view sentence = text;
    // Sentences are in order and disjoint: the one holding the mention is
    // the last that begins at or before it (binary search, so a segment
    // with thousands of sentences stays linear overall).
    auto after = std::upper_bound(
        sentences.begin(), sentences.end(), c.match.begin,
        [](uint32_t at, const Sentence& s) { return at < s.begin; });
    if (after != sentences.begin()) {
      const Sentence& s = *std::prev(after);
      if (c.match.begin >= s.begin && c.match.begin < s.end) {
        m.sentence = static_cast<int>(std::prev(after) - sentences.begin());
        if (s.end <= text.size()) {
          sentence = text.substr(s.begin, s.end - s.begin);
        }
      }
    }
    if (c.amount) m.amount = *c.amount;
    if (r.kind == MentionKind::kDate) {
      std::optional<DateValue> d = ResolveDate(r, c.match, sentence, ctx);
      if (!d) continue;
      m.date = std::move(d);
    }
    if (r.kind == MentionKind::kStatus || r.kind == MentionKind::kEvent ||
        r.kind == MentionKind::kDisclaimer) {
      m.label = r.label.empty() ? Lower(c.match.Capture("label")) : r.label;
      m.group = r.group;
    }
    out->push_back(std::move(m));
  }
}

}  // namespace

absl::string_view RuleMatch::Capture(absl::string_view name) const {
  for (const auto& [n, v] : captures) {
    if (n == name) return v;
  }
  return absl::string_view();
}

std::vector<RuleMatch> Extractor::Match(absl::string_view text) const {
  std::vector<RuleMatch> out;
  if (rules_ == nullptr || text.empty()) return out;
  std::vector<DocumentHits::Hit> hits;
  Collect(rules_->rules(), rules_->Candidates(text), text, 0, &hits);
  std::vector<Candidate> winners =
      Resolve(NormalizeNumeric(FromHits(std::move(hits))));
  out.reserve(winners.size());
  for (Candidate& c : winners) out.push_back(std::move(c.match));
  return out;
}

std::vector<Mention> Extractor::FindMentions(
    const SegmentedDocument& doc, const ReferenceDate& reference) const {
  std::vector<DocumentHits> hits = MatchDocuments({&doc});
  return MentionsFrom(doc, std::move(hits[0]), reference);
}

std::vector<DocumentHits> Extractor::MatchDocuments(
    const std::vector<const SegmentedDocument*>& docs) const {
  std::vector<DocumentHits> out(docs.size());
  if (rules_ == nullptr) return out;
  const std::vector<Rule>& rules = rules_->rules();
  // Patterns run one after another over every sentence they may match in
  // all the documents, rather than sentence after sentence: a pattern's DFA
  // then stays in the CPU caches across its sentences instead of being
  // evicted by the other patterns in between. Overlap resolution orders
  // candidates by a total key, so the collection order changes nothing.
  struct Job {
    int rule;
    int pattern;
    uint32_t doc;
    uint32_t segment;  // index into the document's segments
    uint32_t begin;    // the chunk, in the segment's text
    uint32_t end;
  };
  std::vector<Job> jobs;
  // Lowercasing ASCII keeps every byte offset, so a chunk of the
  // lowercased segment is the lowercased chunk.
  std::vector<std::vector<std::string>> lower(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    const SegmentedDocument& doc = *docs[d];
    out[d].segments.resize(doc.segments.size());
    lower[d].resize(doc.segments.size());
    for (size_t si = 0; si < doc.segments.size(); ++si) {
      const Segment& seg = doc.segments[si];
      if (seg.boilerplate) continue;
      absl::string_view text = seg.text.text();
      if (text.empty()) continue;
      bool needs_lower = false;
      std::vector<uint32_t> starts = ChunkStarts(seg.sentences, text.size());
      for (size_t c = 0; c < starts.size(); ++c) {
        size_t end = c + 1 < starts.size() ? starts[c + 1] : text.size();
        absl::string_view chunk = text.substr(starts[c], end - starts[c]);
        for (const auto& [ri, pi] : rules_->Candidates(chunk)) {
          jobs.push_back(Job{ri, pi, static_cast<uint32_t>(d),
                             static_cast<uint32_t>(si), starts[c],
                             static_cast<uint32_t>(end)});
          needs_lower = needs_lower || rules[ri].lowered[pi];
        }
      }
      if (needs_lower) lower[d][si] = absl::AsciiStrToLower(text);
    }
  }
  std::sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) {
    return std::tie(a.rule, a.pattern, a.doc, a.segment, a.begin) <
           std::tie(b.rule, b.pattern, b.doc, b.segment, b.begin);
  });
  std::vector<re2::StringPiece> sub;
  for (const Job& j : jobs) {
    absl::string_view text = docs[j.doc]->segments[j.segment].text.text();
    absl::string_view chunk = text.substr(j.begin, j.end - j.begin);
    const std::string& low = lower[j.doc][j.segment];
    absl::string_view low_chunk =
        low.empty() ? absl::string_view()
                    : absl::string_view(low).substr(j.begin, j.end - j.begin);
    CollectPattern(rules[j.rule], j.rule, j.pattern, chunk, low_chunk, j.begin,
                   &sub, &out[j.doc].segments[j.segment]);
  }
  return out;
}

std::vector<Mention> Extractor::MentionsFrom(
    const SegmentedDocument& doc, DocumentHits hits,
    const ReferenceDate& reference) const {
  std::vector<Mention> out;
  if (rules_ == nullptr) return out;
  DateContext ctx;
  ctx.reference = reference.day;
  for (size_t si = 0; si < doc.segments.size() && si < hits.segments.size();
       ++si) {
    const Segment& seg = doc.segments[si];
    if (seg.boilerplate || seg.text.text().empty()) continue;
    std::vector<Candidate> winners =
        Resolve(NormalizeNumeric(FromHits(std::move(hits.segments[si]))));
    size_t first = out.size();
    Emit(winners, seg.text.text(), seg.sentences, &ctx, &out);
    for (size_t i = first; i < out.size(); ++i) {
      Mention& m = out[i];
      m.segment = seg.index;
      m.span = seg.text.OriginalSpan(m.local_begin, m.local_end);
    }
  }
  return out;
}

std::vector<Mention> Extractor::FindMentionsInText(
    absl::string_view text, const ReferenceDate& reference) const {
  std::vector<Mention> out;
  if (rules_ == nullptr || text.empty()) return out;
  DateContext ctx;
  ctx.reference = reference.day;
  std::vector<DocumentHits::Hit> hits;
  Collect(rules_->rules(), rules_->Candidates(text), text, 0, &hits);
  std::vector<Candidate> winners =
      Resolve(NormalizeNumeric(FromHits(std::move(hits))));
  Emit(winners, text, {}, &ctx, &out);
  return out;
}

}  // namespace crosscheck::extract
