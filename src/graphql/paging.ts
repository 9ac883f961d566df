/** Page sizes of connections (`first`), shared by the connection types and the query cost estimate. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
