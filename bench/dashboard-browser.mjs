// The browser of bench/dashboard, in a process of its own: starts chromium-driver, opens the dashboard in a
// headless Debian Chromium with the demo token, goes to the test dashboard, runs the stress_test scenario and
// reads what the page measures (window.__analytics.measure()) every few seconds: ingest-to-screen latency,
// renders/s, the page's JS heap after a garbage collection. Speaks the W3C WebDriver protocol over HTTP, so it
// needs no npm package. Prints one JSON line per sample, then a final JSON line. Bounded in time.
//
// usage: node dashboard-browser.mjs <baseUrl> <token> <seconds> <driverPort>
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, token, secondsArg, driverPort] = process.argv.slice(2);
const seconds = Number(secondsArg);
const SAMPLE_MS = 10_000;
const profile = mkdtempSync(join(tmpdir(), 'bench-dashboard-'));
const driver = spawn('/usr/bin/chromedriver', [`--port=${driverPort}`], { stdio: 'ignore' });
const wd = `http://127.0.0.1:${driverPort}`;
let session = null;

async function call(method, path, body) {
  const r = await fetch(wd + path, { method, headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await r.json();
  if (!r.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
  return json.value;
}
const js = (script, args = []) => call('POST', `/session/${session}/execute/sync`, { script, args });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function finish(code) {
  if (session) await call('DELETE', `/session/${session}`).catch(() => {});
  driver.kill();
  rmSync(profile, { recursive: true, force: true });
  process.exit(code);
}
setTimeout(() => { process.stderr.write('browser: out of time\n'); finish(1); }, (seconds + 120) * 1000);

try {
  for (let i = 0; i < 50; i++) {
    try { await call('GET', '/status'); break; } catch { await sleep(100); }
  }
  session = (await call('POST', '/session', { capabilities: { alwaysMatch: { browserName: 'chrome',
    'goog:chromeOptions': { binary: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu',
      '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-dev-shm-usage', `--user-data-dir=${profile}`, '--window-size=1280,900',
      '--enable-precise-memory-info', '--js-flags=--expose-gc'] } } } })).sessionId;
  await call('POST', `/session/${session}/url`, { url: `${base}/#token=${token}` });
  for (let i = 0; i < 100; i++) {
    const live = await js('const a = window.__analytics; return !!a && a.channels.socket.state === "live"');
    if (live) break;
    await sleep(200);
  }
  await js('location.hash = "#/test"');
  await sleep(1000);
  await js('document.querySelector("#scenario").value = "stress_test";'
    + 'document.querySelector("#scenario-reset").click();');
  await sleep(1000);
  await js('document.querySelector("#scenario-start").click()');
  const measure = 'if (window.gc) window.gc(); return window.__analytics.measure()';
  const started = Date.now();
  const samples = [];
  while (Date.now() - started < seconds * 1000) {
    await sleep(SAMPLE_MS);
    const m = await js(measure);
    m.atSeconds = Math.round((Date.now() - started) / 1000);
    samples.push(m);
    process.stdout.write(JSON.stringify({ phase: 'sample', ...m }) + '\n');
  }
  const last = await js('const m = window.__analytics.measure(); '
    + 'document.querySelector("#scenario-stop").click(); return m');
  const renders = samples.map((s) => s.rendersPerSecond);
  const heaps = samples.map((s) => s.heapMb).filter((h) => h !== null);
  process.stdout.write(JSON.stringify({ phase: 'done', p50: last.latencyP50, p99: last.latencyP99,
    latencySamples: last.latencySamples, rendersPerSecondMax: Math.max(...renders),
    rendersPerSecondMean: +(renders.reduce((a, b) => a + b, 0) / renders.length).toFixed(1),
    heapFirstMb: heaps[0], heapLastMb: heaps[heaps.length - 1], heapMaxMb: Math.max(...heaps),
    updates: last.updates, errors: last.errors }) + '\n');
  await sleep(1500);
  await finish(0);
} catch (e) {
  process.stderr.write(`browser: ${e.message}\n`);
  await finish(1);
}
