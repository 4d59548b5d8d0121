// Structural boilerplate signals (no phrase lists) and the corpus-wide
// shared-segment signal.
#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "checker/segment/internal.h"
#include "checker/segment/segment.h"

namespace crosscheck::segment {
namespace internal {

absl::string_view TrimSpace(absl::string_view s) {
  for (;;) {
    if (!s.empty() && IsSpaceByte(s.front())) {
      s.remove_prefix(1);
    } else if (absl::StartsWith(s, "\xC2\xA0")) {
      s.remove_prefix(2);
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && IsSpaceByte(s.back())) {
      s.remove_suffix(1);
    } else if (absl::EndsWith(s, "\xC2\xA0")) {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

int CountWordsUpTo(absl::string_view s, int limit) {
  int n = 0;
  bool in_word = false;
  for (char c : s) {
    if (IsSpaceByte(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      if (++n > limit) break;
    }
  }
  return n;
}

int CountWords(absl::string_view s) {
  return CountWordsUpTo(s, std::numeric_limits<int>::max() - 1);
}

namespace {

// Decodes one UTF-8 code point at `i` (advancing it); invalid bytes decode
// as themselves so that nothing loops or reads past the end.
uint32_t NextCodePoint(absl::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (c >= 0x80 && c < 0xC0) len = 1;
  if (*i + len > s.size()) len = 1;
  uint32_t cp = len == 1   ? c
                : len == 2 ? (c & 0x1F)
                : len == 3 ? (c & 0x0F)
                           : (c & 0x07);
  for (size_t k = 1; k < len; ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  }
  *i += len;
  return cp;
}

// Punctuation and symbol blocks: Latin-1 punctuation, general punctuation,
// arrows, math operators, box drawing, geometric shapes, misc symbols,
// dingbats, CJK punctuation.
bool IsSymbolCodePoint(uint32_t cp) {
  if (cp < 0x80) return !absl::ascii_isalnum(static_cast<char>(cp));
  return (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
         (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
         (cp >= 0x1F300 && cp <= 0x1FAFF);
}

}  // namespace

bool IsLonePunctuation(absl::string_view s) {
  s = TrimSpace(s);
  if (s.empty()) return false;
  size_t i = 0;
  while (i < s.size()) {
    if (!IsSymbolCodePoint(NextCodePoint(s, &i))) return false;
  }
  return true;
}

bool EndsWithEllipsis(absl::string_view s) {
  s = TrimSpace(s);
  while (!s.empty() && (s.back() == '"' || s.back() == '\'' ||
                        s.back() == ')' || s.back() == ']')) {
    s.remove_suffix(1);
  }
  return absl::EndsWith(s, "...") || absl::EndsWith(s, "\xE2\x80\xA6");
}

namespace {

constexpr absl::string_view kChromeTokens[] = {
    "ad",
    "ads",
    "advert",
    "advertisement",
    "aside",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "disqus",
    "footer",
    "gdpr",
    "login",
    "masthead",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "pagination",
    "paywall",
    "popular",
    "popup",
    "promo",
    "promotion",
    "recommended",
    "recommendations",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "social",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "toolbar",
    "trending",
    "widget",
};

bool ChromeHint(absl::string_view hint) {
  if (hint.empty() || hint == "front-matter") return false;
  for (absl::string_view tok :
       absl::StrSplit(hint, absl::ByAnyChar(" \t-_:/."), absl::SkipEmpty())) {
    std::string lower = absl::AsciiStrToLower(tok);
    for (absl::string_view c : kChromeTokens) {
      if (lower == c) return true;
    }
  }
  return false;
}

// "Site Name|Section", "Home | World | Asia", "Home › News": short parts
// separated by a pipe or breadcrumb arrow, none of them a sentence.
bool SiteNav(const Segment& seg) {
  if (seg.kind == SegmentKind::kTableRow) return false;
  absl::string_view s = TrimSpace(seg.text.text());
  // Word count first: it stops after 13 words, the search for a separator
  // would read all of a long paragraph.
  if (CountWordsUpTo(s, 12) > 12) return false;
  if (s.find_first_of("|\xC2\xE2") == absl::string_view::npos) return false;
  std::vector<absl::string_view> parts =
      absl::StrSplit(s, absl::ByAnyChar("|"), absl::SkipWhitespace());
  if (parts.size() < 2) {
    parts = absl::StrSplit(s, absl::ByString("\xE2\x80\xBA"),
                           absl::SkipWhitespace());  // ›
  }
  if (parts.size() < 2) {
    parts = absl::StrSplit(s, absl::ByString("\xC2\xBB"),
                           absl::SkipWhitespace());  // »
  }
  if (parts.size() < 2) return false;
  for (absl::string_view p : parts) {
    p = TrimSpace(p);
    if (CountWordsUpTo(p, 4) > 4) return false;
    char last = p.back();
    if (last == '.' || last == '!' || last == '?' || last == ',') return false;
  }
  return true;
}

bool HasAlnum(absl::string_view s) {
  for (char c : s) {
    if (absl::ascii_isalnum(c) || static_cast<unsigned char>(c) >= 0xC3) {
      return true;
    }
  }
  return false;
}

bool IsHeadingKind(const Segment& s) {
  return s.kind == SegmentKind::kHeading || s.kind == SegmentKind::kTitle;
}

// A paragraph that reads as article text: long enough, not a teaser.
bool RealParagraph(const Segment& s) {
  if (s.boilerplate || IsHeadingKind(s)) return false;
  absl::string_view t = s.text.text();
  return CountWordsUpTo(t, 12) >= 12 && !EndsWithEllipsis(t);
}

// Words from which a paragraph cannot be a teaser or a link.
constexpr int kLongParagraph = 60;

// Does heading `h` end a "related" region: it is not boilerplate itself and
// real text follows it (two real paragraphs, or one of 60+ words, before the
// next heading)? One teaser title followed by its summary does not.
bool ClosesRegion(const std::vector<Segment>& segs, size_t h) {
  if (segs[h].boilerplate) return false;
  int real = 0;
  for (size_t k = h + 1; k < segs.size() && !IsHeadingKind(segs[k]); ++k) {
    if (!RealParagraph(segs[k])) continue;
    ++real;
    if (real >= 2 ||
        CountWordsUpTo(segs[k].text.text(), kLongParagraph) >= kLongParagraph) {
      return true;
    }
  }
  return false;
}

void Mark(Segment* s, absl::string_view reason) {
  if (s->boilerplate) return;
  s->boilerplate = true;
  s->boilerplate_reason = std::string(reason);
}

}  // namespace

void MarkDocumentBoilerplate(const BoilerplateRules& rules,
                             const std::vector<std::string>& hints,
                             std::vector<Segment>* segments) {
  std::vector<Segment>& segs = *segments;
  const size_t n = segs.size();
  std::vector<bool> opens_section(n, false);
  std::vector<const BoilerplateRule*> keep(n, nullptr);

  // Phrase rules and the signals that need only the segment itself.
  for (size_t i = 0; i < n; ++i) {
    Segment& s = segs[i];
    absl::string_view t = s.text.text();
    if (s.kind != SegmentKind::kTableRow) {
      if (const BoilerplateRule* r = rules.MatchRule(t)) {
        if (r->keep) {
          keep[i] = r;
          continue;
        }
        Mark(&s, r->id);
        opens_section[i] = r->section;
        continue;
      }
    }
    if (IsLonePunctuation(t)) {
      Mark(&s, "structure.lone-punctuation");
    } else if (i < hints.size() && ChromeHint(hints[i])) {
      Mark(&s, "structure.container");
    } else if (SiteNav(s)) {
      Mark(&s, "structure.site-nav");
    }
  }

  // Repeated within the document: every copy, except the title itself and
  // table rows (data may repeat).
  // Compared by a 64-bit hash of the normalized text: no string per
  // segment, and a collision needs ~2^32 segments in one document.
  std::vector<uint64_t> norm(n, 0);
  std::string buffer;
  absl::flat_hash_map<uint64_t, int> counts;
  counts.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (segs[i].kind == SegmentKind::kTableRow) continue;
    if (!HasAlnum(segs[i].text.text())) continue;
    NormalizeInto(segs[i].text.text(), &buffer);
    norm[i] = std::hash<std::string_view>()(buffer) | 1;  // 0 means "none"
    ++counts[norm[i]];
  }
  for (size_t i = 0; i < n; ++i) {
    if (norm[i] == 0 || segs[i].kind == SegmentKind::kTitle) continue;
    if (counts[norm[i]] >= 2) Mark(&segs[i], "structure.repeated-in-document");
  }

  // Teaser runs: consecutive short segments ending in an ellipsis.
  auto teaser = [&](size_t i) {
    const Segment& s = segs[i];
    if (s.kind != SegmentKind::kParagraph && s.kind != SegmentKind::kListItem) {
      return false;
    }
    absl::string_view t = s.text.text();
    return EndsWithEllipsis(t) && CountWordsUpTo(t, 40) <= 40;
  };
  for (size_t i = 0; i < n;) {
    if (!teaser(i)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < n && teaser(j)) ++j;
    if (j - i >= 2 || i == 0 || j == n) {
      for (size_t k = i; k < j; ++k) Mark(&segs[k], "structure.teaser-run");
    }
    i = j;
  }

  // Regions under "Related ..." / "Comments" headings.
  for (size_t i = 0; i < n; ++i) {
    if (!opens_section[i]) continue;
    size_t j = i + 1;
    for (; j < n; ++j) {
      if (IsHeadingKind(segs[j]) && !opens_section[j] &&
          ClosesRegion(segs, j)) {
        break;
      }
      // Teasers are short; a long paragraph is article text again (a page
      // whose "related" block sits above an article without headings).
      if (RealParagraph(segs[j]) &&
          CountWordsUpTo(segs[j].text.text(), kLongParagraph) >=
              kLongParagraph) {
        break;
      }
      Mark(&segs[j], "structure.under-related-heading");
    }
    i = j - 1;
  }

  // Guarded disclosures stay body whatever the signals said.
  for (size_t i = 0; i < n; ++i) {
    if (keep[i] == nullptr) continue;
    segs[i].boilerplate = false;
    segs[i].boilerplate_reason = keep[i]->id;
  }

  // Heading context: the nearest body heading above.
  std::string current;
  for (Segment& s : segs) {
    s.heading = current;
    if (IsHeadingKind(s) && !s.boilerplate) current = s.text.text();
  }
}

size_t NormalizeInto(absl::string_view text, std::string* out_ptr) {
  std::string& out = *out_ptr;
  const absl::string_view t = internal::TrimSpace(text);
  // Written through a pointer, a run of letters at a time (this runs over
  // every segment twice): the output never outgrows the trimmed input,
  // since a run of spaces becomes at most one.
  out.resize(t.size());
  char* const begin = out.data();
  char* w = begin;
  size_t words = 0;
  const char* p = t.data();
  const char* const end = p + t.size();
  while (p < end) {
    if (!internal::IsSpaceByte(*p)) ++words;
    while (p < end && !internal::IsSpaceByte(*p)) {
      *w++ = absl::ascii_tolower(static_cast<unsigned char>(*p++));
    }
    if (p == end) break;
    while (p < end && internal::IsSpaceByte(*p)) ++p;
    if (p < end && w != begin) *w++ = ' ';
  }
  out.resize(static_cast<size_t>(w - begin));
  return words;
}

}  // namespace internal

std::string NormalizeForComparison(absl::string_view text) {
  std::string out;
  internal::NormalizeInto(text, &out);
  return out;
}

bool IsTableHeader(const Segment& segment) {
  if (segment.kind != SegmentKind::kTableRow || segment.cells.empty() ||
      segment.column_headers.size() != segment.cells.size()) {
    return false;
  }
  absl::string_view t = segment.text.text();
  for (size_t c = 0; c < segment.cells.size(); ++c) {
    const Sentence& cell = segment.cells[c];
    if (cell.end < cell.begin || cell.end > t.size()) return false;
    if (t.substr(cell.begin, cell.end - cell.begin) !=
        segment.column_headers[c]) {
      return false;
    }
  }
  // A table without a header has all-empty headers; that is not a header.
  for (const std::string& h : segment.column_headers) {
    if (!h.empty()) return true;
  }
  return false;
}

namespace {

// Texts that appear in this many documents are chrome whatever else the
// documents share; it also bounds the pair counting below.
constexpr size_t kManyDocs = 32;

// Longer shared segments are quotes or syndicated text, not chrome.
constexpr int kMaxMarkedWords = 40;

// A paragraph of this many words that ends a sentence reads as reporting
// prose: chrome (nav, promos, credits, footers) is shorter or unpunctuated.
constexpr int kProseWords = 15;

// Ends with ".", "?" or "!", closing quotes allowed after it.
bool EndsSentence(absl::string_view s) {
  s = internal::TrimSpace(s);
  for (;;) {
    if (!s.empty() && (s.back() == '"' || s.back() == '\'')) {
      s.remove_suffix(1);
    } else if (absl::EndsWith(s, "\xE2\x80\x9D") ||  // ”
               absl::EndsWith(s, "\xE2\x80\x99")) {  // ’
      s.remove_suffix(3);
    } else if (absl::EndsWith(s, "\xC2\xBB")) {  // »
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return !s.empty() && (s.back() == '.' || s.back() == '?' || s.back() == '!');
}

// murmur3's 64-bit finalizer: a bijection that mixes every bit into all.
uint64_t Mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// `n` (<= 8) bytes at `p` as a little-endian word, whatever the machine.
uint64_t LoadLittle(const char* p, size_t n) {
  uint64_t w = 0;
  if constexpr (std::endian::native == std::endian::little) {
    // One load: the byte loop below was not merged into one.
    std::memcpy(&w, p, n);
  } else {
    for (size_t k = 0; k < n; ++k) {
      w |= static_cast<uint64_t>(static_cast<unsigned char>(p[k])) << (8 * k);
    }
  }
  return w;
}

// A fixed hash (not seeded per process, the same on every machine), eight
// bytes per step. Each step is a bijection of the state, so texts of equal
// length that differ in one word never collide.
uint64_t FixedHash64(absl::string_view s) {
  uint64_t h = Mix64(0x9e3779b97f4a7c15ULL ^ s.size());
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) h = Mix64(h ^ LoadLittle(s.data() + i, 8));
  if (i < s.size()) {
    h = Mix64(h ^ LoadLittle(s.data() + i, s.size() - i) ^ 0xff);
  }
  return h;
}

// Paragraphs and list items of 4+ words: the duplicate test runs over
// these. Only short ones (chrome, teasers) are marked.
bool Comparable(const Segment& s) {
  if (s.kind != SegmentKind::kParagraph && s.kind != SegmentKind::kListItem) {
    return false;
  }
  return internal::CountWordsUpTo(s.text.text(), 4) >= 4;
}

}  // namespace

// Fingerprints of a streamed corpus stay in memory for the whole run.
static_assert(sizeof(CorpusFingerprint::Entry) <= 16);

CorpusFingerprint FingerprintDocument(const SegmentedDocument& doc) {
  CorpusFingerprint fp;
  std::string buffer;
  for (size_t i = 0; i < doc.segments.size(); ++i) {
    const Segment& s = doc.segments[i];
    if (!Comparable(s)) continue;
    const absl::string_view text = s.text.text();
    const size_t norm_words = internal::NormalizeInto(text, &buffer);
    CorpusFingerprint::Entry e;
    e.hash = FixedHash64(buffer);
    e.segment = static_cast<uint32_t>(i);
    constexpr int kMaxWords = std::numeric_limits<uint16_t>::max() - 1;
    // The normalized text counted the words, unless trimming took a
    // no-break space (part of a word for CountWords) off an end.
    const absl::string_view kept = internal::TrimSpace(text);
    const bool nbsp_trimmed =
        text.substr(0, static_cast<size_t>(kept.data() - text.data()))
                .find('\xC2') != absl::string_view::npos ||
        text.substr(static_cast<size_t>(kept.data() - text.data()) +
                    kept.size())
                .find('\xC2') != absl::string_view::npos;
    const int words =
        nbsp_trimmed
            ? internal::CountWordsUpTo(text, kMaxWords)
            : static_cast<int>(std::min<size_t>(norm_words, kMaxWords + 1));
    e.words = static_cast<uint16_t>(words);  // saturates at 65535
    e.prose = words >= kProseWords && EndsSentence(s.text.text());
    // Already boilerplate, or protected by a keep rule: never marked here.
    e.candidate = !s.boilerplate && s.boilerplate_reason.empty() &&
                  words <= kMaxMarkedWords;
    fp.entries.push_back(e);
  }
  return fp;
}

std::vector<std::vector<uint32_t>> DecideCorpusBoilerplate(
    absl::Span<const CorpusFingerprint> docs) {
  const size_t n = docs.size();
  std::vector<std::vector<uint32_t>> marks(n);
  if (n < 2) return marks;
  // (text hash, document) for each distinct text of each document, sorted:
  // the documents of one text are then a run. A sorted vector, not a map of
  // vectors: 16 bytes per distinct segment.
  struct Occurrence {
    uint64_t hash;
    uint32_t doc;
    uint16_t words;  // of the text (equal texts have equal counts)
    bool prose;      // reporting prose (ditto)
    bool mark;       // decided below: mark this text in this document
    bool operator<(const Occurrence& o) const {
      return hash != o.hash ? hash < o.hash : doc < o.doc;
    }
  };
  std::vector<Occurrence> occ;
  std::vector<uint32_t> distinct(n, 0);
  // Words of each document's article text: its comparable segments less
  // the short ones its own signals already marked (menus, related links).
  std::vector<uint64_t> words(n, 0);
  {
    size_t total = 0;
    for (const CorpusFingerprint& fp : docs) total += fp.entries.size();
    occ.reserve(total);
    std::vector<CorpusFingerprint::Entry> entries;
    for (size_t d = 0; d < n; ++d) {
      entries = docs[d].entries;
      for (const auto& e : entries) {
        if (e.candidate || e.words > kMaxMarkedWords) words[d] += e.words;
      }
      std::sort(entries.begin(), entries.end(),
                [](const auto& x, const auto& y) { return x.hash < y.hash; });
      const size_t before = occ.size();
      for (size_t k = 0; k < entries.size(); ++k) {
        if (k > 0 && entries[k].hash == entries[k - 1].hash) continue;
        occ.push_back(Occurrence{entries[k].hash, static_cast<uint32_t>(d),
                                 entries[k].words, entries[k].prose, false});
      }
      distinct[d] = static_cast<uint32_t>(occ.size() - before);
    }
  }
  std::sort(occ.begin(), occ.end());
  // Calls fn(begin, end) for each run of one text.
  auto for_each_text = [&](const auto& fn) {
    for (size_t b = 0; b < occ.size();) {
      size_t e = b + 1;
      while (e < occ.size() && occ[e].hash == occ[b].hash) ++e;
      fn(b, e);
      b = e;
    }
  };
  // What each pair of documents shares (sums: independent of order).
  auto pair_key = [](uint32_t a, uint32_t b) {
    return (static_cast<uint64_t>(std::min(a, b)) << 32) | std::max(a, b);
  };
  struct Shared {
    uint32_t texts = 0;        // distinct comparable texts
    uint32_t prose = 0;        // of them reporting prose
    uint64_t prose_words = 0;  // words in those
  };
  absl::flat_hash_map<uint64_t, Shared> shared;
  for_each_text([&](size_t b, size_t e) {
    if (e - b < 2 || e - b > kManyDocs) return;
    for (size_t x = b; x < e; ++x) {
      for (size_t y = x + 1; y < e; ++y) {
        Shared& s = shared[pair_key(occ[x].doc, occ[y].doc)];
        ++s.texts;
        if (occ[x].prose) {
          ++s.prose;
          s.prose_words += occ[x].words;
        }
      }
    }
  });
  // Copies of one article (syndication, light edits): half their texts in
  // common, or 2+ reporting paragraphs holding a third of the shorter
  // one's words (an edited copy changes the short lines: headline, credits,
  // promos, but not the story).
  auto copies = [&](uint32_t a, uint32_t b) {
    auto it = shared.find(pair_key(a, b));
    if (it == shared.end()) return false;
    const Shared& s = it->second;
    if (static_cast<size_t>(s.texts) * 2 > std::min(distinct[a], distinct[b])) {
      return true;
    }
    return s.prose >= 2 && s.prose_words * 3 >= std::min(words[a], words[b]);
  };
  // A text is marked in a document when it is everywhere, or when some
  // other document holding it is not a copy of this one. Reporting prose
  // in just two documents is a quote or a shared source, not chrome: chrome
  // repeats across many pages, or is short or unpunctuated.
  for_each_text([&](size_t b, size_t e) {
    if (e - b < 2) return;
    if (e - b == 2 && occ[b].prose) return;
    for (size_t x = b; x < e; ++x) {
      bool mark = e - b > kManyDocs;
      for (size_t y = b; y < e && !mark; ++y) {
        mark = y != x && !copies(occ[x].doc, occ[y].doc);
      }
      occ[x].mark = mark;
    }
  });
  for (size_t d = 0; d < n; ++d) {
    for (const auto& e : docs[d].entries) {
      if (!e.candidate) continue;
      auto it = std::lower_bound(
          occ.begin(), occ.end(),
          Occurrence{e.hash, static_cast<uint32_t>(d), 0, false, false});
      if (it != occ.end() && it->hash == e.hash && it->doc == d && it->mark) {
        marks[d].push_back(e.segment);
      }
    }
  }
  return marks;
}

void ApplyCorpusBoilerplate(absl::Span<const uint32_t> segments,
                            SegmentedDocument* doc) {
  for (uint32_t i : segments) {
    if (i >= doc->segments.size()) continue;
    Segment& s = doc->segments[i];
    s.boilerplate = true;
    s.boilerplate_reason = "structure.shared-across-documents";
  }
}

void MarkCorpusBoilerplate(absl::Span<SegmentedDocument> docs) {
  if (docs.size() < 2) return;
  std::vector<CorpusFingerprint> fps;
  fps.reserve(docs.size());
  for (const SegmentedDocument& d : docs) {
    fps.push_back(FingerprintDocument(d));
  }
  std::vector<std::vector<uint32_t>> marks = DecideCorpusBoilerplate(fps);
  for (size_t d = 0; d < docs.size(); ++d) {
    ApplyCorpusBoilerplate(marks[d], &docs[d]);
  }
}

}  // namespace crosscheck::segment
