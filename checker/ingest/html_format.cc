// HTML: a real HTML5 parser (gumbo) builds the tree; we walk it with an
// explicit stack (pages nest deeply, adversarial ones 100,000 levels) and
// emit blocks whose text maps back to the exact source bytes: each text
// node's original_text (entities still encoded) is normalized from its
// source offset, so "&rsquo;" maps to its 7 bytes.
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "checker/ingest/dateline.h"
#include "checker/ingest/formats.h"
#include "checker/ingest/normalize.h"
#include "nlohmann/json.hpp"

namespace crosscheck::ingest::internal {
namespace {

// ---------------------------------------------------------------------------
// Tag roles.

enum class Role {
  kInline,     // descend, text flows into the enclosing block
  kDrop,       // skip the subtree
  kHeader,     // <header>: dropped unless inside <article>/<main>
  kHeading,    // h1-h6
  kParagraph,  // p
  kListItem,   // li, dt, dd
  kContainer,  // div, section, ...: its direct text runs are paragraphs
  kAside,      // figcaption, caption, ...: its runs are kOther
  kBreak,      // br, hr: split the current block
  kTable,      // table, thead, tbody, ...: a block boundary
  kRow,        // tr
  kCell,       // td, th
  kTitle,      // <title>
};

struct TagTable {
  std::array<Role, GUMBO_TAG_LAST + 1> role;
  TagTable() {
    role.fill(Role::kInline);
    const flat_hash_map_type& names = Names();
    for (int t = 0; t < GUMBO_TAG_LAST; ++t) {
      const char* name = gumbo_normalized_tagname(static_cast<GumboTag>(t));
      if (name == nullptr) continue;
      auto it = names.find(name);
      if (it != names.end()) role[t] = it->second;
    }
  }
  using flat_hash_map_type = absl::flat_hash_map<absl::string_view, Role>;
  static const flat_hash_map_type& Names() {
    static const auto* m = new flat_hash_map_type{
        {"script", Role::kDrop},
        {"style", Role::kDrop},
        {"noscript", Role::kDrop},
        {"template", Role::kDrop},
        {"nav", Role::kDrop},
        {"footer", Role::kDrop},
        {"aside", Role::kDrop},
        {"form", Role::kDrop},
        {"iframe", Role::kDrop},
        {"svg", Role::kDrop},
        {"math", Role::kDrop},
        {"button", Role::kDrop},
        {"select", Role::kDrop},
        {"textarea", Role::kDrop},
        {"object", Role::kDrop},
        {"embed", Role::kDrop},
        {"canvas", Role::kDrop},
        {"video", Role::kDrop},
        {"audio", Role::kDrop},
        {"map", Role::kDrop},
        {"dialog", Role::kDrop},
        {"menu", Role::kDrop},
        {"header", Role::kHeader},
        {"h1", Role::kHeading},
        {"h2", Role::kHeading},
        {"h3", Role::kHeading},
        {"h4", Role::kHeading},
        {"h5", Role::kHeading},
        {"h6", Role::kHeading},
        {"p", Role::kParagraph},
        {"li", Role::kListItem},
        {"dt", Role::kListItem},
        {"dd", Role::kListItem},
        {"div", Role::kContainer},
        {"section", Role::kContainer},
        {"article", Role::kContainer},
        {"main", Role::kContainer},
        {"body", Role::kContainer},
        {"html", Role::kContainer},
        {"blockquote", Role::kContainer},
        {"pre", Role::kContainer},
        {"center", Role::kContainer},
        {"ul", Role::kContainer},
        {"ol", Role::kContainer},
        {"dl", Role::kContainer},
        {"figure", Role::kContainer},
        {"hgroup", Role::kContainer},
        {"fieldset", Role::kContainer},
        {"listing", Role::kContainer},
        {"xmp", Role::kContainer},
        {"figcaption", Role::kAside},
        {"caption", Role::kAside},
        {"address", Role::kAside},
        {"details", Role::kAside},
        {"summary", Role::kAside},
        {"legend", Role::kAside},
        {"br", Role::kBreak},
        {"hr", Role::kBreak},
        {"table", Role::kTable},
        {"thead", Role::kTable},
        {"tbody", Role::kTable},
        {"tfoot", Role::kTable},
        {"tr", Role::kRow},
        {"td", Role::kCell},
        {"th", Role::kCell},
        {"title", Role::kTitle},
        {"head", Role::kContainer},
    };
    return *m;
  }
};

Role RoleOf(GumboTag tag) {
  static const TagTable* table = new TagTable;
  return table->role[std::min<int>(tag, GUMBO_TAG_LAST)];
}

bool TagIs(const GumboNode* n, GumboTag tag) {
  return n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == tag;
}

// ---------------------------------------------------------------------------
// Attributes and chrome hints.

absl::string_view Attr(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) {
    return {};
  }
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a == nullptr ? absl::string_view() : absl::string_view(a->value);
}

// Words of a class / id value: split on non-alphanumerics and camelCase.
template <typename F>
void ForEachWord(absl::string_view v, F f) {
  size_t begin = 0;
  for (size_t i = 0; i <= v.size(); ++i) {
    const bool end = i == v.size() || !absl::ascii_isalnum(v[i]) ||
                     (i > begin && absl::ascii_isupper(v[i]) &&
                      absl::ascii_islower(v[i - 1]));
    if (!end) continue;
    if (i > begin) f(absl::AsciiStrToLower(v.substr(begin, i - begin)));
    begin = (i < v.size() && absl::ascii_isalnum(v[i])) ? i : i + 1;
  }
}

// Class/id words that mark page chrome rather than article text, mapped to
// the hint the segmenter reads.
absl::string_view ChromeHint(absl::string_view word) {
  static const auto* m =
      new absl::flat_hash_map<absl::string_view, absl::string_view>{
          {"related", "related"},
          {"comment", "comments"},
          {"comments", "comments"},
          {"share", "share"},
          {"sharing", "share"},
          {"social", "social"},
          {"newsletter", "newsletter"},
          {"promo", "promo"},
          {"promotion", "promo"},
          {"advert", "ad"},
          {"advertisement", "ad"},
          {"ad", "ad"},
          {"ads", "ad"},
          {"sponsored", "ad"},
          {"sidebar", "sidebar"},
          {"subscribe", "subscribe"},
          {"subscription", "subscribe"},
          {"paywall", "subscribe"},
          {"cookie", "cookie"},
          {"cookies", "cookie"},
          {"consent", "cookie"},
          {"footer", "footer"},
          {"breadcrumb", "breadcrumb"},
          {"breadcrumbs", "breadcrumb"},
          {"teaser", "teaser"},
          {"teasers", "teaser"},
          {"recommended", "recommended"},
          {"recommendations", "recommended"},
          {"popular", "popular"},
          {"trending", "popular"},
          {"signin", "login"},
          {"login", "login"},
          {"outbrain", "recommended"},
          {"taboola", "recommended"},
      };
  auto it = m->find(word);
  return it == m->end() ? absl::string_view() : it->second;
}

void AddHintWord(absl::string_view word, std::string* hint) {
  if (word.empty()) return;
  for (absl::string_view w : absl::StrSplit(*hint, ' ', absl::SkipEmpty())) {
    if (w == word) return;
  }
  if (!hint->empty()) hint->push_back(' ');
  hint->append(word.data(), word.size());
}

void AddElementHints(const GumboNode* n, std::string* hint) {
  const auto add = [&](const std::string& w) {
    AddHintWord(ChromeHint(w), hint);
  };
  ForEachWord(Attr(n, "class"), add);
  ForEachWord(Attr(n, "id"), add);
  const absl::string_view role = Attr(n, "role");
  if (role == "complementary") AddHintWord("sidebar", hint);
  if (role == "contentinfo") AddHintWord("footer", hint);
  if (TagIs(n, GUMBO_TAG_BLOCKQUOTE)) AddHintWord("blockquote", hint);
  if (TagIs(n, GUMBO_TAG_FIGCAPTION)) AddHintWord("figcaption", hint);
}

bool IsHidden(const GumboNode* n) {
  if (gumbo_get_attribute(&n->v.element.attributes, "hidden") != nullptr) {
    return true;
  }
  if (Attr(n, "aria-hidden") == "true") return true;
  std::string style = absl::AsciiStrToLower(Attr(n, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return absl::StrContains(style, "display:none") ||
         absl::StrContains(style, "visibility:hidden");
}

// ---------------------------------------------------------------------------
// Memory: gumbo 0.10 frees its tree recursively, which overflows the stack
// on deeply nested input. Every allocation is linked into a list instead and
// the whole list is released at once.

struct AllocHeader {
  AllocHeader* prev;
  AllocHeader* next;
  alignas(std::max_align_t) unsigned char data[];
};

struct Arena {
  AllocHeader head{&head, &head};
  ~Arena() {
    AllocHeader* h = head.next;
    while (h != &head) {
      AllocHeader* next = h->next;
      std::free(h);
      h = next;
    }
  }
};

void* ArenaAlloc(void* userdata, size_t size) {
  auto* arena = static_cast<Arena*>(userdata);
  auto* h = static_cast<AllocHeader*>(std::malloc(sizeof(AllocHeader) + size));
  if (h == nullptr) std::abort();  // as gumbo's own allocator would crash
  h->prev = &arena->head;
  h->next = arena->head.next;
  arena->head.next->prev = h;
  arena->head.next = h;
  return h->data;
}

void ArenaFree(void*, void* ptr) {
  if (ptr == nullptr) return;
  auto* h = reinterpret_cast<AllocHeader*>(static_cast<unsigned char*>(ptr) -
                                           offsetof(AllocHeader, data));
  h->prev->next = h->next;
  h->next->prev = h->prev;
  std::free(h);
}

// ---------------------------------------------------------------------------
// Depth guard. gumbo's tree builder scans its open-element stack for many
// start tags (div, b, blockquote: "is there a p in button scope?"), so
// input nested tens of thousands deep parses in quadratic time. Estimate
// that cost in one linear pass; past the budget the page is read without
// structure.

constexpr uint64_t kCostBudget = 200'000'000;

bool TooCostlyForTree(absl::string_view html) {
  static const auto* cheap = new absl::flat_hash_map<absl::string_view, int>{
      // 0: cheap to nest (no scope scans); 1: void or auto-closing, no depth.
      {"span", 0}, {"a", 0},     {"li", 1},     {"p", 1},    {"td", 1},
      {"th", 1},   {"tr", 1},    {"dt", 1},     {"dd", 1},   {"option", 1},
      {"br", 1},   {"img", 1},   {"meta", 1},   {"link", 1}, {"input", 1},
      {"hr", 1},   {"wbr", 1},   {"source", 1}, {"area", 1}, {"base", 1},
      {"col", 1},  {"embed", 1}, {"param", 1},  {"track", 1}};
  uint64_t depth = 0, cost = 0;
  size_t i = 0;
  while ((i = html.find('<', i)) != absl::string_view::npos) {
    ++i;
    if (i >= html.size()) break;
    const bool end = html[i] == '/';
    size_t b = end ? i + 1 : i;
    size_t e = b;
    while (e < html.size() && e - b < 16 && absl::ascii_isalnum(html[e])) ++e;
    if (e == b) continue;
    const std::string name = absl::AsciiStrToLower(html.substr(b, e - b));
    auto it = cheap->find(name);
    if (it != cheap->end() && it->second == 1) continue;
    if (end) {
      if (depth > 0) --depth;
      continue;
    }
    const size_t close = html.find('>', e);
    if (close != absl::string_view::npos && close > 0 &&
        html[close - 1] == '/') {
      continue;  // self-closing
    }
    ++depth;
    if (it == cheap->end()) cost += depth;
    if (cost > kCostBudget) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// The tree walk.

class HtmlWalker {
 public:
  HtmlWalker(absl::string_view text, const IngestOptions& options,
             Document* doc)
      : text_(text), options_(options), doc_(doc) {
    NormalizeOptions o;
    o.collapse_whitespace = true;
    norm_options_ = o;
  }

  void Run(const GumboNode* root);
  const Utf8Issues& issues() const { return issues_; }

 private:
  // Where text goes: a block being built, a table row, or a cell in it.
  struct Sink {
    enum Type { kBlock, kRow, kCell } type;
    BlockKind kind = BlockKind::kParagraph;
    std::string hint;
    MappedText text;
    Normalizer norm;
    std::vector<MappedText> cells;  // kRow
    bool header = false;            // kRow: in <thead>
    bool all_th = true;             // kRow
  };

  struct Frame {
    const GumboNode* node;
    unsigned next_child = 0;
    bool pushed_sink = false;
    bool separate = false;  // block inside a cell: add a space on exit
    size_t hint_size = 0;
    int article_depth = 0;
  };

  Sink& Top() { return sinks_.back(); }
  Sink NewSink(Sink::Type type, BlockKind kind) {
    Sink s{type, kind, hint_, {}, Normalizer(norm_options_), {}, false, true};
    return s;
  }
  void Enter(const GumboNode* n, std::vector<Frame>* stack);
  void Exit(const Frame& f);
  void AddText(const GumboNode* n);
  void FlushBlock(Sink* s);
  void EmitTitle(const GumboNode* title);
  void Collect(Sink* s) {
    const Utf8Issues& i = s->norm.utf8_issues();
    if (i.invalid_bytes > 0) {
      if (issues_.invalid_bytes == 0 || i.first_offset < issues_.first_offset) {
        issues_.first_offset = i.first_offset;
        issues_.first_byte = i.first_byte;
      }
      issues_.invalid_bytes += i.invalid_bytes;
    }
  }

  absl::string_view text_;
  const IngestOptions& options_;
  Document* doc_;
  NormalizeOptions norm_options_;
  std::vector<Sink> sinks_;
  std::string hint_;
  int article_depth_ = 0;
  int thead_depth_ = 0;
  bool title_done_ = false;
  Utf8Issues issues_;
};

void HtmlWalker::Run(const GumboNode* root) {
  sinks_.push_back(NewSink(Sink::kBlock, BlockKind::kParagraph));
  std::vector<Frame> stack;
  stack.reserve(64);
  Enter(root, &stack);
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboVector* children = f.node->type == GUMBO_NODE_DOCUMENT
                                      ? &f.node->v.document.children
                                      : &f.node->v.element.children;
    if (f.next_child < children->length) {
      const auto* child =
          static_cast<const GumboNode*>(children->data[f.next_child++]);
      Enter(child, &stack);  // may reallocate `stack`; f is not used after
      continue;
    }
    Frame done = f;
    stack.pop_back();
    Exit(done);
  }
  while (!sinks_.empty()) {
    Collect(&Top());
    if (Top().type == Sink::kBlock) FlushBlock(&Top());
    sinks_.pop_back();
  }
}

void HtmlWalker::Enter(const GumboNode* n, std::vector<Frame>* stack) {
  switch (n->type) {
    case GUMBO_NODE_DOCUMENT:
      stack->push_back(Frame{n, 0, false, false, hint_.size(), article_depth_});
      return;
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
      AddText(n);
      return;
    case GUMBO_NODE_COMMENT:
    case GUMBO_NODE_TEMPLATE:
      return;
    case GUMBO_NODE_ELEMENT:
      break;
  }
  const GumboElement& el = n->v.element;
  if (el.tag_namespace != GUMBO_NAMESPACE_HTML) return;  // svg, math
  Role role = RoleOf(el.tag);
  if (role == Role::kHeader && article_depth_ == 0) role = Role::kDrop;
  if (role == Role::kDrop || IsHidden(n)) return;
  if (role == Role::kTitle) {
    if (!title_done_) EmitTitle(n);
    title_done_ = true;
    return;
  }
  Frame f{n, 0, false, false, hint_.size(), article_depth_};
  AddElementHints(n, &hint_);
  if (el.tag == GUMBO_TAG_ARTICLE || el.tag == GUMBO_TAG_MAIN) {
    ++article_depth_;
  }
  if (el.tag == GUMBO_TAG_THEAD) ++thead_depth_;
  const bool in_cell = Top().type == Sink::kCell;
  switch (role) {
    case Role::kBreak:
      if (in_cell) {
        Top().norm.Append(" ", n->v.element.start_pos.offset, &Top().text);
      } else if (Top().type == Sink::kBlock) {
        FlushBlock(&Top());
      }
      break;
    case Role::kHeading:
    case Role::kParagraph:
    case Role::kListItem:
    case Role::kContainer:
    case Role::kAside:
    case Role::kHeader:
    case Role::kTable: {
      if (in_cell || Top().type == Sink::kRow) {
        f.separate = in_cell;
        break;
      }
      FlushBlock(&Top());
      BlockKind kind = BlockKind::kParagraph;
      if (role == Role::kHeading) kind = BlockKind::kHeading;
      if (role == Role::kListItem) kind = BlockKind::kListItem;
      if (role == Role::kAside) kind = BlockKind::kOther;
      // A paragraph or div inside a list item is still the list item.
      if ((role == Role::kParagraph || role == Role::kContainer) &&
          Top().kind == BlockKind::kListItem) {
        kind = BlockKind::kListItem;
      }
      sinks_.push_back(NewSink(Sink::kBlock, kind));
      f.pushed_sink = true;
      break;
    }
    case Role::kRow: {
      if (in_cell) {  // nested table: its rows are text of the outer cell
        f.separate = true;
        break;
      }
      if (Top().type == Sink::kBlock) FlushBlock(&Top());
      Sink row = NewSink(Sink::kRow, BlockKind::kTableRow);
      row.header = thead_depth_ > 0;
      sinks_.push_back(std::move(row));
      f.pushed_sink = true;
      break;
    }
    case Role::kCell:
      if (Top().type == Sink::kRow) {
        if (el.tag != GUMBO_TAG_TH) Top().all_th = false;
        sinks_.push_back(NewSink(Sink::kCell, BlockKind::kTableRow));
        f.pushed_sink = true;
      } else if (in_cell) {
        f.separate = true;
      }
      break;
    default:
      break;
  }
  stack->push_back(f);
}

void HtmlWalker::Exit(const Frame& f) {
  const GumboNode* n = f.node;
  if (n->type == GUMBO_NODE_ELEMENT) {
    if (n->v.element.tag == GUMBO_TAG_ARTICLE ||
        n->v.element.tag == GUMBO_TAG_MAIN) {
      --article_depth_;
    }
    if (n->v.element.tag == GUMBO_TAG_THEAD) --thead_depth_;
  }
  if (f.separate && Top().type == Sink::kCell) {
    const uint32_t at = n->v.element.end_pos.offset;
    Top().norm.Append(" ", at, &Top().text);
  }
  if (f.pushed_sink) {
    Sink s = std::move(Top());
    sinks_.pop_back();
    Collect(&s);
    switch (s.type) {
      case Sink::kBlock:
        FlushBlock(&s);
        break;
      case Sink::kCell:
        s.text.TrimRight();
        if (!sinks_.empty() && Top().type == Sink::kRow) {
          Top().cells.push_back(std::move(s.text));
        }
        break;
      case Sink::kRow: {
        bool any = false;
        for (const MappedText& c : s.cells) any = any || !c.empty();
        if (!any) break;
        Block b;
        b.kind = BlockKind::kTableRow;
        for (size_t i = 0; i < s.cells.size(); ++i) {
          if (i > 0) {
            const uint32_t at =
                s.cells[i - 1].empty()
                    ? s.cells[i].OriginOf(0)
                    : s.cells[i - 1].OriginOf(s.cells[i - 1].size());
            b.text.AppendReplacement(" | ", at, at);
          }
          b.text.Append(s.cells[i]);
        }
        b.cells = std::move(s.cells);
        b.is_header = s.header || (s.all_th && !b.cells.empty());
        b.container_hint = s.hint;
        doc_->blocks.push_back(std::move(b));
        break;
      }
    }
    // The enclosing block resumes after this one: a fresh run.
    if (!sinks_.empty()) Top().norm.Reset();
  }
  hint_.resize(f.hint_size);
}

void HtmlWalker::AddText(const GumboNode* n) {
  Sink& s = Top();
  if (s.type == Sink::kRow) return;  // whitespace between cells
  const GumboText& t = n->v.text;
  absl::string_view src(t.original_text.data, t.original_text.length);
  uint32_t origin = static_cast<uint32_t>(t.start_pos.offset);
  if (src.data() >= text_.data() &&
      src.data() + src.size() <= text_.data() + text_.size()) {
    origin = static_cast<uint32_t>(src.data() - text_.data());
  } else {
    src = absl::string_view(t.text);  // synthesized: no source bytes
  }
  // original_text can span tags the parser ignored ("a</x>b"): skip them.
  size_t i = 0;
  while (i < src.size()) {
    size_t lt = src.find('<', i);
    if (lt == absl::string_view::npos) lt = src.size();
    if (lt + 1 < src.size() &&
        (absl::ascii_isalpha(src[lt + 1]) || src[lt + 1] == '/' ||
         src[lt + 1] == '!' || src[lt + 1] == '?')) {
      s.norm.Append(src.substr(i, lt - i), origin + static_cast<uint32_t>(i),
                    &s.text);
      const size_t gt = src.find('>', lt);
      i = gt == absl::string_view::npos ? src.size() : gt + 1;
      continue;
    }
    const size_t end = lt == src.size() ? lt : lt + 1;
    s.norm.Append(src.substr(i, end - i), origin + static_cast<uint32_t>(i),
                  &s.text);
    i = end;
  }
}

void HtmlWalker::FlushBlock(Sink* s) {
  s->text.TrimRight();
  if (!s->text.empty()) {
    Block b;
    b.kind = s->kind;
    b.text = std::move(s->text);
    b.container_hint = s->hint;
    if (b.text.size() > options_.max_line_bytes) {
      b.text = b.text.Slice(0, options_.max_line_bytes);
    }
    doc_->blocks.push_back(std::move(b));
  }
  s->text = MappedText();
  s->norm.Reset();
}

void HtmlWalker::EmitTitle(const GumboNode* title) {
  Sink s = NewSink(Sink::kBlock, BlockKind::kTitle);
  s.hint.clear();
  const GumboVector& children = title->v.element.children;
  sinks_.push_back(std::move(s));
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* c = static_cast<const GumboNode*>(children.data[i]);
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE) {
      AddText(c);
    }
  }
  Sink done = std::move(Top());
  sinks_.pop_back();
  Collect(&done);
  FlushBlock(&done);
}

// ---------------------------------------------------------------------------
// Metadata.

// Decoded text of a subtree (bylines), bounded.
std::string SubtreeText(const GumboNode* root, size_t limit) {
  std::string out;
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty() && out.size() < limit) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
      absl::StrAppend(&out, n->v.text.text, " ");
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      if (RoleOf(n->v.element.tag) == Role::kDrop) continue;
      const GumboVector& c = n->v.element.children;
      for (unsigned i = c.length; i > 0; --i) {
        stack.push_back(static_cast<const GumboNode*>(c.data[i - 1]));
      }
    }
  }
  return CleanString(out.substr(0, limit), /*decode_entities=*/false);
}

