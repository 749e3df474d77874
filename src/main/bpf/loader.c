// SPDX-License-Identifier: (MIT OR GPL-2.0)
/*
 * wraith-probe: loads wraith's BPF programs, attaches them to their tracepoints and copies the ring buffer to
 * standard output as frames, until standard input closes (the sensor that started it went away) or SIGTERM.
 *
 * Frame: u32 length (of what follows), u32 kind, then the body; little-endian.
 *   kind 1 READY  u32 layout version, u64 CLOCK_BOOTTIME ns, u64 CLOCK_REALTIME ns (read together)
 *   kind 2 EVENT  one ring buffer record, as laid out in probe.h
 *   kind 3 STATS  u64 CLOCK_BOOTTIME ns, u64 CLOCK_REALTIME ns, u64 drops[WR_TYPES] (totals since start), every second
 * Failures before READY: one line on stderr starting "wraith-probe: " with the reason, and a distinct exit status
 * (2 usage, 10 no BTF, 11 no tracefs, 12 load refused, 13 attach refused, 14 ring buffer). Nothing else is printed
 * unless WRAITH_PROBE_DEBUG is set (then libbpf's own messages, verifier logs included, go to stderr too).
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include "probe.h"
#include "probe.skel.h"

enum { FRAME_READY = 1, FRAME_EVENT = 2, FRAME_STATS = 3 };
#define DRAIN_NS 50000000L /* 50 ms: at 1,000 connections a second, about 100 records per drain */
#define BUSY_BATCH 4096    /* a drain this large means a burst: drain again without pausing */

static volatile sig_atomic_t stopping;
static int debug;
static int broken_pipe;

static void on_signal(int sig) {
  (void)sig;
  stopping = 1;
}

static int on_libbpf(enum libbpf_print_level level, const char *fmt, va_list args) {
  if (!debug && level != LIBBPF_WARN) return 0;
  if (!debug) return 0; /* warnings are summarised by our own one-line reasons */
  return vfprintf(stderr, fmt, args);
}

static void fail(int status, const char *fmt, ...) {
  va_list args;
  va_start(args, fmt);
  fputs("wraith-probe: ", stderr);
  vfprintf(stderr, fmt, args);
  fputc('\n', stderr);
  va_end(args);
  exit(status);
}

