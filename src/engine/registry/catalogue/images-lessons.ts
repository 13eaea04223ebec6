// Images the Docker books use for process and resource lessons: progrium/stress (memory and
// CPU hogs) and tutum/lamp (supervisord keeping apache2 and mysqld up, Docker in Action ch. 2).
// Both were built with the classic builder on ubuntu:14.04.
import { defineImage, env, layer, ports, volumes } from "./define.js";
import { bin, blob, dir, dirs, file, lines, merge, script } from "./tree.js";
import type { ImageDef, LayerDef } from "./types.js";
import { DEBIAN_GROUP, DEBIAN_PASSWD, ubuntuRoot } from "./userland.js";

export const lessonLayers: LayerDef[] = [
  layer("ubuntu-trusty", 187_970_000, () => ubuntuRoot("14.04.2", "trusty", "Trusty Tahr"), 65_790_000),
  layer("ubuntu-trusty-policy", 194_500, () => ({ "/usr/sbin/policy-rc.d": file(lines("#!/bin/sh", "exit 101"), 0o755) }), 1_895),
  layer("ubuntu-trusty-sources", 1_895, () => ({ "/etc/apt/sources.list": file(lines("deb http://archive.ubuntu.com/ubuntu/ trusty main restricted universe")) }), 512),
];

const L = (key: string, size: number, files: () => ReturnType<LayerDef["files"]>): string => {
  lessonLayers.push(layer(key, size, files));
  return key;
};

const classic = (by: string) => `/bin/sh -c ${by}`;
const nop = (by: string) => `/bin/sh -c #(nop) ${by}`;

const trusty = defineImage({
  key: "ubuntu-14.04",
  created: "2015-04-20T19:48:17Z",
  config: { Cmd: ["/bin/bash"] },
  steps: [
    { by: nop("ADD file:0018ff77d038472f52512fd66ae0466e6325e5d91289e10a6b324f40582298df in / "), layer: "ubuntu-trusty", comment: "" },
    { by: classic("echo '#!/bin/sh' > /usr/sbin/policy-rc.d && echo 'exit 101' >> /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d"), layer: "ubuntu-trusty-policy", comment: "" },
    { by: classic("sed -i 's/^#\\s*\\(deb.*universe\\)$/\\1/g' /etc/apt/sources.list"), layer: "ubuntu-trusty-sources", comment: "" },
    { by: nop("CMD [\"/bin/bash\"]"), comment: "" },
  ],
});

export const progriumStress = defineImage({
  key: "progrium-stress",
  created: "2014-07-26T03:51:56Z",
  base: trusty,
  config: { Entrypoint: ["/usr/bin/stress", "--verbose"], Cmd: null },
  steps: [
    { by: nop("MAINTAINER Jeff Lindsay <progrium@gmail.com>"), comment: "" },
    {
      by: classic("apt-get update && apt-get install -y stress"),
      layer: L("progrium-stress-apt", 93_510_000, () => ({ "/usr/bin/stress": bin("stress", 31_488), "/var/lib/apt/lists": dir() })),
      comment: "",
    },
    { by: nop("ENTRYPOINT [/usr/bin/stress --verbose]"), comment: "" },
    { by: nop("CMD []"), comment: "" },
  ],
});

const APACHE2_CONF = lines(
  "[program:apache2]",
  "command=/start-apache2.sh",
  "numprocs=1",
  "autostart=true",
  "autorestart=true",
);
const MYSQLD_CONF = lines("[program:mysqld]", "command=/start-mysqld.sh", "numprocs=1", "autostart=true", "autorestart=true");

const lampFiles = () =>
  merge(
    dirs(["/etc/supervisor", "/etc/supervisor/conf.d", "/var/log/supervisor", "/etc/apache2", "/etc/mysql", "/etc/mysql/conf.d", "/var/run/mysqld", "/app"]),
    {
      "/usr/bin/supervisord": script("supervisord", lines("#!/usr/bin/python", "# supervisord entry point (setuptools script)")),
      "/usr/bin/python": bin("python", 3_345_416),
      "/usr/sbin/apache2": bin("apache2", 643_360),
      "/usr/sbin/apache2ctl": blob(7_142, 0o755),
      "/usr/sbin/mysqld": bin("mysqld", 11_120_416),
      "/usr/bin/mysqld_safe": file(lines("#!/bin/sh", "# starts mysqld and restarts it when it dies"), 0o755),
      "/usr/bin/mysql": bin("mysql", 3_520_112),
      "/usr/bin/git": bin("git", 1_853_616),
      "/etc/supervisor/supervisord.conf": file(lines("[unix_http_server]", "file=/var/run/supervisor.sock", "", "[supervisord]", "logfile=/var/log/supervisor/supervisord.log", "", "[include]", "files = /etc/supervisor/conf.d/*.conf")),
      "/etc/passwd": file(DEBIAN_PASSWD + lines("mysql:x:102:105:MySQL Server,,,:/nonexistent:/bin/false")),
      "/etc/group": file(DEBIAN_GROUP + lines("mysql:x:105:")),
      "/var/lib/mysql": dir(0o700, 102, 105),
    },
  );

