/**
 * A Jupyter kernel client without Python and without the zeromq addon: starts
 * `deno jupyter --kernel --conn <file>` and speaks the Jupyter messaging protocol (v5.3,
 * HMAC-SHA256 signatures via WebCrypto) over ZMTP 3.0 on `Deno.connect` — DEALER sockets for
 * shell and control, a SUB socket for IOPub subscribed to every topic.
 *
 * Like every runner, this module deals with wall time (start-up deadline, message header dates).
 *
 * @module
 */
import { join } from "node:path";
import { PROJECT_ROOT } from "../../core/paths.ts";
import { AsyncQueue, TIMED_OUT, within } from "./_queue.ts";
import {
  createSigner,
  decodeMessage,
  encodeMessage,
  type JupyterMessage,
  type MessageHeader,
} from "./_wire.ts";
import { connectZmtp, type ZmtpSocket } from "./_zmtp.ts";

export type { JupyterMessage, MessageHeader } from "./_wire.ts";

/** Options of {@linkcode startKernel}. */
export interface StartKernelOptions {
  /** Working directory of the kernel. Default `notebooks/` of the project. */
  readonly cwd?: string;
  /** The `deno` executable. Default `Deno.execPath()` (the running Deno). */
  readonly deno?: string;
  /** Extra environment variables of the kernel (`NO_COLOR=1` is always set). Default none. */
  readonly env?: Readonly<Record<string, string>>;
  /** Give up when the kernel has not answered `kernel_info` with IOPub live. Default 60,000 ms. */
  readonly startTimeoutMs?: number;
  /** Folder for the connection file. Default: a new temporary folder, removed on shutdown. */
  readonly connectionDir?: string;
  /**
   * Make the kernel exit on its own when this process dies (even by SIGKILL): a silent first
   * request opens a TCP connection back to us and exits the kernel when it closes. Default `true`.
   */
  readonly watchdog?: boolean;
}

/** Options of {@linkcode KernelClient.execute}. */
export interface ExecuteRequestOptions {
  /** Silent request: no `execute_input`, no result, no history, no execution count. Default `false`. */
  readonly silent?: boolean;
  /** Default: `!silent`. */
  readonly storeHistory?: boolean;
}

/** A running kernel. */
export interface KernelClient {
  /** Process id of the kernel. */
  readonly pid: number;
  /** Content of the kernel's `kernel_info_reply`. */
  readonly info: Readonly<Record<string, unknown>>;
  /** Resolves when the kernel process has exited. */
  readonly exited: Promise<Deno.CommandStatus>;
  /** Whether the kernel process is still running. */
  readonly alive: boolean;
  /** The last lines the kernel wrote to its stderr/stdout (for error messages). */
  log(): string;
  /**
   * Sends an `execute_request` on the shell channel; `msgId` at once, `reply` with the
   * `execute_reply` content (rejects if the kernel dies first).
   */
  execute(
    code: string,
    options?: ExecuteRequestOptions,
  ): { msgId: string; reply: Promise<Record<string, unknown>> };
  /** The next IOPub message (any parent), `undefined` once closed, `TIMED_OUT` after `waitMs`. */
  nextIopub(waitMs?: number): Promise<JupyterMessage | undefined | typeof TIMED_OUT>;
  /** Sends `interrupt_request` on the control channel; resolves `true` if the kernel replied. */
  interrupt(waitMs?: number): Promise<boolean>;
  /** `shutdown_request`, then SIGKILL if the process is still there after `waitMs` (default 2,000). */
  shutdown(waitMs?: number): Promise<void>;
  /** Kills the kernel at once (SIGKILL), synchronously — for signal handlers. */
  kill(): void;
}

export { TIMED_OUT };

