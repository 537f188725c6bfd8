// The baseline of bench/fanout: a plain Node.js `ws` broadcast server that sends every client the same message
// (stamped with sentAt, padded to the given size) rate times a second, until it is killed or maxSeconds pass.
//
// usage: node fanout-baseline.mjs <port> <messageBytes> <ratePerSecond> <maxSeconds>
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { WebSocketServer } = require('ws');

const [port, size, rate, maxSeconds] = process.argv.slice(2).map(Number);
const wss = new WebSocketServer({ host: '127.0.0.1', port, perMessageDeflate: false, backlog: 4096 });
const timer = setInterval(() => {
  const head = `{"type":"event","data":{"details":{"metadata":{"sentAt":${Date.now()},"pad":"`;
  const tail = '"}}}}';
  const text = head + 'x'.repeat(Math.max(0, size - head.length - tail.length)) + tail;
  for (const client of wss.clients) client.send(text);
}, 1000 / rate);
setTimeout(() => { clearInterval(timer); process.exit(0); }, maxSeconds * 1000);
wss.on('listening', () => process.stdout.write('listening\n'));
