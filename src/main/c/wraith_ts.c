/*
 * wraith's native parsing layer: one JNI crossing per file.
 *
 * parse() runs tree-sitter over a file's UTF-8 bytes and returns the whole syntax tree as one int[] node
 * table (layout below), which dev.wraith.code.SyntaxTree walks in Java with no further JNI. The tree-sitter
 * core and the grammars are compiled into this library at build time from their pinned npm tarballs
 * (-O2 -DNDEBUG); none of their sources live in this repository.
 *
 * Bounds: brackets nested deeper than max_brackets are blanked before parsing (cut_nesting); a parse that
 * runs past its deadline is cancelled (no tree); the table keeps nodes down to max_depth and at most max_nodes
 * nodes, and flags the nodes whose children were dropped. The table is built with a tree cursor and an
 * explicit stack, so no input can overflow the C stack here.
 *
 * Contract with dev.wraith.code.parser.NativeParser (keep both in step):
 *   int[] = HEADER words, then STRIDE words per node in pre-order (document order):
 *     header[0] status bits (S_*), header[1] node count, header[2] deepest depth kept
 *     node[0] public symbol (low 16 bits; ERROR is symbol_count) | field id << 16 (0 = none)
 *     node[1] flags (F_*, low 8 bits) | child count << 8
 *     node[2] parent index (-1 for the root)
 *     node[3] index just past the node's subtree (its next sibling's index when it has one)
 *     node[4] start byte, node[5] end byte, node[6] start row, node[7] start column (bytes), all 0-based
 */
#include <jni.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <tree_sitter/api.h>

#ifndef WRAITH_TS_BUILD
#define WRAITH_TS_BUILD "unknown build"
#endif

enum { HEADER = 4, STRIDE = 8 };
enum { S_TIMED_OUT = 1, S_DEPTH_LIMIT = 2, S_NODE_LIMIT = 4, S_ROOT_ERROR = 8, S_NO_MEMORY = 16, S_FAILED = 32, S_NESTING_CUT = 64 };
enum { F_NAMED = 1, F_MISSING = 2, F_EXTRA = 4, F_ERROR = 8, F_HAS_ERROR = 16, F_TRUNCATED = 32 };

const TSLanguage *tree_sitter_python(void);
const TSLanguage *tree_sitter_javascript(void);
const TSLanguage *tree_sitter_typescript(void);
const TSLanguage *tree_sitter_tsx(void);
const TSLanguage *tree_sitter_go(void);
const TSLanguage *tree_sitter_java(void);
const TSLanguage *tree_sitter_c_sharp(void);
const TSLanguage *tree_sitter_kotlin(void);
const TSLanguage *tree_sitter_ruby(void);
const TSLanguage *tree_sitter_php(void);
const TSLanguage *tree_sitter_rust(void);

typedef struct {
  const char *name;
  const TSLanguage *(*language)(void);
  int hash_comments, slash_comments; /* for the nesting cut's comment skipping */
} Grammar;

/* Java looks grammars up by these names, never by position. */
static const Grammar GRAMMARS[] = {
  {"python", tree_sitter_python, 1, 0},   {"javascript", tree_sitter_javascript, 0, 1},
  {"typescript", tree_sitter_typescript, 0, 1}, {"tsx", tree_sitter_tsx, 0, 1},
  {"go", tree_sitter_go, 0, 1},           {"java", tree_sitter_java, 0, 1},
  {"c-sharp", tree_sitter_c_sharp, 0, 1}, {"kotlin", tree_sitter_kotlin, 0, 1},
  {"ruby", tree_sitter_ruby, 1, 0},       {"php", tree_sitter_php, 1, 1},
  {"rust", tree_sitter_rust, 0, 1},
};
enum { GRAMMAR_COUNT = sizeof(GRAMMARS) / sizeof(GRAMMARS[0]) };