async function freePorts(n: number): Promise<number[]> {
  const listeners = Array.from(
    { length: n },
    () => Deno.listen({ hostname: "127.0.0.1", port: 0, transport: "tcp" }),
  );
  const ports = listeners.map((l) => (l.addr as Deno.NetAddr).port);
  for (const l of listeners) l.close();
  return await Promise.resolve(ports);
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function drain(stream: ReadableStream<Uint8Array>, keep: (s: string) => void) {
  const dec = new TextDecoder();
  try {
    for await (const chunk of stream) keep(dec.decode(chunk, { stream: true }));
  } catch {
    // the process went away
  }
}

/**
 * Starts a Deno Jupyter kernel and connects to it: writes a connection file with free ports and
 * a random key, spawns `deno jupyter --kernel --conn <file>` (cwd `notebooks/`, `NO_COLOR=1`),
 * connects shell, control and IOPub, and repeats `kernel_info_request` until its reply has
 * arrived and IOPub is live (a status message seen), so no output is lost to a late subscription.
 *
 * @param options See {@linkcode StartKernelOptions}.
 * @returns The connected client. Always call `shutdown()` (in a `finally`).
 * @throws {Error} When the kernel exits or does not answer within `startTimeoutMs`.
 * @example
 * ```ts
 * import { startKernel } from "@shoplab/lib/report/kernel/start_kernel.ts";
 * import assert from "node:assert/strict";
 * const kernel = await startKernel();
 * try {
 *   const { reply } = kernel.execute("1 + 1");
 *   assert.equal((await reply).status, "ok");
 * } finally {
 *   await kernel.shutdown();
 * }
 * assert.equal(kernel.alive, false);
 * ```
 */
export async function startKernel(options: StartKernelOptions = {}): Promise<KernelClient> {
  let last: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(options);
    } catch (e) {
      last = e;
      if (!(e instanceof PortError)) throw e;
    }
  }
  throw last;
}

class PortError extends Error {}