struct Metadata {
  std::string og_title, title, site, author, byline, canonical, og_url;
  // Date candidates by priority (lower first): field name and value.
  std::vector<std::tuple<int, std::string, std::string>> dates;
  bool time_in_article = false;
};

void ReadJsonLd(absl::string_view script, Metadata* m) {
  using json = nlohmann::json;
  json j = json::parse(script, nullptr, false);
  if (j.is_discarded()) return;
  std::vector<const json*> stack = {&j};
  int budget = 10000;  // bounded walk of untrusted JSON
  while (!stack.empty() && --budget > 0) {
    const json* v = stack.back();
    stack.pop_back();
    if (v->is_array()) {
      for (const json& e : *v) stack.push_back(&e);
      continue;
    }
    if (!v->is_object()) continue;
    auto get = [&](const char* k) -> std::string {
      auto it = v->find(k);
      return it != v->end() && it->is_string()
                 ? it->get_ref<const std::string&>()
                 : std::string();
    };
    if (std::string d = get("datePublished"); !d.empty()) {
      m->dates.emplace_back(1, "datePublished", d);
    }
    if (std::string h = get("headline"); !h.empty() && m->og_title.empty()) {
      m->og_title = h;
    }
    auto author = v->find("author");
    if (author != v->end() && m->author.empty()) {
      const json* a =
          author->is_array() && !author->empty() ? &(*author)[0] : &*author;
      if (a->is_string()) m->author = a->get_ref<const std::string&>();
      if (a->is_object()) {
        auto name = a->find("name");
        if (name != a->end() && name->is_string()) {
          m->author = name->get_ref<const std::string&>();
        }
      }
    }
    auto graph = v->find("@graph");
    if (graph != v->end()) stack.push_back(&*graph);
  }
}

