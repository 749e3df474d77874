/* SPDX-License-Identifier: (MIT OR GPL-2.0) */
/*
 * The records wraith's BPF programs put in the ring buffer, shared by the programs and the loader. Java reads the
 * same layout (dev.wraith.host.ebpf.EventDecoder): little-endian, fields at the offsets below, a record as long as
 * the ring buffer sample (data records end after `len` bytes of data). Change both sides together and bump
 * WR_LAYOUT_VERSION, which the loader announces in its first frame.
 */
#ifndef WRAITH_PROBE_H
#define WRAITH_PROBE_H

#define WR_LAYOUT_VERSION 1

/* The bound on the bytes captured of one message: the first write of a connection, one DNS answer. 2 KiB holds a
 * TLS ClientHello with a post-quantum key share (X25519MLKEM768: ~1.3 KiB) and extensions in shuffled order (Go,
 * Chrome), so that the SNI is inside it; nothing after it is ever read. */
#define WR_DATA_MAX 2048
#define WR_PATH_MAX 256
#define WR_ARGS_MAX 1024

enum wr_type {
  WR_CONNECT = 1, /* a TCP socket went CLOSE -> SYN_SENT in the connecting process (connect(), also non-blocking) */
  WR_DNS = 2,     /* a message received from port 53 (UDP, or TCP) */
  WR_PAYLOAD = 3, /* the first bytes written on a connection this process opened */
  WR_EXEC = 4,    /* execve() completed */
  WR_EXIT = 5,    /* a thread group leader exited */
  WR_TYPES = 6
};

/* 40 bytes, first in every record. */
struct wr_head {
  __u64 time_ns;  /* 0: CLOCK_BOOTTIME */
  __u64 start_ns; /* 8: the thread group leader's start_boottime; /proc/PID/stat field 22 is this / (1e9 / USER_HZ) */
  __u64 cgroup;   /* 16: cgroup v2 id = inode of the cgroup's directory */
  __u32 type;     /* 24 */
  __u32 pid;      /* 28: thread id */
  __u32 tgid;     /* 32: process id */
  __u32 netns;    /* 36: network namespace inode */
};

/* Addresses in network order; ports in host order. IPv4 uses the first 4 bytes of the address fields. */
struct wr_connect {
  struct wr_head h;
  __u64 conn;     /* 40: the probe's id for the connection (never a kernel address) */
  __u16 family;   /* 48: 2 AF_INET, 10 AF_INET6 */
  __u16 sport;    /* 50: 0 when not bound yet */
  __u16 dport;    /* 52 */
  __u16 proto;    /* 54 */
  __u8 saddr[16]; /* 56 */
  __u8 daddr[16]; /* 72 */
};                /* 88 */

struct wr_data {
  struct wr_head h;
  __u64 conn;     /* 40: WR_PAYLOAD: the connection's id; WR_DNS: 0 */
  __u16 family;   /* 48 */
  __u16 sport;    /* 50: local port */
  __u16 dport;    /* 52: peer port (53 for DNS) */
  __u16 proto;    /* 54: 6 TCP, 17 UDP */
  __u8 saddr[16]; /* 56: local address (may be zero for an unconnected UDP socket) */
  __u8 daddr[16]; /* 72: peer address */
  __u32 len;      /* 88: bytes in data */
  __u32 total;    /* 92: bytes the syscall asked to write / received (its first buffer) */
  __u8 data[WR_DATA_MAX]; /* 96 */
};

struct wr_exec {
  struct wr_head h;
  __u32 ppid;       /* 40: real parent's tgid */
  __u32 uid;        /* 44: real uid */
  __u32 path_len;   /* 48 */
  __u32 args_len;   /* 52: bytes in args (NUL-separated argv) */
  __u32 args_total; /* 56: bytes of argv in the process */
  __u32 pad;        /* 60 */
  char path[WR_PATH_MAX]; /* 64 */
  char args[WR_ARGS_MAX]; /* 320 */
};

#endif