async function startOnce(options: StartKernelOptions): Promise<KernelClient> {
  const deadline = performance.now() + (options.startTimeoutMs ?? 60_000);
  const ownDir = options.connectionDir === undefined;
  const dir = options.connectionDir ?? await Deno.makeTempDir({ prefix: "shoplab-kernel-" });
  const [shellPort, iopubPort, stdinPort, controlPort, hbPort] = await freePorts(5);
  const key = crypto.randomUUID();
  const connFile = join(dir, `kernel-${crypto.randomUUID()}.json`);
  await Deno.writeTextFile(
    connFile,
    JSON.stringify({
      ip: "127.0.0.1",
      transport: "tcp",
      shell_port: shellPort,
      iopub_port: iopubPort,
      stdin_port: stdinPort,
      control_port: controlPort,
      hb_port: hbPort,
      key,
      signature_scheme: "hmac-sha256",
      kernel_name: "deno",
    }),
    { mode: 0o600 }, // it holds the signing key
  );
  const child = new Deno.Command(options.deno ?? Deno.execPath(), {
    args: ["jupyter", "--kernel", "--conn", connFile],
    cwd: options.cwd ?? join(PROJECT_ROOT, "notebooks"),
    env: { ...options.env, NO_COLOR: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let tail = "";
  const keep = (s: string) => {
    tail = (tail + s).slice(-8000);
  };
  const drained = Promise.all([drain(child.stdout, keep), drain(child.stderr, keep)]);
  let alive = true;
  const exited = child.status.then(async (s) => {
    alive = false;
    await drained;
    return s;
  });
  const sockets: ZmtpSocket[] = [];
  const iopub = new AsyncQueue<JupyterMessage>();
  const pending = new Map<
    string,
    { resolve: (c: Record<string, unknown>) => void; reject: (e: Error) => void }
  >();
  let watchdog: Deno.TcpListener | undefined;
  let watchdogConn: Deno.Conn | undefined;
  const cleanup = async () => {
    for (const s of sockets) s.close();
    iopub.close();
    try {
      watchdogConn?.close();
    } catch { /* closed */ }
    try {
      watchdog?.close();
    } catch { /* closed */ }
    await Deno.remove(ownDir ? dir : connFile, { recursive: true }).catch(() => {});
  };
  const kill = () => {
    if (!alive) return;
    try {
      child.kill("SIGKILL");
    } catch {
      // already gone
    }
  };
  try {
    const signer = await createSigner(key);
    const session = crypto.randomUUID();
    const header = (msg_type: string): MessageHeader => ({
      msg_id: crypto.randomUUID(),
      session,
      username: "shoplab",
      date: new Date().toISOString(),
      msg_type,
      version: "5.3",
    });
    const connect = async (port: number, type: "DEALER" | "SUB") => {
      for (;;) {
        if (!alive) {
          await exited;
          const msg = `The Deno kernel exited during start-up: ${tail.trim().slice(-1000)}`;
          throw /address|in use|bind/i.test(tail) ? new PortError(msg) : new Error(msg);
        }
        if (performance.now() > deadline) throw new Error("The Deno kernel did not start in time");
        try {
          const s = await connectZmtp("127.0.0.1", port, type);
          sockets.push(s);
          return s;
        } catch {
          await delay(25);
        }
      }
    };
    const shell = await connect(shellPort, "DEALER");
    const control = await connect(controlPort, "DEALER");
    const sub = await connect(iopubPort, "SUB");
    const failPending = (why: string) => {
      for (const p of pending.values()) p.reject(new Error(why));
      pending.clear();
    };
    const readReplies = async (s: ZmtpSocket) => {
      for (;;) {
        const frames = await s.receive();
        if (!frames) break;
        const msg = await decodeMessage(frames, signer);
        const id = msg?.parent_header.msg_id;
        if (msg && id && pending.has(id)) {
          pending.get(id)!.resolve(msg.content);
          pending.delete(id);
        }
      }
    };
    readReplies(shell).catch(() => {});
    readReplies(control).catch(() => {});
    (async () => {
      for (;;) {
        const frames = await sub.receive();
        if (!frames) break;
        const msg = await decodeMessage(frames, signer);
        if (msg) iopub.push(msg);
      }
      iopub.close();
    })().catch(() => iopub.close());
    exited.then(() => {
      failPending(`The Deno kernel exited: ${tail.trim().slice(-500)}`);
      iopub.close();
    });

    const request = (
      socket: ZmtpSocket,
      msg_type: string,
      content: Record<string, unknown>,
    ): { msgId: string; reply: Promise<Record<string, unknown>> } => {
      const h = header(msg_type);
      const reply = new Promise<Record<string, unknown>>((resolve, reject) => {
        if (!alive) return reject(new Error("The Deno kernel is not running"));
        pending.set(h.msg_id, { resolve, reject });
      });
      encodeMessage({ header: h, parent_header: {}, metadata: {}, content }, signer)
        .then((frames) => socket.send(frames))
        .catch((e) => {
          const p = pending.get(h.msg_id);
          pending.delete(h.msg_id);
          p?.reject(e instanceof Error ? e : new Error(String(e)));
        });
      reply.catch(() => {});
      return { msgId: h.msg_id, reply };
    };

    // Handshake: kernel_info until the reply came and IOPub has delivered a status message.
    let info: Record<string, unknown> | undefined;
    let live = false;
    while (!(info && live)) {
      if (performance.now() > deadline) {
        throw new Error("The Deno kernel did not answer kernel_info in time");
      }
      const { reply } = request(shell, "kernel_info_request", {});
      reply.then((c) => (info = c)).catch(() => {});
      const until = performance.now() + 250;
      while (!live && performance.now() < until) {
        const m = await iopub.next(until - performance.now());
        if (m === undefined) {
          await exited;
          throw new Error(`The Deno kernel exited during start-up: ${tail.trim().slice(-1000)}`);
        }
        if (m !== TIMED_OUT && m.header.msg_type === "status") live = true;
      }
      if (live && !info) await within(reply.catch(() => {}), 2000);
    }
    // Drain the handshake's own status messages so the first cell starts from a quiet queue.
    while ((await iopub.next(50)) !== TIMED_OUT);

    const execute = (code: string, opts: ExecuteRequestOptions = {}) =>
      request(shell, "execute_request", {
        code,
        silent: opts.silent ?? false,
        store_history: opts.storeHistory ?? !opts.silent,
        user_expressions: {},
        allow_stdin: false,
        stop_on_error: false,
      });

    if (options.watchdog ?? true) {
      watchdog = Deno.listen({ hostname: "127.0.0.1", port: 0 });
      const port = (watchdog.addr as Deno.NetAddr).port;
      const accepted = watchdog.accept();
      const { reply } = execute(
        `(() => { Deno.connect({ hostname: "127.0.0.1", port: ${port} }).then(async (c) => {` +
          ` const b = new Uint8Array(16); try { while ((await c.read(b)) !== null); } catch { }` +
          ` Deno.exit(0); }).catch(() => {}); })(); void 0;`,
        { silent: true },
      );
      const conn = await within(accepted, 10_000);
      if (conn === TIMED_OUT) throw new Error("The Deno kernel did not connect its watchdog");
      watchdogConn = conn;
      await reply;
      while ((await iopub.next(50)) !== TIMED_OUT);
    }

    const client: KernelClient = {
      pid: child.pid,
      info: info!,
      exited,
      get alive() {
        return alive;
      },
      log: () => tail,
      execute,
      nextIopub: (waitMs) => iopub.next(waitMs),
      async interrupt(waitMs = 2000) {
        if (!alive) return false;
        const { reply } = request(control, "interrupt_request", {});
        return (await within(reply.then(() => true, () => false), waitMs)) === true;
      },
      async shutdown(waitMs = 2000) {
        if (alive) {
          const { reply } = request(control, "shutdown_request", { restart: false });
          await within(Promise.race([reply.catch(() => {}), exited]), waitMs);
          await within(exited, waitMs);
        }
        kill();
        await exited;
        await cleanup();
      },
      kill,
    };
    return client;
  } catch (e) {
    kill();
    await exited;
    await cleanup();
    throw e;
  }
}
