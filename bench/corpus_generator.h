// A generator of news-like corpora for benchmarks.
//
// Articles are assembled from varied vocabulary (hundreds of subjects,
// places, organisations, verbs) with figures, money, percentages, dates,
// weekdays, quotes, markdown tables and site chrome, so the text is varied:
// one article repeated would keep RE2's DFA caches warm and flatter the
// figures. Deterministic for a given seed.
//
//   CorpusGenerator gen(/*seed=*/1);
//   std::string article = gen.Article(/*approx_bytes=*/6000);
#ifndef CROSSCHECK_BENCH_CORPUS_GENERATOR_H_
#define CROSSCHECK_BENCH_CORPUS_GENERATOR_H_

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace crosscheck::bench {

class CorpusGenerator {
 public:
  // `figure_share` is the share of body sentences that carry a figure and a
  // date; the rest are narrative (quotes, background, analysis). The default
  // gives about 1.6 claims and 4.6 mentions per KB, twice the claim density
  // of the sample articles in ../shared/seeds (0.7 per KB), so throughput
  // figures err on the slow side.
  explicit CorpusGenerator(uint64_t seed, double figure_share = 0.1)
      : rng_(seed), figure_share_(figure_share) {}

  // One plain-text article of roughly `approx_bytes`.
  std::string Article(size_t approx_bytes) {
    std::string out = absl::StrCat(Title(), "\n");
    if (Chance(0.5)) absl::StrAppend(&out, "Published: ", IsoDate(), "\n");
    while (out.size() < approx_bytes) {
      // Mostly paragraphs; subheads, tables and lists now and then.
      int kind = Uniform(0, 39);
      if (kind == 0) {
        absl::StrAppend(&out, Title(), "\n");
      } else if (kind == 1) {
        absl::StrAppend(&out, Table());
      } else if (kind <= 3) {
        absl::StrAppend(&out, "- ", BodySentence(), "\n- ", BodySentence(),
                        "\n");
      } else {
        absl::StrAppend(&out, Paragraph(), "\n");
      }
    }
    if (Chance(0.3)) {
      absl::StrAppend(&out, "Related Articles\n", Teaser(), "\n", Teaser(),
                      "\nSign in to join the conversation\n");
    }
    return out;
  }

  // The same article as HTML with chrome around it.
  std::string HtmlArticle(size_t approx_bytes) {
    std::string body = Article(approx_bytes);
    std::string out = absl::StrCat(
        "<!doctype html><html><head><title>", Title(),
        "</title><meta property=\"article:published_time\" content=\"",
        IsoDate(), "T08:00:00Z\"><script>var x = 1;</script></head><body>",
        "<nav><a href=\"/\">Home</a> | <a href=\"/world\">World</a></nav>",
        "<article>");
    size_t start = 0;
    while (start < body.size()) {
      size_t nl = body.find('\n', start);
      if (nl == std::string::npos) nl = body.size();
      absl::StrAppend(&out, "<p>", body.substr(start, nl - start), "</p>\n");
      start = nl + 1;
    }
    absl::StrAppend(&out, "</article><footer>Advertise with Us</footer>",
                    "</body></html>\n");
    return out;
  }

  // One JSON Lines record.
  std::string JsonlRecord(const std::string& id, size_t approx_bytes) {
    std::string body = Article(approx_bytes);
    std::string escaped;
    escaped.reserve(body.size() + 64);
    for (char c : body) {
      if (c == '"' || c == '\\') {
        escaped += '\\';
        escaped += c;
      } else if (c == '\n') {
        escaped += "\\n";
      } else {
        escaped += c;
      }
    }
    return absl::StrCat("{\"id\":\"", id, "\",\"title\":\"", Title(),
                        "\",\"source\":\"", Pick(kOrgs), "\",\"published\":\"",
                        IsoDate(), "\",\"body\":\"", escaped, "\"}\n");
  }

 private:
  int Uniform(int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng_);
  }
  bool Chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  template <size_t N>
  const char* Pick(const char* const (&arr)[N]) {
    return arr[Uniform(0, N - 1)];
  }

  std::string Number() {
    switch (Uniform(0, 5)) {
      case 0:
        return absl::StrCat(Uniform(2, 99));
      case 1:
        return absl::StrFormat("%d,%03d", Uniform(1, 99), Uniform(0, 999));
      case 2:
        return absl::StrFormat("%d.%d", Uniform(1, 99), Uniform(1, 9));
      case 3:
        return Pick(kWordNumbers);
      default:
        return absl::StrCat(Uniform(100, 999));
    }
  }

  std::string Figure() {
    switch (Uniform(0, 6)) {
      case 0:
        return absl::StrCat("$", Uniform(1, 900), " ", Pick(kScales));
      case 1:
        return absl::StrCat(Uniform(1, 40), ".", Uniform(0, 9), "%");
      case 2:
        return absl::StrCat(Uniform(2, 60), " percent");
      case 3:
        return absl::StrCat(Number(), " ", Pick(kCounted));
      case 4:
        return absl::StrCat(Pick(kApprox), " ", Number(), " ", Pick(kCounted));
      case 5:
        return absl::StrCat(Uniform(1, 90), " billion ", Pick(kCurrencies));
      default:
        return absl::StrCat(Uniform(2, 30), " percentage points");
    }
  }

  std::string DateText() {
    switch (Uniform(0, 6)) {
      case 0:
        return absl::StrCat("on ", Pick(kWeekdays));
      case 1:
        return absl::StrCat("in ", Pick(kMonths), " ", Uniform(1990, 2027));
      case 2:
        return absl::StrCat("on ", Pick(kMonths), " ", Uniform(1, 28));
      case 3:
        return absl::StrCat("by ", Uniform(2025, 2035));
      case 4:
        return absl::StrCat("in Q", Uniform(1, 4), " ", Uniform(2020, 2027));
      case 5:
        return absl::StrCat(Pick(kRelative));
      default:
        return absl::StrCat("last ", Pick(kWeekdays));
    }
  }

  std::string Sentence() {
    std::string s;
    switch (Uniform(0, 4)) {
      case 0:
        s = absl::StrCat("The ", Pick(kAdjectives), " ", Pick(kSubjects), " ",
                         Pick(kVerbs), " ", Figure(), " ", DateText(),
                         ", according to ", Pick(kOrgs), ".");
        break;
      case 1:
        s = absl::StrCat(Pick(kPeople), " said the ", Pick(kSubjects), " in ",
                         Pick(kPlaces), " would reach ", Figure(), " ",
                         DateText(), ".");
        break;
      case 2:
        s = absl::StrCat("\"We expect ", Pick(kAdjectives), " ",
                         Pick(kSubjects), " to rise by ", Figure(), ",\" ",
                         Pick(kPeople), " told ", Pick(kOrgs), ".");
        break;
      case 3:
        s = absl::StrCat(Pick(kPlaces), "'s ", Pick(kSubjects), " ",
                         Pick(kVerbs), " from ", Uniform(1, 40), " percent to ",
                         Uniform(41, 90), " percent ", DateText(), ".");
        break;
      default:
        s = absl::StrCat("Officials in ", Pick(kPlaces), " ", Pick(kVerbs),
                         " the ", Pick(kSubjects), " after the ", Pick(kEvents),
                         " ", DateText(), ".");
    }
    return s;
  }

  // A sentence without figures or dates, from several templates over varied
  // vocabulary, so the prefilter sees prose it must reject quickly.
  std::string Narrative() {
    switch (Uniform(0, 5)) {
      case 0:
        return absl::StrCat(Pick(kPeople), " ", Pick(kSayVerbs), " that the ",
                            Pick(kAdjectives), " ", Pick(kSubjects), " ",
                            Pick(kModals), " ", Pick(kActions), " the ",
                            Pick(kNouns), " in ", Pick(kPlaces), ".");
      case 1:
        return absl::StrCat("\"", Pick(kOpeners), ", the ", Pick(kNouns), " ",
                            Pick(kModals), " ", Pick(kActions), " our ",
                            Pick(kNouns), ",\" ", Pick(kPeople), " ",
                            Pick(kSayVerbs), ".");
      case 2:
        return absl::StrCat(
            Pick(kConnectives), " ", Pick(kAnalysts), " in ", Pick(kPlaces),
            " ", Pick(kSayVerbs), " the ", Pick(kNouns), " ", Pick(kModals),
            " ", Pick(kActions), " ", Pick(kOrgs), "'s ", Pick(kNouns), ".");
      case 3:
        return absl::StrCat("The ", Pick(kNouns), " of ", Pick(kPlaces),
                            " has long ", Pick(kActionsPast), " the ",
                            Pick(kAdjectives), " ", Pick(kNouns), ", and ",
                            Pick(kOrgs), " ", Pick(kModals), " ",
                            Pick(kActions), " it.");
      case 4:
        return absl::StrCat(Pick(kOrgs), " did not respond to a request for ",
                            "comment on the ", Pick(kNouns), " ",
                            Pick(kConnectives2), " ", Pick(kPeople), ".");
      default:
        return absl::StrCat(Pick(kConnectives), " the ", Pick(kNouns), " in ",
                            Pick(kPlaces), " ", Pick(kActionsPast), " the ",
                            Pick(kNouns), " while ", Pick(kAnalysts), " ",
                            Pick(kActionsPast), " the ", Pick(kNouns), ".");
    }
  }

  std::string BodySentence() {
    return Chance(figure_share_) ? Sentence() : Narrative();
  }

  std::string Paragraph() {
    std::string p;
    int n = Uniform(2, 6);
    for (int i = 0; i < n; ++i) {
      absl::StrAppend(&p, i ? " " : "", BodySentence());
    }
    return p;
  }

  std::string Title() {
    return absl::StrCat(Pick(kPlaces), " ", Pick(kSubjects), " ", Pick(kVerbs),
                        " ", Figure());
  }

  std::string Table() {
    std::string t = "| Measure | Change | Status |\n|---|---|---|\n";
    for (int i = Uniform(2, 4); i > 0; --i) {
      absl::StrAppend(&t, "| ", Pick(kSubjects), " | Increase by ",
                      Uniform(2, 40), "% over next ", Uniform(2, 5),
                      " years | Scheduled Q", Uniform(1, 4), " ",
                      Uniform(2020, 2030), " |\n");
    }
    return t;
  }

  std::string Teaser() {
    return absl::StrCat(Pick(kPeople), " warned that ", Pick(kSubjects),
                        " could reach ", Figure(), "...");
  }

  std::string IsoDate() {
    return absl::StrFormat("%04d-%02d-%02d", Uniform(2015, 2026),
                           Uniform(1, 12), Uniform(1, 28));
  }

  static constexpr const char* kSubjects[] = {
      "defense spending", "death toll",       "inflation rate",
      "unemployment",     "budget deficit",   "trade surplus",
      "port traffic",     "wage offer",       "vaccination rate",
      "voter turnout",    "housing starts",   "rice harvest",
      "container volume", "bond yield",       "tariff",
      "recall",           "strike",           "rainfall",
      "crude output",     "tourist arrivals", "rail ridership",
      "fishing quota",    "school enrolment", "hospital admissions",
      "exports",          "imports",          "tax revenue",
      "aid package",      "military budget",  "investment plan",
      "subsidy",          "pension fund",     "refinery output",
      "approval rating",  "seat count",       "emissions",
      "energy prices",    "coal imports",     "steel output",
      "chip sales",       "car sales",        "power outages",
      "evacuations",      "aftershocks",      "dockworkers",
      "soldiers",         "troops",           "nurses",
      "teachers",         "farmers"};
  static constexpr const char* kAdjectives[] = {
      "annual",      "quarterly", "regional", "national",
      "provisional", "revised",   "official", "estimated",
      "projected",   "record",    "weekly",   "municipal"};
  static constexpr const char* kVerbs[] = {
      "rose",     "fell",      "climbed", "dropped", "reached",
      "stood at", "hit",       "doubled", "slipped", "surged",
      "totalled", "increased", "declined"};
  static constexpr const char* kPlaces[] = {
      "Brenmouth", "Port Ellis",   "Kestrel Bay", "Northvale",
      "Ashford",   "Lowmarsh",     "Tarrow",      "Quillon",
      "Sandhaven", "Corvid Falls", "Elmstead",    "Harrowgate",
      "Vantry",    "Mirecourt",    "Oldbridge",   "Westholm"};
  static constexpr const char* kOrgs[] = {
      "Coastal Times",      "Harbor Wire",           "the Daily Ledger",
      "Northvale Post",     "the statistics office", "the central bank",
      "the port authority", "the health ministry",   "Reuters-style wire",
      "the union"};
  static constexpr const char* kPeople[] = {
      "Mara Quint", "Tomas Reyl",  "Ines Okafor",  "Lee Dong-ha", "Priya Nair",
      "Jonas Berg", "Elena Sokol", "Kwame Asante", "Yuki Mori",   "Sam Ortiz"};
  static constexpr const char* kCounted[] = {
      "workers", "soldiers", "households", "vehicles", "ships",    "seats",
      "people",  "homes",    "containers", "patients", "students", "flights"};
  static constexpr const char* kApprox[] = {"about",    "nearly", "more than",
                                            "at least", "some",   "up to",
                                            "roughly",  "almost"};
  static constexpr const char* kScales[] = {"million", "billion", "trillion",
                                            "bn", "m"};
  static constexpr const char* kCurrencies[] = {"yen",     "won",    "euros",
                                                "dollars", "pounds", "rupees"};
  static constexpr const char* kWordNumbers[] = {
      "twelve",  "two dozen",  "three hundred", "forty",       "a dozen",
      "fifteen", "two-thirds", "half",          "one in five", "ninety"};
  static constexpr const char* kWeekdays[] = {
      "Monday", "Tuesday",  "Wednesday", "Thursday",
      "Friday", "Saturday", "Sunday"};
  static constexpr const char* kMonths[] = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December",
      "Jan.",    "Feb.",     "Sept.",     "Dec."};
  static constexpr const char* kRelative[] = {
      "two days later",    "last year",           "next month", "yesterday",
      "the previous week", "three weeks earlier", "this year",  "a year ago"};
  static constexpr const char* kEvents[] = {
      "election",      "strike", "earthquake", "press conference", "summit",
      "rate decision", "recall", "vote",       "signing",          "launch"};

  static constexpr const char* kSayVerbs[] = {
      "said",    "argued",   "warned",    "insisted", "noted",
      "claimed", "conceded", "suggested", "stressed", "acknowledged"};
  static constexpr const char* kModals[] = {
      "would", "could", "might", "will", "should", "may", "must", "cannot"};
  static constexpr const char* kActions[] = {
      "reshape",   "undermine", "strengthen", "delay",   "complicate",
      "overhaul",  "protect",   "test",       "revive",  "weaken",
      "challenge", "stabilise", "expose",     "support", "unsettle"};
  static constexpr const char* kActionsPast[] = {
      "shaped",      "defined",   "overshadowed", "strained", "tested",
      "complicated", "dominated", "eased",        "fuelled",  "reflected"};
  static constexpr const char* kNouns[] = {
      "negotiations",   "coalition",      "leadership",     "economy",
      "talks",          "agreement",      "opposition",     "market",
      "investigation",  "reform",         "alliance",       "dispute",
      "recovery",       "policy",         "parliament",     "court ruling",
      "supply chain",   "region",         "inquiry",        "campaign",
      "relationship",   "workforce",      "proposal",       "treaty",
      "infrastructure", "administration", "shipping lanes", "harbour front",
      "regulators",     "neighbours"};
  static constexpr const char* kOpeners[] = {
      "Frankly",   "In the end",      "Whatever happens", "Right now",
      "For years", "Make no mistake", "Without doubt",    "To be clear"};
  static constexpr const char* kConnectives[] = {
      "Meanwhile,",  "Still,",   "However,",    "Elsewhere,",  "By contrast,",
      "In private,", "Even so,", "Critics say", "Separately,", "For now,"};
  static constexpr const char* kConnectives2[] = {
      "raised by", "described by", "questioned by", "welcomed by",
      "criticised by"};
  static constexpr const char* kAnalysts[] = {
      "analysts",  "diplomats",  "economists", "residents",     "officials",
      "lawmakers", "executives", "observers",  "union leaders", "investors"};

  std::mt19937_64 rng_;
  double figure_share_;
};

}  // namespace crosscheck::bench

#endif  // CROSSCHECK_BENCH_CORPUS_GENERATOR_H_
