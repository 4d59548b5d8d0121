// Sentence splitting: one left-to-right pass; every look-back is bounded by
// a short word, so the whole split is linear.
#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "checker/segment/segment.h"

namespace crosscheck::segment {
namespace {

// Abbreviations after which a period never ends a sentence: titles and
// words that are always followed by a name, a number or a date.
constexpr absl::string_view kNeverBreak[] = {
    "Mr",   "Mrs",  "Ms",  "Dr",  "Prof", "Gen",    "Sen",  "Rep",
    "St",   "Jr",   "Sr",  "Lt",  "Col",  "Capt",   "Gov",  "Sgt",
    "Adm",  "Maj",  "Rev", "Hon", "Pres", "Amb",    "Supt", "Cmdr",
    "Jan",  "Feb",  "Mar", "Apr", "Jun",  "Jul",    "Aug",  "Sep",
    "Sept", "Oct",  "Nov", "Dec", "No",   "Nos",    "vs",   "v",
    "Fig",  "Vol",  "pp",  "p",   "cf",   "approx", "Mt",   "Ft",
    "Mme",  "Mlle", "Hr",  "Fr",  "Sra",  "Art",    "Nr",
};

// Abbreviations that may also end a sentence: break only when the next word
// is one that typically starts a sentence.
constexpr absl::string_view kMaybeBreak[] = {
    "Inc", "Ltd", "Co",   "Corp",  "etc", "Bros", "LLC",
    "plc", "Cie", "Mass", "Calif", "Ave", "Blvd", "Rd",
};

constexpr absl::string_view kSentenceStarters[] = {
    "The",   "This", "That",  "These", "Those",     "It",    "He",
    "She",   "They", "We",    "I",     "But",       "And",   "In",
    "On",    "At",   "A",     "An",    "However",   "There", "Its",
    "His",   "Her",  "Their", "Our",   "As",        "For",   "Yet",
    "Still", "If",   "When",  "After", "Meanwhile", "Some",  "Many",
};

// Bytes that may begin a sentence terminator: '.', '!', '?' and the lead
// byte of "…" (U+2026, E2 80 A6).
constexpr std::array<bool, 256> kTerminatorLead = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {'.', '!', '?', '\xE2'}) t[c] = true;
  return t;
}();

