// The clients of bench/fanout, in a process of their own. Opens N WebSocket (or SSE) connections to the server,
// spread over 127.0.0.x source addresses, subscribes each to one workspace, and for a fixed time counts the frames
// received and the latency of each: now minus the ingest stamp (sentAt) that the frame carries. Prints one JSON
// line. Every loop is bounded in count and in time.
//
// usage: node fanout-clients.mjs <ws|sse|baseline> <url> <connections> <workspace> <measureSeconds> <maxConnectSeconds>
import { createRequire } from 'node:module';
import http from 'node:http';
const require = createRequire(import.meta.url);
const WebSocket = require('ws');

const [mode, url, nArg, workspace, measureArg, connectArg] = process.argv.slice(2);
const N = Number(nArg);
const measureMs = Number(measureArg) * 1000;
const connectDeadline = Date.now() + Number(connectArg) * 1000;
const SOURCES = 16;
const SAMPLE_CAP = 2_000_000;

let open = 0, failed = 0, frames = 0, bytes = 0, measuring = false;
const latencies = new Float64Array(SAMPLE_CAP);
let samples = 0;
const sockets = [];

function record(text) {
  if (!measuring) return;
  frames++;
  bytes += text.length;
  const at = text.indexOf('"sentAt":');
  if (at < 0 || samples >= SAMPLE_CAP) return;
  const stamp = parseFloat(text.slice(at + 9, at + 30));
  if (!Number.isNaN(stamp)) latencies[samples++] = Date.now() - stamp;
}

function subscribeMessage() {
  return JSON.stringify({ type: 'subscribe', data: { organizationId: workspace, events: ['campaign'],
    metrics: [], notifications: false, real_time_updates: false } });
}

function openWs(i) {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { localAddress: `127.0.0.${1 + (i % SOURCES)}`, perMessageDeflate: false });
    ws.on('open', () => {
      open++;
      if (mode === 'ws') ws.send(subscribeMessage());
      resolve();
    });
    ws.on('message', (data) => record(data.toString()));
    ws.on('error', () => { failed++; resolve(); });
    ws.on('close', () => { if (measuring) open--; });
    sockets.push(ws);
  });
}

function openSse(i) {
  return new Promise((resolve) => {
    const req = http.get(url, { headers: { Accept: 'text/event-stream' }, localAddress: `127.0.0.${1 + (i % SOURCES)}`,
      agent: false }, (res) => {
      if (res.statusCode !== 200) { failed++; resolve(); return; }
      open++;
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (event.includes('event: event') || event.includes('event:event')) record(event);
        }
      });
      res.on('close', () => { if (measuring) open--; });
      resolve();
    });
    req.on('error', () => { failed++; resolve(); });
    sockets.push(req);
  });
}

const opener = mode === 'sse' ? openSse : openWs;
const BATCH = 200;
for (let i = 0; i < N && Date.now() < connectDeadline; i += BATCH) {
  const batch = [];
  for (let j = i; j < Math.min(N, i + BATCH); j++) batch.push(opener(j));
  await Promise.all(batch);
}
const connected = open;
// Let subscriptions settle and report the idle state before measuring.
await new Promise((r) => setTimeout(r, 3000));
process.stdout.write(JSON.stringify({ phase: 'connected', connected, failed }) + '\n');
await new Promise((resolve) => process.stdin.once('data', resolve));

measuring = true;
const started = Date.now();
await new Promise((r) => setTimeout(r, measureMs));
measuring = false;
const elapsed = (Date.now() - started) / 1000;

const sorted = Array.from(latencies.subarray(0, samples)).sort((a, b) => a - b);
const pct = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : -1);
process.stdout.write(JSON.stringify({ phase: 'done', connected, heldAtEnd: open, failed, frames,
  framesPerSecond: Math.round(frames / elapsed), avgFrameBytes: frames ? Math.round(bytes / frames) : 0,
  p50: pct(0.5), p99: pct(0.99), samples }) + '\n');
for (const s of sockets) { try { (s.terminate ? s.terminate() : s.destroy()); } catch { /* closing anyway */ } }
process.exit(0);
