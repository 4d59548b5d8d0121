// Blocks -> segments. Text lines are first classified one by one, then
// grouped into units (paragraphs, list items, table rows, headings), then
// headings, the title and table headers are resolved with the context of
// their neighbours. Everything is a single pass or two over the lines.
#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "checker/segment/internal.h"
#include "checker/segment/segment.h"

namespace crosscheck::segment::internal {
namespace {

enum class LineType {
  kBlank,
  kAtxHeading,
  kSetextUnderline,  // "===" / "---" (a candidate; context decides)
  kTableSeparator,
  kTableRow,
  kListItem,
  kText,
};

struct Line {
  LineType type = LineType::kText;
  const Block* block = nullptr;
  size_t begin = 0;  // content bounds in block->text, trimmed, marker removed
  size_t end = 0;
  size_t indent = 0;  // leading spaces
  int level = 0;      // atx heading level
};

enum class UnitKind { kParagraph, kHeading, kListItem, kTableRow, kSep };

struct Unit {
  UnitKind kind = UnitKind::kParagraph;
  MappedText text;
  std::vector<Sentence> cells;    // table rows
  bool explicit_heading = false;  // markdown '#' / setext / HTML
  int level = 0;
  int lines = 0;
  bool blank_before = false;
  bool blank_after = false;
  bool is_title = false;
  bool header_row = false;
  bool from_html = false;  // structure given by the source: no inference
  std::string hint;
};

absl::string_view Text(const Line& l) {
  return absl::string_view(l.block->text.text())
      .substr(l.begin, l.end - l.begin);
}

// UTF-8 code points (lengths in "characters" for width heuristics), but
// stops counting past `limit` (returns limit + 1 then): every caller only
// compares short lengths, and whole paragraphs arrive here as lines.
size_t CodePointsUpTo(absl::string_view s, size_t limit) {
  size_t n = 0;
  for (char c : s) {
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (n > limit) break;
  }
  return n;
}

bool OnlyChars(absl::string_view s, absl::string_view allowed) {
  for (char c : s) {
    if (allowed.find(c) == absl::string_view::npos) return false;
  }
  return true;
}

// Bounds of `t` without surrounding whitespace (incl. no-break spaces).
void TrimBounds(absl::string_view t, size_t* b, size_t* e) {
  absl::string_view sub = t.substr(*b, *e - *b);
  absl::string_view trimmed = TrimSpace(sub);
  if (trimmed.empty()) {
    *e = *b;
    return;
  }
  *b += static_cast<size_t>(trimmed.data() - sub.data());
  *e = *b + trimmed.size();
}

Line Classify(const Block& block) {
  Line l;
  l.block = &block;
  absl::string_view t = block.text.text();
  l.begin = 0;
  l.end = t.size();
  while (l.indent < t.size() && (t[l.indent] == ' ' || t[l.indent] == '\t')) {
    ++l.indent;
  }
  TrimBounds(t, &l.begin, &l.end);
  absl::string_view s = t.substr(l.begin, l.end - l.begin);
  if (s.empty()) {
    l.type = LineType::kBlank;
    return l;
  }
  // "# Heading", up to six marks, then a space (or nothing).
  if (s[0] == '#') {
    size_t k = 0;
    while (k < s.size() && s[k] == '#') ++k;
    if (k <= 6 && (k == s.size() || s[k] == ' ' || s[k] == '\t')) {
      l.type = LineType::kAtxHeading;
      l.level = static_cast<int>(k);
      size_t b = l.begin + k, e = l.end;
      // Closing "###" marks are decoration.
      while (e > b && t[e - 1] == '#') --e;
      TrimBounds(t, &b, &e);
      l.begin = b;
      l.end = e;
      return l;
    }
  }
  if (s.size() >= 2 && (OnlyChars(s, "=") || OnlyChars(s, "-"))) {
    l.type = LineType::kSetextUnderline;
    return l;
  }
  if (absl::StrContains(s, "|") && absl::StrContains(s, "-") &&
      OnlyChars(s, "|:- \t")) {
    l.type = LineType::kTableSeparator;
    return l;
  }
  if (s[0] == '|' && s.size() >= 2 &&
      std::count(s.begin(), s.end(), '|') >= 2) {
    l.type = LineType::kTableRow;
    return l;
  }
  // List markers; the marker and its space are not part of the text.
  size_t marker = 0;
  if ((s[0] == '-' || s[0] == '*' || s[0] == '+') && s.size() > 2 &&
      s[1] == ' ') {
    marker = 2;
  } else if (absl::StartsWith(s, "\xE2\x80\xA2") && s.size() > 4 &&
             (s[3] == ' ' || s[3] == '\t')) {
    marker = 4;  // "• "
  } else {
    size_t k = 0;
    while (k < s.size() && k < 4 && absl::ascii_isdigit(s[k])) ++k;
    if (k >= 1 && k <= 3 && k + 2 < s.size() && (s[k] == '.' || s[k] == ')') &&
        s[k + 1] == ' ') {
      marker = k + 2;
    }
  }
  if (marker > 0) {
    size_t b = l.begin + marker, e = l.end;
    TrimBounds(t, &b, &e);
    if (e > b) {
      l.type = LineType::kListItem;
      l.begin = b;
      l.end = e;
      return l;
    }
  }
  l.type = LineType::kText;
  return l;
}

// Appends line content to a unit's text, joining with a space that maps to
// the line break between them.
void AppendLine(const Line& l, Unit* u) {
  MappedText piece = l.block->text.Slice(l.begin, l.end);
  ++u->lines;
  if (u->text.empty()) {
    u->text = std::move(piece);
    return;
  }
  if (!piece.empty()) {
    u->text.AppendReplacement(
        " ", u->text.OriginOf(u->text.size()),
        std::max(u->text.OriginOf(u->text.size()), piece.OriginOf(0)));
  }
  u->text.Append(piece);
}

// Splits a markdown row "| a | b |" into cells; the unit text becomes the
// cells joined by " | " so that offsets into it stay simple.
void BuildMarkdownRow(const Line& l, Unit* u) {
  absl::string_view t = l.block->text.text();
  size_t b = l.begin, e = l.end;
  if (b < e && t[b] == '|') ++b;
  if (e > b && t[e - 1] == '|' && (e < 2 || t[e - 2] != '\\')) --e;
  std::vector<std::pair<size_t, size_t>> cells;
  size_t cell_begin = b;
  for (size_t i = b; i <= e; ++i) {
    if (i == e || (t[i] == '|' && (i == b || t[i - 1] != '\\'))) {
      size_t cb = cell_begin, ce = i;
      TrimBounds(t, &cb, &ce);
      cells.emplace_back(cb, ce);
      cell_begin = i + 1;
    }
  }
  const MappedText& src = l.block->text;
  for (size_t c = 0; c < cells.size(); ++c) {
    if (c > 0) {
      uint32_t sep_begin = src.OriginOf(cells[c - 1].second);
      uint32_t sep_end = std::max(sep_begin, src.OriginOf(cells[c].first));
      u->text.AppendReplacement(" | ", sep_begin, sep_end);
    }
    const uint32_t cb = static_cast<uint32_t>(u->text.size());
    u->text.Append(src.Slice(cells[c].first, cells[c].second));
    u->cells.push_back(Sentence{cb, static_cast<uint32_t>(u->text.size())});
  }
  u->lines = 1;
}

// The same for an HTML row whose cells came mapped from ingestion.
void BuildHtmlRow(const Block& block, Unit* u) {
  if (block.cells.empty()) {
    absl::string_view t = block.text.text();
    size_t b = 0, e = t.size();
    TrimBounds(t, &b, &e);
    u->text = block.text.Slice(b, e);
    u->cells.push_back(Sentence{0, static_cast<uint32_t>(u->text.size())});
    return;
  }
  uint32_t last_end = block.text.empty() ? 0 : block.text.OriginOf(0);
  for (size_t c = 0; c < block.cells.size(); ++c) {
    const MappedText& cell = block.cells[c];
    size_t b = 0, e = cell.size();
    TrimBounds(cell.text(), &b, &e);
    MappedText piece = cell.Slice(b, e);
    if (c > 0) {
      uint32_t next = piece.empty() ? last_end : piece.OriginOf(0);
      u->text.AppendReplacement(" | ", last_end, std::max(last_end, next));
    }
    const uint32_t cb = static_cast<uint32_t>(u->text.size());
    u->text.Append(piece);
    u->cells.push_back(Sentence{cb, static_cast<uint32_t>(u->text.size())});
    if (!piece.empty()) last_end = piece.OriginOf(piece.size());
  }
}

bool EndsSentence(absl::string_view s) {
  if (s.empty()) return false;
  // Closing quotes after the punctuation.
  while (!s.empty() && (s.back() == '"' || s.back() == '\'' ||
                        s.back() == ')' || s.back() == ']')) {
    s.remove_suffix(1);
  }
  if (absl::EndsWith(s, "\xE2\x80\x9D") || absl::EndsWith(s, "\xE2\x80\x99")) {
    s.remove_suffix(3);
  }
  if (s.empty()) return false;
  char c = s.back();
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' ||
         absl::EndsWith(s, "\xE2\x80\xA6");
}

bool StartsLowercase(absl::string_view s) {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (absl::ascii_islower(c)) return true;
  // Latin-1 lowercase letters (é, à, ü, ...).
  return c == 0xC3 && s.size() > 1 && static_cast<unsigned char>(s[1]) >= 0x9F;
}

// A line that ends mid-sentence: a letter, digit, comma or hyphen.
bool EndsMidSentence(absl::string_view s) {
  if (s.empty()) return false;
  char c = s.back();
  return absl::ascii_isalnum(c) || c == ',' || c == '-' ||
         (static_cast<unsigned char>(c) >= 0x80 && !EndsSentence(s));
}

// Mostly capitalised: of the words that start with a letter and are either
// first or at least four letters long, 60% or more start uppercase.
bool MostlyCapitalised(absl::string_view s) {
  int considered = 0, capital = 0;
  bool first = true;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpaceByte(s[i])) ++i;
    size_t b = i;
    while (i < s.size() && !IsSpaceByte(s[i])) ++i;
    absl::string_view w = s.substr(b, i - b);
    if (w.empty()) break;
    // Skip opening punctuation.
    while (!w.empty() && !absl::ascii_isalnum(w[0]) &&
           static_cast<unsigned char>(w[0]) < 0x80) {
      w.remove_prefix(1);
    }
    if (w.empty()) continue;
    unsigned char c = static_cast<unsigned char>(w[0]);
    bool upper =
        absl::ascii_isupper(c) || absl::ascii_isdigit(c) ||
        (c == 0xC3 && w.size() > 1 && static_cast<unsigned char>(w[1]) < 0x9F);
    bool letter = absl::ascii_isalpha(c) || absl::ascii_isdigit(c) || c >= 0x80;
    if (letter && (first || CodePointsUpTo(w, 4) >= 4)) {
      ++considered;
      capital += upper;
    }
    first = false;
  }
  return considered > 0 && capital * 10 >= considered * 6;
}

