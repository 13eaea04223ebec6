// Text files the service images carry: configuration as the images ship it, and entrypoint
// scripts summarised in our own words (the runtime simulates what they do).
import { lines } from "./tree.js";

export const NGINX_CONF = lines(
  "user  nginx;",
  "worker_processes  auto;",
  "",
  "error_log  /var/log/nginx/error.log notice;",
  "pid        /run/nginx.pid;",
  "",
  "events {",
  "    worker_connections  1024;",
  "}",
  "",
  "http {",
  "    include       /etc/nginx/mime.types;",
  "    default_type  application/octet-stream;",
  "",
  "    log_format  main  '$remote_addr - $remote_user [$time_local] \"$request\" '",
  "                      '$status $body_bytes_sent \"$http_referer\" '",
  "                      '\"$http_user_agent\" \"$http_x_forwarded_for\"';",
  "",
  "    access_log  /var/log/nginx/access.log  main;",
  "",
  "    sendfile        on;",
  "    keepalive_timeout  65;",
  "",
  "    include /etc/nginx/conf.d/*.conf;",
  "}",
);

export const NGINX_DEFAULT_CONF = lines(
  "server {",
  "    listen       80;",
  "    server_name  localhost;",
  "",
  "    location / {",
  "        root   /usr/share/nginx/html;",
  "        index  index.html index.htm;",
  "    }",
  "",
  "    error_page   500 502 503 504  /50x.html;",
  "    location = /50x.html {",
  "        root   /usr/share/nginx/html;",
  "    }",
  "}",
);

export const NGINX_MIME_TYPES = lines(
  "types {",
  "    text/html                                        html htm shtml;",
  "    text/css                                         css;",
  "    text/plain                                       txt;",
  "    application/javascript                           js;",
  "    application/json                                 json;",
  "    image/png                                        png;",
  "    image/jpeg                                       jpeg jpg;",
  "    image/svg+xml                                    svg svgz;",
  "}",
);

export const NGINX_INDEX = lines(
  "<!DOCTYPE html>",
  "<html>",
  "<head>",
  "<title>Welcome to nginx!</title>",
  "<style>",
  "body { max-width: 40em; margin: 2em auto; font-family: sans-serif; }",
  "</style>",
  "</head>",
  "<body>",
  "<h1>Welcome to nginx!</h1>",
  "<p>The web server is up and answering. This is its default page: replace it with",
  "your own content to publish a site.</p>",
  "",
  "<p>The nginx project documents every directive of the configuration in its reference",
  "manual, and offers commercial support for those who need it.</p>",
  "",
  "<p><em>Enjoy your new web server.</em></p>",
  "</body>",
  "</html>",
);

export const NGINX_50X = lines(
  "<!DOCTYPE html>",
  "<html>",
  "<head>",
  "<title>Error</title>",
  "<style>",
  "body { max-width: 40em; margin: 2em auto; font-family: sans-serif; }",
  "</style>",
  "</head>",
  "<body>",
  "<h1>An error occurred.</h1>",
  "<p>The page cannot be shown right now. Please try again in a moment.</p>",
  "<p>If you run this site, the error log says what went wrong.</p>",
  "</body>",
  "</html>",
);

export const NGINX_ENTRYPOINT = lines(
  "#!/bin/sh",
  "# Runs the scripts in /docker-entrypoint.d/ (in order) before starting nginx,",
  "# unless the container was asked to run something else.",
  "set -e",
  'if [ "$1" = "nginx" ] || [ "$1" = "nginx-debug" ]; then',
  '    for f in /docker-entrypoint.d/*; do [ -x "$f" ] && "$f"; done',
  "fi",
  'exec "$@"',
);

export const NGINX_ENTRYPOINT_D = {
  "10-listen-on-ipv6-by-default.sh": lines("#!/bin/sh", "# Adds an IPv6 listen directive to default.conf when the host supports it.", "set -e"),
  "15-local-resolvers.envsh": lines("#!/bin/sh", "# Exports NGINX_LOCAL_RESOLVERS from /etc/resolv.conf when asked to.", "set -eu"),
  "20-envsubst-on-templates.sh": lines("#!/bin/sh", "# Renders /etc/nginx/templates/*.template into conf.d with envsubst.", "set -e"),
  "30-tune-worker-processes.sh": lines("#!/bin/sh", "# Matches worker_processes to the CPU quota when NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE is set.", "set -eu"),
} as const;

export const HTTPD_FOREGROUND = lines(
  "#!/bin/sh",
  "set -e",
  "",
  "# A stale pid file from a previous run would stop httpd from starting.",
  "rm -f /usr/local/apache2/logs/httpd.pid",
  "",
  'exec httpd -DFOREGROUND "$@"',
);

