/**
 * Types shared by every reader: the loaded shop and the cleaning summary.
 *
 * @module
 */
import type pl from "nodejs-polars";

/** Source formats shoplab can read. */
export type DataFormat =
  /** The synthetic shop written by `deno task data` (a folder of CSV files). */
  | "synthetic"
  /** UCI Online Retail (`online_retail.csv`). */
  | "online-retail"
  /** CDNOW master file (`CDNOW_master.txt`). */
  | "cdnow"
  /** CDNOW 1/10 sample (`CDNOW_sample.txt`). */
  | "cdnow-sample"
  /** Any CSV or Parquet of transactions, with a column mapping. */
  | "transactions"
  /** Any CSV or Parquet of behaviour events, with a column mapping. */
  | "events";

/** One cleaning decision a reader applied, and how many rows it touched. */
export interface CleaningStep {
  /** Short name, e.g. `"drop-cancellations"`. */
  readonly step: string;
  /** Rows dropped or changed by this step. */
  readonly rows: number;
  /** Whether rows were dropped or values changed. */
  readonly action: "dropped" | "changed" | "flagged";
  /** Why, in one sentence a user understands. */
  readonly reason: string;
}

/** What a reader did to one file on the way to the canonical table. */
export interface CleaningSummary {
  /** File read. */
  readonly file: string;
  /** Canonical table produced. */
  readonly table: string;
  /** Data rows in the file. */
  readonly rowsRead: number;
  /** Rows in the canonical table. */
  readonly rowsKept: number;
  /** Steps, in the order applied. */
  readonly steps: readonly CleaningStep[];
}

/**
 * The canonical tables of a shop and where they came from, as eager (`pl.DataFrame`) or lazy
 * (`pl.LazyDataFrame`) frames: the part {@linkcode ShopData} and {@linkcode LazyShopData} share.
 */
export interface ShopTables<Frame> {
  /** Source description. */
  readonly source: { readonly format: DataFormat; readonly path: string };
  /** Order lines. Always present. */
  readonly transactions: Frame;
  /** Behaviour events, when the source has them. */
  readonly events?: Frame;
  /** Customer attributes, when the source has them. */
  readonly customers?: Frame;
  /** Item attributes, when the source has them. */
  readonly items?: Frame;
  /** Marketing spend per channel and month, when the source has it. */
  readonly channelSpend?: Frame;
}

/** A loaded shop: canonical tables (polars DataFrames) plus where they came from. */
export interface ShopData extends ShopTables<pl.DataFrame> {
  /** What each reader did to each file. */
  readonly cleaning: readonly CleaningSummary[];
}

/**
 * A shop scanned lazily (`scanShop`, `scanSynthetic`): the same canonical tables as
 * {@linkcode ShopData}, validated, but as polars LazyFrames that read their files only when
 * collected. `customerFeatures` accepts it as it is.
 */
export interface LazyShopData extends ShopTables<pl.LazyDataFrame> {
  /** What each reader did to each file (counted by streaming queries). */
  readonly cleaning: readonly CleaningSummary[];
}