bool HasLetter(absl::string_view s) {
  for (char c : s) {
    if (absl::ascii_isalpha(c) || static_cast<unsigned char>(c) >= 0xC3) {
      return true;
    }
  }
  return false;
}

// The shape of a plain-text heading, before context: short, no terminal
// punctuation, has a letter, no pipe, not a quotation.
bool HeadingShaped(absl::string_view s) {
  if (s.empty() || CodePointsUpTo(s, 90) > 90 || CountWordsUpTo(s, 12) > 12) {
    return false;
  }
  if (EndsSentence(s) || s.back() == ',' || !HasLetter(s)) return false;
  if (absl::StrContains(s, "|")) return false;
  if (s[0] == '"' || s[0] == '\'' || absl::StartsWith(s, "\xE2\x80\x9C")) {
    return false;
  }
  return true;
}

// Groups a run of kLine blocks into units.
void GroupLines(absl::Span<const Block> blocks, std::vector<Unit>* units) {
  std::vector<Line> lines;
  lines.reserve(blocks.size());
  for (const Block& b : blocks) lines.push_back(Classify(b));

  // Is the document hard-wrapped? Most text lines filled to one width, and
  // almost none longer than a terminal line.
  size_t n_text = 0, n_mid = 0, n_long = 0, width = 0;
  for (const Line& l : lines) {
    if (l.type != LineType::kText) continue;
    // Past 100 only "long" matters.
    size_t len = CodePointsUpTo(Text(l), 100);
    ++n_text;
    if (len >= 40 && len <= 100) ++n_mid;
    if (len > 100) ++n_long;
    if (len <= 100) width = std::max(width, len);
  }
  const bool wrapped =
      n_text >= 4 && n_mid * 10 >= n_text * 6 && n_long * 20 <= n_text;

  Unit cur;
  bool open = false;
  bool blank_before = true;
  auto flush = [&](bool blank_after) {
    if (!open) return;
    cur.blank_after = blank_after;
    units->push_back(std::move(cur));
    cur = Unit();
    open = false;
  };
  auto start = [&](UnitKind kind, const Line& l) {
    cur = Unit();
    cur.kind = kind;
    cur.blank_before = blank_before;
    cur.hint = l.block->container_hint;
    open = true;
    blank_before = false;
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    switch (l.type) {
      case LineType::kBlank:
        flush(true);
        blank_before = true;
        break;
      case LineType::kAtxHeading:
        flush(false);
        start(UnitKind::kHeading, l);
        cur.explicit_heading = true;
        cur.level = l.level;
        AppendLine(l, &cur);
        flush(false);
        break;
      case LineType::kSetextUnderline:
        // Underlines a one-line paragraph just above; otherwise a rule.
        if (open && cur.kind == UnitKind::kParagraph && cur.lines == 1) {
          cur.kind = UnitKind::kHeading;
          cur.explicit_heading = true;
          cur.level = Text(l)[0] == '=' ? 1 : 2;
          flush(false);
        } else {
          flush(false);
          start(UnitKind::kParagraph, l);
          AppendLine(l, &cur);
          flush(false);
        }
        break;
      case LineType::kTableSeparator:
        // Marks the row above as the header; the separator itself is not
        // kept as a segment.
        if (open && cur.kind == UnitKind::kTableRow) cur.header_row = true;
        flush(false);
        start(UnitKind::kSep, l);
        flush(false);
        break;
      case LineType::kTableRow:
        flush(false);
        start(UnitKind::kTableRow, l);
        BuildMarkdownRow(l, &cur);
        break;
      case LineType::kListItem:
        flush(false);
        start(UnitKind::kListItem, l);
        AppendLine(l, &cur);
        break;
      case LineType::kText: {
        absl::string_view s = Text(l);
        bool join = false;
        if (open && (cur.kind == UnitKind::kParagraph ||
                     cur.kind == UnitKind::kListItem)) {
          absl::string_view prev = cur.text.text();
          if (cur.kind == UnitKind::kListItem) {
            // Continuation of a list item: indented, or mid-sentence.
            join =
                l.indent > 0 || (EndsMidSentence(prev) && StartsLowercase(s));
          } else if (EndsMidSentence(prev) && StartsLowercase(s)) {
            join = true;
          } else if (wrapped && width > 0) {
            // The previous physical line was filled close to the width and
            // stops mid-sentence. A line that ends a sentence is not joined:
            // splitting a paragraph at a sentence costs little, merging two
            // one-line paragraphs would cost more.
            const Line& p = lines[i - 1];
            join = p.type == LineType::kText &&
                   CodePointsUpTo(Text(p), 100) * 10 >= width * 6 &&
                   !EndsSentence(prev);
          }
        }
        if (join) {
          AppendLine(l, &cur);
        } else {
          flush(false);
          start(UnitKind::kParagraph, l);
          AppendLine(l, &cur);
        }
        break;
      }
    }
  }
  flush(true);
}