Metadata ReadMetadata(const GumboNode* root) {
  Metadata m;
  struct Item {
    const GumboNode* node;
    bool in_article;
  };
  std::vector<Item> stack = {{root, false}};
  std::string first_time_anywhere;
  while (!stack.empty()) {
    Item item = stack.back();
    stack.pop_back();
    const GumboNode* n = item.node;
    const GumboVector* children = nullptr;
    if (n->type == GUMBO_NODE_DOCUMENT) {
      children = &n->v.document.children;
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      children = &n->v.element.children;
      const GumboTag tag = n->v.element.tag;
      const bool in_article =
          item.in_article || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN;
      item.in_article = in_article;
      if (tag == GUMBO_TAG_TITLE && m.title.empty()) {
        m.title = SubtreeText(n, 1000);
      } else if (tag == GUMBO_TAG_META) {
        const std::string key = absl::AsciiStrToLower(absl::StrCat(
            Attr(n, "property"), Attr(n, "name"), Attr(n, "itemprop")));
        const std::string content(Attr(n, "content"));
        if (!content.empty()) {
          if (key == "og:title") m.og_title = content;
          if (key == "og:site_name") m.site = content;
          if (key == "og:url") m.og_url = content;
          if (key == "author" || key == "article:author" || key == "byl") {
            if (m.author.empty() && !absl::StrContains(content, "://")) {
              m.author = content;
            }
          }
          if (key == "article:published_time") {
            m.dates.emplace_back(0, "article:published_time", content);
          } else if (key == "datepublished") {
            m.dates.emplace_back(2, "datePublished", content);
          } else if (key == "date" || key == "pubdate" ||
                     key == "publishdate" || key == "publish-date" ||
                     key == "dc.date.issued" || key == "dc.date" ||
                     key == "sailthru.date" || key == "parsely-pub-date" ||
                     key == "publication_date" || key == "og:published_time") {
            m.dates.emplace_back(3, key, content);
          }
        }
      } else if (tag == GUMBO_TAG_LINK || tag == GUMBO_TAG_A) {
        const std::string rel = absl::AsciiStrToLower(Attr(n, "rel"));
        if (rel == "canonical" && m.canonical.empty()) {
          m.canonical = std::string(Attr(n, "href"));
        }
        if (absl::StrContains(rel, "author") && tag == GUMBO_TAG_A &&
            m.byline.empty()) {
          m.byline = SubtreeText(n, 200);
        }
      } else if (tag == GUMBO_TAG_SCRIPT) {
        if (absl::EqualsIgnoreCase(Attr(n, "type"), "application/ld+json") &&
            n->v.element.children.length > 0) {
          const auto* c =
              static_cast<const GumboNode*>(n->v.element.children.data[0]);
          if (c->type == GUMBO_NODE_TEXT) ReadJsonLd(c->v.text.text, &m);
        }
        continue;  // never read dates from other scripts
      } else if (tag == GUMBO_TAG_TIME) {
        const absl::string_view dt = Attr(n, "datetime");
        if (!dt.empty()) {
          if (in_article && !m.time_in_article) {
            m.dates.emplace_back(4, "time", std::string(dt));
            m.time_in_article = true;
          } else if (first_time_anywhere.empty()) {
            first_time_anywhere = std::string(dt);
          }
        }
      }
      if (tag != GUMBO_TAG_META && tag != GUMBO_TAG_TIME) {
        const absl::string_view itemprop = Attr(n, "itemprop");
        if (itemprop == "datePublished") {
          absl::string_view v = Attr(n, "datetime");
          if (v.empty()) v = Attr(n, "content");
          if (!v.empty())
            m.dates.emplace_back(2, "datePublished", std::string(v));
        }
        if (m.byline.empty() && tag != GUMBO_TAG_BODY &&
            tag != GUMBO_TAG_HTML) {
          bool byline = false;
          ForEachWord(Attr(n, "class"), [&](const std::string& w) {
            byline = byline || w == "byline";
          });
          if (byline || itemprop == "author") m.byline = SubtreeText(n, 200);
        }
      }
    }
    if (children == nullptr) continue;
    for (unsigned i = children->length; i > 0; --i) {
      stack.push_back({static_cast<const GumboNode*>(children->data[i - 1]),
                       item.in_article});
    }
  }
  if (!first_time_anywhere.empty() && !m.time_in_article) {
    m.dates.emplace_back(5, "time", first_time_anywhere);
  }
  std::stable_sort(m.dates.begin(), m.dates.end(),
                   [](const auto& a, const auto& b) {
                     return std::get<0>(a) < std::get<0>(b);
                   });
  return m;
}

