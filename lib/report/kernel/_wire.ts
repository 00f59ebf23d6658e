// Private: the Jupyter messaging wire format (protocol 5.3) with HMAC-SHA256 signatures.
// https://jupyter-client.readthedocs.io/en/stable/messaging.html#the-wire-protocol

const DELIMITER = "<IDS|MSG>";
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A message header. */
export interface MessageHeader {
  msg_id: string;
  session: string;
  username: string;
  date: string;
  msg_type: string;
  version: string;
}

/** A decoded Jupyter message. */
export interface JupyterMessage {
  header: MessageHeader;
  parent_header: Partial<MessageHeader>;
  metadata: Record<string, unknown>;
  content: Record<string, unknown>;
}

/** Signs and verifies messages with one connection key. */
export interface Signer {
  sign(parts: readonly Uint8Array[]): Promise<string>;
}

/** An HMAC-SHA256 signer; an empty key disables signing (the protocol's convention). */
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

/** Frames of a message ready to send (no routing identities: we are a DEALER). */
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
