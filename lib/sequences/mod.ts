/**
 * Per-customer behaviour sequences for sequence models (LSTM/GRU): buckets of counts ending at a
 * cut-off with padding masks, labels from the window after it, several cut-offs stacked without
 * leakage, scaling fitted on training steps, and the short/long/seasonal horizon presets.
 *
 * @module
 */
export * from "./build_sequences.ts";
export * from "./sequence_dataset.ts";
export * from "./sequence_scaler.ts";
export * from "./sequence_windows.ts";
