/**
 * Notebook display helpers: charts, tables, notes, the metrics record.
 *
 * @module
 */
export * from "./display.ts";
