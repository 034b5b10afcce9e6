import smpp from 'smpp';

/**
 * The benchmark's SMSC, in a child process of its own (started with an IPC channel):
 * a real SMPP 3.4 server from the `smpp` package that accepts any bind_transceiver,
 * answers every submit_sm at once with a message id, and `receiptDelayMs` later sends a
 * delivery receipt (deliver_sm, esm_class 0x04, "id:… stat:DELIVRD err:000") for it, as
 * an operator does once the phone has it. Sends `{ port }` once listening, answers
 * `'stats'` with its counts and CPU, exits on `'stop'` or when the parent goes away.
 */
const receiptDelayMs = Number(process.env.SMSC_RECEIPT_DELAY_MS ?? 2000);
const stats = { submits: 0, messages: 0, receiptsSent: 0, receiptsAcked: 0, receiptsRefused: 0, binds: 0 };
let nextId = 1;
const sessions = new Set();

const server = smpp.createServer((session) => {
  sessions.add(session);
  session.on('close', () => sessions.delete(session));
  session.on('error', () => undefined);
  session.on('bind_transceiver', (pdu) => {
    stats.binds += 1;
    session.send(pdu.response());
  });
  session.on('enquire_link', (pdu) => session.send(pdu.response()));
  session.on('unbind', (pdu) => session.send(pdu.response()));
  session.on('submit_sm', (pdu) => {
    stats.submits += 1;
    // A concatenated message (UDHI) counts once, at its last part.
    // The library decodes the UDH into information elements: [IEI, length, (ref…), total, seq].
    const concat = (pdu.short_message?.udh ?? []).find((ie) => ie[0] === 0x00 || ie[0] === 0x08);
    if (!concat || concat[concat.length - 1] === concat[concat.length - 2]) stats.messages += 1;
    const id = `m${nextId++}`;
    session.send(pdu.response({ message_id: id }));
    if (pdu.registered_delivery & 0x01) {
      setTimeout(() => {
        if (session.closed) return;
        stats.receiptsSent += 1;
        session.deliver_sm(
          { source_addr: pdu.destination_addr, destination_addr: pdu.source_addr, esm_class: 0x04, short_message: `id:${id} sub:001 dlvrd:001 stat:DELIVRD err:000` },
          (resp) => (resp.command_status === 0 ? (stats.receiptsAcked += 1) : (stats.receiptsRefused += 1)),
        );
      }, receiptDelayMs);
    }
  });
});

server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', (message) => {
  if (message === 'stats') {
    const cpu = process.cpuUsage();
    process.send({ ...stats, cpuS: (cpu.user + cpu.system) / 1e6 });
  } else if (message === 'stop') {
    for (const s of sessions) s.destroy();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref();
  }
});
process.on('disconnect', () => process.exit(0));