/* One parser per thread and grammar, freed when the thread ends (parsers are not thread-safe). */
static pthread_key_t parsers_key;
static pthread_once_t parsers_once = PTHREAD_ONCE_INIT;

static void free_parsers(void *p) {
  TSParser **parsers = p;
  for (int i = 0; i < GRAMMAR_COUNT; i++) if (parsers[i]) ts_parser_delete(parsers[i]);
  free(parsers);
}

static void make_key(void) {
  pthread_key_create(&parsers_key, free_parsers);
}

static TSParser *parser_for(int grammar) {
  pthread_once(&parsers_once, make_key);
  TSParser **parsers = pthread_getspecific(parsers_key);
  if (!parsers) {
    parsers = calloc(GRAMMAR_COUNT, sizeof(TSParser *));
    if (!parsers) return NULL;
    pthread_setspecific(parsers_key, parsers);
  }
  if (!parsers[grammar]) {
    TSParser *p = ts_parser_new();
    if (!p) return NULL;
    if (!ts_parser_set_language(p, GRAMMARS[grammar].language())) {
      ts_parser_delete(p);
      return NULL;
    }
    parsers[grammar] = p;
  }
  return parsers[grammar];
}

/* ---- parsing with a deadline ---- */

typedef struct {
  const char *bytes;
  uint32_t length;
} Source;

static const char *read_source(void *payload, uint32_t byte_index, TSPoint position, uint32_t *bytes_read) {
  (void) position;
  const Source *s = payload;
  if (byte_index >= s->length) {
    *bytes_read = 0;
    return "";
  }
  *bytes_read = s->length - byte_index;
  return s->bytes + byte_index;
}

static uint64_t now_micros(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t) t.tv_sec * 1000000u + (uint64_t) t.tv_nsec / 1000u;
}

/* tree-sitter calls this every hundred or so parse operations; true cancels the parse. */
static bool past_deadline(TSParseState *state) {
  return now_micros() > *(const uint64_t *) state->payload;
}

/* ---- nesting cut ---- */

/*
 * Blanks (to spaces, keeping newlines so rows and offsets stay put) the contents of every bracket that opens
 * deeper than max_brackets levels of (), [] and {}, up to its match; the brackets themselves stay, and the
 * contents of ( and [ become a single 0, so that what remains still parses ("(0)", "[0]", "{}"). tree-sitter's
 * parse stack grows with bracket depth (a 3 MB file of 1.5 million nested brackets takes about 1 GB to
 * parse); the cut keeps the file's outer levels and everything around the deep region parseable in bounded
 * memory. Strings and comments are skipped approximately (quotes with backslash escapes; # or // and block
 * comments by grammar), so only a file whose strings hold hundreds of unbalanced brackets is misread.
 * Returns whether anything was blanked.
 */
static void blank(char *b, int64_t from, int64_t to, char opener) {
  int placed = opener == '{';
  for (int64_t k = from; k < to; k++) {
    if (b[k] == '\n') continue;
    b[k] = placed ? ' ' : '0';
    placed = 1;
  }
}

static int cut_nesting(char *b, uint32_t n, int32_t max_brackets, int hash_comments, int slash_comments) {
  int32_t depth = 0;
  int64_t cut_from = -1; /* first byte inside the bracket being cut, -1 when none */
  int32_t cut_depth = 0;
  char opener = 0;
  int cut = 0;
  char quote = 0;
  for (uint32_t i = 0; i < n; i++) {
    char c = b[i];
    if (quote) {
      if (c == '\\' && i + 1 < n && b[i + 1] != '\n') i++;
      else if (c == quote || (c == '\n' && quote != '`')) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'' || c == '`') {
      quote = c;
    } else if ((hash_comments && c == '#') || (slash_comments && c == '/' && i + 1 < n && b[i + 1] == '/')) {
      while (i < n && b[i] != '\n') i++;
    } else if (slash_comments && c == '/' && i + 1 < n && b[i + 1] == '*') {
      for (i += 2; i + 1 < n && !(b[i] == '*' && b[i + 1] == '/'); i++) {}
      i++;
    } else if (c == '(' || c == '[' || c == '{') {
      if (++depth > max_brackets && cut_from < 0) {
        cut_from = (int64_t) i + 1;
        cut_depth = depth;
        opener = c;
      }
    } else if (c == ')' || c == ']' || c == '}') {
      if (depth > 0) depth--;
      if (cut_from >= 0 && depth < cut_depth) {
        blank(b, cut_from, i, opener);
        cut_from = -1;
        cut = 1;
      }
    }
  }
  if (cut_from >= 0) { /* never closed: blank to the end */
    blank(b, cut_from, n, opener);
    cut = 1;
  }
  return cut;
}

