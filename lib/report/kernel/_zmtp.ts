// Private: a minimal ZMTP 3.0 peer (NULL security mechanism) over a TCP connection — enough to
// be a DEALER or SUB socket talking to a Jupyter kernel's ROUTER / PUB sockets.
// Spec: https://rfc.zeromq.org/spec/23/ (ZMTP 3.0).

const MORE = 0x01;
const LONG = 0x02;
const COMMAND = 0x04;

/** The socket types we speak. */
export type ZmtpSocketType = "DEALER" | "SUB";

/** A connected ZMTP socket: send and receive multipart messages. */
export interface ZmtpSocket {
  /** Sends one multipart message. */
  send(frames: readonly Uint8Array[]): Promise<void>;
  /** Resolves to the next multipart message, or `undefined` once the peer closed. */
  receive(): Promise<Uint8Array[] | undefined>;
  /** Closes the connection (idempotent). */
  close(): void;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Buffered exact reads over a connection. */
class Reader {
  #buf = new Uint8Array(0);
  #start = 0;
  constructor(readonly conn: Deno.Conn) {}

  async exact(n: number): Promise<Uint8Array | undefined> {
    while (this.#buf.length - this.#start < n) {
      const chunk = new Uint8Array(Math.max(65536, n));
      let got: number | null;
      try {
        got = await this.conn.read(chunk);
      } catch {
        return undefined;
      }
      if (got === null) return undefined;
      const rest = this.#buf.subarray(this.#start);
      const next = new Uint8Array(rest.length + got);
      next.set(rest);
      next.set(chunk.subarray(0, got), rest.length);
      this.#buf = next;
      this.#start = 0;
    }
    const out = this.#buf.slice(this.#start, this.#start + n);
    this.#start += n;
    return out;
  }
}

function greeting(): Uint8Array {
  const g = new Uint8Array(64);
  g[0] = 0xff;
  g[9] = 0x7f;
  g[10] = 3; // version 3.0
  g[11] = 0;
  g.set(encoder.encode("NULL"), 12); // mechanism, zero-padded to 20 bytes
  g[32] = 0; // as-server: no
  return g;
}

function frame(body: Uint8Array, flags: number): Uint8Array {
  const long = body.length > 255;
  const head = long ? 9 : 2;
  const out = new Uint8Array(head + body.length);
  out[0] = flags | (long ? LONG : 0);
  if (long) new DataView(out.buffer).setBigUint64(1, BigInt(body.length));
  else out[1] = body.length;
  out.set(body, head);
  return out;
}

function readyCommand(type: ZmtpSocketType, identity: Uint8Array): Uint8Array {
  const props: [string, Uint8Array][] = [["Socket-Type", encoder.encode(type)]];
  if (type === "DEALER") props.push(["Identity", identity]);
  const parts: number[] = [5, ...encoder.encode("READY")];
  for (const [name, value] of props) {
    parts.push(name.length, ...encoder.encode(name));
    parts.push(
      (value.length >>> 24) & 255,
      (value.length >>> 16) & 255,
      (value.length >>> 8) & 255,
      value.length & 255,
    );
    parts.push(...value);
  }
  return frame(new Uint8Array(parts), COMMAND);
}

async function readFrame(
  r: Reader,
): Promise<{ flags: number; body: Uint8Array } | undefined> {
  const head = await r.exact(1);
  if (!head) return undefined;
  const flags = head[0];
  let size: number;
  if (flags & LONG) {
    const s = await r.exact(8);
    if (!s) return undefined;
    size = Number(new DataView(s.buffer, s.byteOffset, 8).getBigUint64(0));
  } else {
    const s = await r.exact(1);
    if (!s) return undefined;
    size = s[0];
  }
  const body = await r.exact(size);
  if (!body) return undefined;
  return { flags, body };
}

/**
 * Connects to `host:port` and performs the ZMTP 3.0 greeting and NULL handshake. A SUB socket
 * subscribes to every topic right away.
 */
export async function connectZmtp(
  host: string,
  port: number,
  type: ZmtpSocketType,
): Promise<ZmtpSocket> {
  const conn = await Deno.connect({ hostname: host, port, transport: "tcp" });
  conn.setNoDelay(true);
  const reader = new Reader(conn);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    try {
      conn.close();
    } catch {
      // already closed by the peer
    }
  };
  const write = async (bytes: Uint8Array) => {
    let off = 0;
    while (off < bytes.length) off += await conn.write(bytes.subarray(off));
  };
  try {
    await write(greeting());
    const peer = await reader.exact(64);
    if (!peer || peer[0] !== 0xff || peer[9] !== 0x7f) {
      throw new Error(`ZMTP: no valid greeting from ${host}:${port}`);
    }
    if (peer[10] < 3) throw new Error(`ZMTP: peer at ${host}:${port} speaks ZMTP ${peer[10]}`);
    const mechanism = decoder.decode(peer.subarray(12, 32)).replace(/\0+$/, "");
    if (mechanism !== "NULL") throw new Error(`ZMTP: peer wants mechanism ${mechanism}`);
    await write(readyCommand(type, crypto.getRandomValues(new Uint8Array(8))));
    const ready = await readFrame(reader);
    if (!ready || !(ready.flags & COMMAND)) {
      throw new Error(`ZMTP: no READY from ${host}:${port}`);
    }
    const name = decoder.decode(ready.body.subarray(1, 1 + ready.body[0]));
    if (name !== "READY") {
      throw new Error(`ZMTP: handshake refused by ${host}:${port} (${name})`);
    }
    // ZMTP 3.0 subscriptions are messages whose first byte is 1, followed by the topic prefix.
    if (type === "SUB") await write(frame(new Uint8Array([1]), 0));
  } catch (e) {
    close();
    throw e;
  }

  let sending = Promise.resolve();
  return {
    send(frames) {
      const bytes = frames.map((f, i) => frame(f, i < frames.length - 1 ? MORE : 0));
      const total = bytes.reduce((s, b) => s + b.length, 0);
      const all = new Uint8Array(total);
      let off = 0;
      for (const b of bytes) all.set(b, off), off += b.length;
      // Serialise writes so that multipart messages never interleave.
      const next = sending.then(() => write(all));
      sending = next.catch(() => {});
      return next;
    },
    async receive() {
      const parts: Uint8Array[] = [];
      for (;;) {
        const f = await readFrame(reader);
        if (!f) return undefined;
        if (f.flags & COMMAND) continue; // e.g. PING/PONG: nothing to do for a short session
        parts.push(f.body);
        if (!(f.flags & MORE)) return parts;
      }
    },
    close,
  };
}