void MapBlock(const Block& b, std::vector<Unit>* units) {
  Unit u;
  u.hint = b.container_hint;
  u.from_html = true;
  u.lines = 1;
  u.blank_before = u.blank_after = true;
  if (b.kind == BlockKind::kTableRow) {
    u.kind = UnitKind::kTableRow;
    u.header_row = b.is_header;
    BuildHtmlRow(b, &u);
    bool any = false;
    for (const Sentence& c : u.cells) any |= c.end > c.begin;
    if (!any) return;
    units->push_back(std::move(u));
    return;
  }
  absl::string_view t = b.text.text();
  size_t bb = 0, e = t.size();
  TrimBounds(t, &bb, &e);
  if (e <= bb) return;
  u.text = b.text.Slice(bb, e);
  switch (b.kind) {
    case BlockKind::kTitle:
      u.kind = UnitKind::kHeading;
      u.explicit_heading = true;
      u.is_title = true;
      break;
    case BlockKind::kHeading:
      u.kind = UnitKind::kHeading;
      u.explicit_heading = true;
      u.level = 2;
      break;
    case BlockKind::kListItem:
      u.kind = UnitKind::kListItem;
      break;
    default:
      u.kind = UnitKind::kParagraph;
      break;
  }
  units->push_back(std::move(u));
}

