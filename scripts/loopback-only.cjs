// Preloaded into the Agents Playground by scripts/run.sh (node --require). The Playground listens on every network
// interface and has no option to change it, so anyone on the network could chat with a developer's local bot as
// the demo's Lean coordinator. This makes a server that names no host listen on loopback only.
const net = require('node:net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first, second] = args;
  if (typeof first === 'number' && (args.length === 1 || typeof second === 'function')) {
    args.splice(1, 0, '127.0.0.1');
  } else if (first !== null && typeof first === 'object' && first.host === undefined && first.path === undefined) {
    args[0] = { ...first, host: '127.0.0.1' };
  }
  return listen.apply(this, args);
};