/* ---- the node table ---- */

typedef struct {
  int32_t *words;
  size_t length, capacity;
} Table;

static int table_reserve(Table *t, size_t words) {
  if (t->length + words <= t->capacity) return 1;
  size_t cap = t->capacity ? t->capacity : 1024;
  while (cap < t->length + words) cap *= 2;
  int32_t *grown = realloc(t->words, cap * sizeof(int32_t));
  if (!grown) return 0;
  t->words = grown;
  t->capacity = cap;
  return 1;
}

/* Appends the cursor's node as a child of parent (-1 for the root); returns its index, or -1 without memory. */
static int32_t emit(Table *t, const TSTreeCursor *c, int32_t parent, uint32_t error_symbol) {
  if (!table_reserve(t, STRIDE)) return -1;
  TSNode n = ts_tree_cursor_current_node(c);
  TSSymbol symbol = ts_node_symbol(n);
  uint32_t sym = symbol == (TSSymbol) -1 ? error_symbol : symbol;
  uint32_t field = parent < 0 ? 0 : ts_tree_cursor_current_field_id(c);
  int32_t flags = (ts_node_is_named(n) ? F_NAMED : 0) | (ts_node_is_missing(n) ? F_MISSING : 0)
      | (ts_node_is_extra(n) ? F_EXTRA : 0) | (ts_node_is_error(n) ? F_ERROR : 0)
      | (ts_node_has_error(n) ? F_HAS_ERROR : 0);
  TSPoint start = ts_node_start_point(n);
  int32_t index = (int32_t) ((t->length - HEADER) / STRIDE);
  int32_t *w = t->words + t->length;
  w[0] = (int32_t) (sym | (field << 16));
  w[1] = flags;
  w[2] = parent;
  w[3] = index + 1;
  w[4] = (int32_t) ts_node_start_byte(n);
  w[5] = (int32_t) ts_node_end_byte(n);
  w[6] = (int32_t) start.row;
  w[7] = (int32_t) start.column;
  t->length += STRIDE;
  if (parent >= 0) t->words[HEADER + parent * STRIDE + 1] += 1 << 8;
  return index;
}

static int32_t *node_at(Table *t, int32_t index) {
  return t->words + HEADER + (size_t) index * STRIDE;
}

/*
 * Pre-order walk with a cursor and an explicit stack of open node indices. Returns the status bits; on
 * S_NO_MEMORY the table is incomplete and must not be used.
 */
