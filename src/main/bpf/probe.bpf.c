// SPDX-License-Identifier: (MIT OR GPL-2.0)
/*
 * wraith's kernel probe: tracepoint programs (no kprobes: some kernels, this project's CI among them, have none)
 * that report TCP connects, DNS answers received, the first bytes written on each connection a process opened,
 * and exec/exit, with the process's identity, cgroup and network namespace. CO-RE: compiled once against the
 * build machine's BTF, relocated by libbpf on the running kernel.
 *
 * Filtering happens here, not in user space: only TCP state changes into SYN_SENT make a record; payload is read
 * only for a connection this process opened and only once (the conns entry is deleted by the first write that
 * claims it); receives are looked at only in processes that talked to port 53, and kept only when the peer is port
 * 53. Every map is bounded (LRU where entries can be orphaned); a full ring buffer is counted in `drops`, never
 * silent. Payload is never interpreted here: user space parses it and keeps only names. Records never wake the reader
 * (BPF_RB_NO_WAKEUP): the loader drains the buffer on its own schedule, so a busy node costs a wake-up per batch, not
 * per connection.
 */
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>
#include "probe.h"

char LICENSE[] SEC("license") = "Dual MIT/GPL";

#define AF_INET 2
#define AF_INET6 10
#define S_IFMT 00170000
#define S_IFSOCK 0140000
#define DNS_PORT 53

enum send_kind { FLAT = 0, IOV = 1, MSG = 2, MMSG = 3 };

struct conn {
  __u64 id;
  __u32 tgid;
  __u32 pad;
};

/* A receive in flight on a thread: where the bytes will land, and whether the peer port is still to be checked. */
struct recv {
  __u64 buf;   /* FLAT: the buffer; MSG: the user_msghdr; MMSG: the mmsghdr array */
  __u64 addr;  /* FLAT: recvfrom's address argument (0 when none) */
  __u32 kind;
  __u32 check; /* 1: an unconnected UDP socket; keep the message only if its source port is 53 */
  __u64 sk;
};

struct {
  __uint(type, BPF_MAP_TYPE_RINGBUF);
  __uint(max_entries, 4 << 20);
} events SEC(".maps");

/* Connections opened by a process and not written on yet, keyed by socket. */
struct {
  __uint(type, BPF_MAP_TYPE_LRU_HASH);
  __uint(max_entries, 65536);
  __type(key, __u64);
  __type(value, struct conn);
} conns SEC(".maps");

/* Per process: how many of its connections await their first write (the cheap test every write starts with). */
struct {
  __uint(type, BPF_MAP_TYPE_LRU_HASH);
  __uint(max_entries, 16384);
  __type(key, __u32);
  __type(value, __u32);
} pending SEC(".maps");

/* Processes that connected or sent to port 53: only their receives are looked at. */
struct {
  __uint(type, BPF_MAP_TYPE_LRU_HASH);
  __uint(max_entries, 16384);
  __type(key, __u32);
  __type(value, __u8);
} dns_tgids SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_LRU_HASH);
  __uint(max_entries, 16384);
  __type(key, __u64);
  __type(value, struct recv);
} recvs SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
  __uint(max_entries, 1);
  __type(key, __u32);
  __type(value, struct wr_data);
} data_scratch SEC(".maps");

struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
  __uint(max_entries, 1);
  __type(key, __u32);
  __type(value, struct wr_exec);
} exec_scratch SEC(".maps");

/* Records lost because the ring buffer was full, per wr_type. */
struct {
  __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
  __uint(max_entries, WR_TYPES);
  __type(key, __u32);
  __type(value, __u64);
} drops SEC(".maps");

__u64 next_conn = 0;

static __always_inline void dropped(__u32 type) {
  __u64 *n = bpf_map_lookup_elem(&drops, &type);
  if (n) *n += 1;
}

static __always_inline void fill_head(struct wr_head *h, __u32 type) {
  struct task_struct *t = (struct task_struct *)bpf_get_current_task();
  __u64 id = bpf_get_current_pid_tgid();
  h->time_ns = bpf_ktime_get_boot_ns();
  h->start_ns = BPF_CORE_READ(t, group_leader, start_boottime);
  h->cgroup = bpf_get_current_cgroup_id();
  h->type = type;
  h->pid = (__u32)id;
  h->tgid = id >> 32;
  h->netns = BPF_CORE_READ(t, nsproxy, net_ns, ns.inum);
}

