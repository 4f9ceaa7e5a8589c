#include <hunspell/hunspell.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
/*
 * Reference checker for bench/spell/agreement.mjs: asks libhunspell (Debian `libhunspell-dev`)
 * about one word per line, the way msglint's Speller.correct() is asked (no tokenising).
 *   gcc -O2 -o hscheck hscheck.c -lhunspell
 *   hscheck node_modules/dictionary-en/index [-s] < words
 * prints "1<TAB>word" or "0<TAB>word" (and "<TAB>sugg1|sugg2..." with -s).
 */
int main(int argc, char** argv) {
  char aff[4096], dic[4096];
  if (argc < 2) { fprintf(stderr, "usage: hscheck DICTBASE [-s] < words\n"); return 2; }
  snprintf(aff, sizeof aff, "%s.aff", argv[1]);
  snprintf(dic, sizeof dic, "%s.dic", argv[1]);
  Hunhandle* h = Hunspell_create(aff, dic);
  int sug = argc > 2 && strcmp(argv[2], "-s") == 0;
  char line[8192];
  while (fgets(line, sizeof line, stdin)) {
    size_t n = strlen(line);
    while (n && (line[n-1] == '\n' || line[n-1] == '\r')) line[--n] = 0;
    int ok = Hunspell_spell(h, line);
    printf("%d\t%s", ok ? 1 : 0, line);
    if (sug && !ok) {
      char** list; int ns = Hunspell_suggest(h, &list, line);
      printf("\t");
      for (int i = 0; i < ns; i++) printf("%s%s", i ? "|" : "", list[i]);
      Hunspell_free_list(h, &list, ns);
    }
    printf("\n");
    fflush(stdout);
  }
  Hunspell_destroy(h);
  return 0;
}
