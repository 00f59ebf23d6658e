/**
 * The malformed inputs shared by the eager reader tests (`malformed_test.ts`) and the lazy ones
 * (`scan_test.ts`): each case writes its own file and names the error it must give.
 */
import {
  loadShop,
  readCdnow,
  readOnlineRetail,
  readSynthetic,
  readTableFile,
  scanShop,
  scanSynthetic,
  scanTableFile,
} from "@shoplab/lib/data/mod.ts";

/** The readers a case calls: the eager ones or their lazy twins. */
export interface Readers {
  readonly table: typeof readTableFile | typeof scanTableFile;
  readonly shop: typeof loadShop | typeof scanShop;
  readonly synthetic: typeof readSynthetic | typeof scanSynthetic;
}

/** The eager readers. */
export const EAGER: Readers = { table: readTableFile, shop: loadShop, synthetic: readSynthetic };
/** The lazy readers. */
export const LAZY: Readers = { table: scanTableFile, shop: scanShop, synthetic: scanSynthetic };

const TX_HEADER = "customer_id,order_id,timestamp,item_id,quantity,unit_price";
const OK_ROW = "C1,O1,2025-01-02 10:00:00,I1,2,3.50";

/** One malformed input and the error every reader (eager or lazy) must give. */
export interface Case {
  readonly name: string;
  /** File contents (string or bytes); `null` = do not create; `"dir"` = create a folder. */
  readonly content: string | Uint8Array | null | "dir";
  /** Reads `path` with the given readers (eager or lazy twins). */
  readonly read: (path: string, r: Readers) => unknown;
  /** Whether the lazy readers have their own code path for this case. Default true. */
  readonly lazy?: boolean;
  readonly column?: string;
  readonly row?: number;
  readonly value?: string;
  readonly message: RegExp;
}

const tx = (p: string, r: Readers) => r.table(p, "transactions");