/* The socket behind a file descriptor of the current process, or NULL when it is not a socket. */
static __always_inline struct sock *sock_of_fd(long fd) {
  struct task_struct *t = (struct task_struct *)bpf_get_current_task();
  struct fdtable *fdt = BPF_CORE_READ(t, files, fdt);
  if (!fdt || fd < 0 || fd >= BPF_CORE_READ(fdt, max_fds)) return NULL;
  struct file **fds = BPF_CORE_READ(fdt, fd);
  struct file *f = NULL;
  if (bpf_probe_read_kernel(&f, sizeof(f), &fds[fd]) || !f) return NULL;
  umode_t mode = BPF_CORE_READ(f, f_inode, i_mode);
  if ((mode & S_IFMT) != S_IFSOCK) return NULL;
  struct socket *s = BPF_CORE_READ(f, private_data);
  return s ? BPF_CORE_READ(s, sk) : NULL;
}

static __always_inline void sock_addrs(struct sock *sk, struct wr_data *e) {
  e->family = BPF_CORE_READ(sk, __sk_common.skc_family);
  e->sport = BPF_CORE_READ(sk, __sk_common.skc_num);
  e->dport = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
  e->proto = BPF_CORE_READ(sk, sk_protocol);
  __builtin_memset(e->saddr, 0, 16);
  __builtin_memset(e->daddr, 0, 16);
  /* sizes spelled out: BPF_CORE_READ_INTO would read sizeof(*e->saddr), one byte */
  if (e->family == AF_INET) {
    bpf_core_read(e->saddr, 4, &sk->__sk_common.skc_rcv_saddr);
    bpf_core_read(e->daddr, 4, &sk->__sk_common.skc_daddr);
  } else if (e->family == AF_INET6) {
    bpf_core_read(e->saddr, 16, &sk->__sk_common.skc_v6_rcv_saddr);
    bpf_core_read(e->daddr, 16, &sk->__sk_common.skc_v6_daddr);
  }
}

/* The port of a user sockaddr (host order), or 0 when it is not AF_INET/AF_INET6. */
static __always_inline __u16 user_port(const void *addr) {
  struct { __u16 family; __u16 port; } sa = {};
  if (!addr || bpf_probe_read_user(&sa, sizeof(sa), addr)) return 0;
  return sa.family == AF_INET || sa.family == AF_INET6 ? bpf_ntohs(sa.port) : 0;
}

static __always_inline void mark_dns(void) {
  __u32 tgid = bpf_get_current_pid_tgid() >> 32;
  __u8 one = 1;
  bpf_map_update_elem(&dns_tgids, &tgid, &one, BPF_ANY);
}

static __always_inline void add_pending(__u32 tgid, int delta) {
  __u32 *n = bpf_map_lookup_elem(&pending, &tgid);
  if (n) {
    __sync_fetch_and_add(n, delta);
  } else if (delta > 0) {
    __u32 one = 1;
    bpf_map_update_elem(&pending, &tgid, &one, BPF_NOEXIST);
  }
}

/* Copies at most WR_DATA_MAX bytes of user memory into a data record and sends it. */
static __always_inline void send_data(struct wr_data *e, const void *src, __u64 count, __u32 type) {
  __u32 len = count > WR_DATA_MAX ? WR_DATA_MAX : (__u32)count;
  e->total = count > 0xffffffffULL ? 0xffffffffU : (__u32)count;
  if (len > WR_DATA_MAX) return; /* for the verifier: len is bounded on every path */
  if (bpf_probe_read_user(e->data, len, src) != 0) len = 0;
  e->len = len;
  if (bpf_ringbuf_output(&events, e, __builtin_offsetof(struct wr_data, data) + len, BPF_RB_NO_WAKEUP)) dropped(type);
}

/* ---- TCP connects ---- */