export const tutumLamp = defineImage({
  key: "tutum-lamp",
  created: "2015-06-30T14:09:24Z",
  base: trusty,
  config: {
    Env: env({ DEBIAN_FRONTEND: "noninteractive", PHP_UPLOAD_MAX_FILESIZE: "10M", PHP_POST_MAX_SIZE: "10M" }),
    Cmd: ["/run.sh"],
    ExposedPorts: ports("80/tcp", "3306/tcp"),
    Volumes: volumes("/etc/mysql", "/var/lib/mysql"),
  },
  steps: [
    { by: nop("MAINTAINER Fernando Mayo <fernando@tutum.co>, Feng Honglin <hfeng@tutum.co>"), comment: "" },
    { by: nop("ENV DEBIAN_FRONTEND=noninteractive"), comment: "" },
    {
      by: classic('apt-get update &&   apt-get -y install supervisor git apache2 libapache2-mod-php5 mysql-server php5-mysql pwgen php-apc php5-mcrypt &&   echo "ServerName localhost" >> /etc/apache2/apache2.conf'),
      layer: L("tutum-lamp-apt", 225_300_000, lampFiles),
      comment: "",
    },
    {
      by: nop("ADD file:ce5fa9a7ad54f3cdbdb3e2e1d4e7c6f1e9b1ac5d1b7aa8d4e0b0f7d1ec2c9b8a in /start-apache2.sh"),
      layer: L("tutum-lamp-start-apache2", 77, () => ({ "/start-apache2.sh": file(lines("#!/bin/bash", "source /etc/apache2/envvars", "exec apache2 -D FOREGROUND"), 0o755) })),
      comment: "",
    },
    {
      by: nop("ADD file:b8f1d0b0a3a1b3e2f55e0c0d5b7c6c3e3f1d2a1b0c9e8d7f6a5b4c3d2e1f0a9b in /start-mysqld.sh"),
      layer: L("tutum-lamp-start-mysqld", 29, () => ({ "/start-mysqld.sh": file(lines("#!/bin/bash", "exec mysqld_safe"), 0o755) })),
      comment: "",
    },
    {
      by: nop("ADD file:d0e9b2c8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0 in /run.sh"),
      layer: L("tutum-lamp-run", 702, () => ({ "/run.sh": script("lamp-run", lines("#!/bin/bash", "# first start: set up MySQL and an admin user; then run supervisord", "exec supervisord -n")) })),
      comment: "",
    },
    {
      by: nop("ADD multi:2f4d7c1b0a9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c in /etc/supervisor/conf.d/"),
      layer: L("tutum-lamp-supervisor-conf", 238, () => ({
        "/etc/supervisor/conf.d/supervisord-apache2.conf": file(APACHE2_CONF),
        "/etc/supervisor/conf.d/supervisord-mysqld.conf": file(MYSQLD_CONF),
      })),
      comment: "",
    },
    { by: classic("rm -rf /var/lib/mysql/*"), comment: "" },
    {
      by: classic("git clone https://github.com/fermayo/hello-world-lamp.git /app"),
      layer: L("tutum-lamp-app", 121_400, () => ({ "/app": dir(), "/app/index.php": file(lines("<?php", "echo 'Hello world!';", "?>")) })),
      comment: "",
    },
    { by: nop("ENV PHP_UPLOAD_MAX_FILESIZE=10M"), comment: "" },
    { by: nop("ENV PHP_POST_MAX_SIZE=10M"), comment: "" },
    { by: nop("VOLUME [/etc/mysql /var/lib/mysql]"), comment: "" },
    { by: nop("EXPOSE 3306/tcp 80/tcp"), comment: "" },
    { by: nop('CMD ["/run.sh"]'), comment: "" },
  ],
});

export const lessonImages: ImageDef[] = [progriumStress, tutumLamp];