export const HTTPD_CONF = lines(
  'ServerRoot "/usr/local/apache2"',
  "Listen 80",
  "LoadModule mpm_event_module modules/mod_mpm_event.so",
  "LoadModule dir_module modules/mod_dir.so",
  "LoadModule mime_module modules/mod_mime.so",
  "LoadModule log_config_module modules/mod_log_config.so",
  "LoadModule unixd_module modules/mod_unixd.so",
  "User www-data",
  "Group www-data",
  "ServerAdmin you@example.com",
  'DocumentRoot "/usr/local/apache2/htdocs"',
  '<Directory "/usr/local/apache2/htdocs">',
  "    Options Indexes FollowSymLinks",
  "    AllowOverride None",
  "    Require all granted",
  "</Directory>",
  "DirectoryIndex index.html",
  "ErrorLog /proc/self/fd/2",
  "LogLevel warn",
  'LogFormat "%h %l %u %t \\"%r\\" %>s %b" common',
  "CustomLog /proc/self/fd/1 common",
  "TypesConfig conf/mime.types",
);

export const HTTPD_INDEX = "<html><body><h1>It works!</h1></body></html>\n";

export const REDIS_ENTRYPOINT = lines(
  "#!/bin/sh",
  "set -e",
  "# Lets `docker run redis --appendonly yes` pass flags straight to redis-server,",
  "# and drops root to the redis user (fixing ownership of /data first).",
  'if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then set -- redis-server "$@"; fi',
  'if [ "$1" = "redis-server" ] && [ "$(id -u)" = "0" ]; then',
  "    find . \\! -user redis -exec chown redis '{}' +",
  '    exec gosu redis "$0" "$@"',
  "fi",
  'exec "$@"',
);

export const POSTGRES_ENTRYPOINT = lines(
  "#!/usr/bin/env bash",
  "set -Eeo pipefail",
  "# Initialises $PGDATA on first start (initdb, POSTGRES_PASSWORD, POSTGRES_USER, POSTGRES_DB,",
  "# the scripts in /docker-entrypoint-initdb.d), then runs the server as the postgres user.",
  'if [ "${1:0:1}" = "-" ]; then set -- postgres "$@"; fi',
  'exec "$@"',
);

export const POSTGRES_ENSURE_INITDB = lines(
  "#!/usr/bin/env bash",
  "set -Eeuo pipefail",
  "# Creates the database cluster if $PGDATA is empty, and nothing else.",
);

export const MYSQL_ENTRYPOINT = lines(
  "#!/bin/bash",
  "set -eo pipefail",
  "# On first start: checks that one of MYSQL_ROOT_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD or",
  "# MYSQL_RANDOM_ROOT_PASSWORD is set, initialises the data directory, creates MYSQL_DATABASE",
  "# and MYSQL_USER, runs /docker-entrypoint-initdb.d. Then starts mysqld as the mysql user.",
  'if [ "${1:0:1}" = "-" ]; then set -- mysqld "$@"; fi',
  'exec "$@"',
);

export const MY_CNF = lines(
  "[mysqld]",
  "host-cache-size=0",
  "skip-name-resolve",
  "datadir=/var/lib/mysql",
  "socket=/var/run/mysqld/mysqld.sock",
  "secure-file-priv=/var/lib/mysql-files",
  "user=mysql",
  "",
  "pid-file=/var/run/mysqld/mysqld.pid",
  "[client]",
  "socket=/var/run/mysqld/mysqld.sock",
  "",
  "!includedir /etc/mysql/conf.d/",
);

export const REGISTRY_CONFIG = lines(
  "version: 0.1",
  "log:",
  "  fields:",
  "    service: registry",
  "storage:",
  "  cache:",
  "    blobdescriptor: inmemory",
  "  filesystem:",
  "    rootdirectory: /var/lib/registry",
  "http:",
  "  addr: :5000",
  "  headers:",
  "    X-Content-Type-Options: [nosniff]",
  "health:",
  "  storagedriver:",
  "    enabled: true",
  "    interval: 10s",
  "    threshold: 3",
);

export const REGISTRY_ENTRYPOINT = lines(
  "#!/bin/sh",
  "",
  "set -e",
  "",
  "# A config file as the only argument means: serve with it.",
  'case "$1" in',
  "    *.yaml|*.yml) set -- registry serve \"$@\" ;;",
  "    serve|garbage-collect|help|-*) set -- registry \"$@\" ;;",
  "esac",
  "",
  'exec "$@"',
);

export const NODE_ENTRYPOINT = lines(
  "#!/bin/sh",
  "set -e",
  "",
  "# `docker run node app.js` or `docker run node --version`: hand the arguments to node",
  "# unless the first one is a command on the PATH.",
  'if [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then',
  '  set -- node "$@"',
  "fi",
  "",
  'exec "$@"',
);

export const WORDPRESS_ENTRYPOINT = lines(
  "#!/usr/bin/env bash",
  "set -Eeuo pipefail",
  "# Copies WordPress into /var/www/html when it is empty, writes wp-config.php from the",
  "# WORDPRESS_DB_* variables, then starts Apache.",
  'exec "$@"',
);

export const APACHE2_FOREGROUND = lines(
  "#!/bin/bash",
  "set -e",
  "",
  "# A stale pid file from a previous run would stop Apache from starting.",
  ": \"${APACHE_CONFDIR:=/etc/apache2}\"",
  "rm -f /var/run/apache2/apache2.pid",
  "",
  'exec apache2 -DFOREGROUND "$@"',
);
