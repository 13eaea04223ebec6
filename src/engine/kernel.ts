// The simulated host's kernel: containers share it, so uname, service logs and docker info agree.
export const KERNEL = {
  sysname: "Linux",
  release: "6.8.0-60-generic",
  version: "#63-Ubuntu SMP PREEMPT_DYNAMIC Tue Apr 15 19:04:15 UTC 2025",
  machine: "x86_64",
} as const;
