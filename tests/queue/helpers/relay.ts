/**
 * A real SMTP server on loopback (npm smtp-server) standing in for the relay.
 * Each test scripts its behaviour per connection or per message; what it
 * accepted is parsed with postal-mime, as a mail program would read it.
 */
import net from 'node:net';
import PostalMime from 'postal-mime';
import type { Email } from 'postal-mime';
import { SMTPServer } from 'smtp-server';

export interface Received {
  raw: string;
  email: Email;
  envelopeTo: string[];
}

interface RelayBehaviour {
  /** Called per connection (1, 2, …): an SMTP code to refuse the greeting with, 'hang' to never greet, or undefined. */
  greeting?: (connection: number) => number | 'hang' | undefined;
  /** Called per message (1, 2, …): an SMTP code to refuse the DATA with, or undefined to accept it. */
  data?: (message: number) => number | undefined;
}

export interface Relay {
  port: number;
  url: string;
  received: Received[];
  connections: number;
  close(): Promise<void>;
}

const smtpError = (code: number): Error =>
  Object.assign(new Error(code >= 500 ? 'Rejected' : 'Try again later'), { responseCode: code });

/** A port nothing listens on (yet): the relay is down. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startRelay(behaviour: RelayBehaviour = {}, port = 0): Promise<Relay> {
  const received: Received[] = [];
  let connections = 0;
  let messages = 0;
  const held: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onConnect(_session, callback) {
      connections += 1;
      relay.connections = connections;
      const action = behaviour.greeting?.(connections);
      if (action === 'hang') held.push(() => callback(smtpError(421)));
      else if (action) callback(smtpError(action));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages += 1;
        const refuse = behaviour.data?.(messages);
        if (refuse) return callback(smtpError(refuse));
        const raw = Buffer.concat(chunks);
        PostalMime.parse(raw).then(
          (email) => {
            received.push({
              raw: raw.toString('utf8'),
              email,
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const sockets = new Set<net.Socket>();
  server.server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const actual = (server.server.address() as net.AddressInfo).port;
  const relay: Relay = {
    port: actual,
    url: `smtp://127.0.0.1:${actual}`,
    received,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        held.splice(0).forEach((release) => release());
        server.close(() => resolve());
        // Idle pooled connections would otherwise keep the server open for a while.
        sockets.forEach((socket) => socket.destroy());
      }),
  };
  return relay;
}

/**
 * A TCP proxy in front of a relay that drops its first connection once the
 * message body has started to flow: a connection lost mid-message.
 */
export async function startDroppingProxy(
  targetPort: number,
): Promise<{ port: number; dropped: () => boolean; close(): Promise<void> }> {
  let connection = 0;
  let dropped = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    connection += 1;
    const first = connection === 1;
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    upstream.pipe(client);
    let sent = '';
    client.on('data', (chunk: Buffer) => {
      if (first && !dropped) {
        sent += chunk.toString('latin1');
        const data = sent.indexOf('DATA\r\n');
        if (data >= 0 && sent.length > data + 6) {
          // Pass on part of the body, then cut both sides.
          upstream.write(chunk.subarray(0, Math.max(1, chunk.length >> 1)));
          dropped = true;
          client.destroy();
          upstream.destroy();
          return;
        }
      }
      upstream.write(chunk);
    });
    client.on('end', () => upstream.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    dropped: () => dropped,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}
