// The remote repositories and their tags. Tags naming the same image share its key, so
// they share digests (alpine:latest = alpine:3.21 = alpine:3).
import type { RepositoryDef } from "./types.js";

const repo = (path: string, description: string, stars: number, official: boolean, tags: Record<string, string>): RepositoryDef =>
  ({ path, description, stars, official, tags });

export const repositories: RepositoryDef[] = [
  repo("progrium/stress", "", 60, false, { latest: "progrium-stress" }),
  repo("tutum/lamp", "Out-of-the-box LAMP image (PHP+MySQL)", 240, false, { latest: "tutum-lamp" }),
  repo("library/hello-world", "The smallest useful image: prints a greeting and exits", 2_400, true, { latest: "hello-world" }),
  repo("library/busybox", "Tiny userland of common Unix tools in one binary", 3_400, true, { latest: "busybox-1.37", "1.37": "busybox-1.37", "1.37.0": "busybox-1.37", "1.36": "busybox-1.36", "1.36.1": "busybox-1.36" }),
  repo("library/alpine", "Small Alpine Linux base with the apk package manager, about 8 MB", 11_200, true, {
    latest: "alpine-3.21.3", "3": "alpine-3.21.3", "3.21": "alpine-3.21.3", "3.21.3": "alpine-3.21.3", "3.20": "alpine-3.20.6", "3.20.6": "alpine-3.20.6",
  }),
  repo("library/ubuntu", "Ubuntu base system, built from the official release archives", 17_700, true, {
    latest: "ubuntu-24.04", "24.04": "ubuntu-24.04", noble: "ubuntu-24.04", "22.04": "ubuntu-22.04", jammy: "ubuntu-22.04",
  }),
  repo("library/debian", "Debian base system, in full and slim variants", 5_200, true, {
    latest: "debian-bookworm", bookworm: "debian-bookworm", "12": "debian-bookworm", "12.11": "debian-bookworm",
    "bookworm-slim": "debian-bookworm-slim", "12-slim": "debian-bookworm-slim",
  }),
  repo("library/nginx", "Nginx web server and reverse proxy", 20_800, true, {
    latest: "nginx-1.27.5", mainline: "nginx-1.27.5", "1": "nginx-1.27.5", "1.27": "nginx-1.27.5", "1.27.5": "nginx-1.27.5", bookworm: "nginx-1.27.5",
    stable: "nginx-1.28.0", "1.28": "nginx-1.28.0", "1.28.0": "nginx-1.28.0",
    alpine: "nginx-1.27.5-alpine", "1.27-alpine": "nginx-1.27.5-alpine", "1.27.5-alpine": "nginx-1.27.5-alpine", "mainline-alpine": "nginx-1.27.5-alpine",
  }),
  repo("library/httpd", "Apache httpd web server", 4_800, true, {
    latest: "httpd-2.4.63", "2": "httpd-2.4.63", "2.4": "httpd-2.4.63", "2.4.63": "httpd-2.4.63", bookworm: "httpd-2.4.63",
    alpine: "httpd-2.4.63-alpine", "2.4-alpine": "httpd-2.4.63-alpine", "2.4.63-alpine": "httpd-2.4.63-alpine",
  }),
  repo("library/redis", "Redis in-memory key-value store, for caches and queues", 13_000, true, {
    latest: "redis-7.4.3", "7": "redis-7.4.3", "7.4": "redis-7.4.3", "7.4.3": "redis-7.4.3", bookworm: "redis-7.4.3",
    alpine: "redis-7.4.3-alpine", "7-alpine": "redis-7.4.3-alpine", "7.4-alpine": "redis-7.4.3-alpine",
  }),
  repo("library/mysql", "MySQL relational database server", 15_800, true, {
    latest: "mysql-9.3.0", "9": "mysql-9.3.0", "9.3": "mysql-9.3.0", "9.3.0": "mysql-9.3.0", innovation: "mysql-9.3.0",
    "8": "mysql-8.4.5", "8.4": "mysql-8.4.5", "8.4.5": "mysql-8.4.5", lts: "mysql-8.4.5",
  }),
  repo("library/postgres", "PostgreSQL relational database server", 14_100, true, {
    latest: "postgres-17.5", "17": "postgres-17.5", "17.5": "postgres-17.5", bookworm: "postgres-17.5",
    "16": "postgres-16.9", "16.9": "postgres-16.9",
    alpine: "postgres-17.5-alpine", "17-alpine": "postgres-17.5-alpine", "17.5-alpine": "postgres-17.5-alpine",
  }),
  repo("library/registry", "Run your own image registry (the Distribution project)", 4_200, true, {
    latest: "registry-3.0.0", "3": "registry-3.0.0", "3.0": "registry-3.0.0", "3.0.0": "registry-3.0.0",
    "2": "registry-2.8.3", "2.8": "registry-2.8.3", "2.8.3": "registry-2.8.3",
  }),
  repo("library/node", "Node.js JavaScript runtime with npm", 13_700, true, {
    latest: "node-24.1.0", current: "node-24.1.0", "24": "node-24.1.0", "24.1.0": "node-24.1.0",
    lts: "node-22.16.0", "22": "node-22.16.0", "22.16.0": "node-22.16.0", jod: "node-22.16.0",
    "20": "node-20.19.2", "20.19.2": "node-20.19.2", iron: "node-20.19.2",
    "20-alpine": "node-20.19.2-alpine", "20.19.2-alpine": "node-20.19.2-alpine",
  }),
  repo("library/python", "Python interpreter with pip, on Debian", 10_000, true, {
    latest: "python-3.13.3", "3": "python-3.13.3", "3.13": "python-3.13.3", "3.13.3": "python-3.13.3",
    "3.12": "python-3.12.10", "3.12.10": "python-3.12.10",
    "3.12-slim": "python-3.12.10-slim", "3.12-slim-bookworm": "python-3.12.10-slim",
  }),
  repo("library/wordpress", "WordPress blogging and content platform on Apache and PHP", 5_700, true, {
    latest: "wordpress-6.8.1-php8.2-apache", "6": "wordpress-6.8.1-php8.2-apache", "6.8": "wordpress-6.8.1-php8.2-apache", "6.8.1": "wordpress-6.8.1-php8.2-apache", apache: "wordpress-6.8.1-php8.2-apache",
  }),
  repo("dockerinaction/hello_world", "", 10, false, { latest: "dockerinaction-hello_world" }),
  // Private: only the "mockdocker" account may pull it (any password works at its first login).
  { ...repo("mockdocker/private-hello", "A private repository: log in as mockdocker to pull it", 0, false, { latest: "dockerinaction-hello_world" }), private: true },
];
