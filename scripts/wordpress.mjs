// A real WordPress on this machine, headless and offline, for the publish tests and for recording
// the REST fixtures under tests/fixtures/wordpress/. It uses Debian's own packages (wordpress,
// php-cli, mariadb-server): nothing is downloaded from wordpress.org, nothing listens beyond
// 127.0.0.1, and the database has no TCP port at all (it listens on a unix socket only).
//
//   node scripts/wordpress.mjs start [--port=N] [--info=PATH] [--no-install]
//       Installs what is missing, starts MariaDB and `php -S`, installs the site and makes an
//       application password the first time, then prints {"url","user","applicationPassword"}
//       on stdout (progress goes to stderr) and keeps running until killed or until `stop`.
//   node scripts/wordpress.mjs stop    stops the php server and the database that `start` started.
//   node scripts/wordpress.mjs reset   stops, then deletes the site (database, uploads, password).
//
// Everything the script makes lives in one folder, $ROUNDUP_WP_DIR or <tmp>/roundup-wordpress,
// so a second `start` reuses the database, the site and the application password. The one file
// outside it is /etc/wordpress/config-roundup-tests.php: Debian's wp-config.php only ever reads
// /etc/wordpress/config-*.php. The name is our own (chosen with WORDPRESS_CONFIG, see the router),
// so a real site's config-127.0.0.1.php or config-localhost.php is never touched.
//
// Needs root: apt-get and /etc/wordpress are root's. The site, user and password are made up and
// local; they protect nothing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const WP_ROOT = '/usr/share/wordpress';
const THEMES = join(WP_ROOT, 'wp-content', 'themes');
const CONFIG_NAME = 'roundup-tests';
const CONFIG_FILE = `/etc/wordpress/config-${CONFIG_NAME}.php`;
const HOST = '127.0.0.1';
const DIR = process.env.ROUNDUP_WP_DIR || join(tmpdir(), 'roundup-wordpress');
const PATHS = {
  data: join(DIR, 'mysql'),
  socket: join(DIR, 'mysqld.sock'),
  mysqldPid: join(DIR, 'mysqld.pid'),
  mysqlLog: join(DIR, 'mysqld.log'),
  content: join(DIR, 'wp-content'),
  router: join(DIR, 'router.php'),
  helper: join(DIR, 'helper.php'),
  phpLog: join(DIR, 'php.log'),
  site: join(DIR, 'site.json'), // the user and application password, kept between runs
  run: join(DIR, 'run.json'), // pids of a running `start`, removed on a clean stop
};
const DB = { name: 'roundup_wp', user: 'roundup_wp', password: 'roundup-local-db' };
const SITE = { title: 'Roundup test site', user: 'roundup', password: 'roundup-local-admin', email: 'roundup@example.com' };
const WAIT_MS = 60_000;
const APT_PACKAGES = ['wordpress', 'wordpress-theme-twentytwentythree', 'php-cli', 'php-mysql', 'mariadb-server'];
const APT_COMMAND = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${APT_PACKAGES.join(' ')}`;

const log = (message) => process.stderr.write(`[wordpress] ${message}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function fail(message) {
  const error = new Error(message);
  error.clean = true; // a message for the user, not a stack trace
  throw error;
}

function args() {
  const [command, ...rest] = process.argv.slice(2);
  const options = Object.fromEntries(rest.map((arg) => {
    const match = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!match) fail(`Unknown argument ${arg}`);
    return [match[1], match[2] ?? true];
  }));
  return { command, options };
}

