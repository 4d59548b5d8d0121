// crosscheck command-line entry point (wired in checker/cli/).
#include <cstdio>

int main() {
  std::printf("crosscheck %s\n", CROSSCHECK_VERSION);
  return 0;
}
