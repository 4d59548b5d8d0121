// make_corpus DIR MEGABYTES [SEED]: writes a generated news-like corpus of
// about MEGABYTES into DIR (txt, md-style tables, html and jsonl), for the
// throughput benchmarks:
//
//   build/make_corpus /tmp/corpus200 200
//   build/crosscheck extract /tmp/corpus200 --threads 1 --stats >/dev/null
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "bench/corpus_generator.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: make_corpus DIR MEGABYTES [SEED]\n");
    return 2;
  }
  std::string dir = argv[1];
  double mb = 0;
  uint64_t seed = 1;
  if (!absl::SimpleAtod(argv[2], &mb) || mb <= 0 ||
      (argc > 3 && !absl::SimpleAtoi(argv[3], &seed))) {
    std::fprintf(stderr, "make_corpus: bad MEGABYTES or SEED\n");
    return 2;
  }
  std::filesystem::create_directories(dir);
  crosscheck::bench::CorpusGenerator gen(seed);
  const uint64_t target = static_cast<uint64_t>(mb * 1e6);
  uint64_t written = 0;
  for (int i = 0; written < target; ++i) {
    std::string name, content;
    if (i % 10 == 7) {
      name = absl::StrFormat("%s/a%06d.html", dir, i);
      content = gen.HtmlArticle(6000);
    } else if (i % 10 == 9) {
      name = absl::StrFormat("%s/a%06d.jsonl", dir, i);
      for (int r = 0; r < 20; ++r) {
        content += gen.JsonlRecord(absl::StrFormat("a%06d-%02d", i, r), 5000);
      }
    } else {
      name = absl::StrFormat("%s/a%06d.txt", dir, i);
      content = gen.Article(6000);
    }
    std::ofstream(name, std::ios::binary) << content;
    written += content.size();
  }
  std::printf("wrote %.1f MB to %s\n", written / 1e6, dir.c_str());
  return 0;
}