function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Runs a command to completion; its output is returned, and a failure throws with its stderr. */
function run(file, argv, { input, env } = {}) {
  const result = spawnSync(file, argv, { input, env: { ...process.env, ...env }, encoding: 'utf8', timeout: WAIT_MS });
  if (result.error) fail(`${file} ${argv.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) fail(`${file} ${argv.join(' ')} exited ${result.status}:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** Polls `check` until it returns a truthy value; fails after WAIT_MS with `what` in the message. */
async function waitFor(what, check, detail = () => '') {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) fail(`Gave up after ${WAIT_MS / 1000} s waiting for ${what}.${detail()}`);
    await sleep(250);
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** php -S was started detached, so it leads its own process group: signal all of it. */
function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

const readJson = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
const tail = (path) => (existsSync(path) ? `\n--- last lines of ${path} ---\n${readFileSync(path, 'utf8').split('\n').slice(-15).join('\n')}` : '');

// ---- packages ------------------------------------------------------------------------------

/** What is missing among Debian's packages. Installing them is ~35 s, so `start` just does it
 * (as CI would have to anyway) unless --no-install asks it only to say which command to run. */
function missingPackages() {
  const missing = [];
  if (!existsSync(join(WP_ROOT, 'wp-load.php'))) missing.push('wordpress');
  if (!existsSync(join(THEMES, 'twentytwentythree'))) missing.push('wordpress-theme-twentytwentythree');
  if (!commandExists('php')) missing.push('php-cli');
  if (!phpHasMysqli()) missing.push('php-mysql');
  if (!commandExists('mysqld_safe') || !commandExists('mariadb-install-db')) missing.push('mariadb-server');
  return missing;
}

function phpHasMysqli() {
  return commandExists('php') && spawnSync('php', ['-r', 'exit(extension_loaded("mysqli") ? 0 : 1);']).status === 0;
}

function ensurePackages(options) {
  const missing = missingPackages();
  if (missing.length === 0) return;
  if (options['no-install'] || process.getuid?.() !== 0 || !commandExists('apt-get')) {
    fail(`Missing ${missing.join(', ')}. Install them (as root) with:\n  ${APT_COMMAND}`);
  }
  log(`installing ${missing.join(', ')} from Debian's packages (about 35 s)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // stdout of apt goes to our stderr: stdout is reserved for the JSON.
  for (const argv of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...APT_PACKAGES]]) {
    const result = spawnSync('apt-get', argv, { env, stdio: ['ignore', 2, 2] });
    if (result.status !== 0) fail(`apt-get ${argv.join(' ')} failed; try by hand:\n  ${APT_COMMAND}`);
  }
}

// ---- database ------------------------------------------------------------------------------

const mariadbClient = () => (commandExists('mariadb') ? 'mariadb' : 'mysql');
const mariadbAdmin = () => (commandExists('mariadb-admin') ? 'mariadb-admin' : 'mysqladmin');

function databaseAnswers() {
  return spawnSync(mariadbAdmin(), ['--no-defaults', `--socket=${PATHS.socket}`, '-uroot', 'ping'], { stdio: 'ignore' }).status === 0;
}

/** Our own data directory rather than the system's /var/lib/mysql: the system server may be in
 * use, may not be running, or may belong to someone else; ours is created and removed at will. */
function initDatabase() {
  if (existsSync(join(PATHS.data, 'mysql'))) return;
  log('creating the database files');
  mkdirSync(PATHS.data, { recursive: true });
  // "normal" root authentication: root@localhost with no password, reachable only through our
  // socket, so the client works whoever the OS user is.
  run('mariadb-install-db', ['--no-defaults', `--datadir=${PATHS.data}`, `--user=${userInfo().username}`,
    '--auth-root-authentication-method=normal', '--skip-test-db']);
}

/** mysqld_safe in its own process group (detached) so a Ctrl-C in the terminal reaches only us,
 * and we shut it down in order. --no-defaults keeps /etc/mysql's settings (port 3306, the system
 * socket) out; --skip-networking means no TCP port at all. */
async function startDatabase() {
  initDatabase();
  if (databaseAnswers()) {
    log('the database is already running (left over from an earlier start?); reusing it');
    return null;
  }
  log('starting MariaDB');
  const child = spawn('mysqld_safe', ['--no-defaults', `--user=${userInfo().username}`, `--datadir=${PATHS.data}`,
    `--socket=${PATHS.socket}`, `--pid-file=${PATHS.mysqldPid}`, `--log-error=${PATHS.mysqlLog}`, '--skip-networking'],
  { detached: true, stdio: 'ignore' });
  let exited = false;
  child.on('exit', () => { exited = true; });
  await waitFor('MariaDB to answer on its socket', () => {
    if (exited) fail(`mysqld_safe exited early.${tail(PATHS.mysqlLog)}`);
    return databaseAnswers();
  }, () => tail(PATHS.mysqlLog));
  return child;
}

function createDatabaseAndUser() {
  const sql = `CREATE DATABASE IF NOT EXISTS ${DB.name} CHARACTER SET utf8mb4;
CREATE USER IF NOT EXISTS '${DB.user}'@'localhost' IDENTIFIED BY '${DB.password}';
GRANT ALL PRIVILEGES ON ${DB.name}.* TO '${DB.user}'@'localhost';
FLUSH PRIVILEGES;`;
  run(mariadbClient(), ['--no-defaults', `--socket=${PATHS.socket}`, '-uroot'], { input: sql });
}

async function stopDatabase() {
  if (!databaseAnswers()) return;
  log('stopping MariaDB');
  // A clean shutdown; mysqld_safe sees mysqld end normally and exits too (it restarts only crashes).
  spawnSync(mariadbAdmin(), ['--no-defaults', `--socket=${PATHS.socket}`, '-uroot', 'shutdown'], { stdio: 'ignore', timeout: WAIT_MS });
  const pid = existsSync(PATHS.mysqldPid) ? Number(readFileSync(PATHS.mysqldPid, 'utf8')) : 0;
  try {
    await waitFor('MariaDB to stop', () => !databaseAnswers() && !(pid && isAlive(pid)));
  } catch {
    if (pid && isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
}

// ---- WordPress files -----------------------------------------------------------------------

function writeConfig(url) {
  mkdirSync('/etc/wordpress', { recursive: true });
  writeFileSync(CONFIG_FILE, `<?php
// Written by Roundup's scripts/wordpress.mjs for a local test site; rewritten on every start.
define('DB_NAME', '${DB.name}');
define('DB_USER', '${DB.user}');
define('DB_PASSWORD', '${DB.password}');
define('DB_HOST', 'localhost:${PATHS.socket}'); // the socket: our MariaDB has no TCP port
define('WP_CONTENT_DIR', '${PATHS.content}'); // writable, ours: uploads land here
define('WP_CONTENT_URL', '${url}/wp-content'); // the router serves it from WP_CONTENT_DIR
define('WP_HOME', '${url}');
define('WP_SITEURL', '${url}');
define('WP_ENVIRONMENT_TYPE', 'local'); // application passwords work over plain http only then
define('DISABLE_WP_CRON', true); // no loopback requests to itself
define('AUTOMATIC_UPDATER_DISABLED', true); // offline: never try wordpress.org
define('WP_HTTP_BLOCK_EXTERNAL', true); // ... nor anything else outside this machine
define('FS_METHOD', 'direct');
`);
}

/** wp-content is ours (Debian's is read-only under /usr/share); themes are linked in from the
 * Debian theme packages so the front end renders and WordPress has an active theme. */
function prepareContent() {
  for (const dir of ['themes', 'plugins', 'uploads', 'mu-plugins']) mkdirSync(join(PATHS.content, dir), { recursive: true });
  for (const theme of readdirSync(THEMES)) {
    const link = join(PATHS.content, 'themes', theme);
    if (!existsSync(link)) symlinkSync(join(THEMES, theme), link);
  }
}

/** php -S has no rewrite rules. The router gives WordPress what Apache + .htaccess would: real
 * files as they are, /wp-content/ from our WP_CONTENT_DIR, everything else to index.php (so the
 * pretty /wp-json/... links work). It also names our config for Debian's wp-config.php. */
function writeRouter() {
  writeFileSync(PATHS.router, `<?php
$_SERVER['WORDPRESS_CONFIG'] = '${CONFIG_NAME}'; // Debian's wp-config.php reads /etc/wordpress/config-${CONFIG_NAME}.php
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if (str_contains($path, '..')) { http_response_code(400); return true; }
if (str_starts_with($path, '/wp-content/')) {
  $file = '${PATHS.content}' . substr($path, strlen('/wp-content'));
  if (is_file($file) && !str_ends_with($file, '.php')) {
    header('Content-Type: ' . (mime_content_type($file) ?: 'application/octet-stream'));
    header('Content-Length: ' . filesize($file));
    readfile($file);
    return true;
  }
}
$file = $_SERVER['DOCUMENT_ROOT'] . $path;
if ($path !== '/' && (is_file($file) || is_file(rtrim($file, '/') . '/index.php'))) return false; // served as is
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
`);
}

/** The WordPress side, run with the php CLI: is the site installed, install it, set permalinks,
 * make an application password. Printing JSON keeps the parsing on our side trivial. */
function writeHelper() {
  writeFileSync(PATHS.helper, `<?php
$_SERVER['HTTP_HOST'] = '${HOST}';
$_SERVER['WORDPRESS_CONFIG'] = '${CONFIG_NAME}';
$command = $argv[1];
// Until the site is installed, wp-load.php would redirect to install.php and die; installing mode stops that.
if ($command !== 'app-password') define('WP_INSTALLING', true);
require '${WP_ROOT}/wp-load.php';
switch ($command) {
  case 'status':
    echo json_encode(['installed' => is_blog_installed(), 'wordpress' => get_bloginfo('version'), 'php' => PHP_VERSION]);
    break;
  case 'install':
    require_once ABSPATH . 'wp-admin/includes/upgrade.php';
    [, , $title, $user, $email, $password] = $argv;
    $result = wp_install($title, $user, $email, false, '', wp_slash($password));
    // Pretty links, so /wp-json/... works as on a real site (?rest_route= works either way).
    update_option('permalink_structure', '/%postname%/');
    flush_rewrite_rules();
    echo json_encode(['user_id' => $result['user_id']]);
    break;
  case 'app-password':
    $user = get_user_by('login', $argv[2]);
    foreach (WP_Application_Passwords::get_user_application_passwords($user->ID) as $item) {
      if ($item['name'] === 'Roundup tests') WP_Application_Passwords::delete_application_password($user->ID, $item['uuid']);
    }
    $created = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => 'Roundup tests']);
    if (is_wp_error($created)) { fwrite(STDERR, $created->get_error_message()); exit(1); }
    echo json_encode(['password' => $created[0]]);
    break;
}
`);
}

function helper(...argv) {
  const out = run('php', [PATHS.helper, ...argv]);
  try {
    return JSON.parse(out);
  } catch {
    return fail(`php helper.php ${argv[0]} printed no JSON:\n${out.slice(0, 2000)}`);
  }
}

// ---- php server ----------------------------------------------------------------------------

/** A free port on the loopback, unless --port asks for one. */
async function pickPort(requested) {
  if (requested) return Number(requested);
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startPhp(port, url) {
  log(`starting php -S ${HOST}:${port}`);
  const out = openLog(PATHS.phpLog);
  const child = spawn('php', ['-S', `${HOST}:${port}`, '-t', WP_ROOT, PATHS.router], {
    detached: true,
    stdio: ['ignore', out, out],
    // A few workers, so one slow request (an upload) does not hold up the next.
    env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
  });
  let exited = false;
  child.on('exit', () => { exited = true; });
  await waitFor(`php -S to answer on ${url}`, async () => {
    if (exited) fail(`php -S exited early (is port ${port} taken?).${tail(PATHS.phpLog)}`);
    try {
      const response = await fetch(`${url}/?rest_route=/`, { signal: AbortSignal.timeout(5000) });
      return response.status < 500;
    } catch {
      return false;
    }
  }, () => tail(PATHS.phpLog));
  return child;
}

/** The php server writes its log straight to a file (append mode), not through us. */
function openLog(path) {
  writeFileSync(path, '');
  return openSync(path, 'a');
}

// ---- the site ------------------------------------------------------------------------------

async function applicationPasswordWorks(url, user, password) {
  if (!password) return false;
  const response = await fetch(`${url}/?rest_route=/wp/v2/users/me`, {
    headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` },
  });
  return response.status === 200;
}