static uint64_t clock_ns(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

/*
 * CLOCK_BOOTTIME and CLOCK_REALTIME "read together": the realtime clock is read on both sides of the boot clock and
 * the tightest of a few tries is kept, with the realtime midpoint. Read naively, a preemption between the two reads
 * (a loaded node) shifts every later event by its length, and a connect could then seem to precede the DNS answer
 * it used, so the answer would not name it.
 */
static void clock_pair(uint64_t *boot, uint64_t *real) {
  uint64_t best = UINT64_MAX;
  for (int i = 0; i < 5; i++) {
    uint64_t r1 = clock_ns(CLOCK_REALTIME), b = clock_ns(CLOCK_BOOTTIME), r2 = clock_ns(CLOCK_REALTIME);
    if (r2 < r1) continue; /* the realtime clock was stepped between the reads */
    if (r2 - r1 < best) {
      best = r2 - r1;
      *boot = b;
      *real = r1 + (r2 - r1) / 2;
    }
  }
  if (best == UINT64_MAX) {
    *boot = clock_ns(CLOCK_BOOTTIME);
    *real = clock_ns(CLOCK_REALTIME);
  }
}

static void frame(uint32_t kind, const void *body, uint32_t len) {
  uint32_t head[2] = {len + 4, kind};
  if (fwrite(head, sizeof(head), 1, stdout) != 1 || (len && fwrite(body, len, 1, stdout) != 1)) broken_pipe = 1;
}

static int on_sample(void *ctx, void *data, size_t size) {
  (void)ctx;
  frame(FRAME_EVENT, data, (uint32_t)size);
  return broken_pipe ? -EPIPE : 0;
}

static int has_syscall_events(const char *tracefs) {
  char path[128];
  struct stat st;
  snprintf(path, sizeof(path), "%s/events/syscalls/sys_enter_connect", tracefs);
  if (stat(path, &st) == 0) return 1;
  if (errno == EACCES) {
    fail(11, "tracefs at %s is not readable by uid %d (%s): run the probe as root (uid 0, with CAP_BPF and CAP_PERFMON)",
         tracefs, (int)getuid(), strerror(errno));
  }
  return 0;
}

/* libbpf finds a tracepoint's id under tracefs; mount it where it is missing (needs CAP_SYS_ADMIN). */
static void ensure_tracefs(void) {
  if (has_syscall_events("/sys/kernel/tracing") || has_syscall_events("/sys/kernel/debug/tracing")) return;
  if (mount("nodev", "/sys/kernel/tracing", "tracefs", 0, NULL) != 0) {
    fail(11, "tracefs is not mounted at /sys/kernel/tracing and mounting it failed (%s): mount it on the node "
             "('mount -t tracefs nodev /sys/kernel/tracing') or, in a container, mount the host's "
             "/sys/kernel/tracing read-only", strerror(errno));
  }
  if (!has_syscall_events("/sys/kernel/tracing")) {
    fail(11, "tracefs has no syscall events (kernel built without CONFIG_FTRACE_SYSCALLS)");
  }
}

static void send_stats(struct probe_bpf *skel, uint64_t *last) {
  int ncpu = libbpf_num_possible_cpus();
  if (ncpu <= 0 || ncpu > 4096) return;
  uint64_t body[2 + WR_TYPES] = {0};
  clock_pair(&body[0], &body[1]);
  uint64_t values[4096];
  int changed = 0;
  for (uint32_t t = 0; t < WR_TYPES; t++) {
    if (bpf_map_lookup_elem(bpf_map__fd(skel->maps.drops), &t, values) != 0) continue;
    uint64_t sum = 0;
    for (int c = 0; c < ncpu; c++) sum += values[c];
    body[2 + t] = sum;
    if (sum != last[t]) changed = 1;
    last[t] = sum;
  }
  (void)changed; /* sent every second regardless: the clocks keep the time conversion fresh */
  frame(FRAME_STATS, body, sizeof(body));
}

/* True when standard input reached end of file or hung up: whoever started the probe is gone. */
static int stdin_closed(void) {
  struct pollfd p = {.fd = 0, .events = POLLIN};
  if (poll(&p, 1, 0) <= 0) return 0;
  if (p.revents & (POLLHUP | POLLERR | POLLNVAL)) return 1;
  char b[64];
  return read(0, b, sizeof(b)) <= 0;
}

int main(int argc, char **argv) {
  if (argc == 2 && strcmp(argv[1], "--layout") == 0) {
    printf("%d\n", WR_LAYOUT_VERSION);
    return 0;
  }
  if (argc != 1) fail(2, "usage: wraith-probe (no arguments; frames on stdout until stdin closes)");
  debug = getenv("WRAITH_PROBE_DEBUG") != NULL;
  prctl(PR_SET_PDEATHSIG, SIGTERM);
  signal(SIGPIPE, SIG_IGN);
  signal(SIGTERM, on_signal);
  signal(SIGINT, on_signal);
  libbpf_set_print(on_libbpf);

  struct stat st;
  if (stat("/sys/kernel/btf/vmlinux", &st) != 0) {
    fail(10, "no kernel BTF at /sys/kernel/btf/vmlinux (the kernel needs CONFIG_DEBUG_INFO_BTF, 5.4 or later)");
  }
  ensure_tracefs();

  struct probe_bpf *skel = probe_bpf__open();
  if (!skel) fail(12, "cannot open the BPF object: %s", strerror(errno));
  int err = probe_bpf__load(skel);
  if (err == -EPERM) {
    fail(12, "the kernel refused to load BPF programs (%s): needs root, or CAP_BPF and CAP_PERFMON; a kernel in "
             "lockdown refuses them to everyone", strerror(-err));
  }
  if (err) fail(12, "the kernel's verifier rejected the BPF programs (%s); WRAITH_PROBE_DEBUG=1 prints its log", strerror(-err));
  err = probe_bpf__attach(skel);
  if (err) fail(13, "cannot attach to the tracepoints (%s): needs CAP_PERFMON and a readable tracefs", strerror(-err));
  struct ring_buffer *rb = ring_buffer__new(bpf_map__fd(skel->maps.events), on_sample, NULL, NULL);
  if (!rb) fail(14, "cannot open the ring buffer: %s", strerror(errno));

  static char out[1 << 16];
  setvbuf(stdout, out, _IOFBF, sizeof(out));
  struct {
    uint32_t layout;
    uint32_t pad;
    uint64_t boot_ns;
    uint64_t real_ns;
  } __attribute__((packed)) ready = {WR_LAYOUT_VERSION, 0, 0, 0};
  uint64_t boot_ns, real_ns;
  clock_pair(&boot_ns, &real_ns);
  ready.boot_ns = boot_ns;
  ready.real_ns = real_ns;
  frame(FRAME_READY, &ready, sizeof(ready));
  fflush(stdout);

  uint64_t last[WR_TYPES] = {0};
  uint64_t next_stats = clock_ns(CLOCK_MONOTONIC) + 1000000000ULL;
  /* the programs submit without waking anyone: drain every DRAIN_NS, at once again while a drain finds a lot */
  const struct timespec pause = {0, DRAIN_NS};
  while (!stopping && !broken_pipe) {
    err = ring_buffer__consume(rb);
    if (err < 0 && err != -EINTR) break;
    if (clock_ns(CLOCK_MONOTONIC) >= next_stats) {
      send_stats(skel, last);
      next_stats += 1000000000ULL;
    }
    if (fflush(stdout) != 0) broken_pipe = 1;
    if (stdin_closed()) break;
    if (err < BUSY_BATCH) nanosleep(&pause, NULL);
  }
  ring_buffer__free(rb);
  probe_bpf__destroy(skel);
  return 0;
}
