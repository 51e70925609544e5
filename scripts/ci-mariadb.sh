#!/usr/bin/env bash
# Starts the machine's MariaDB if it is not running, waits for it, creates a
# fresh database and prints `export HUIGUAN_TEST_MYSQL_DSN=…` for the caller.
# (Tests create their own databases from that DSN's server, one per test.)
set -euo pipefail
ping() { mysqladmin --protocol=tcp -h127.0.0.1 -uroot ping >/dev/null 2>&1; }
if ! ping; then
  echo "starting MariaDB" >&2
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
fi
for _ in $(seq 1 60); do ping && break; sleep 1; done
ping || { echo "MariaDB did not come up on 127.0.0.1:3306" >&2; exit 1; }
db="huiguan_ci_$(date +%s)_$$"
mysql --protocol=tcp -h127.0.0.1 -uroot -e "CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
echo "export HUIGUAN_TEST_MYSQL_DSN=mysql://root@127.0.0.1:3306/$db"
