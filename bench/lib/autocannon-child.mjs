// The load generator, run by loadgen.ts as a process of its own so that it never shares
// the server's event loop. Plain JavaScript: autocannon ships no types, and this file only
// passes options through. Input: JSON on stdin; output: one JSON line on stdout
// with autocannon's result and this process's CPU time.
import autocannon from 'autocannon';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const opts = JSON.parse(input);
const perConnection = opts.headersPerConnection ?? [];
let nextClient = 0;

const result = await autocannon({
  url: opts.url,
  connections: opts.connections,
  duration: opts.durationS,
  timeout: 10,
  headers: opts.headers,
  warmup: { connections: opts.connections, duration: opts.warmupS },
  // Each connection keeps one set of headers, like one person's browser keeps one session.
  setupClient:
    perConnection.length > 0
      ? (client) => client.setHeaders({ ...opts.headers, ...perConnection[nextClient++ % perConnection.length] })
      : undefined,
});

// Its own CPU time too, so the report can tell the generator's share from other processes'.
const cpu = process.cpuUsage();
console.log(JSON.stringify({ result, cpuS: (cpu.user + cpu.system) / 1e6 }));