SEC("tracepoint/sock/inet_sock_set_state")
int on_state(struct trace_event_raw_inet_sock_set_state *ctx) {
  if (ctx->protocol != IPPROTO_TCP) return 0;
  __u64 sk = (__u64)ctx->skaddr;
  if (ctx->newstate == TCP_CLOSE) {
    struct conn *c = bpf_map_lookup_elem(&conns, &sk);
    if (c) {
      __u32 owner = c->tgid;
      if (bpf_map_delete_elem(&conns, &sk) == 0) add_pending(owner, -1);
    }
    return 0;
  }
  if (ctx->newstate != TCP_SYN_SENT || ctx->oldstate != TCP_CLOSE) return 0;
  /* tcp_v4_connect / tcp_v6_connect run in the connecting process: current is its thread */
  __u32 tgid = bpf_get_current_pid_tgid() >> 32;
  struct conn c = {.id = __sync_fetch_and_add(&next_conn, 1) + 1, .tgid = tgid};
  if (ctx->dport == DNS_PORT) mark_dns();
  if (bpf_map_update_elem(&conns, &sk, &c, BPF_ANY) == 0) add_pending(tgid, 1);
  struct wr_connect *e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
  if (!e) {
    dropped(WR_CONNECT);
    return 0;
  }
  fill_head(&e->h, WR_CONNECT);
  e->conn = c.id;
  e->family = ctx->family;
  e->sport = ctx->sport;
  e->dport = ctx->dport;
  e->proto = IPPROTO_TCP;
  __builtin_memset(e->saddr, 0, 16);
  __builtin_memset(e->daddr, 0, 16);
  /* the context may only be read at constant offsets: the helper copies the arrays */
  if (ctx->family == AF_INET6) {
    bpf_probe_read_kernel(e->saddr, 16, ctx->saddr_v6);
    bpf_probe_read_kernel(e->daddr, 16, ctx->daddr_v6);
  } else {
    bpf_probe_read_kernel(e->saddr, 4, ctx->saddr);
    bpf_probe_read_kernel(e->daddr, 4, ctx->daddr);
  }
  bpf_ringbuf_submit(e, BPF_RB_NO_WAKEUP);
  return 0;
}

/* connect() on a UDP socket to port 53 (glibc, c-ares and Go connect their resolver sockets) marks the process. */
SEC("tracepoint/syscalls/sys_enter_connect")
int on_connect(struct trace_event_raw_sys_enter *ctx) {
  if (user_port((const void *)ctx->args[1]) == DNS_PORT) mark_dns();
  return 0;
}

/* ---- the first write on a connection ---- */

static __always_inline int on_send(long fd, __u64 ptr, __u64 count, int kind) {
  __u32 tgid = bpf_get_current_pid_tgid() >> 32;
  __u32 *n = bpf_map_lookup_elem(&pending, &tgid);
  if (!n || *n == 0) return 0;
  struct sock *sk = sock_of_fd(fd);
  if (!sk) return 0;
  __u64 key = (__u64)sk;
  struct conn *c = bpf_map_lookup_elem(&conns, &key);
  if (!c) return 0;
  __u64 id = c->id;
  __u32 owner = c->tgid;
  /* the delete claims the connection: of two threads writing at once, only one gets 0 here */
  if (bpf_map_delete_elem(&conns, &key) != 0) return 0;
  add_pending(owner, -1);
  if (kind == MSG) {
    struct user_msghdr m = {};
    if (bpf_probe_read_user(&m, sizeof(m), (const void *)ptr) || m.msg_iovlen == 0) return 0;
    ptr = (__u64)m.msg_iov;
    kind = IOV;
  }
  if (kind == IOV) {
    /* the first buffer only: what an HTTP client or a TLS stack writes first is its head, in one buffer */
    struct iovec iov = {};
    if (bpf_probe_read_user(&iov, sizeof(iov), (const void *)ptr)) return 0;
    ptr = (__u64)iov.iov_base;
    count = iov.iov_len;
  }
  __u32 zero = 0;
  struct wr_data *e = bpf_map_lookup_elem(&data_scratch, &zero);
  if (!e) return 0;
  fill_head(&e->h, WR_PAYLOAD);
  e->conn = id;
  sock_addrs(sk, e);
  send_data(e, (const void *)ptr, count, WR_PAYLOAD);
  return 0;
}

SEC("tracepoint/syscalls/sys_enter_write")
int on_write(struct trace_event_raw_sys_enter *ctx) {
  return on_send(ctx->args[0], ctx->args[1], ctx->args[2], FLAT);
}

SEC("tracepoint/syscalls/sys_enter_writev")
int on_writev(struct trace_event_raw_sys_enter *ctx) {
  if (ctx->args[2] == 0) return 0;
  return on_send(ctx->args[0], ctx->args[1], 0, IOV);
}