std::string StripBy(std::string s) {
  absl::string_view v = s;
  if (absl::StartsWithIgnoreCase(v, "by ")) v.remove_prefix(3);
  return std::string(absl::StripAsciiWhitespace(v));
}

// ---------------------------------------------------------------------------
// Without a tree: text between tags, split at block tags. Used when the
// nesting is too deep for the tree builder.

Utf8Issues ParseFlat(absl::string_view text, Document* doc) {
  static const auto* blocks = new absl::flat_hash_map<absl::string_view, int>{
      {"p", 1},      {"div", 1},     {"br", 1},         {"li", 1},
      {"h1", 1},     {"h2", 1},      {"h3", 1},         {"h4", 1},
      {"h5", 1},     {"h6", 1},      {"tr", 1},         {"td", 1},
      {"th", 1},     {"section", 1}, {"article", 1},    {"ul", 1},
      {"ol", 1},     {"table", 1},   {"blockquote", 1}, {"title", 1},
      {"script", 2}, {"style", 2}};
  NormalizeOptions o;
  o.collapse_whitespace = true;
  Normalizer norm(o);
  Block cur;
  cur.kind = BlockKind::kParagraph;
  const auto flush = [&] {
    cur.text.TrimRight();
    if (!cur.text.empty()) doc->blocks.push_back(std::move(cur));
    cur = Block();
    cur.kind = BlockKind::kParagraph;
    norm.Reset();
  };
  size_t i = 0;
  while (i < text.size()) {
    size_t lt = text.find('<', i);
    if (lt == absl::string_view::npos) lt = text.size();
    norm.Append(text.substr(i, lt - i), static_cast<uint32_t>(i), &cur.text);
    if (lt >= text.size()) break;
    const size_t gt = text.find('>', lt);
    if (gt == absl::string_view::npos) break;
    size_t b = lt + 1;
    if (b < text.size() && text[b] == '/') ++b;
    size_t e = b;
    while (e < gt && absl::ascii_isalnum(text[e])) ++e;
    const std::string name = absl::AsciiStrToLower(text.substr(b, e - b));
    auto it = blocks->find(name);
    i = gt + 1;
    if (it == blocks->end()) continue;
    flush();
    if (it->second == 2 && text[lt + 1] != '/') {  // skip script/style body
      const size_t close = text.find("</", i);
      i = close == absl::string_view::npos ? text.size() : close;
    }
  }
  flush();
  return norm.utf8_issues();
}

}  // namespace

