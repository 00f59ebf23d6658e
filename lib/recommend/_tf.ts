/** Private: the tfjs backend of lib/models, shared by the embedding model. */
export { ensureTfBackend as ensureTf, tf } from "../models/tf_backend.ts";
