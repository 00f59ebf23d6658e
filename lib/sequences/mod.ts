/**
 * Per-customer behaviour sequences for sequence models (LSTM/GRU): buckets of counts ending at a
 * cut-off with padding masks ({@linkcode buildSequences}), labels from the window after it and
 * several cut-offs stacked without leakage ({@linkcode sequenceDataset},
 * {@linkcode stackSequences}), scaling fitted on training steps ({@linkcode fitSequenceScaler},
 * {@linkcode scaleSequences}), and the short/long/seasonal horizon presets
 * ({@linkcode SEQUENCE_WINDOWS}, {@linkcode holidayCutoff}); for notebooks, one customer's sequence
 * as step × feature rows ({@linkcode sequenceSteps}) and the stacked cut-offs' history and label
 * windows as a table ({@linkcode cutoffSchedule}). `sequenceDataset`'s `population` asks buyers
 * (churn) or every registered customer (purchase).
 *
 * @module
 */
export * from "./build_sequences.ts";
export * from "./sequence_dataset.ts";
export * from "./stack_sequences.ts";
export * from "./fit_sequence_scaler.ts";
export * from "./scale_sequences.ts";
export * from "./sequence_windows.ts";
export * from "./holiday_cutoff.ts";
export * from "./sequence_steps.ts";
export * from "./cutoff_schedule.ts";