// Plain-text headings and the title, which need the neighbouring units.
void ResolveHeadings(std::vector<Unit>* units) {
  std::vector<Unit>& us = *units;
  bool have_title = false;
  for (const Unit& u : us) have_title |= u.is_title;
  bool seen_real_paragraph = false;
  for (size_t i = 0; i < us.size(); ++i) {
    Unit& u = us[i];
    if (u.kind == UnitKind::kSep) continue;
    if (u.kind == UnitKind::kParagraph && u.lines == 1 && !u.from_html) {
      absl::string_view s = u.text.text();
      size_t next = i + 1;
      while (next < us.size() && us[next].kind == UnitKind::kSep) ++next;
      bool followed = next < us.size();
      if (HeadingShaped(s) && followed &&
          (MostlyCapitalised(s) || (u.blank_before && u.blank_after))) {
        u.kind = UnitKind::kHeading;
      }
    }
    if (u.kind == UnitKind::kHeading && !have_title && !seen_real_paragraph &&
        (!u.explicit_heading || u.level <= 1)) {
      u.is_title = true;
      have_title = true;
    }
    if (!seen_real_paragraph &&
        (u.kind == UnitKind::kParagraph || u.kind == UnitKind::kListItem)) {
      absl::string_view s = u.text.text();
      if (CountWordsUpTo(s, 15) >= 15 && !EndsWithEllipsis(s)) {
        seen_real_paragraph = true;
      }
    }
    // Only the first few units can hold the title.
    if (i >= 6) seen_real_paragraph = true;
  }
}

}  // namespace