async function ensureSite(url) {
  const status = helper('status');
  if (!status.installed) {
    log(`installing WordPress ${status.wordpress} (PHP ${status.php})`);
    helper('install', SITE.title, SITE.user, SITE.email, SITE.password);
  }
  const saved = readJson(PATHS.site);
  if (saved && (await applicationPasswordWorks(url, saved.user, saved.applicationPassword))) return saved;
  log('making an application password');
  const site = { user: SITE.user, applicationPassword: helper('app-password', SITE.user).password };
  writeFileSync(PATHS.site, JSON.stringify(site, null, 2));
  if (!(await applicationPasswordWorks(url, site.user, site.applicationPassword))) {
    fail(`The new application password is refused by ${url}/?rest_route=/wp/v2/users/me.${tail(PATHS.phpLog)}`);
  }
  return site;
}

// ---- commands ------------------------------------------------------------------------------

async function start(options) {
  const running = readJson(PATHS.run);
  if (running && isAlive(running.pid)) fail(`Already running (pid ${running.pid}) at ${running.url}; run \`node scripts/wordpress.mjs stop\` first.`);
  const started = Date.now();
  ensurePackages(options);
  mkdirSync(DIR, { recursive: true });
  const children = {};
  const cleanUp = async () => {
    // The whole group: with PHP_CLI_SERVER_WORKERS php forks workers that outlive their parent.
    if (children.php) killGroup(children.php.pid);
    await stopDatabase();
    // Reap our mysqld_safe before exiting, so it is not left a zombie for pid 1 to collect.
    if (children.db && children.db.exitCode === null && children.db.signalCode === null) {
      await Promise.race([new Promise((resolve) => children.db.once('exit', resolve)), sleep(10_000)]);
    }
    rmSync(PATHS.run, { force: true });
  };
  try {
    children.db = await startDatabase();
    createDatabaseAndUser();
    const port = await pickPort(options.port);
    const url = `http://${HOST}:${port}`;
    writeConfig(url);
    prepareContent();
    writeRouter();
    writeHelper();
    children.php = await startPhp(port, url);
    writeFileSync(PATHS.run, JSON.stringify({ pid: process.pid, phpPid: children.php.pid, url }));
    const site = await ensureSite(url);
    const info = { url, user: site.user, applicationPassword: site.applicationPassword };
    if (typeof options.info === 'string') writeFileSync(options.info, `${JSON.stringify(info, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(info)}\n`);
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s; stop with \`node scripts/wordpress.mjs stop\` or Ctrl-C`);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  // Stay up until killed; then take down what we started, so nothing outlives us.
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    await cleanUp();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));
  children.php.on('exit', (code) => {
    if (!stopping) log(`php -S exited (${code}) unexpectedly.${tail(PATHS.phpLog)}`);
    stop(1);
  });
}

async function stop() {
  const running = readJson(PATHS.run);
  if (running && isAlive(running.pid)) {
    log(`stopping the start process ${running.pid}`);
    process.kill(running.pid, 'SIGTERM'); // it stops php and MariaDB itself
    try {
      await waitFor('the start process to exit', () => !isAlive(running.pid));
    } catch {
      process.kill(running.pid, 'SIGKILL');
    }
  }
  // Whatever a killed (not stopped) start left behind.
  if (running?.phpPid) killGroup(running.phpPid);
  await stopDatabase();
  rmSync(PATHS.run, { force: true });
  log('stopped');
}

async function reset() {
  await stop();
  rmSync(DIR, { recursive: true, force: true });
  rmSync(CONFIG_FILE, { force: true });
  log(`removed ${DIR} and ${CONFIG_FILE}`);
}

const { command, options } = (() => {
  try {
    return args();
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
})();
const commands = { start, stop, reset };
if (!commands[command]) {
  console.error('Usage: node scripts/wordpress.mjs start [--port=N] [--info=PATH] [--no-install] | stop | reset');
  process.exit(2);
}
commands[command](options).catch((error) => {
  console.error(error.clean ? `[wordpress] ${error.message}` : error);
  process.exit(1);
});
