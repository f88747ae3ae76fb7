#!/usr/bin/env bash
# A real WordPress for the long test: Debian's wordpress package on Apache (loopback, a non-default port)
# with MariaDB, installed and started if needed, with a fresh site and the posts given on stdin.
#   WP_PORT      Apache port (default 8481)
#   WP_SITE_URL  the address WordPress writes in its links (default http://127.0.0.1:$WP_PORT; the test
#                points it at its fault proxy)
# stdin: one post per line, "YYYY-MM-DD HH:MM:SS<TAB>title<TAB>content".
set -euo pipefail
PORT=${WP_PORT:-8481}
SITE=${WP_SITE_URL:-http://127.0.0.1:$PORT}
if [ "$(id -u)" != "0" ]; then SUDO=sudo; else SUDO=; fi
if ! dpkg -s wordpress mariadb-server apache2 libapache2-mod-php >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq wordpress mariadb-server apache2 libapache2-mod-php curl >/dev/null
fi

# MariaDB
if ! $SUDO mysqladmin ping >/dev/null 2>&1; then
  $SUDO service mariadb start >/dev/null 2>&1 || ($SUDO mysqld_safe >/dev/null 2>&1 &)
  for _ in $(seq 1 60); do $SUDO mysqladmin ping >/dev/null 2>&1 && break; sleep 0.5; done
fi
$SUDO mysql -e "DROP DATABASE IF EXISTS thidua_wp; CREATE DATABASE thidua_wp CHARACTER SET utf8mb4;
  CREATE USER IF NOT EXISTS 'thidua_wp'@'localhost' IDENTIFIED BY 'thidua_wp';
  GRANT ALL ON thidua_wp.* TO 'thidua_wp'@'localhost'; FLUSH PRIVILEGES;"

# Debian's wp-config.php reads /etc/wordpress/config-<host without port>.php
$SUDO tee /etc/wordpress/config-127.0.0.1.php >/dev/null <<PHP
<?php
define('DB_NAME', 'thidua_wp');
define('DB_USER', 'thidua_wp');
define('DB_PASSWORD', 'thidua_wp');
define('DB_HOST', 'localhost');
define('WP_HOME', '$SITE');
define('WP_SITEURL', '$SITE');
define('WP_CONTENT_DIR', '/var/lib/wordpress/wp-content');
define('FS_METHOD', 'direct');
PHP

# Apache on the loopback port only
$SUDO tee /etc/apache2/sites-available/thidua-wp.conf >/dev/null <<CONF
Listen 127.0.0.1:$PORT
<VirtualHost 127.0.0.1:$PORT>
  DocumentRoot /usr/share/wordpress
  Alias /wp-content /var/lib/wordpress/wp-content
  <Directory /usr/share/wordpress>
    Options FollowSymLinks
    AllowOverride Limit Options FileInfo
    DirectoryIndex index.php
    Require all granted
  </Directory>
  <Directory /var/lib/wordpress/wp-content>
    Options FollowSymLinks
    Require all granted
  </Directory>
</VirtualHost>
CONF
$SUDO sed -i 's/^Listen 80$/# Listen 80 (thidua: loopback port only)/' /etc/apache2/ports.conf
$SUDO a2dissite -q 000-default >/dev/null 2>&1 || true
$SUDO a2ensite -q thidua-wp >/dev/null
if $SUDO apache2ctl status >/dev/null 2>&1 || pgrep -x apache2 >/dev/null; then
  $SUDO apache2ctl graceful
else
  $SUDO apache2ctl start
fi
for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$PORT/wp-admin/install.php" && break; sleep 0.5; done

# Install (the form WordPress shows on first visit), then the posts
curl -s -o /dev/null -H "Host: 127.0.0.1:$PORT" "http://127.0.0.1:$PORT/wp-admin/install.php?step=2" \
  --data-urlencode "weblog_title=Cổng thông tin thử nghiệm" --data "user_name=admin" \
  --data "admin_password=thidua-wp-test-1" --data "admin_password2=thidua-wp-test-1" --data "pw_weak=1" \
  --data "admin_email=admin@example.invalid" --data "blog_public=1" --data "language="
n=0
while IFS=$'\t' read -r date title content; do
  [ -z "$date" ] && continue
  n=$((n + 1))
  esc() { printf '%s' "$1" | sed "s/'/''/g"; }
  $SUDO mysql thidua_wp -e "INSERT INTO wp_posts (post_author, post_date, post_date_gmt, post_content, post_title,
    post_excerpt, post_status, comment_status, ping_status, post_name, to_ping, pinged, post_modified,
    post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, comment_count)
    VALUES (1, '$date', DATE_SUB('$date', INTERVAL 7 HOUR), '$(esc "$content")', '$(esc "$title")', '', 'publish',
    'closed', 'closed', 'thidua-post-$n', '', '', '$date', DATE_SUB('$date', INTERVAL 7 HOUR), '', 0, '', 0, 'post', 0);
    UPDATE wp_posts SET guid = CONCAT('$SITE/?p=', ID) WHERE post_name = 'thidua-post-$n';"
done
$SUDO mysql thidua_wp -e "UPDATE wp_options SET option_value = 'Asia/Ho_Chi_Minh' WHERE option_name = 'timezone_string';
  UPDATE wp_options SET option_value = '7' WHERE option_name = 'gmt_offset';
  UPDATE wp_options SET option_value = '/index.php/%year%/%monthnum%/%day%/%postname%/'
    WHERE option_name = 'permalink_structure';"
echo "wordpress: $n posts on http://127.0.0.1:$PORT (links written as $SITE)"