static int32_t build(Table *t, TSTree *tree, uint32_t error_symbol, int32_t max_depth, int32_t max_nodes) {
  int32_t status = 0, deepest = 0;
  int32_t *stack = malloc(((size_t) max_depth + 2) * sizeof(int32_t));
  if (!stack || !table_reserve(t, HEADER)) {
    free(stack);
    return S_NO_MEMORY;
  }
  t->length = HEADER;
  TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(tree));
  int32_t sp = 0;
  stack[sp++] = emit(t, &c, -1, error_symbol);
  if (stack[0] < 0) goto out_of_memory;
  for (;;) {
    int32_t top = stack[sp - 1];
    if (sp - 1 < max_depth) {
      if (ts_tree_cursor_goto_first_child(&c)) {
        if ((t->length - HEADER) / STRIDE < (size_t) max_nodes) {
          int32_t child = emit(t, &c, top, error_symbol);
          if (child < 0) goto out_of_memory;
          stack[sp++] = child;
          if (sp - 1 > deepest) deepest = sp - 1;
          continue;
        }
        ts_tree_cursor_goto_parent(&c);
        node_at(t, top)[1] |= F_TRUNCATED;
        status |= S_NODE_LIMIT;
      }
    } else if (ts_node_child_count(ts_tree_cursor_current_node(&c)) > 0) {
      node_at(t, top)[1] |= F_TRUNCATED;
      status |= S_DEPTH_LIMIT;
    }
    for (;;) { /* close the current node, then move to its next sibling or close its parent */
      int32_t done = stack[--sp];
      node_at(t, done)[3] = (int32_t) ((t->length - HEADER) / STRIDE);
      if (sp == 0) goto finished;
      if (ts_tree_cursor_goto_next_sibling(&c)) {
        if ((t->length - HEADER) / STRIDE < (size_t) max_nodes) {
          int32_t sibling = emit(t, &c, stack[sp - 1], error_symbol);
          if (sibling < 0) goto out_of_memory;
          stack[sp++] = sibling;
          break;
        }
        node_at(t, stack[sp - 1])[1] |= F_TRUNCATED;
        status |= S_NODE_LIMIT;
      }
      ts_tree_cursor_goto_parent(&c);
    }
  }
finished:
  ts_tree_cursor_delete(&c);
  free(stack);
  if (node_at(t, 0)[1] & F_HAS_ERROR) status |= S_ROOT_ERROR;
  t->words[0] = status;
  t->words[1] = (int32_t) ((t->length - HEADER) / STRIDE);
  t->words[2] = deepest;
  t->words[3] = 0;
  return status;
out_of_memory:
  ts_tree_cursor_delete(&c);
  free(stack);
  return S_NO_MEMORY;
}

/* A header-only table: no tree (timed out, failed, out of memory). */
static jintArray status_only(JNIEnv *env, int32_t status) {
  jint header[HEADER] = {status, 0, 0, 0};
  jintArray out = (*env)->NewIntArray(env, HEADER);
  if (out) (*env)->SetIntArrayRegion(env, out, 0, HEADER, header);
  return out;
}

/* ---- JNI entry points (dev.wraith.code.parser.NativeParser) ---- */

JNIEXPORT jstring JNICALL Java_dev_wraith_code_parser_NativeParser_build(JNIEnv *env, jclass cls) {
  (void) cls;
  return (*env)->NewStringUTF(env, WRAITH_TS_BUILD);
}

/* The grammar names, NUL-separated UTF-8. */
JNIEXPORT jbyteArray JNICALL Java_dev_wraith_code_parser_NativeParser_grammars(JNIEnv *env, jclass cls) {
  (void) cls;
  size_t length = 0;
  for (int i = 0; i < GRAMMAR_COUNT; i++) length += strlen(GRAMMARS[i].name) + 1;
  jbyteArray out = (*env)->NewByteArray(env, (jsize) length);
  if (!out) return NULL;
  size_t at = 0;
  for (int i = 0; i < GRAMMAR_COUNT; i++) {
    size_t n = strlen(GRAMMARS[i].name) + 1;
    (*env)->SetByteArrayRegion(env, out, (jsize) at, (jsize) n, (const jbyte *) GRAMMARS[i].name);
    at += n;
  }
  return out;
}

/*
 * A grammar's names, NUL-separated UTF-8: kind 0 = node types by public symbol (0 .. symbol_count - 1,
 * then "ERROR" for the error symbol), kind 1 = field names by field id (0 .. field_count, id 0 = "").
 */
