/**
 * Types shared by every recommender: the sparse interaction matrix, the recommender interface
 * and its output.
 *
 * @module
 */

/** A sparse matrix in compressed sparse row form (float32 values). */
export interface CsrMatrix {
  /** Number of rows. */
  readonly nRows: number;
  /** Number of columns. */
  readonly nCols: number;
  /** Row pointers, length `nRows + 1`: row `r` is `indptr[r] .. indptr[r+1]`. */
  readonly indptr: Int32Array;
  /** Column index of each stored value, ascending within a row. */
  readonly indices: Int32Array;
  /** Stored values. */
  readonly values: Float32Array;
}

/**
 * A users × items interaction matrix, stored twice: by user (CSR) and by item (CSC, i.e. the
 * CSR of the transpose). Never dense. Users and items are indexed `0 … n-1` in the order of
 * `userIds` / `itemIds` (sorted ids when built from tables).
 */
export interface Interactions {
  /** Number of users (rows). */
  readonly nUsers: number;
  /** Number of items (columns). */
  readonly nItems: number;
  /** Number of stored (user, item) pairs. */
  readonly nnz: number;
  /** User id of each row. */
  readonly userIds: readonly string[];
  /** Item id of each column. */
  readonly itemIds: readonly string[];
  /** Users × items, CSR. */
  readonly byUser: CsrMatrix;
  /** Items × users, CSR (the CSC of `byUser`). */
  readonly byItem: CsrMatrix;
  /**
   * Time of the last interaction of each pair, epoch ms, aligned with `byUser.values`
   * (present when built from timestamped tables).
   */
  readonly lastTimestamp?: Float64Array;
  /** Display label of each item (e.g. its title), when known. */
  readonly itemLabels?: readonly string[];
  /** Text describing each item (title, category, …) for content-based models, when known. */
  readonly itemText?: readonly string[];
}

/** A train/test split over one shared index space (same `userIds` and `itemIds`). */
export interface RecommendSplit {
  /** Interactions to fit on. */
  readonly train: Interactions;
  /** Held-out interactions. */
  readonly test: Interactions;
}

/** Why an item was recommended. */
export interface Explanation {
  /** One sentence for the customer, e.g. `Because you bought "WHITE METAL LANTERN"`. */
  readonly text: string;
  /** Items of the user's history that led to it (item-based and content models). */
  readonly items?: readonly number[];
  /** Similar users who led to it (user-based model). */
  readonly users?: readonly number[];
}

/** One recommended item. */
export interface RecommendedItem {
  /** Item index. */
  readonly item: number;
  /** Item id. */
  readonly itemId: string;
  /** Model score (higher is better; scales differ between models). */
  readonly score: number;
  /** Why, when the model can say and `explain` was requested. */
  readonly explanation?: Explanation;
}

/** The ranked list for one user. */
export interface UserRecommendations {
  /** User index. */
  readonly user: number;
  /** User id. */
  readonly userId: string;
  /** Items, best first. */
  readonly items: readonly RecommendedItem[];
}

/** Options of {@linkcode FittedRecommender.recommend}. */
export interface RecommendOptions {
  /** List length. Default `DEFAULT_K` (10). */
  readonly k?: number;
  /** `"seen"` drops items the user has in the training data; `"none"` keeps them. Default `"seen"`. */
  readonly exclude?: "seen" | "none";
  /** Attach explanations. Default `true`. */
  readonly explain?: boolean;
}

/** A recommender after `fit`: scores and ranks items for users of its training data. */
export interface FittedRecommender {
  /** Model name, used in evaluation tables. */
  readonly name: string;
  /** The interactions it was fitted on. */
  readonly train: Interactions;
  /**
   * Scores of every item for one user (a new array of length `nItems`, higher is better). Items
   * the model cannot score get `0`; unknown users get all zeros (or a fallback, per model).
   */
  scores(user: number): Float32Array;
  /** Explanation of one (user, item) pair, when the model has one. */
  explain?(user: number, item: number): Explanation | undefined;
  /**
   * Top-k items for each user (given by index or id). Ties are broken by lower item index.
   *
   * @throws {RangeError} When a user index is out of range or an id is unknown.
   */
  recommend(
    users: ArrayLike<number> | readonly string[],
    options?: RecommendOptions,
  ): UserRecommendations[];
}

/**
 * A recommender before fitting: a name and a `fit` that returns the fitted model (`F` is the
 * model's own fitted type, with its learned parameters).
 */
export interface Recommender<F extends FittedRecommender = FittedRecommender> {
  /** Model name. */
  readonly name: string;
  /** Fits on training interactions (async because some models train with tfjs). */
  fit(train: Interactions): Promise<F>;
}
