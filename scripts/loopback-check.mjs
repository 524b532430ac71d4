// Checks that the local run's servers answer on loopback and on no other address of this machine: a developer's
// bot, Playground and storage must not be reachable from the network. Used by `scripts/run.sh --smoke`.
//   node scripts/loopback-check.mjs <port> [<port> ...]
import net from 'node:net';
import os from 'node:os';

const ports = process.argv.slice(2).map(Number);
const external = Object.values(os.networkInterfaces()).flat().filter((a) => a && !a.internal).map((a) => a.address);

const connects = (host, port) => new Promise((resolve) => {
  const socket = net.connect({ host, port, timeout: 2000 }, () => { socket.destroy(); resolve(true); });
  socket.on('error', () => resolve(false));
  socket.on('timeout', () => { socket.destroy(); resolve(false); });
});

let failed = false;
for (const port of ports) {
  if (!await connects('127.0.0.1', port)) {
    console.error(`loopback: nothing answers on 127.0.0.1:${port}`);
    failed = true;
  }
  for (const address of external) {
    if (await connects(address, port)) {
      console.error(`loopback: port ${port} answers on ${address}, reachable from the network`);
      failed = true;
    }
  }
}
console.log(failed ? 'loopback: FAILED' : `loopback: ports ${ports.join(', ')} answer on 127.0.0.1 only (checked ${external.length ? external.join(', ') : 'no other addresses'})`);
process.exit(failed ? 1 : 0);