Utf8Issues ParseHtmlInto(absl::string_view text, const IngestOptions& options,
                         const DiagContext& where, Document* doc,
                         std::vector<Diagnostic>* diagnostics) {
  if (TooCostlyForTree(text)) {
    AddDiagnostic(diagnostics, Severity::kWarning, "ingest.html-too-deep",
                  where.path, where.At(0),
                  "html nests too deeply for the tree parser; text read "
                  "without structure");
    Utf8Issues issues = ParseFlat(text, doc);
    std::vector<absl::string_view> lines;
    for (const Block& b : doc->blocks) lines.push_back(b.text.text());
    if (!doc->reference_date.day.has_value()) {
      if (auto d = FindDateline(lines)) doc->reference_date = *d;
    }
    return issues;
  }
  Arena arena;
  GumboOptions gopts = kGumboDefaultOptions;
  gopts.allocator = ArenaAlloc;
  gopts.deallocator = ArenaFree;
  gopts.userdata = &arena;
  gopts.max_errors = 0;
  GumboOutput* out = gumbo_parse_with_options(&gopts, text.data(), text.size());
  HtmlWalker walker(text, options, doc);
  walker.Run(out->document);
  Metadata m = ReadMetadata(out->document);
  // The arena frees the tree; gumbo_destroy_output would recurse.

  if (doc->title.empty()) {
    doc->title = CleanString(!m.og_title.empty() ? m.og_title : m.title,
                             /*decode_entities=*/false);
  }
  if (doc->title.empty()) {
    for (const Block& b : doc->blocks) {
      if (b.kind == BlockKind::kHeading) {
        doc->title = CleanString(b.text.text(), false);
        break;
      }
    }
  }
  if (doc->source.empty()) doc->source = CleanString(m.site, false);
  if (doc->byline.empty()) {
    doc->byline =
        StripBy(CleanString(!m.author.empty() ? m.author : m.byline, false));
  }
  if (doc->url.empty()) {
    doc->url =
        CleanString(!m.canonical.empty() ? m.canonical : m.og_url, false);
  }
  if (!doc->reference_date.day.has_value()) {
    for (const auto& [priority, field, value] : m.dates) {
      if (SetMetadataDate(field, value, where, doc, diagnostics)) break;
    }
  }
  if (!doc->reference_date.day.has_value() &&
      doc->reference_date.provenance.empty()) {
    std::vector<absl::string_view> lines;
    for (const Block& b : doc->blocks) {
      if (b.kind == BlockKind::kTitle) continue;
      lines.push_back(b.text.text());
      if (lines.size() >= 16) break;
    }
    if (auto d = FindDateline(lines)) doc->reference_date = *d;
  }
  return walker.issues();
}

}  // namespace crosscheck::ingest::internal
