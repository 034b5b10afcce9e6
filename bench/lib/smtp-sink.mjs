import { SMTPServer } from 'smtp-server';

/**
 * The benchmark's SMTP peer: a real smtp-server on 127.0.0.1 that reads each message
 * to its end, counts it and throws it away (no parsing, no storage). Runs in this
 * process (startSink) or, started with `node smtp-sink.mjs` and an IPC channel, in a
 * child process of its own: it sends `{ port }` once listening, answers `'stats'` with
 * `{ messages, bytes, connections, peakConnections, cpuS }`, and exits on `'stop'`.
 */
export async function startSink() {
  const stats = { messages: 0, bytes: 0, connections: 0, peakConnections: 0 };
  let open = 0;
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    onConnect(_session, cb) {
      stats.connections += 1;
      open += 1;
      stats.peakConnections = Math.max(stats.peakConnections, open);
      cb();
    },
    onClose() {
      open -= 1;
    },
    onData(stream, _session, cb) {
      stream.on('data', (chunk) => (stats.bytes += chunk.length));
      stream.on('end', () => {
        stats.messages += 1;
        cb();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.server.address().port,
    stats,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (process.send && import.meta.url === `file://${process.argv[1]}`) {
  const sink = await startSink();
  process.on('message', async (message) => {
    if (message === 'stats') {
      const cpu = process.cpuUsage();
      process.send({ ...sink.stats, cpuS: (cpu.user + cpu.system) / 1e6 });
    } else if (message === 'stop') {
      await sink.close();
      process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send({ port: sink.port });
}
