// Private: the Jupyter messaging wire format (protocol 5.3) with HMAC-SHA256 signatures.
// https://jupyter-client.readthedocs.io/en/stable/messaging.html#the-wire-protocol

const DELIMITER = "<IDS|MSG>";
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A message header. */
export interface MessageHeader {
  /** Unique id of this message (a UUID); replies name it in their `parent_header`. */
  msg_id: string;
  /** Id of the client session that sent it (a UUID, constant per client). */
  session: string;
  /** User name of the sender. */
  username: string;
  /** Creation time, ISO 8601 with time zone. */
  date: string;
  /** Message type, e.g. `"execute_request"`, `"stream"`, `"status"`. */
  msg_type: string;
  /** Protocol version, e.g. `"5.3"`. */
  version: string;
}

/** A decoded Jupyter message. */
export interface JupyterMessage {
  /** This message's header. */
  header: MessageHeader;
  /** Header of the request this message answers; `{}` when it answers none. */
  parent_header: Partial<MessageHeader>;
  /** Free-form metadata; usually `{}`. */
  metadata: Record<string, unknown>;
  /** Message body; its shape depends on `header.msg_type`. */
  content: Record<string, unknown>;
}

/** Signs and verifies messages with one connection key. */
export interface Signer {
  /** Lowercase hex HMAC of the concatenated parts (`""` when signing is disabled). */
  sign(parts: readonly Uint8Array[]): Promise<string>;
}

/**
 * An HMAC-SHA256 signer; an empty key disables signing (the protocol's convention).
 *
 * @param key The connection file's `key`.
 * @returns A signer over the message parts (header, parent header, metadata, content).
 * @example
 * ```ts
 * import { createSigner } from "@shoplab/lib/report/kernel/_wire.ts";
 * import assert from "node:assert/strict";
 * // RFC-style check value: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog").
 * const signer = await createSigner("key");
 * const e = new TextEncoder();
 * assert.equal(
 *   await signer.sign([e.encode("The quick brown "), e.encode("fox jumps over the lazy dog")]),
 *   "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
 * );
 * assert.equal(await (await createSigner("")).sign([e.encode("x")]), "");
 * ```
 */
export async function createSigner(key: string): Promise<Signer> {
  if (key === "") return { sign: () => Promise.resolve("") };
  const k = await crypto.subtle.importKey(
    "raw",
    encoder.encode(key),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return {
    async sign(parts) {
      const total = parts.reduce((s, p) => s + p.length, 0);
      const all = new Uint8Array(total);
      let off = 0;
      for (const p of parts) all.set(p, off), off += p.length;
      const mac = new Uint8Array(await crypto.subtle.sign("HMAC", k, all));
      return Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("");
    },
  };
}

/**
 * Frames of a message ready to send (no routing identities: we are a DEALER):
 * `<IDS|MSG>`, the signature, then header, parent header, metadata and content as JSON.
 *
 * @param msg The message.
 * @param signer Signs the four JSON parts.
 * @returns Six frames.
 * @example
 * ```ts
 * import { createSigner, encodeMessage } from "@shoplab/lib/report/kernel/_wire.ts";
 * import assert from "node:assert/strict";
 * const header = {
 *   msg_id: "m1", session: "s1", username: "u", date: "2025-01-01T00:00:00Z",
 *   msg_type: "kernel_info_request", version: "5.3",
 * };
 * const frames = await encodeMessage(
 *   { header, parent_header: {}, metadata: {}, content: {} },
 *   await createSigner("secret"),
 * );
 * const d = new TextDecoder();
 * assert.equal(frames.length, 6);
 * assert.equal(d.decode(frames[0]), "<IDS|MSG>");
 * assert.match(d.decode(frames[1]), /^[0-9a-f]{64}$/);
 * assert.equal(JSON.parse(d.decode(frames[2])).msg_type, "kernel_info_request");
 * ```
 */
export async function encodeMessage(msg: JupyterMessage, signer: Signer): Promise<Uint8Array[]> {
  const parts = [msg.header, msg.parent_header, msg.metadata, msg.content].map((p) =>
    encoder.encode(JSON.stringify(p))
  );
  const sig = await signer.sign(parts);
  return [encoder.encode(DELIMITER), encoder.encode(sig), ...parts];
}

/**
 * Decodes a received multipart message (routing identities / topic before the delimiter are
 * skipped). Returns `undefined` for malformed messages or a wrong signature.
 *
 * @param frames The frames as received.
 * @param signer Checks the signature frame.
 * @returns The message, or `undefined`.
 * @example
 * ```ts
 * import { createSigner, decodeMessage, encodeMessage } from "@shoplab/lib/report/kernel/_wire.ts";
 * import assert from "node:assert/strict";
 * const header = {
 *   msg_id: "m1", session: "s1", username: "u", date: "2025-01-01T00:00:00Z",
 *   msg_type: "status", version: "5.3",
 * };
 * const msg = { header, parent_header: {}, metadata: {}, content: { execution_state: "idle" } };
 * const signer = await createSigner("secret");
 * const topic = new TextEncoder().encode("kernel.status");
 * const frames = [topic, ...await encodeMessage(msg, signer)];
 * assert.deepEqual(await decodeMessage(frames, signer), msg);
 * assert.equal(await decodeMessage(frames, await createSigner("other")), undefined);
 * assert.equal(await decodeMessage(frames.slice(0, 3), signer), undefined);
 * ```
 */
export async function decodeMessage(
  frames: readonly Uint8Array[],
  signer: Signer,
): Promise<JupyterMessage | undefined> {
  const at = frames.findIndex((f) =>
    f.length === DELIMITER.length && decoder.decode(f) === DELIMITER
  );
  if (at === -1 || frames.length < at + 6) return undefined;
  const parts = frames.slice(at + 2, at + 6);
  const expected = await signer.sign(parts);
  if (expected !== decoder.decode(frames[at + 1])) return undefined;
  try {
    const [header, parent_header, metadata, content] = parts.map((p) =>
      JSON.parse(decoder.decode(p))
    );
    return { header, parent_header: parent_header ?? {}, metadata: metadata ?? {}, content };
  } catch {
    return undefined;
  }
}