JNIEXPORT jbyteArray JNICALL Java_dev_wraith_code_parser_NativeParser_names(JNIEnv *env, jclass cls, jint grammar,
    jint kind) {
  (void) cls;
  if (grammar < 0 || grammar >= GRAMMAR_COUNT) return NULL;
  const TSLanguage *lang = GRAMMARS[grammar].language();
  uint32_t count = kind == 0 ? ts_language_symbol_count(lang) + 1 : ts_language_field_count(lang) + 1;
  size_t length = 0;
  for (uint32_t i = 0; i < count; i++) {
    const char *s = kind == 0 ? (i + 1 == count ? "ERROR" : ts_language_symbol_name(lang, (TSSymbol) i))
                              : (i == 0 ? "" : ts_language_field_name_for_id(lang, (TSFieldId) i));
    length += (s ? strlen(s) : 0) + 1;
  }
  char *buf = malloc(length ? length : 1);
  if (!buf) return NULL;
  size_t at = 0;
  for (uint32_t i = 0; i < count; i++) {
    const char *s = kind == 0 ? (i + 1 == count ? "ERROR" : ts_language_symbol_name(lang, (TSSymbol) i))
                              : (i == 0 ? "" : ts_language_field_name_for_id(lang, (TSFieldId) i));
    size_t n = s ? strlen(s) : 0;
    memcpy(buf + at, s ? s : "", n);
    buf[at + n] = 0;
    at += n + 1;
  }
  jbyteArray out = (*env)->NewByteArray(env, (jsize) length);
  if (out) (*env)->SetByteArrayRegion(env, out, 0, (jsize) length, (const jbyte *) buf);
  free(buf);
  return out;
}

JNIEXPORT jintArray JNICALL Java_dev_wraith_code_parser_NativeParser_parse(JNIEnv *env, jclass cls, jint grammar,
    jbyteArray source, jint length, jlong timeout_micros, jint max_depth, jint max_nodes, jint max_brackets) {
  (void) cls;
  if (grammar < 0 || grammar >= GRAMMAR_COUNT || length < 0 || max_depth < 0 || max_nodes < 1 || max_brackets < 1) {
    return status_only(env, S_FAILED);
  }
  char *bytes = malloc(length ? (size_t) length : 1);
  if (!bytes) return status_only(env, S_NO_MEMORY);
  (*env)->GetByteArrayRegion(env, source, 0, length, (jbyte *) bytes);
  if ((*env)->ExceptionCheck(env)) {
    free(bytes);
    return NULL;
  }
  TSParser *parser = parser_for(grammar);
  if (!parser) {
    free(bytes);
    return status_only(env, S_FAILED);
  }
  const Grammar *g = &GRAMMARS[grammar];
  int32_t cut = cut_nesting(bytes, (uint32_t) length, max_brackets, g->hash_comments, g->slash_comments) ? S_NESTING_CUT : 0;
  Source src = {bytes, (uint32_t) length};
  TSInput input = {&src, read_source, TSInputEncodingUTF8, NULL};
  uint64_t deadline = now_micros() + (uint64_t) (timeout_micros > 0 ? timeout_micros : 0);
  TSParseOptions options = {&deadline, timeout_micros > 0 ? past_deadline : NULL};
  TSTree *tree = ts_parser_parse_with_options(parser, NULL, input, options);
  if (!tree) {
    ts_parser_reset(parser); /* a cancelled parse would otherwise resume on the next call */
    free(bytes);
    return status_only(env, S_TIMED_OUT | cut);
  }
  Table table = {0};
  uint32_t error_symbol = ts_language_symbol_count(GRAMMARS[grammar].language());
  int32_t status = build(&table, tree, error_symbol, max_depth, max_nodes);
  ts_tree_delete(tree);
  free(bytes);
  if (status & S_NO_MEMORY) {
    free(table.words);
    return status_only(env, S_NO_MEMORY | cut);
  }
  table.words[0] |= cut;
  jintArray out = (*env)->NewIntArray(env, (jsize) table.length);
  if (out) (*env)->SetIntArrayRegion(env, out, 0, (jsize) table.length, table.words);
  free(table.words);
  return out;
}