void BuildSegments(const Document& doc, std::vector<Segment>* segments,
                   std::vector<std::string>* hints) {
  std::vector<Unit> units;
  const std::vector<Block>& blocks = doc.blocks;
  units.reserve(blocks.size());
  segments->reserve(segments->size() + blocks.size());
  hints->reserve(hints->size() + blocks.size());
  size_t i = 0;
  while (i < blocks.size()) {
    if (blocks[i].container_hint == "front-matter") {
      ++i;
      continue;
    }
    if (blocks[i].kind == BlockKind::kLine) {
      size_t j = i;
      while (j < blocks.size() && blocks[j].kind == BlockKind::kLine &&
             blocks[j].container_hint != "front-matter") {
        ++j;
      }
      GroupLines(absl::MakeConstSpan(blocks.data() + i, j - i), &units);
      i = j;
      continue;
    }
    MapBlock(blocks[i], &units);
    ++i;
  }
  ResolveHeadings(&units);

  // Table headers: a header row names the columns of the rows below it
  // until the table ends (any unit that is not a row or separator).
  std::vector<std::string> headers;
  for (Unit& u : units) {
    if (u.kind == UnitKind::kSep) continue;
    Segment seg;
    seg.index = static_cast<int>(segments->size());
    switch (u.kind) {
      case UnitKind::kHeading:
        seg.kind = u.is_title ? SegmentKind::kTitle : SegmentKind::kHeading;
        break;
      case UnitKind::kListItem:
        seg.kind = SegmentKind::kListItem;
        break;
      case UnitKind::kTableRow:
        seg.kind = SegmentKind::kTableRow;
        break;
      default:
        seg.kind = SegmentKind::kParagraph;
        break;
    }
    if (u.kind == UnitKind::kTableRow) {
      if (u.header_row) {
        headers.clear();
        for (const Sentence& c : u.cells) {
          headers.push_back(u.text.text().substr(c.begin, c.end - c.begin));
        }
      }
      seg.column_headers = headers;
      seg.column_headers.resize(u.cells.size());
      for (const Sentence& c : u.cells) {
        if (c.end <= c.begin) continue;
        absl::string_view cell =
            absl::string_view(u.text.text()).substr(c.begin, c.end - c.begin);
        for (const Sentence& s : SplitSentences(cell)) {
          seg.sentences.push_back(Sentence{c.begin + s.begin, c.begin + s.end});
        }
      }
      seg.cells = std::move(u.cells);
    } else {
      headers.clear();
      seg.sentences = SplitSentences(u.text.text());
    }
    seg.text = std::move(u.text);
    segments->push_back(std::move(seg));
    hints->push_back(std::move(u.hint));
  }
}

}  // namespace crosscheck::segment::internal