SEC("tracepoint/syscalls/sys_enter_sendto")
int on_sendto(struct trace_event_raw_sys_enter *ctx) {
  if (ctx->args[4] && user_port((const void *)ctx->args[4]) == DNS_PORT) mark_dns(); /* musl's resolver */
  return on_send(ctx->args[0], ctx->args[1], ctx->args[2], FLAT);
}

SEC("tracepoint/syscalls/sys_enter_sendmsg")
int on_sendmsg(struct trace_event_raw_sys_enter *ctx) {
  struct user_msghdr m = {};
  if (!bpf_probe_read_user(&m, sizeof(m), (const void *)ctx->args[1]) && m.msg_name
      && user_port(m.msg_name) == DNS_PORT) mark_dns();
  return on_send(ctx->args[0], ctx->args[1], 0, MSG);
}

/* ---- DNS answers ---- */

/* Remembers a receive on a socket that talks to port 53 (connected), or may (unconnected UDP). */
static __always_inline int recv_enter(long fd, __u64 buf, __u64 addr, int kind) {
  __u32 tgid = bpf_get_current_pid_tgid() >> 32;
  if (!bpf_map_lookup_elem(&dns_tgids, &tgid)) return 0;
  struct sock *sk = sock_of_fd(fd);
  if (!sk) return 0;
  __u16 proto = BPF_CORE_READ(sk, sk_protocol);
  __u16 dport = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
  struct recv r = {.buf = buf, .addr = addr, .kind = kind, .check = 0, .sk = (__u64)sk};
  if (dport != DNS_PORT) {
    if (proto != IPPROTO_UDP || dport != 0 || (kind == FLAT && !addr)) return 0;
    r.check = 1;
  } else if (proto != IPPROTO_UDP && proto != IPPROTO_TCP) {
    return 0;
  }
  __u64 id = bpf_get_current_pid_tgid();
  bpf_map_update_elem(&recvs, &id, &r, BPF_ANY);
  return 0;
}

static __always_inline int recv_exit(long ret) {
  __u64 id = bpf_get_current_pid_tgid();
  struct recv *p = bpf_map_lookup_elem(&recvs, &id);
  if (!p) return 0;
  struct recv r = *p;
  bpf_map_delete_elem(&recvs, &id);
  if (ret <= 0) return 0;
  __u64 buf = r.buf, count = ret, name = r.addr;
  if (r.kind == MMSG) {
    struct mmsghdr mm = {};
    if (bpf_probe_read_user(&mm, sizeof(mm), (const void *)buf)) return 0;
    count = mm.msg_len;
    name = (__u64)mm.msg_hdr.msg_name;
    struct iovec iov = {};
    if (mm.msg_hdr.msg_iovlen == 0 || bpf_probe_read_user(&iov, sizeof(iov), mm.msg_hdr.msg_iov)) return 0;
    buf = (__u64)iov.iov_base;
    if (count > iov.iov_len) count = iov.iov_len;
  } else if (r.kind == MSG) {
    struct user_msghdr m = {};
    if (bpf_probe_read_user(&m, sizeof(m), (const void *)buf)) return 0;
    name = (__u64)m.msg_name;
    struct iovec iov = {};
    if (m.msg_iovlen == 0 || bpf_probe_read_user(&iov, sizeof(iov), m.msg_iov)) return 0;
    buf = (__u64)iov.iov_base;
    if (count > iov.iov_len) count = iov.iov_len;
  }
  if (r.check && user_port((const void *)name) != DNS_PORT) return 0;
  __u32 zero = 0;
  struct wr_data *e = bpf_map_lookup_elem(&data_scratch, &zero);
  if (!e) return 0;
  fill_head(&e->h, WR_DNS);
  e->conn = 0;
  sock_addrs((struct sock *)r.sk, e);
  if (r.check) {
    e->dport = DNS_PORT;
    struct { __u16 family; __u16 port; __u8 a4[4]; __u32 flow; __u8 a6[16]; } sa = {};
    if (!bpf_probe_read_user(&sa, sizeof(sa), (const void *)name)) {
      if (sa.family == AF_INET) __builtin_memcpy(e->daddr, sa.a4, 4);
      else if (sa.family == AF_INET6) __builtin_memcpy(e->daddr, sa.a6, 16);
    }
  }
  send_data(e, (const void *)buf, count, WR_DNS);
  return 0;
}