bool InList(absl::string_view word, absl::Span<const absl::string_view> list) {
  for (absl::string_view w : list) {
    if (w == word) return true;
  }
  return false;
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// Length of a closing quote/bracket at `i`, 0 if none. Handles the UTF-8
// curly quotes in case the text was not normalized.
size_t ClosingAt(absl::string_view t, size_t i) {
  if (i >= t.size()) return 0;
  char c = t[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  if (t.substr(i, 3) == "\xE2\x80\x9D" || t.substr(i, 3) == "\xE2\x80\x99" ||
      t.substr(i, 2) == "\xC2\xBB") {
    return t[i] == '\xC2' ? 2 : 3;
  }
  return 0;
}

// True if the text at `i` can start a sentence: uppercase letter, digit,
// opening quote/bracket, or a non-ASCII character that is not a Latin-1
// lowercase letter (other scripts have no case).
bool CanStartSentence(absl::string_view t, size_t i) {
  if (i >= t.size()) return false;
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (absl::ascii_isupper(c) || absl::ascii_isdigit(c)) return true;
  if (c == '"' || c == '\'' || c == '(' || c == '[') return true;
  if (c < 0x80) return false;
  if (c == 0xC3 && i + 1 < t.size()) {
    unsigned char d = static_cast<unsigned char>(t[i + 1]);
    return d >= 0x80 && d <= 0x9E && d != 0x97;  // À..Þ, not ×
  }
  if (c == 0xE2 && t.substr(i, 3) == "\xE2\x80\xA6") return false;  // …
  return c >= 0xC4;  // other letters and opening curly quotes
}

// The word that ends at `end` (exclusive), looking back at most 12 bytes.
absl::string_view WordBefore(absl::string_view t, size_t end) {
  size_t b = end;
  while (b > 0 && end - b < 12) {
    char c = t[b - 1];
    if (IsSpace(c) || c == '(' || c == '"' || c == '\'' || c == '[') break;
    --b;
  }
  return t.substr(b, end - b);
}

// Next word starting at `i`: letters only, for the starter check.
absl::string_view WordAt(absl::string_view t, size_t i) {
  size_t e = i;
  while (e < t.size() && e - i < 12 && absl::ascii_isalpha(t[e])) ++e;
  return t.substr(i, e - i);
}

// Does the period at `dot` (with the word before it) end a sentence, given
// that the next sentence would begin at `next`?
bool PeriodEnds(absl::string_view t, size_t dot, size_t next) {
  absl::string_view word = WordBefore(t, dot);
  if (word.empty()) return true;
  // Initials: "J. Trump"; one capital letter before the period.
  if (word.size() == 1 && absl::ascii_isupper(word[0])) return false;
  if (InList(word, kNeverBreak)) return false;
  // Dotted acronyms ("U.S", "e.g", "i.e", "a.m") and the listed company
  // abbreviations: break only before a typical sentence starter.
  bool dotted = word.find('.') != absl::string_view::npos;
  if (dotted) {
    bool all_short = true;
    size_t run = 0;
    for (char c : word) {
      if (c == '.') {
        run = 0;
      } else if (++run > 2 || !absl::ascii_isalpha(c)) {
        all_short = false;
      }
    }
    if (!all_short) return true;  // "3.5" never reaches here; "v2.0" ends
  }
  if (dotted || InList(word, kMaybeBreak)) {
    return InList(WordAt(t, next), kSentenceStarters);
  }
  return true;
}

// Run-on text (flattened tables, lists without punctuation, machine dumps)
// can make one "sentence" of a whole page, and what reads a sentence is
// quadratic in its length (clause bounds and subjects per figure). No
// sentence of prose is this long; longer ones are cut.
constexpr size_t kMaxSentenceBytes = 1024;

// Where to cut [b, e) (longer than the limit): after the last "; " or ", "
// in the second half of the limit window, else after the last space there,
// else at the limit (backed off to a UTF-8 character boundary).
size_t CutPoint(absl::string_view t, size_t b) {
  const size_t limit = b + kMaxSentenceBytes;
  const size_t half = b + kMaxSentenceBytes / 2;
  size_t space = 0;
  for (size_t i = limit; i > half; --i) {
    const char c = t[i - 1];
    if ((c == ';' || c == ',') && i < t.size() && IsSpace(t[i])) return i + 1;
    if (space == 0 && IsSpace(c)) space = i;
  }
  if (space != 0) return space;
  size_t cut = limit;
  while (cut > b + 1 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return cut;
}

void AppendBounded(absl::string_view t, size_t b, size_t e,
                   std::vector<Sentence>* out) {
  while (e - b > kMaxSentenceBytes) {
    size_t cut = CutPoint(t, b);
    size_t end = cut;
    while (end > b && IsSpace(t[end - 1])) --end;
    if (end > b) {
      out->push_back(
          Sentence{static_cast<uint32_t>(b), static_cast<uint32_t>(end)});
    }
    b = cut;
    while (b < e && IsSpace(t[b])) ++b;
  }
  if (e > b) {
    out->push_back(
        Sentence{static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
  }
}

}  // namespace

std::vector<Sentence> SplitSentences(absl::string_view t) {
  std::vector<Sentence> out;
  const size_t n = t.size();
  size_t start = 0;
  while (start < n && IsSpace(t[start])) ++start;
  size_t i = start;
  while (i < n) {
    // Skip to the next candidate terminator ('\xE2' may begin "…"); one
    // table lookup per byte, this loop reads every byte of every segment.
    while (i < n && !kTerminatorLead[static_cast<unsigned char>(t[i])]) ++i;
    if (i >= n) break;
    char c = t[i];
    bool ellipsis_char = t.substr(i, 3) == "\xE2\x80\xA6";
    if (c != '.' && c != '!' && c != '?' && !ellipsis_char) {
      ++i;
      continue;
    }
    // A run of terminal punctuation ("?!", "...", "…").
    size_t j = i;
    bool only_period = true;
    int periods = 0;
    while (j < n) {
      if (t[j] == '.') {
        ++periods;
        ++j;
      } else if (t[j] == '!' || t[j] == '?') {
        only_period = false;
        ++j;
      } else if (t.substr(j, 3) == "\xE2\x80\xA6") {
        only_period = false;
        j += 3;
      } else {
        break;
      }
    }
    // Closing quotes and brackets belong to the sentence they end.
    size_t k = j;
    for (size_t len; (len = ClosingAt(t, k)) > 0;) k += len;
    if (k >= n || !IsSpace(t[k])) {
      i = j > i ? j : i + 1;
      continue;
    }
    size_t next = k;
    while (next < n && IsSpace(t[next])) ++next;
    if (next >= n) break;
    bool ends = CanStartSentence(t, next);
    if (ends && only_period && periods == 1) ends = PeriodEnds(t, i, next);
    if (ends) {
      AppendBounded(t, start, k, &out);
      start = next;
    }
    i = next;
  }
  // The rest, without trailing space.
  size_t end = n;
  while (end > start && IsSpace(t[end - 1])) --end;
  if (end > start) AppendBounded(t, start, end, &out);
  return out;
}

}  // namespace crosscheck::segment
