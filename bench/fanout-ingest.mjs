// The steady ingest of bench/fanout: posts one event, stamped with sentAt (ms), rate times a second to the
// workspace, for at most the given seconds. Prints how many were accepted.
//
// usage: node fanout-ingest.mjs <baseUrl> <workspace> <ratePerSecond> <seconds>
import http from 'node:http';

const [base, workspace, rateArg, secondsArg] = process.argv.slice(2);
const rate = Number(rateArg);
const until = Date.now() + Number(secondsArg) * 1000;
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
// The demo workspace's write key, as Segment's SDKs send it: the basic-auth user.
const AUTHORIZATION = 'Basic ' + Buffer.from(`${process.env.FANOUT_WRITE_KEY}:`).toString('base64');
let accepted = 0, refused = 0;

function post() {
  const body = JSON.stringify({ event: { eventType: 'click', campaignId: 'camp_bench', organizationId: workspace,
    metadata: { sentAt: Date.now() } } });
  const req = http.request(`${base}/api/analytics/real-time`, { method: 'POST', agent,
    headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body),
      Authorization: AUTHORIZATION } }, (res) => {
    res.resume();
    if (res.statusCode === 200 || res.statusCode === 202) accepted++; else refused++;
  });
  req.on('error', () => refused++);
  req.end(body);
}

const timer = setInterval(() => {
  if (Date.now() >= until) {
    clearInterval(timer);
    setTimeout(() => { process.stdout.write(JSON.stringify({ accepted, refused }) + '\n'); process.exit(0); }, 500);
    return;
  }
  post();
}, 1000 / rate);
