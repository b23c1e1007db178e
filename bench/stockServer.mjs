// The stock y-websocket server (@y/websocket-server@0.1.1) as the fan-out baseline: its own
// setupWSConnection, no persistence, no auth. Mirrors the package's server.js, but on 127.0.0.1:PORT and
// answering /healthz like ours so one readiness probe serves both.
import http from 'node:http';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const port = Number(process.env.PORT ?? 1234);
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', setupWSConnection);

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('okay');
});
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
server.listen(port, '127.0.0.1', () => console.log(`stock y-websocket server on http://127.0.0.1:${port}`));