SEC("tracepoint/syscalls/sys_enter_recvfrom")
int on_recvfrom(struct trace_event_raw_sys_enter *ctx) {
  return recv_enter(ctx->args[0], ctx->args[1], ctx->args[4], FLAT);
}

SEC("tracepoint/syscalls/sys_exit_recvfrom")
int on_recvfrom_exit(struct trace_event_raw_sys_exit *ctx) {
  return recv_exit(ctx->ret);
}

SEC("tracepoint/syscalls/sys_enter_recvmsg")
int on_recvmsg(struct trace_event_raw_sys_enter *ctx) {
  return recv_enter(ctx->args[0], ctx->args[1], 0, MSG);
}

SEC("tracepoint/syscalls/sys_exit_recvmsg")
int on_recvmsg_exit(struct trace_event_raw_sys_exit *ctx) {
  return recv_exit(ctx->ret);
}

SEC("tracepoint/syscalls/sys_enter_recvmmsg")
int on_recvmmsg(struct trace_event_raw_sys_enter *ctx) {
  return recv_enter(ctx->args[0], ctx->args[1], 0, MMSG);
}

SEC("tracepoint/syscalls/sys_exit_recvmmsg")
int on_recvmmsg_exit(struct trace_event_raw_sys_exit *ctx) {
  return recv_exit(ctx->ret > 0 ? 1 : ctx->ret);
}

/* read() on a socket connected to port 53 (Go's resolver, c-ares). */
SEC("tracepoint/syscalls/sys_enter_read")
int on_read(struct trace_event_raw_sys_enter *ctx) {
  return recv_enter(ctx->args[0], ctx->args[1], 0, FLAT);
}

SEC("tracepoint/syscalls/sys_exit_read")
int on_read_exit(struct trace_event_raw_sys_exit *ctx) {
  return recv_exit(ctx->ret);
}

/* ---- processes ---- */

SEC("tracepoint/sched/sched_process_exec")
int on_exec(struct trace_event_raw_sched_process_exec *ctx) {
  __u32 zero = 0;
  struct wr_exec *e = bpf_map_lookup_elem(&exec_scratch, &zero);
  if (!e) return 0;
  fill_head(&e->h, WR_EXEC);
  struct task_struct *t = (struct task_struct *)bpf_get_current_task();
  e->ppid = BPF_CORE_READ(t, real_parent, tgid);
  e->uid = (__u32)bpf_get_current_uid_gid();
  e->pad = 0;
  unsigned int off = ctx->__data_loc_filename & 0xFFFF;
  long n = bpf_probe_read_kernel_str(e->path, sizeof(e->path), (void *)ctx + off);
  e->path_len = n > 0 ? n - 1 : 0;
  __u64 start = BPF_CORE_READ(t, mm, arg_start), end = BPF_CORE_READ(t, mm, arg_end);
  __u64 total = end > start ? end - start : 0;
  __u32 len = total > WR_ARGS_MAX ? WR_ARGS_MAX : (__u32)total;
  e->args_total = total > 0xffffffffULL ? 0xffffffffU : (__u32)total;
  if (len > WR_ARGS_MAX) return 0; /* for the verifier */
  if (bpf_probe_read_user(e->args, len, (const void *)start) != 0) len = 0;
  e->args_len = len;
  if (bpf_ringbuf_output(&events, e, __builtin_offsetof(struct wr_exec, args) + len, BPF_RB_NO_WAKEUP)) dropped(WR_EXEC);
  return 0;
}

SEC("tracepoint/sched/sched_process_exit")
int on_exit(void *ctx) {
  __u64 id = bpf_get_current_pid_tgid();
  __u32 tgid = id >> 32;
  if ((__u32)id != tgid) return 0; /* a thread, not the process */
  bpf_map_delete_elem(&dns_tgids, &tgid);
  bpf_map_delete_elem(&pending, &tgid);
  struct wr_head *e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
  if (!e) {
    dropped(WR_EXIT);
    return 0;
  }
  fill_head(e, WR_EXIT);
  bpf_ringbuf_submit(e, BPF_RB_NO_WAKEUP);
  return 0;
}