export const CASES: Case[] = [
  { name: "missing file", content: null, read: tx, message: /does not exist/ },
  { name: "folder instead of file", content: "dir", read: tx, message: /is a folder/ },
  { name: "empty file", content: "", read: tx, message: /is empty/ },
  { name: "header only", content: TX_HEADER + "\n", read: tx, message: /header but no data rows/ },
  {
    name: "binary file",
    content: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1, 2, 0, 9]),
    read: tx,
    message: /binary/,
  },
  {
    name: "invalid UTF-8",
    content: new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xfe, 0x2c, 0x31, 0x0a]),
    read: tx,
    message: /not UTF-8/,
  },
  {
    name: "semicolon file read as comma",
    content: TX_HEADER.replaceAll(",", ";") + "\n" + OK_ROW.replaceAll(",", ";") + "\n",
    read: (p, r) => r.table(p, "transactions", { delimiter: "," }),
    row: 0,
    message: /semicolon as delimiter/,
  },
  {
    name: "misnamed column",
    content: TX_HEADER.replace("customer_id", "custmer_id") + "\n" + OK_ROW + "\n",
    read: tx,
    column: "customer_id",
    row: 0,
    message: /column "customer_id" is missing \(did you mean "custmer_id"\?\)/,
  },
  {
    name: "missing column",
    content: "customer_id,order_id,timestamp,item_id,quantity\nC1,O1,2025-01-02,I1,1\n",
    read: tx,
    column: "unit_price",
    message: /column "unit_price" is missing; found columns/,
  },
  {
    name: "unparsable date",
    content: `${TX_HEADER}\n${OK_ROW}\n${OK_ROW}\nC2,O2,31/02/2011,I1,1,2\n`,
    read: tx,
    column: "timestamp",
    row: 3,
    value: "31/02/2011",
    message:
      /column "timestamp" has "31\/02\/2011" at row 3, expected a date like 2011-02-28 14:05:00/,
  },
  {
    name: "impossible date",
    content: `${TX_HEADER}\n${OK_ROW}\nC2,O2,2025-02-30 10:00:00,I1,1,2\n`,
    read: tx,
    column: "timestamp",
    row: 2,
    value: "2025-02-30 10:00:00",
    message: /at row 2/,
  },
  {
    name: "date with trailing text",
    content: `${TX_HEADER}\n${OK_ROW}\nC2,O2,2025-01-02 10:00:00junk,I1,1,2\n`,
    read: tx,
    column: "timestamp",
    row: 2,
    value: "2025-01-02 10:00:00junk",
    message: /has "2025-01-02 10:00:00junk" at row 2, expected a date like/,
  },
  {
    name: "non-numeric quantity",
    content: `${TX_HEADER}\n${OK_ROW}\n${OK_ROW}\n${OK_ROW}\nC2,O2,2025-01-03 10:00:00,I1,two,2\n`,
    read: tx,
    column: "quantity",
    row: 4,
    value: "two",
    message: /column "quantity" has "two" at row 4, expected a number/,
  },
  {
    name: "comma decimal price",
    content: TX_HEADER.replaceAll(",", ";") + "\nC1;O1;2025-01-02 10:00:00;I1;1;3,50\n",
    read: tx,
    column: "unit_price",
    row: 1,
    value: "3,50",
    message: /"unit_price" has "3,50" at row 1/,
  },
  {
    name: "infinite price",
    content: `${TX_HEADER}\n${OK_ROW}\nC2,O2,2025-01-03 10:00:00,I1,1,inf\n`,
    read: tx,
    column: "unit_price",
    row: 2,
    message: /expected a finite number/,
  },
  {
    name: "empty required value",
    content: `${TX_HEADER}\n${OK_ROW}\n,O2,2025-01-03 10:00:00,I1,1,2\n`,
    read: tx,
    column: "customer_id",
    row: 2,
    message: /column "customer_id" is empty at row 2, a value is required/,
  },
  {
    name: "ragged row",
    content: `${TX_HEADER}\n${OK_ROW}\n${OK_ROW}\nC2,O2,2025-01-03 10:00:00,I1,1,2,extra\n`,
    read: tx,
    row: 3,
    message: /row 3 has 7 fields, the header has 6/,
  },
  {
    name: "short row",
    content: `${TX_HEADER}\n${OK_ROW}\nC2,O2,2025-01-03 10:00:00,I1\n${OK_ROW}\n`,
    read: tx,
    row: 2,
    message: /row 2 has 4 fields, the header has 6/,
  },
  {
    name: "empty required number",
    content: `${TX_HEADER}\n${OK_ROW}\nC2,O2,2025-01-03 10:00:00,I1,,2\n`,
    read: tx,
    column: "quantity",
    row: 2,
    value: "",
    message: /column "quantity" is empty at row 2, a value is required/,
  },
  {
    name: "unknown event type",
    content:
      "customer_id,item_id,event_type,timestamp\nC1,I1,view,2025-01-01 10:00:00\nC1,I1,click,2025-01-01 10:01:00\n",
    read: (p, r) => r.table(p, "events"),
    column: "event_type",
    row: 2,
    value: "click",
    message: /"event_type" has "click" at row 2, expected one of view, cart, purchase/,
  },
  {
    name: "duplicate customer id",
    content: "customer_id,signup_date\nC1,2025-01-01\nC2,2025-01-02\nC1,2025-01-03\n",
    read: (p, r) => r.table(p, "customers"),
    column: "customer_id",
    row: 3,
    value: "C1",
    message: /duplicate id "C1" at rows 1 and 3/,
  },
  {
    name: "two repeated customer ids",
    content:
      "customer_id,signup_date\nC1,2025-01-01\nC2,2025-01-02\nC1,2025-01-03\nC2,2025-01-04\n",
    read: (p, r) => r.table(p, "customers"),
    column: "customer_id",
    row: 3,
    value: "C1",
    message: /duplicate id "C1" at rows 1 and 3; ids must be unique/,
  },
  {
    name: "duplicate item id",
    content: "item_id,title\nI1,a\nI1,b\n",
    read: (p, r) => r.table(p, "items"),
    column: "item_id",
    row: 2,
    value: "I1",
    message: /duplicate id "I1"/,
  },
  {
    name: "mapping to a column the file lacks",
    content: `${TX_HEADER}\n${OK_ROW}\n`,
    read: (p, r) => r.table(p, "transactions", { columns: { customer_id: "Customer" } }),
    column: "Customer",
    message: /column "Customer" is missing/,
  },
  {
    name: "unknown format",
    content: `${TX_HEADER}\n${OK_ROW}\n`,
    read: (p, r) => r.shop({ path: p, format: "xlsx" }),
    value: "xlsx",
    message: /unknown data format "xlsx"; expected one of synthetic, online-retail/,
  },
  {
    name: "synthetic folder missing",
    content: null,
    read: (p, r) => r.synthetic(p),
    message: /deno task data/,
  },
  {
    name: "synthetic path is a file",
    content: `${TX_HEADER}\n${OK_ROW}\n`,
    read: (p, r) => r.synthetic(p),
    message: /expected a folder/,
  },
  {
    name: "CDNOW row with a missing field",
    content: " 00001   0001 19970101  2  29.33\r\n 00002   0002 19970112  1\r\n",
    read: (p) => readCdnow(p, { variant: "sample" }),
    lazy: false,
    row: 2,
    message: /row 2 has 4 fields, expected 5/,
  },
  {
    name: "CDNOW impossible date",
    content:
      "customer_id date number_of_cds dollar_value\r\n 00001 19970101 1 9.99\r\n 00001 19970231 1 9.99\r\n",
    read: (p) => readCdnow(p),
    lazy: false,
    column: "date",
    row: 2,
    value: "19970231",
    message: /"date" has "19970231" at row 2, expected YYYYMMDD/,
  },
  {
    name: "Online Retail without CustomerID",
    content: "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,Customer,Country\n" +
      "536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n",
    read: (p) => readOnlineRetail(p),
    lazy: false,
    column: "CustomerID",
    message: /column "CustomerID" is missing \(did you mean "Customer"\?\)/,
  },
];

/** Writes a case's input at `path` (nothing, a folder, text or bytes). */
export async function writeCase(c: Case, path: string): Promise<void> {
  if (c.content === "dir") await Deno.mkdir(path);
  else if (typeof c.content === "string") await Deno.writeTextFile(path, c.content);
  else if (c.content instanceof Uint8Array) await Deno.writeFile(path, c.content);
}
